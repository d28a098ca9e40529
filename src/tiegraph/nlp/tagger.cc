#include "tiegraph/nlp/tagger.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <numeric>
#include <random>

#include "tiegraph/nlp/features.h"
#include "tiegraph/nlp/model_io.h"
#include "tiegraph/nlp/word_features.h"

namespace tiegraph::nlp {
namespace {

constexpr std::string_view kMagic = "TGTAGGER";
constexpr uint32_t kVersion = 2;
constexpr int kPad = 2;  // padding tokens on each side
constexpr size_t kMaxFeatures = 56;

// Feature templates (ids are part of the model format: never renumber).
enum Templ : uint32_t {
  kBias = 1, kLower, kForm, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kPrefix2, kPrefix3,
  kShape, kPrev, kPrev2, kPrevLower, kLowerM1, kLowerM2, kLowerP1, kLowerP2, kSuffixM1, kSuffixP1,
  kBigramM1, kBigramP1, kShapeP1, kShapeM1, kFlags, kLowerP1P2, kPrevSuffix, kFirstForm, kPrevLowerM1,
  kLength, kShapeWindow, kAmb, kAmbP1, kAmbP2, kAmbM1, kAmbAmbP1, kPrevAmb, kAmbP1LowerP1,
  // Second pass (XPOS) only: predicted UPOS around the word.
  kUpos, kUposP1, kUposM1, kUposLower, kUposSuffix, kUposWindow,
};

struct Scratch {
  std::vector<WordFeatures> words;  // kPad before, kPad after
  std::vector<uint64_t> amb;        // ambiguity class per padded position
  std::vector<uint64_t> upos;       // predicted UPOS per padded position (for the XPOS pass)
  std::vector<float> scores;
  uint64_t features[kMaxFeatures];
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

void FillWords(const Document& doc, const Sentence& s, std::vector<WordFeatures>* words) {
  words->resize(s.token_count + 2 * kPad);
  for (int k = 0; k < kPad; ++k) {
    (*words)[k] = PaddingBefore();
    (*words)[s.token_count + kPad + k] = PaddingAfter();
  }
  for (uint32_t i = 0; i < s.token_count; ++i) {
    ComputeWordFeatures(doc.TokenText(s.first_token + i), &(*words)[i + kPad]);
  }
}

void FillAmbiguity(const std::vector<WordFeatures>& words, const std::unordered_map<uint64_t, uint64_t>& amb,
                   std::vector<uint64_t>* out) {
  out->resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    auto it = amb.find(words[i].lower);
    (*out)[i] = it == amb.end() ? 0 : it->second;
  }
}

// The nearest form of "be", "have" or "get" in the six words before token i
// of the padded words (its lowercase hash), or 0: a past participle usually
// has one ("was praised", "has met"), a past tense does not ("Salvini
// praised Putin").
uint64_t AuxBefore(const WordFeatures* w, int i) {
  static const std::vector<uint64_t> kAux = [] {
    std::vector<uint64_t> out;
    for (std::string_view a : {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "has", "have",
                               "had", "having", "'ve", "'d", "get", "gets", "got", "gotten", "getting"}) {
      WordFeatures f;
      ComputeWordFeatures(a, &f);
      out.push_back(f.lower);
    }
    return out;
  }();
  for (int k = 1; k <= 6 && i - k >= 0; ++k) {
    uint64_t lw = w[i + kPad - k].lower;
    if (std::find(kAux.begin(), kAux.end(), lw) != kAux.end()) return lw;
  }
  return 0;
}

// Features of token i (0-based) given the previous two tags p1, p2. For the
// XPOS pass, upos points at the padded predicted UPOS (else null).
size_t Extract(const WordFeatures* w, const uint64_t* amb, const uint64_t* upos, int i, uint64_t p1, uint64_t p2,
               uint64_t* f) {
  const WordFeatures& c = w[i + kPad];
  const WordFeatures& m1 = w[i + kPad - 1];
  const WordFeatures& m2 = w[i + kPad - 2];
  const WordFeatures& n1 = w[i + kPad + 1];
  const WordFeatures& n2 = w[i + kPad + 2];
  size_t n = 0;
  f[n++] = FeatureHash(kBias, uint64_t{0});
  f[n++] = FeatureHash(kLower, c.lower);
  f[n++] = FeatureHash(kForm, c.form);
  f[n++] = FeatureHash(kSuffix1, c.suffix[0]);
  f[n++] = FeatureHash(kSuffix2, c.suffix[1]);
  f[n++] = FeatureHash(kSuffix3, c.suffix[2]);
  f[n++] = FeatureHash(kSuffix4, c.suffix[3]);
  f[n++] = FeatureHash(kPrefix1, c.prefix[0]);
  f[n++] = FeatureHash(kPrefix2, c.prefix[1]);
  f[n++] = FeatureHash(kPrefix3, c.prefix[2]);
  f[n++] = FeatureHash(kShape, c.shape);
  f[n++] = FeatureHash(kPrev, p1);
  f[n++] = FeatureHash(kPrev2, p1, p2);
  f[n++] = FeatureHash(kPrevLower, p1, c.lower);
  f[n++] = FeatureHash(kLowerM1, m1.lower);
  f[n++] = FeatureHash(kLowerM2, m2.lower);
  f[n++] = FeatureHash(kLowerP1, n1.lower);
  f[n++] = FeatureHash(kLowerP2, n2.lower);
  f[n++] = FeatureHash(kSuffixM1, m1.suffix[2]);
  f[n++] = FeatureHash(kSuffixP1, n1.suffix[2]);
  f[n++] = FeatureHash(kBigramM1, m1.lower, c.lower);
  f[n++] = FeatureHash(kBigramP1, c.lower, n1.lower);
  f[n++] = FeatureHash(kShapeP1, n1.shape);
  f[n++] = FeatureHash(kShapeM1, m1.shape);
  f[n++] = FeatureHash(kFlags, uint64_t{c.flags});
  f[n++] = FeatureHash(kLowerP1P2, n1.lower, n2.lower);
  f[n++] = FeatureHash(kPrevSuffix, p1, c.suffix[2]);
  f[n++] = FeatureHash(kFirstForm, uint64_t{i == 0}, c.form);
  f[n++] = FeatureHash(kPrevLowerM1, p1, m1.lower);
  f[n++] = FeatureHash(kLength, uint64_t{c.length});
  f[n++] = FeatureHash(kShapeWindow, m1.shape, c.shape, n1.shape);
  const uint64_t* a = amb + i + kPad;
  f[n++] = FeatureHash(kAmb, a[0]);
  f[n++] = FeatureHash(kAmbP1, a[1]);
  f[n++] = FeatureHash(kAmbP2, a[2]);
  f[n++] = FeatureHash(kAmbM1, a[-1]);
  f[n++] = FeatureHash(kAmbAmbP1, a[0], a[1]);
  f[n++] = FeatureHash(kPrevAmb, p1, a[0]);
  f[n++] = FeatureHash(kAmbP1LowerP1, a[0], n1.lower);
  if (upos) {
    const uint64_t* u = upos + i + kPad;
    f[n++] = FeatureHash(kUpos, u[0]);
    f[n++] = FeatureHash(kUposP1, u[0], u[1]);
    f[n++] = FeatureHash(kUposM1, u[-1], u[0]);
    f[n++] = FeatureHash(kUposLower, u[0], c.lower);
    f[n++] = FeatureHash(kUposSuffix, u[0], c.suffix[2]);
    f[n++] = FeatureHash(kUposWindow, u[-1], u[0], u[1]);
  }
  return n;
}

int ArgMax(const float* scores, int n) {
  int best = 0;
  for (int c = 1; c < n; ++c) {
    if (scores[c] > scores[best]) best = c;
  }
  return best;
}

// History tag ids for position i: the previous two predictions, or the
// start markers n, n+1 (n = number of classes).
inline void History(const std::vector<int>& tags, uint32_t i, int n, uint64_t* p1, uint64_t* p2) {
  *p1 = i >= 1 ? static_cast<uint64_t>(tags[i - 1]) : static_cast<uint64_t>(n);
  *p2 = i >= 2 ? static_cast<uint64_t>(tags[i - 2]) : static_cast<uint64_t>(i == 1 ? n : n + 1);
}

// Predicted UPOS in padded form for the XPOS pass (padding = num classes).
void FillUpos(const std::vector<int>& upos, int nu, std::vector<uint64_t>* out) {
  out->assign(upos.size() + 2 * kPad, static_cast<uint64_t>(nu));
  for (size_t i = 0; i < upos.size(); ++i) (*out)[i + kPad] = static_cast<uint64_t>(upos[i]);
}

int ClassId(const std::vector<std::string>& names, std::string_view name) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

// XPOS classes as EnforceFiniteVerb sees them.
enum XposRole : uint8_t { kVerbForm = 1, kSubjectLike = 2, kObjectLike = 4, kSentenceEnd = 8 };

bool OneOf(std::string_view tag, std::initializer_list<std::string_view> tags) {
  for (std::string_view t : tags)
    if (tag == t) return true;
  return false;
}

}  // namespace

void Tagger::IndexXposRoles() {
  xpos_role_.assign(xpos_.size(), 0);
  for (size_t c = 0; c < xpos_.size(); ++c) {
    const std::string_view tag = xpos_[c];
    uint8_t role = 0;
    if (OneOf(tag, {"VBD", "VBZ", "VBP", "MD", "VB", "VBG"})) role |= kVerbForm;
    if (OneOf(tag, {"NNP", "NNPS", "NN", "NNS", "PRP"})) role |= kSubjectLike;
    if (OneOf(tag, {"NNP", "NNPS", "DT", "PRP", "PRP$", "CD", "JJ", "NN", "NNS"})) role |= kObjectLike;
    if (OneOf(tag, {".", "''"})) role |= kSentenceEnd;
    xpos_role_[c] = role;
  }
  vbd_ = ClassId(xpos_, "VBD");
  vbn_ = ClassId(xpos_, "VBN");
}

void Tagger::EnforceFiniteVerb(const std::vector<WordFeatures>& words, std::vector<int>* xpos) const {
  const int n = static_cast<int>(xpos->size());
  if (n < 3 || vbd_ < 0 || vbn_ < 0) return;
  auto is = [&](int i, XposRole role) { return (xpos_role_[(*xpos)[i]] & role) != 0; };
  // Only whole sentences: a headline ("Salvini criticised for T-shirt") may lack a finite verb.
  if (!is(n - 1, kSentenceEnd)) return;
  // The sentence's first verb: none before it, no auxiliary in reach.
  for (int i = 1; i + 1 < n; ++i) {
    if (is(i, kVerbForm)) return;
    if ((*xpos)[i] != vbn_) continue;
    if (AuxBefore(words.data(), i) != 0) return;  // "was praised": a true participle
    if (!is(i - 1, kSubjectLike) || !is(i + 1, kObjectLike)) return;
    (*xpos)[i] = vbd_;
    return;
  }
}

void Tagger::Predict(const Document& doc, const Sentence& s, std::vector<int>* upos, std::vector<int>* xpos) const {
  Scratch& sc = ThreadScratch();
  FillWords(doc, s, &sc.words);
  FillAmbiguity(sc.words, ambiguity_, &sc.amb);
  const int nu = static_cast<int>(upos_.size()), nx = static_cast<int>(xpos_.size());
  sc.scores.resize(std::max(nu, nx));
  upos->resize(s.token_count);
  xpos->resize(s.token_count);
  uint64_t p1, p2;
  for (uint32_t i = 0; i < s.token_count; ++i) {
    auto it = dict_.find(sc.words[i + kPad].form);
    if (it != dict_.end()) {
      (*upos)[i] = it->second.first;
      continue;
    }
    History(*upos, i, nu, &p1, &p2);
    size_t n = Extract(sc.words.data(), sc.amb.data(), nullptr, static_cast<int>(i), p1, p2, sc.features);
    upos_model_.Score(sc.features, n, sc.scores.data());
    (*upos)[i] = ArgMax(sc.scores.data(), nu);
  }
  FillUpos(*upos, nu, &sc.upos);
  for (uint32_t i = 0; i < s.token_count; ++i) {
    auto it = dict_.find(sc.words[i + kPad].form);
    if (it != dict_.end()) {
      (*xpos)[i] = it->second.second;
      continue;
    }
    History(*xpos, i, nx, &p1, &p2);
    size_t n = Extract(sc.words.data(), sc.amb.data(), sc.upos.data(), static_cast<int>(i), p1, p2, sc.features);
    xpos_model_.Score(sc.features, n, sc.scores.data());
    (*xpos)[i] = ArgMax(sc.scores.data(), nx);
  }
  EnforceFiniteVerb(sc.words, xpos);
}

void Tagger::Tag(Document& doc, const Sentence& s) const {
  thread_local std::vector<int> upos, xpos;
  Predict(doc, s, &upos, &xpos);
  for (uint32_t i = 0; i < s.token_count; ++i) {
    Token& t = doc.tokens[s.first_token + i];
    t.upos = upos_[upos[i]];
    t.xpos = xpos_[xpos[i]];
  }
}

void Tagger::TagAll(Document& doc) const {
  for (const Sentence& s : doc.sentences) Tag(doc, s);
}

Result<Tagger> Tagger::Train(const Document& train, const TaggerTrainOptions& options, const Document* dev) {
  Tagger tagger;
  // Class names in sorted order (deterministic ids).
  std::map<std::string, int> upos_id, xpos_id;
  std::map<std::pair<int, int>, int> pair_id;
  for (const Token& t : train.tokens) {
    if (t.upos.empty()) return Status::InvalidInput("tagger training: token without a gold UPOS");
    upos_id.emplace(t.upos, 0);
    xpos_id.emplace(t.xpos.empty() ? "_" : t.xpos, 0);
  }
  for (auto& [name, id] : upos_id) id = static_cast<int>(tagger.upos_.size()), tagger.upos_.push_back(name);
  for (auto& [name, id] : xpos_id) id = static_cast<int>(tagger.xpos_.size()), tagger.xpos_.push_back(name);
  tagger.IndexXposRoles();
  const int nu = static_cast<int>(tagger.upos_.size()), nx = static_cast<int>(tagger.xpos_.size());
  std::vector<int> gold_u(train.tokens.size()), gold_x(train.tokens.size());
  for (size_t i = 0; i < train.tokens.size(); ++i) {
    const Token& t = train.tokens[i];
    gold_u[i] = upos_id.at(t.upos);
    gold_x[i] = xpos_id.at(t.xpos.empty() ? "_" : t.xpos);
  }
  // Tag dictionary: frequent words with (almost) always the same tag pair;
  // ambiguity classes: the set of tag pairs of each frequent lowercase word.
  std::unordered_map<uint64_t, std::map<std::pair<int, int>, int>> by_form, by_lower;
  {
    WordFeatures wf;
    for (size_t i = 0; i < train.tokens.size(); ++i) {
      ComputeWordFeatures(train.TokenText(i), &wf);
      ++by_form[wf.form][{gold_u[i], gold_x[i]}];
      ++by_lower[wf.lower][{gold_u[i], gold_x[i]}];
    }
  }
  for (const auto& [form, counts] : by_form) {
    int total = 0, best_count = 0;
    std::pair<int, int> best;
    for (auto [tags, k] : counts) {
      total += k;
      if (k > best_count) best = tags, best_count = k;
    }
    if (total >= options.dict_min_count && best_count >= options.dict_min_share * total) tagger.dict_[form] = best;
  }
  for (const auto& [lower, counts] : by_lower) {
    int total = 0;
    for (auto [tags, k] : counts) total += k;
    if (total < options.ambiguity_min_count) continue;
    uint64_t h = 0x5A5A;
    for (auto [tags, k] : counts) {
      if (k * 100 >= total) h = HashCombine(h, static_cast<uint64_t>(tags.first) * 4096 + tags.second + 1);
    }
    tagger.ambiguity_[lower] = h;
  }

  tagger.upos_model_ = AveragedPerceptron(nu);
  tagger.xpos_model_ = AveragedPerceptron(nx);
  std::vector<size_t> order(train.sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  std::vector<WordFeatures> words;
  std::vector<uint64_t> amb, upos_padded;
  std::vector<float> scores(std::max(nu, nx));
  std::vector<int> pu, px;
  uint64_t features[kMaxFeatures];
  uint64_t p1, p2;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    long correct = 0, seen = 0;
    for (size_t si : order) {
      const Sentence& s = train.sentences[si];
      FillWords(train, s, &words);
      FillAmbiguity(words, tagger.ambiguity_, &amb);
      pu.assign(s.token_count, 0);
      px.assign(s.token_count, 0);
      for (uint32_t i = 0; i < s.token_count; ++i) {
        auto it = tagger.dict_.find(words[i + kPad].form);
        if (it != tagger.dict_.end()) {
          pu[i] = it->second.first;
          continue;
        }
        History(pu, i, nu, &p1, &p2);
        size_t n = Extract(words.data(), amb.data(), nullptr, static_cast<int>(i), p1, p2, features);
        tagger.upos_model_.Score(features, n, scores.data());
        int guess = ArgMax(scores.data(), nu);
        int truth = gold_u[s.first_token + i];
        tagger.upos_model_.Update(features, n, truth, guess);
        tagger.upos_model_.Tick();
        pu[i] = guess;
        correct += guess == truth;
        ++seen;
      }
      FillUpos(pu, nu, &upos_padded);
      for (uint32_t i = 0; i < s.token_count; ++i) {
        auto it = tagger.dict_.find(words[i + kPad].form);
        if (it != tagger.dict_.end()) {
          px[i] = it->second.second;
          continue;
        }
        History(px, i, nx, &p1, &p2);
        size_t n = Extract(words.data(), amb.data(), upos_padded.data(), static_cast<int>(i), p1, p2, features);
        tagger.xpos_model_.Score(features, n, scores.data());
        int guess = ArgMax(scores.data(), nx);
        tagger.xpos_model_.Update(features, n, gold_x[s.first_token + i], guess);
        tagger.xpos_model_.Tick();
        px[i] = guess;
      }
    }
    if (options.log) {
      *options.log << "tagger epoch " << epoch + 1 << ": train UPOS accuracy (model-tagged tokens) "
                   << (seen ? 100.0 * correct / seen : 0.0);
      if (dev) {
        Tagger snapshot = tagger;
        snapshot.upos_model_.Finalize();
        snapshot.xpos_model_.Finalize();
        Document tagged = *dev;
        snapshot.TagAll(tagged);
        TagAccuracy acc = CompareTags(*dev, tagged);
        *options.log << ", dev UPOS " << acc.upos() << " XPOS " << acc.xpos();
      }
      *options.log << std::endl;
    }
  }
  tagger.upos_model_.set_min_weight(options.min_weight);
  tagger.xpos_model_.set_min_weight(options.min_weight);
  tagger.upos_model_.Finalize();
  tagger.xpos_model_.Finalize();
  return tagger;
}

Status Tagger::Save(const std::string& path) const {
  BinaryWriter w;
  w.Raw(kMagic.data(), kMagic.size());
  w.U32(kVersion);
  for (const auto* names : {&upos_, &xpos_}) {
    w.U32(static_cast<uint32_t>(names->size()));
    for (const std::string& name : *names) w.Str(name);
  }
  std::vector<std::pair<uint64_t, std::pair<int, int>>> dict(dict_.begin(), dict_.end());
  std::sort(dict.begin(), dict.end());
  w.U32(static_cast<uint32_t>(dict.size()));
  for (const auto& [form, tags] : dict) {
    w.U64(form);
    w.U32(static_cast<uint32_t>(tags.first));
    w.U32(static_cast<uint32_t>(tags.second));
  }
  std::vector<std::pair<uint64_t, uint64_t>> amb(ambiguity_.begin(), ambiguity_.end());
  std::sort(amb.begin(), amb.end());
  w.U32(static_cast<uint32_t>(amb.size()));
  for (auto [lower, h] : amb) {
    w.U64(lower);
    w.U64(h);
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IOError(path + ": cannot write");
  out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
  for (const AveragedPerceptron* model : {&upos_model_, &xpos_model_}) {
    Status st = model->Save(out);
    if (!st.ok()) return st;
  }
  out.close();
  if (!out) return Status::IOError(path + ": write failed");
  return Status::Ok();
}

Result<Tagger> Tagger::FromBytes(std::string_view bytes) {
  BinaryReader r(bytes);
  char magic[8];
  uint32_t version = 0, nd = 0, na = 0;
  if (!r.Raw(magic, 8) || std::string_view(magic, 8) != kMagic) return Status::Corruption("not a tagger model");
  if (!r.U32(&version) || version != kVersion) return Status::Corruption("unsupported tagger model version");
  Tagger tagger;
  for (auto* names : {&tagger.upos_, &tagger.xpos_}) {
    uint32_t n = 0;
    if (!r.U32(&n) || n == 0 || n > 4096) return Status::Corruption("tagger model: bad class count");
    names->resize(n);
    for (std::string& name : *names) {
      if (!r.Str(&name)) return Status::Corruption("tagger model: truncated");
    }
  }
  tagger.IndexXposRoles();
  const uint32_t nu = static_cast<uint32_t>(tagger.upos_.size()), nx = static_cast<uint32_t>(tagger.xpos_.size());
  if (!r.U32(&nd)) return Status::Corruption("tagger model: truncated");
  for (uint32_t k = 0; k < nd; ++k) {
    uint64_t form;
    uint32_t u, x;
    if (!r.U64(&form) || !r.U32(&u) || !r.U32(&x) || u >= nu || x >= nx) {
      return Status::Corruption("tagger model: bad dictionary");
    }
    tagger.dict_[form] = {static_cast<int>(u), static_cast<int>(x)};
  }
  if (!r.U32(&na)) return Status::Corruption("tagger model: truncated");
  for (uint32_t k = 0; k < na; ++k) {
    uint64_t lower, h;
    if (!r.U64(&lower) || !r.U64(&h)) return Status::Corruption("tagger model: truncated ambiguity classes");
    tagger.ambiguity_[lower] = h;
  }
  std::string_view rest = r.rest();
  size_t used = 0;
  Result<AveragedPerceptron> upos_model = AveragedPerceptron::Load(rest, &used);
  if (!upos_model.ok()) return upos_model.status();
  Result<AveragedPerceptron> xpos_model = AveragedPerceptron::Load(rest.substr(used));
  if (!xpos_model.ok()) return xpos_model.status();
  if (upos_model->num_classes() != static_cast<int>(nu) || xpos_model->num_classes() != static_cast<int>(nx)) {
    return Status::Corruption("tagger model: class count mismatch");
  }
  tagger.upos_model_ = std::move(upos_model).value();
  tagger.xpos_model_ = std::move(xpos_model).value();
  return tagger;
}

Result<Tagger> Tagger::Load(const std::string& path) {
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  Result<Tagger> tagger = FromBytes(*bytes);
  if (!tagger.ok()) return Status::Corruption(path + ": " + tagger.status().message());
  return tagger;
}

TagAccuracy CompareTags(const Document& gold, const Document& predicted) {
  TagAccuracy acc;
  size_t n = std::min(gold.tokens.size(), predicted.tokens.size());
  for (size_t i = 0; i < n; ++i) {
    ++acc.tokens;
    acc.upos_correct += gold.tokens[i].upos == predicted.tokens[i].upos;
    acc.xpos_correct += gold.tokens[i].xpos == predicted.tokens[i].xpos;
  }
  return acc;
}

}  // namespace tiegraph::nlp
