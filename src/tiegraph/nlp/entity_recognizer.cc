#include "tiegraph/nlp/entity_recognizer.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "tiegraph/nlp/bilou.h"
#include "tiegraph/nlp/features.h"
#include "tiegraph/nlp/model_io.h"
#include "tiegraph/nlp/word_features.h"

namespace tiegraph::nlp {
namespace {

constexpr std::string_view kMagic = "TGNER001";
constexpr int kPad = 2;
constexpr size_t kMaxFeatures = 64;
constexpr int kMaxGazetteerFeatures = 6;

// Feature templates (part of the model format: never renumber).
enum Templ : uint32_t {
  kBias = 1, kLower, kForm, kShape, kSuffix2, kSuffix3, kSuffix4, kPrefix2, kPrefix3, kFlags,
  kUpos, kXpos, kUposM1, kUposP1, kUposWindow, kXposShape,
  kLowerM1, kLowerM2, kLowerP1, kLowerP2, kFormM1, kFormP1, kShapeM1, kShapeP1, kShapeWindow,
  kPrev, kPrev2, kPrevForm, kPrevShape, kPrevUpos, kBigramM1, kBigramP1, kFirstForm, kLength,
  kGazetteer, kGazetteerForm, kNoGazetteer, kGazetteerNext, kGazetteerPrev, kSuffix1, kFormP2, kFormM2,
  kStyleShape, kStyleFlagsPrev, kStyleLower, kLowerM3, kLowerP3, kShapeP2, kPrevLowerM1,
};

struct Scratch {
  std::vector<WordFeatures> words;
  std::vector<uint64_t> upos, xpos;  // padded hashes
  std::vector<uint64_t> lowers;      // unpadded, for the gazetteer
  std::vector<Gazetteer::Match> matches;
  std::vector<std::vector<uint64_t>> gaz;  // per token: gazetteer feature values
  std::vector<float> scores;
  uint64_t style = 0;  // casing style of the sentence
  uint64_t features[kMaxFeatures];
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

void Prepare(const Document& doc, const Sentence& s, const Gazetteer* gazetteer, Scratch* sc) {
  const uint32_t n = s.token_count;
  sc->words.resize(n + 2 * kPad);
  sc->upos.resize(n + 2 * kPad);
  sc->xpos.resize(n + 2 * kPad);
  sc->lowers.resize(n);
  static const uint64_t kBefore = HashBytes("<s>"), kAfter = HashBytes("</s>");
  for (int k = 0; k < kPad; ++k) {
    sc->words[k] = PaddingBefore();
    sc->words[n + kPad + k] = PaddingAfter();
    sc->upos[k] = sc->xpos[k] = kBefore;
    sc->upos[n + kPad + k] = sc->xpos[n + kPad + k] = kAfter;
  }
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[s.first_token + i];
    ComputeWordFeatures(doc.Slice(t.span), &sc->words[i + kPad]);
    sc->upos[i + kPad] = HashBytes(t.upos);
    sc->xpos[i + kPad] = HashBytes(t.xpos);
    sc->lowers[i] = sc->words[i + kPad].lower;
  }
  // Casing style: headlines in capitals, all-lowercase chat, title case.
  int alpha = 0, caps = 0, init_upper = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t fl = sc->words[i + kPad].flags;
    if (!(fl & (WordFeatures::kHasUpper | WordFeatures::kHasLower))) continue;
    ++alpha;
    caps += (fl & WordFeatures::kAllUpper) != 0;
    init_upper += (fl & WordFeatures::kInitUpper) != 0;
  }
  sc->style = alpha < 3 ? 1 : caps * 10 >= alpha * 8 ? 2 : init_upper == 0 ? 3 : init_upper * 10 >= alpha * 7 ? 4 : 5;
  if (sc->gaz.size() < n) sc->gaz.resize(n);
  for (uint32_t i = 0; i < n; ++i) sc->gaz[i].clear();
  if (!gazetteer) return;
  gazetteer->FindMatches(sc->lowers.data(), static_cast<int>(n), &sc->matches);
  for (const Gazetteer::Match& m : sc->matches) {
    int len = m.end - m.begin;
    uint64_t len_bucket = len > 4 ? 4 : len;
    for (int k = m.begin; k < m.end; ++k) {
      if (sc->gaz[k].size() >= kMaxGazetteerFeatures) continue;
      uint64_t pos = len == 1 ? 'U' : k == m.begin ? 'B' : k + 1 == m.end ? 'L' : 'I';
      sc->gaz[k].push_back(pos * 131 + m.types * 7 + len_bucket);
    }
  }
}

size_t Extract(const Scratch& sc, int i, int n_tokens, uint64_t p1, uint64_t p2, uint64_t* f) {
  const WordFeatures* w = sc.words.data() + kPad;
  const uint64_t* u = sc.upos.data() + kPad;
  const uint64_t* x = sc.xpos.data() + kPad;
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
  f[n++] = FeatureHash(kPrev, p1);
  f[n++] = FeatureHash(kPrev2, p1, p2);
  f[n++] = FeatureHash(kPrevForm, p1, c.form);
  f[n++] = FeatureHash(kPrevShape, p1, c.shape);
  f[n++] = FeatureHash(kPrevUpos, p1, u[i]);
  f[n++] = FeatureHash(kBigramM1, w[i - 1].lower, c.lower);
  f[n++] = FeatureHash(kBigramP1, c.lower, w[i + 1].lower);
  f[n++] = FeatureHash(kFirstForm, uint64_t{i == 0}, c.shape);
  f[n++] = FeatureHash(kLength, uint64_t{c.length});
  f[n++] = FeatureHash(kStyleShape, sc.style, c.shape);
  f[n++] = FeatureHash(kStyleFlagsPrev, sc.style, uint64_t{c.flags}, p1);
  f[n++] = FeatureHash(kStyleLower, sc.style, c.lower);
  f[n++] = FeatureHash(kLowerM3, i >= 2 ? w[i - 3].lower : uint64_t{1});
  f[n++] = FeatureHash(kLowerP3, i + 3 < n_tokens + 2 ? w[i + 3].lower : uint64_t{2});
  f[n++] = FeatureHash(kShapeP2, w[i + 1].shape, w[i + 2].shape);
  f[n++] = FeatureHash(kPrevLowerM1, p1, w[i - 1].lower);
  const std::vector<uint64_t>& g = sc.gaz[i];
  if (g.empty()) {
    f[n++] = FeatureHash(kNoGazetteer, uint64_t{0});
  }
  for (uint64_t v : g) {
    f[n++] = FeatureHash(kGazetteer, v);
    f[n++] = FeatureHash(kGazetteerForm, v, c.shape);
  }
  if (i + 1 < n_tokens && !sc.gaz[i + 1].empty()) f[n++] = FeatureHash(kGazetteerNext, sc.gaz[i + 1][0]);
  if (i > 0 && !sc.gaz[i - 1].empty()) f[n++] = FeatureHash(kGazetteerPrev, sc.gaz[i - 1][0]);
  return n;
}

}  // namespace

// Label bookkeeping shared by prediction and training.
struct EntityTrainer {
  // Whether label b may follow label a (a = -1 at the sentence start); last
  // = b is at the last token.
  static bool Allowed(const EntityRecognizer& r, int a, int b, bool last) {
    char pb = r.prefix_[b];
    if (last && (pb == 'B' || pb == 'I')) return false;
    char pa = a < 0 ? 'O' : r.prefix_[a];
    bool a_open = pa == 'B' || pa == 'I';
    if (a_open) return (pb == 'I' || pb == 'L') && r.type_[a] == r.type_[b];
    return pb == 'O' || pb == 'B' || pb == 'U';
  }

  static int Best(const EntityRecognizer& r, const float* scores, int prev, bool last) {
    int best = -1;
    for (int c = 0; c < static_cast<int>(r.labels_.size()); ++c) {
      if (!Allowed(r, prev, c, last)) continue;
      if (best < 0 || scores[c] > scores[best]) best = c;
    }
    return best;
  }

  static void SetLabels(EntityRecognizer& r, std::vector<std::string> labels) {
    r.labels_ = std::move(labels);
    r.prefix_.clear();
    r.type_.clear();
    r.types_.clear();
    std::map<std::string, int> type_id;
    for (const std::string& l : r.labels_) {
      if (l.size() > 2 && l[1] == '-') type_id.emplace(l.substr(2), 0);
    }
    for (auto& [name, id] : type_id) id = static_cast<int>(r.types_.size()), r.types_.push_back(name);
    for (const std::string& l : r.labels_) {
      bool typed = l.size() > 2 && l[1] == '-';
      r.prefix_.push_back(typed ? l[0] : 'O');
      r.type_.push_back(typed ? type_id.at(l.substr(2)) : -1);
    }
  }
};

void EntityRecognizer::Predict(const Document& doc, const Sentence& s, std::vector<int>* labels) const {
  Scratch& sc = ThreadScratch();
  Prepare(doc, s, gazetteer_, &sc);
  const int nl = static_cast<int>(labels_.size());
  const int n = static_cast<int>(s.token_count);
  sc.scores.resize(nl);
  labels->resize(n);
  for (int i = 0; i < n; ++i) {
    uint64_t p1 = i >= 1 ? (*labels)[i - 1] : nl;
    uint64_t p2 = i >= 2 ? (*labels)[i - 2] : (i == 1 ? nl : nl + 1);
    size_t nf = Extract(sc, i, n, p1, p2, sc.features);
    model_.Score(sc.features, nf, sc.scores.data());
    (*labels)[i] = EntityTrainer::Best(*this, sc.scores.data(), i >= 1 ? (*labels)[i - 1] : -1, i + 1 == n);
  }
}

void EntityRecognizer::Recognize(Document& doc, const Sentence& s) const {
  thread_local std::vector<int> labels;
  Predict(doc, s, &labels);
  const int n = static_cast<int>(s.token_count);
  int open = -1;
  for (int i = 0; i < n; ++i) {
    int l = labels[i];
    Token& t = doc.tokens[s.first_token + i];
    t.ner = labels_[l];
    char p = prefix_[l];
    if (p == 'B') open = i;
    if (p == 'U' || p == 'L') {
      int begin = p == 'U' || open < 0 ? i : open;
      Mention m;
      m.first_token = s.first_token + begin;
      m.last_token = s.first_token + i + 1;
      m.span = Span{doc.tokens[m.first_token].span.begin, t.span.end};
      m.label = types_[type_[l]];
      doc.mentions.push_back(std::move(m));
      open = -1;
    }
  }
}

void EntityRecognizer::RecognizeAll(Document& doc) const {
  for (const Sentence& s : doc.sentences) Recognize(doc, s);
}

Result<EntityRecognizer> EntityRecognizer::Train(const Document& train, const std::vector<std::string>& gold_bilou,
                                                 const Gazetteer* gazetteer, const EntityTrainOptions& options,
                                                 const Document* dev) {
  if (gold_bilou.size() != train.tokens.size()) {
    return Status::InvalidInput("entity training: one gold tag per token needed");
  }
  EntityRecognizer r;
  std::set<std::string> label_set = {"O"};
  for (const std::string& t : gold_bilou) {
    if (t != "O" && !(t.size() > 2 && t[1] == '-' && std::string("BILU").find(t[0]) != std::string::npos)) {
      return Status::InvalidInput("entity training: bad BILOU tag '" + t + "'");
    }
    label_set.insert(t);
  }
  // Every prefix for every type, so that any valid sequence can be decoded.
  std::set<std::string> types;
  for (const std::string& t : label_set) {
    if (t != "O") types.insert(t.substr(2));
  }
  for (const std::string& type : types) {
    for (const char* p : {"B-", "I-", "L-", "U-"}) label_set.insert(p + type);
  }
  EntityTrainer::SetLabels(r, std::vector<std::string>(label_set.begin(), label_set.end()));
  std::map<std::string, int> id;
  for (size_t k = 0; k < r.labels_.size(); ++k) id[r.labels_[k]] = static_cast<int>(k);
  std::vector<int> gold(gold_bilou.size());
  for (size_t i = 0; i < gold.size(); ++i) gold[i] = id.at(gold_bilou[i]);
  r.gazetteer_ = gazetteer;
  const int nl = static_cast<int>(r.labels_.size());
  r.model_ = AveragedPerceptron(nl);

  std::vector<size_t> order(train.sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  Scratch sc;
  std::vector<float> scores(nl);
  std::vector<int> predicted;
  uint64_t features[kMaxFeatures];
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    long correct = 0, seen = 0;
    for (size_t si : order) {
      const Sentence& s = train.sentences[si];
      Prepare(train, s, gazetteer, &sc);
      const int n = static_cast<int>(s.token_count);
      predicted.assign(n, 0);
      for (int i = 0; i < n; ++i) {
        uint64_t p1 = i >= 1 ? predicted[i - 1] : nl;
        uint64_t p2 = i >= 2 ? predicted[i - 2] : (i == 1 ? nl : nl + 1);
        size_t nf = Extract(sc, i, n, p1, p2, features);
        r.model_.Score(features, nf, scores.data());
        int guess = EntityTrainer::Best(r, scores.data(), i >= 1 ? predicted[i - 1] : -1, i + 1 == n);
        int truth = gold[s.first_token + i];
        r.model_.Update(features, nf, truth, guess);
        r.model_.Tick();
        predicted[i] = guess;
        correct += guess == truth;
        ++seen;
      }
    }
    if (options.log) {
      *options.log << "ner epoch " << epoch + 1 << ": train tag accuracy " << (seen ? 100.0 * correct / seen : 0.0);
      if (dev) {
        EntityRecognizer snapshot = r;
        snapshot.model_.Finalize();
        Document tagged = *dev;
        tagged.mentions.clear();
        snapshot.RecognizeAll(tagged);
        SpanCounts counts = CompareEntities(*dev, tagged);
        *options.log << ", dev P " << counts.precision() << " R " << counts.recall() << " F1 " << counts.f1();
      }
      *options.log << std::endl;
    }
  }
  r.model_.set_min_weight(options.min_weight);
  r.model_.Finalize();
  return r;
}

Status EntityRecognizer::Save(const std::string& path) const {
  BinaryWriter w;
  w.Raw(kMagic.data(), kMagic.size());
  w.U32(static_cast<uint32_t>(labels_.size()));
  for (const std::string& l : labels_) w.Str(l);
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IOError(path + ": cannot write");
  out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
  Status st = model_.Save(out);
  if (!st.ok()) return st;
  out.close();
  if (!out) return Status::IOError(path + ": write failed");
  return Status::Ok();
}

Result<EntityRecognizer> EntityRecognizer::FromBytes(std::string_view bytes, const Gazetteer* gazetteer) {
  BinaryReader r(bytes);
  char magic[8];
  uint32_t n = 0;
  if (!r.Raw(magic, 8) || std::string_view(magic, 8) != kMagic) return Status::Corruption("not an entity model");
  if (!r.U32(&n) || n == 0 || n > 1024) return Status::Corruption("entity model: bad label count");
  std::vector<std::string> labels(n);
  for (std::string& l : labels) {
    if (!r.Str(&l)) return Status::Corruption("entity model: truncated");
    if (l != "O" && !(l.size() > 2 && l[1] == '-' && std::string("BILU").find(l[0]) != std::string::npos)) {
      return Status::Corruption("entity model: bad label '" + l + "'");
    }
  }
  EntityRecognizer rec;
  EntityTrainer::SetLabels(rec, std::move(labels));
  Result<AveragedPerceptron> model = AveragedPerceptron::Load(r.rest());
  if (!model.ok()) return model.status();
  if (model->num_classes() != static_cast<int>(n)) return Status::Corruption("entity model: class count mismatch");
  rec.model_ = std::move(model).value();
  rec.gazetteer_ = gazetteer;
  return rec;
}

Result<EntityRecognizer> EntityRecognizer::Load(const std::string& path, const Gazetteer* gazetteer) {
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  Result<EntityRecognizer> rec = FromBytes(*bytes, gazetteer);
  if (!rec.ok()) return Status::Corruption(path + ": " + rec.status().message());
  return rec;
}

SpanCounts CompareEntities(const Document& gold, const Document& predicted) {
  SpanCounts counts;
  std::vector<std::string> g, p;
  size_t ns = std::min(gold.sentences.size(), predicted.sentences.size());
  for (size_t si = 0; si < ns; ++si) {
    const Sentence& s = gold.sentences[si];
    g.clear();
    p.clear();
    for (uint32_t k = 0; k < s.token_count; ++k) {
      g.push_back(gold.tokens[s.first_token + k].ner);
      p.push_back(predicted.tokens[predicted.sentences[si].first_token + k].ner);
    }
    counts.Add(SpansFromBilou(g), SpansFromBilou(p));
  }
  return counts;
}

}  // namespace tiegraph::nlp
