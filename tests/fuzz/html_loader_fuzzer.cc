// Fuzz target: the HTML loader. The input is written as an .html file and
// loaded through LoadPath (UTF-8 check, gumbo extraction, NFC, hashing);
// ExtractHtml and LooksLikeHtml also run on the raw bytes. Every loaded
// document is then tokenized and segmented and its spans checked.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "document_invariants.h"
#include "fuzz_input_file.h"
#include "tiegraph/text/html.h"
#include "tiegraph/text/loader.h"
#include "tiegraph/text/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static tiegraph::fuzz::FuzzInputFile file(".html");
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  tiegraph::LooksLikeHtml(bytes);
  tiegraph::ExtractHtml(bytes);
  const std::string& path = file.Write(data, size);
  tiegraph::Status s = tiegraph::LoadPath(
      path, {},
      [](tiegraph::Document&& doc) {
        tiegraph::SegmentAndTokenize(doc);
        tiegraph::fuzz::CheckDocumentInvariants(doc);
      },
      [](const tiegraph::Status&) {});
  if (!s.ok()) std::abort();  // the file exists: LoadPath itself must succeed
  return 0;
}
