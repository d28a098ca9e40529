// WordFeatures: the per-token values that the tagger and the entity
// recognizer build their features from, computed once per token as hashes
// (no strings kept, no allocation): the form, its lowercase, a compressed
// shape ("Xxxxx" -> "Xx", "1,234" -> "d,d"), prefixes and suffixes of the
// lowercase form (bytes), and orthographic flags.
#pragma once

#include <cstdint>
#include <string_view>

namespace tiegraph::nlp {

struct WordFeatures {
  enum Flag : uint32_t {
    kHasDigit = 1, kHasHyphen = 2, kHasUpper = 4, kAllUpper = 8, kInitUpper = 16,
    kAllDigit = 32, kHasPunct = 64, kHasNonAscii = 128, kHasLower = 256,
  };
  uint64_t form = 0;
  uint64_t lower = 0;
  uint64_t shape = 0;
  uint64_t prefix[3] = {0, 0, 0};  // 1..3 bytes
  uint64_t suffix[4] = {0, 0, 0, 0};  // 1..4 bytes
  uint32_t flags = 0;
  uint32_t length = 0;  // bytes, capped at 15
};

void ComputeWordFeatures(std::string_view form, WordFeatures* out);

// Hashes used for positions before the first / after the last token.
const WordFeatures& PaddingBefore();
const WordFeatures& PaddingAfter();

}  // namespace tiegraph::nlp
