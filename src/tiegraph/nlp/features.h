// Feature hashing for the statistical models: a feature is a 64-bit hash of a
// template id and one or more values (strings or integers). Hashes are stable
// across runs and platforms (model files store them), never 0 (0 marks an
// empty slot in the model table), and cheap: no allocation.
#pragma once

#include <cstdint>
#include <string_view>

namespace tiegraph::nlp {

// splitmix64 finaliser: spreads the bits of x.
constexpr uint64_t MixHash(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// FNV-1a over the bytes of s, seeded.
constexpr uint64_t HashBytes(std::string_view s, uint64_t seed = 0xCBF29CE484222325ULL) {
  uint64_t h = seed;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

constexpr uint64_t HashCombine(uint64_t a, uint64_t b) { return MixHash(a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2))); }

constexpr uint64_t NonZero(uint64_t h) { return h == 0 ? 1 : h; }

// One value.
constexpr uint64_t FeatureHash(uint32_t templ, std::string_view s) {
  return NonZero(MixHash(HashBytes(s) ^ (uint64_t{templ} << 48)));
}
constexpr uint64_t FeatureHash(uint32_t templ, uint64_t v) {
  return NonZero(HashCombine(MixHash(uint64_t{templ} + 0x51ED27ULL), v));
}
// Two values (conjunctions).
constexpr uint64_t FeatureHash(uint32_t templ, std::string_view a, std::string_view b) {
  return NonZero(HashCombine(FeatureHash(templ, a), HashBytes(b)));
}
constexpr uint64_t FeatureHash(uint32_t templ, uint64_t a, uint64_t b) {
  return NonZero(HashCombine(FeatureHash(templ, a), b));
}
constexpr uint64_t FeatureHash(uint32_t templ, std::string_view a, uint64_t b) {
  return NonZero(HashCombine(FeatureHash(templ, a), b));
}
// Three values.
constexpr uint64_t FeatureHash(uint32_t templ, uint64_t a, uint64_t b, uint64_t c) {
  return NonZero(HashCombine(FeatureHash(templ, a, b), c));
}

}  // namespace tiegraph::nlp
