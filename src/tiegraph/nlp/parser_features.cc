#include "tiegraph/nlp/parser_features.h"

#include <algorithm>

#include "tiegraph/nlp/features.h"

namespace tiegraph::nlp {

namespace {

constexpr uint64_t kNone = 0x6E6F6E65ULL;   // absent position
constexpr uint64_t kRoot = 0x726F6F74ULL;   // the root

// Lower-cases ASCII letters and maps digits to '0' while hashing.
uint64_t NormalisedWordHash(std::string_view form) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (char c : form) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 'A' && u <= 'Z') u = static_cast<unsigned char>(u - 'A' + 'a');
    else if (u >= '0' && u <= '9') u = '0';
    h ^= u;
    h *= 0x100000001B3ULL;
  }
  return MixHash(h);
}

}  // namespace

void ParserInput::Reset() {
  word.assign(1, kRoot);
  tag.assign(1, kRoot);
  utag.assign(1, kRoot);
}

void ParserInput::AddWord(std::string_view form, std::string_view upos, std::string_view xpos) {
  word.push_back(NormalisedWordHash(form));
  const std::string_view fine = xpos.empty() || xpos == "_" ? upos : xpos;
  tag.push_back(MixHash(HashBytes(fine)));
  utag.push_back(MixHash(HashBytes(upos) + 17));
}

int ExtractParserFeatures(const ArcHybridState& st, const ParserInput& in, uint64_t* out) {
  auto W = [&](int p) { return p < 0 ? kNone : in.word[p]; };
  auto P = [&](int p) { return p < 0 ? kNone : in.tag[p]; };
  auto U = [&](int p) { return p < 0 ? kNone : in.utag[p]; };
  auto L = [&](int p) { return p <= 0 ? kNone : static_cast<uint64_t>(st.label(p) + 1); };
  auto LC = [&](int p) { return p < 0 ? -1 : st.LeftmostChild(p); };
  auto LC2 = [&](int p) { return p < 0 ? -1 : st.SecondLeftmostChild(p); };
  auto RC = [&](int p) { return p < 0 ? -1 : st.RightmostChild(p); };
  auto RC2 = [&](int p) { return p < 0 ? -1 : st.SecondRightmostChild(p); };
  auto VL = [&](int p) { return p < 0 ? kNone : static_cast<uint64_t>(st.LeftValency(p)); };
  auto VR = [&](int p) { return p < 0 ? kNone : static_cast<uint64_t>(st.RightValency(p)); };
  auto LS = [&](int p) { return p < 0 ? kNone : st.LeftLabels(p); };
  auto RS = [&](int p) { return p < 0 ? kNone : st.RightLabels(p); };

  const int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2);
  const int b0 = st.B(0), b1 = st.B(1), b2 = st.B(2);
  const int s0l = LC(s0), s0l2 = LC2(s0), s0r = RC(s0), s0r2 = RC2(s0);
  const int s1l = LC(s1), s1r = RC(s1), s1r2 = RC2(s1);
  const int b0l = LC(b0), b0l2 = LC2(b0);

  // Distances (the root counts as one past the last word).
  auto Pos = [&](int p) { return p == 0 ? st.size() + 1 : p; };
  uint64_t d_s0b0 = kNone, d_s1s0 = kNone;
  if (s0 > 0 && b0 >= 0) d_s0b0 = static_cast<uint64_t>(std::min(Pos(b0) - s0, 10));
  if (s1 > 0 && s0 > 0) d_s1s0 = static_cast<uint64_t>(std::min(s0 - s1, 10));

  const uint64_t s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), b0w = W(b0), b0p = P(b0);
  const uint64_t b1w = W(b1), b1p = P(b1), b2w = W(b2), b2p = P(b2), s2p = P(s2);
  const uint64_t s0wp = HashCombine(s0w, s0p), s1wp = HashCombine(s1w, s1p);
  const uint64_t b0wp = HashCombine(b0w, b0p), b1wp = HashCombine(b1w, b1p);

  int n = 0;
  uint32_t t = 0;
  auto F1 = [&](uint64_t a) { out[n++] = FeatureHash(t++, a); };
  auto F2 = [&](uint64_t a, uint64_t b) { out[n++] = FeatureHash(t++, a, b); };
  auto F3 = [&](uint64_t a, uint64_t b, uint64_t c) { out[n++] = FeatureHash(t++, a, b, c); };

  F1(0);  // bias
  // Single words.
  F1(s0wp); F1(s0w); F1(s0p);
  F1(s1wp); F1(s1w); F1(s1p);
  F1(b0wp); F1(b0w); F1(b0p);
  F1(b1wp); F1(b1w); F1(b1p);
  F1(b2w); F1(b2p);
  F1(s2p); F1(W(s2));
  F1(U(s0)); F1(U(b0)); F1(U(s1)); F1(U(b1));
  // Word pairs.
  F2(s0wp, b0wp); F2(s0wp, b0w); F2(s0w, b0wp); F2(s0wp, b0p); F2(s0p, b0wp);
  F2(s0w, b0w); F2(s0p, b0p); F2(b0p, b1p);
  F2(s1wp, s0wp); F2(s1w, s0w); F2(s1p, s0p); F2(s1wp, s0p); F2(s1p, s0wp);
  F2(s1w, s0p); F2(s1p, s0w);
  F2(s1p, b0p); F2(s1w, b0w);
  // Three words.
  F3(b0p, b1p, b2p); F3(s0p, b0p, b1p); F3(s1p, s0p, b0p); F3(s2p, s1p, s0p);
  F3(s0p, P(s0l), b0p); F3(s0p, P(s0r), b0p); F3(s0p, b0p, P(b0l));
  F3(s1p, P(s1r), s0p); F3(s1p, P(s1l), s0p); F3(s1p, s0p, P(s0l)); F3(s1p, s0p, P(s0r));
  F3(s0w, b0p, b1p); F3(s0p, b0w, b1p);
  // Distance.
  F2(s0w, d_s0b0); F2(s0p, d_s0b0); F2(b0w, d_s0b0); F2(b0p, d_s0b0);
  F3(s0w, b0w, d_s0b0); F3(s0p, b0p, d_s0b0);
  F2(s1p, d_s1s0); F2(s0p, d_s1s0); F3(s1p, s0p, d_s1s0); F3(s1w, s0w, d_s1s0);
  // Valency.
  F2(s0w, VR(s0)); F2(s0p, VR(s0)); F2(s0w, VL(s0)); F2(s0p, VL(s0));
  F2(b0w, VL(b0)); F2(b0p, VL(b0)); F2(s1w, VR(s1)); F2(s1p, VR(s1));
  F2(s1p, VL(s1));
  // Children (unigrams).
  F1(W(s0l)); F1(P(s0l)); F1(L(s0l));
  F1(W(s0r)); F1(P(s0r)); F1(L(s0r));
  F1(W(b0l)); F1(P(b0l)); F1(L(b0l));
  F1(W(s1l)); F1(P(s1l)); F1(L(s1l));
  F1(W(s1r)); F1(P(s1r)); F1(L(s1r));
  // Third order.
  F1(W(s0l2)); F1(P(s0l2)); F1(L(s0l2));
  F1(W(s0r2)); F1(P(s0r2)); F1(L(s0r2));
  F1(W(b0l2)); F1(P(b0l2)); F1(L(b0l2));
  F3(s0p, P(s0l), P(s0l2)); F3(s0p, P(s0r), P(s0r2)); F3(b0p, P(b0l), P(b0l2));
  F3(s1p, P(s1r), P(s1r2));
  F2(s0p, L(s0l)); F2(s0p, L(s0r)); F2(b0p, L(b0l)); F2(s1p, L(s1r));
  // Label sets.
  F2(s0w, RS(s0)); F2(s0p, RS(s0)); F2(s0w, LS(s0)); F2(s0p, LS(s0));
  F2(b0w, LS(b0)); F2(b0p, LS(b0)); F2(s1p, RS(s1)); F2(s1p, LS(s1));
  // Buffer state (root reached) with the stack depth, for the single-root endgame.
  F2(b0p, static_cast<uint64_t>(std::min(st.stack_size(), 4)));
  return n;
}

}  // namespace tiegraph::nlp
