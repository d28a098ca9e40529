// Fuzz target: the JSON Lines loader. The input is written as a .jsonl file
// and loaded through LoadPath (line splitting, UTF-8 checks, JSON parsing,
// field types, NFC). Every error must name the file; every loaded document
// is tokenized and segmented and its spans checked.
#include <cstddef>
#include <cstdint>
#include <string>

#include "document_invariants.h"
#include "fuzz_input_file.h"
#include "tiegraph/text/loader.h"
#include "tiegraph/text/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static tiegraph::fuzz::FuzzInputFile file(".jsonl");
  const std::string& path = file.Write(data, size);
  tiegraph::Status s = tiegraph::LoadPath(
      path, {},
      [](tiegraph::Document&& doc) {
        if (doc.id.empty()) tiegraph::fuzz::FailInvariant("loaded document without an id");
        tiegraph::SegmentAndTokenize(doc);
        tiegraph::fuzz::CheckDocumentInvariants(doc);
      },
      [&path](const tiegraph::Status& error) {
        if (error.ToString().find(path) == std::string::npos) {
          tiegraph::fuzz::FailInvariant("a load error does not name the file");
        }
      });
  if (!s.ok()) std::abort();
  return 0;
}
