// Features of a parser configuration: the Zhang & Nivre (2011) rich feature
// set adapted to arc-hybrid (s0..s2 on the stack, b0..b2 in the buffer,
// children of s0, s1 and b0, distance, valency, third-order and label-set
// features), hashed to 64 bits with FeatureHash.
//
// ParserInput holds one sentence's per-word atoms (word and tag hashes),
// index 0 being the root. ExtractParserFeatures writes at most
// kMaxParserFeatures features and allocates nothing.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "tiegraph/nlp/transition_system.h"

namespace tiegraph::nlp {

inline constexpr int kMaxParserFeatures = 128;

struct ParserInput {
  std::vector<uint64_t> word;  // normalised form hash; [0] = root
  std::vector<uint64_t> tag;   // fine tag (xpos, else upos) hash
  std::vector<uint64_t> utag;  // universal tag hash
  int size() const { return static_cast<int>(word.size()) - 1; }

  // Clears and adds the root; then call AddWord once per word, in order.
  void Reset();
  void AddWord(std::string_view form, std::string_view upos, std::string_view xpos);
};

// Writes the features of the state to out[0..kMaxParserFeatures) and returns their count.
int ExtractParserFeatures(const ArcHybridState& state, const ParserInput& input, uint64_t* out);

}  // namespace tiegraph::nlp
