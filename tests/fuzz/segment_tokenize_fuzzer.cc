// Fuzz target: tokenisation and sentence segmentation. The input becomes a
// plain-text Document through LoadText (which enforces the text contract:
// valid UTF-8, NFC); inputs it refuses are skipped. Tokenize, Segment and
// the abbreviation helpers must keep every span inside the text and in order.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "document_invariants.h"
#include "tiegraph/text/loader.h"
#include "tiegraph/text/segmenter.h"
#include "tiegraph/text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  tiegraph::IsKnownAbbreviation(text);
  tiegraph::IsTitleAbbreviation(text);
  tiegraph::Result<tiegraph::Document> doc = tiegraph::LoadText(std::move(text), "fuzz", {});
  if (!doc.ok()) return 0;
  tiegraph::Tokenize(*doc);
  tiegraph::Segment(*doc);
  tiegraph::fuzz::CheckDocumentInvariants(*doc);
  for (uint32_t i = 0; i < doc->tokens.size(); ++i) {
    std::string_view word = doc->TokenText(i);
    tiegraph::IsKnownAbbreviation(word);
    tiegraph::IsTitleAbbreviation(word);
  }
  // Segmenting twice gives the same sentences.
  std::vector<tiegraph::Sentence> first = doc->sentences;
  tiegraph::Segment(*doc);
  if (first.size() != doc->sentences.size()) tiegraph::fuzz::FailInvariant("Segment is not deterministic");
  return 0;
}
