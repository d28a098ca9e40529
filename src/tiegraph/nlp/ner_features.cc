#include "tiegraph/nlp/ner_features.h"

#include <algorithm>
#include <string_view>

#include "tiegraph/nlp/features.h"

namespace tiegraph::nlp {
namespace {

constexpr size_t kMaxGazetteerFeatures = 6;

// Feature templates (part of the model format: never renumber).
enum Templ : uint32_t {
  kBias = 1, kLower, kForm, kShape, kSuffix2, kSuffix3, kSuffix4, kPrefix2, kPrefix3, kFlags,
  kUpos, kXpos, kUposM1, kUposP1, kUposWindow, kXposShape,
  kLowerM1, kLowerM2, kLowerP1, kLowerP2, kFormM1, kFormP1, kShapeM1, kShapeP1, kShapeWindow,
  kPrev, kPrev2, kPrevForm, kPrevShape, kPrevUpos, kBigramM1, kBigramP1, kFirstForm, kLength,
  kGazetteer, kGazetteerForm, kNoGazetteer, kGazetteerNext, kGazetteerPrev, kSuffix1, kFormP2, kFormM2,
  kStyleShape, kStyleFlagsPrev, kStyleLower, kLowerM3, kLowerP3, kShapeP2, kPrevLowerM1,
  // Capitalised runs.
  kRunPosition, kRunLast, kRunFirst, kRunBefore, kRunAfter, kRunLastPosition, kRunBeforeLast, kNoRun,
  kAcronym, kAfterThe, kRunHasConnector, kRunLowerPosition, kDocumentUse, kDocumentUseLower,
  kLexicon, kLexiconShape,
};

// How a word is written elsewhere in the document window.
enum DocumentUse : uint8_t { kSeenCapitalisedInside = 1, kSeenLowercase = 2, kSeenCapitalisedFirst = 4 };
constexpr size_t kDocTableSize = 2048;  // power of two; at most half full

// Lowercase hash of a token (ASCII), cheaper than full WordFeatures, and
// its casing: 1 starts with a capital, 2 all lowercase letters, 0 other.
uint64_t LowerHash(std::string_view form, int* casing) {
  uint64_t h = 0xCBF29CE484222325ULL;
  bool has_lower = false, has_upper = false;
  for (char ch : form) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c + 32);
      has_upper = true;
    } else if (c >= 'a' && c <= 'z') {
      has_lower = true;
    }
    h ^= c;
    h *= 0x100000001B3ULL;
  }
  *casing = !form.empty() && form[0] >= 'A' && form[0] <= 'Z' ? 1 : (has_lower && !has_upper ? 2 : 0);
  return h;
}

constexpr uint64_t kLowerThe = HashBytes("the");

bool IsConnector(uint64_t lower) {
  static const uint64_t kConnectors[] = {HashBytes("of"), HashBytes("and"), HashBytes("&"),
                                         HashBytes("for"), HashBytes("de"), kLowerThe};
  for (uint64_t c : kConnectors) {
    if (c == lower) return true;
  }
  return false;
}

bool IsCapitalised(const WordFeatures& w) {
  return (w.flags & WordFeatures::kInitUpper) != 0;
}

}  // namespace

void NerSentence::Prepare(const Document& doc, const Sentence& s, const Gazetteer* gazetteer,
                          const Gazetteer* lexicon) {
  const int n = static_cast<int>(s.token_count);
  n_ = n;
  words_.resize(n + 2 * kPad);
  upos_.resize(n + 2 * kPad);
  xpos_.resize(n + 2 * kPad);
  lowers_.resize(n);
  runs_.resize(n);
  static const uint64_t kBefore = HashBytes("<s>"), kAfter = HashBytes("</s>");
  for (int k = 0; k < kPad; ++k) {
    words_[k] = PaddingBefore();
    words_[n + kPad + k] = PaddingAfter();
    upos_[k] = xpos_[k] = kBefore;
    upos_[n + kPad + k] = xpos_[n + kPad + k] = kAfter;
  }
  for (int i = 0; i < n; ++i) {
    const Token& t = doc.tokens[s.first_token + i];
    ComputeWordFeatures(doc.Slice(t.span), &words_[i + kPad]);
    upos_[i + kPad] = HashBytes(t.upos);
    xpos_[i + kPad] = HashBytes(t.xpos);
    lowers_[i] = words_[i + kPad].lower;
  }
  // Casing style: headlines in capitals, all-lowercase chat, title case.
  int alpha = 0, caps = 0, init_upper = 0;
  for (int i = 0; i < n; ++i) {
    uint32_t fl = words_[i + kPad].flags;
    if (!(fl & (WordFeatures::kHasUpper | WordFeatures::kHasLower))) continue;
    ++alpha;
    caps += (fl & WordFeatures::kAllUpper) != 0;
    init_upper += (fl & WordFeatures::kInitUpper) != 0;
  }
  style_ = alpha < 3 ? 1 : caps * 10 >= alpha * 8 ? 2 : init_upper == 0 ? 3 : init_upper * 10 >= alpha * 7 ? 4 : 5;

  // Capitalised runs; connectors only between two capitalised words.
  const WordFeatures* w = words_.data() + kPad;
  int i = 0;
  while (i < n) {
    if (!IsCapitalised(w[i])) {
      runs_[i] = Run{i, i};
      ++i;
      continue;
    }
    int end = i + 1;
    while (end < n) {
      if (IsCapitalised(w[end])) {
        ++end;
      } else if (end + 1 < n && IsConnector(w[end].lower) && IsCapitalised(w[end + 1])) {
        end += 2;
      } else {
        break;
      }
    }
    for (int k = i; k < end; ++k) runs_[k] = Run{i, end};
    i = end;
  }

  FillDocumentUse(doc, s);
  lexicon_.assign(n, 0);
  if (lexicon && lexicon->size() > 0) {
    lexicon->FindMatches(lowers_.data(), n, &matches_);
    for (const Gazetteer::Match& m : matches_) {
      int len = m.end - m.begin;
      for (int k = m.begin; k < m.end; ++k) {
        if (lexicon_[k]) continue;  // longest match first
        uint64_t pos = len == 1 ? 'U' : k == m.begin ? 'B' : k + 1 == m.end ? 'L' : 'I';
        lexicon_[k] = pos * 131 + m.types * 7 + (len > 3 ? 3 : len);
      }
    }
  }

  if (gaz_.size() < static_cast<size_t>(n)) gaz_.resize(n);
  for (int k = 0; k < n; ++k) gaz_[k].clear();
  if (!gazetteer) return;
  gazetteer->FindMatches(lowers_.data(), n, &matches_);
  for (const Gazetteer::Match& m : matches_) {
    int len = m.end - m.begin;
    uint64_t len_bucket = len > 4 ? 4 : len;
    for (int k = m.begin; k < m.end; ++k) {
      if (gaz_[k].size() >= kMaxGazetteerFeatures) continue;
      uint64_t pos = len == 1 ? 'U' : k == m.begin ? 'B' : k + 1 == m.end ? 'L' : 'I';
      gaz_[k].push_back(pos * 131 + m.types * 7 + len_bucket);
    }
  }
}

void NerSentence::FillDocumentUse(const Document& doc, const Sentence& s) {
  elsewhere_.assign(n_, 0);
  if (doc.sentences.empty() || &s < doc.sentences.data() || &s >= doc.sentences.data() + doc.sentences.size()) {
    return;
  }
  const long index = &s - doc.sentences.data();
  const long first = index > kDocumentWindow ? index - kDocumentWindow : 0;
  const long last = std::min<long>(static_cast<long>(doc.sentences.size()) - 1, index + kDocumentWindow);
  doc_table_.assign(kDocTableSize, {0, 0});
  size_t filled = 0;
  for (long k = first; k <= last && filled < kDocTableSize / 2; ++k) {
    if (k == index) continue;
    const Sentence& o = doc.sentences[k];
    for (uint32_t t = 0; t < o.token_count && filled < kDocTableSize / 2; ++t) {
      int casing = 0;
      uint64_t h = LowerHash(doc.TokenText(o.first_token + t), &casing);
      uint8_t bit = casing == 1 ? (t == 0 ? kSeenCapitalisedFirst : kSeenCapitalisedInside)
                                : casing == 2 ? kSeenLowercase : 0;
      if (!bit) continue;
      h |= 1;  // 0 marks an empty slot
      size_t slot = static_cast<size_t>(MixHash(h)) & (kDocTableSize - 1);
      while (doc_table_[slot].first != 0 && doc_table_[slot].first != h) slot = (slot + 1) & (kDocTableSize - 1);
      if (doc_table_[slot].first == 0) doc_table_[slot].first = h, ++filled;
      doc_table_[slot].second |= bit;
    }
  }
  for (int i = 0; i < n_; ++i) {
    int casing = 0;
    uint64_t h = LowerHash(doc.TokenText(s.first_token + i), &casing) | 1;
    size_t slot = static_cast<size_t>(MixHash(h)) & (kDocTableSize - 1);
    while (doc_table_[slot].first != 0 && doc_table_[slot].first != h) slot = (slot + 1) & (kDocTableSize - 1);
    elsewhere_[i] = doc_table_[slot].second;
  }
}

size_t NerSentence::StaticFeatures(int i, uint64_t* f) const {
  const WordFeatures* w = words_.data() + kPad;
  const uint64_t* u = upos_.data() + kPad;
  const uint64_t* x = xpos_.data() + kPad;
  const WordFeatures& c = w[i];
  size_t n = 0;
  f[n++] = FeatureHash(kBias, uint64_t{0});
  f[n++] = FeatureHash(kLower, c.lower);
  f[n++] = FeatureHash(kForm, c.form);
  f[n++] = FeatureHash(kShape, c.shape);
  f[n++] = FeatureHash(kSuffix1, c.suffix[0]);
  f[n++] = FeatureHash(kSuffix2, c.suffix[1]);
  f[n++] = FeatureHash(kSuffix3, c.suffix[2]);
  f[n++] = FeatureHash(kSuffix4, c.suffix[3]);
  f[n++] = FeatureHash(kPrefix2, c.prefix[1]);
  f[n++] = FeatureHash(kPrefix3, c.prefix[2]);
  f[n++] = FeatureHash(kFlags, uint64_t{c.flags});
  f[n++] = FeatureHash(kUpos, u[i]);
  f[n++] = FeatureHash(kXpos, x[i]);
  f[n++] = FeatureHash(kUposM1, u[i - 1], u[i]);
  f[n++] = FeatureHash(kUposP1, u[i], u[i + 1]);
  f[n++] = FeatureHash(kUposWindow, u[i - 1], u[i], u[i + 1]);
  f[n++] = FeatureHash(kXposShape, x[i], c.shape);
  f[n++] = FeatureHash(kLowerM1, w[i - 1].lower);
  f[n++] = FeatureHash(kLowerM2, w[i - 2].lower);
  f[n++] = FeatureHash(kLowerP1, w[i + 1].lower);
  f[n++] = FeatureHash(kLowerP2, w[i + 2].lower);
  f[n++] = FeatureHash(kFormM1, w[i - 1].form);
  f[n++] = FeatureHash(kFormP1, w[i + 1].form);
  f[n++] = FeatureHash(kShapeM1, w[i - 1].shape);
  f[n++] = FeatureHash(kShapeP1, w[i + 1].shape);
  f[n++] = FeatureHash(kShapeWindow, w[i - 1].shape, c.shape, w[i + 1].shape);
  f[n++] = FeatureHash(kBigramM1, w[i - 1].lower, c.lower);
  f[n++] = FeatureHash(kBigramP1, c.lower, w[i + 1].lower);
  f[n++] = FeatureHash(kFirstForm, uint64_t{i == 0}, c.shape);
  f[n++] = FeatureHash(kLength, uint64_t{c.length});
  f[n++] = FeatureHash(kStyleShape, style_, c.shape);
  f[n++] = FeatureHash(kStyleLower, style_, c.lower);
  f[n++] = FeatureHash(kLowerM3, w[i - 3].lower);
  f[n++] = FeatureHash(kLowerP3, w[i + 3].lower);
  f[n++] = FeatureHash(kShapeP2, w[i + 1].shape, w[i + 2].shape);

  // Capitalised run: where the token sits in it and the words that end,
  // start and surround it ("... Party", "Bank of ...", "at ...").
  const Run& r = runs_[i];
  if (r.end > r.begin && style_ != 2) {
    int len = r.end - r.begin;
    uint64_t len_bucket = len > 5 ? 5 : len;
    uint64_t pos = len == 1 ? 'U' : i == r.begin ? 'B' : i + 1 == r.end ? 'L' : 'I';
    uint64_t last = w[r.end - 1].lower, first = w[r.begin].lower, before = w[r.begin - 1].lower;
    f[n++] = FeatureHash(kRunPosition, pos, len_bucket);
    f[n++] = FeatureHash(kRunLast, last);
    f[n++] = FeatureHash(kRunLastPosition, last, pos);
    f[n++] = FeatureHash(kRunFirst, first);
    f[n++] = FeatureHash(kRunBefore, before, pos);
    f[n++] = FeatureHash(kRunAfter, w[r.end].lower);
    f[n++] = FeatureHash(kRunBeforeLast, before, last);
    f[n++] = FeatureHash(kRunLowerPosition, c.lower, pos);
    bool connector = false;
    for (int k = r.begin; k < r.end; ++k) connector |= !IsCapitalised(w[k]);
    if (connector) f[n++] = FeatureHash(kRunHasConnector, pos, uint64_t{IsCapitalised(c)});
    if (r.begin > 0 && before == kLowerThe) f[n++] = FeatureHash(kAfterThe, pos, last);
  } else {
    f[n++] = FeatureHash(kNoRun, style_, uint64_t{IsCapitalised(c)});
  }
  if ((c.flags & WordFeatures::kAllUpper) && c.length >= 2 && c.length <= 6 && !(c.flags & WordFeatures::kHasDigit)) {
    f[n++] = FeatureHash(kAcronym, style_, w[i - 1].lower);
  }

  if (c.flags & (WordFeatures::kHasUpper | WordFeatures::kHasLower)) {
    uint64_t own = uint64_t{IsCapitalised(c)} * 2 + (i == 0);
    f[n++] = FeatureHash(kDocumentUse, uint64_t{elsewhere_[i]}, own, style_);
    f[n++] = FeatureHash(kDocumentUseLower, uint64_t{elsewhere_[i]}, c.lower);
  }

  if (lexicon_[i]) {
    f[n++] = FeatureHash(kLexicon, lexicon_[i]);
    f[n++] = FeatureHash(kLexiconShape, lexicon_[i], c.shape, w[i - 1].lower);
  }

  const std::vector<uint64_t>& g = gaz_[i];
  if (g.empty()) f[n++] = FeatureHash(kNoGazetteer, uint64_t{0});
  for (uint64_t v : g) {
    f[n++] = FeatureHash(kGazetteer, v);
    f[n++] = FeatureHash(kGazetteerForm, v, c.shape);
  }
  if (i + 1 < n_ && !gaz_[i + 1].empty()) f[n++] = FeatureHash(kGazetteerNext, gaz_[i + 1][0]);
  if (i > 0 && !gaz_[i - 1].empty()) f[n++] = FeatureHash(kGazetteerPrev, gaz_[i - 1][0]);
  return n;
}

size_t NerSentence::LabelFeatures(int i, uint64_t p1, uint64_t* f) const {
  const WordFeatures* w = words_.data() + kPad;
  const WordFeatures& c = w[i];
  size_t n = 0;
  f[n++] = FeatureHash(kPrev, p1);
  f[n++] = FeatureHash(kPrevForm, p1, c.form);
  f[n++] = FeatureHash(kPrevShape, p1, c.shape);
  f[n++] = FeatureHash(kPrevUpos, p1, upos_[i + kPad]);
  f[n++] = FeatureHash(kStyleFlagsPrev, style_, uint64_t{c.flags}, p1);
  f[n++] = FeatureHash(kPrevLowerM1, p1, w[i - 1].lower);
  return n;
}

}  // namespace tiegraph::nlp
