#include "tiegraph/nlp/entity_recognizer.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "tiegraph/nlp/bilou.h"
#include "tiegraph/nlp/model_io.h"
#include "tiegraph/nlp/ner_features.h"

namespace tiegraph::nlp {
namespace {

// TGNER002: a flags word (bit 0: Viterbi decoding; bit 1: a lexicon,
// Gazetteer::Save, follows the labels), the labels, then the
// perceptron with one class per label plus one scratch class (used by the
// structured update; never predicted).
constexpr std::string_view kMagic = "TGNER002";
constexpr float kNegInf = -std::numeric_limits<float>::infinity();
// Recognize extends only the best few paths per token (training decodes
// exactly): measured on UNER dev, F1 0.6882 instead of 0.6886 for about a
// fifth less time (a beam of 3 lost 7 points: keep it at 6 or more).
constexpr int kInferenceBeam = 6;
constexpr int kMaxBeam = 16;

struct Scratch {
  NerSentence sentence;
  std::vector<float> static_scores;  // per token: num_classes scores
  std::vector<float> delta;          // per token: best path score ending in each label
  std::vector<int> back;             // per token: previous label of that path
  std::vector<float> scores;
  uint64_t features[NerSentence::kMaxStatic];
  uint64_t label_features[NerSentence::kMaxLabel];
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
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

  // Best label ids for the prepared sentence in sc, by the model's
  // decoder (its current weights while training). Viterbi extends the
  // `beam` best paths of each position (0: all, exact).
  static void Decode(const EntityRecognizer& r, Scratch& sc, std::vector<int>* out, int beam = 0) {
    const NerSentence& sent = sc.sentence;
    const int n = sent.size();
    const int nl = static_cast<int>(r.labels_.size());
    const int nc = r.model_.num_classes();
    out->resize(n);
    sc.scores.resize(nc);
    if (!r.viterbi_) {
      for (int i = 0; i < n; ++i) {
        int prev = i >= 1 ? (*out)[i - 1] : -1;
        size_t nf = sent.StaticFeatures(i, sc.features);
        nf += sent.LabelFeatures(i, prev < 0 ? NerSentence::kStart : prev, sc.features + nf);
        r.model_.Score(sc.features, nf, sc.scores.data());
        (*out)[i] = Best(r, sc.scores.data(), prev, i + 1 == n);
      }
      return;
    }
    if (n == 0) return;
    beam = std::min(beam, kMaxBeam);
    sc.static_scores.resize(static_cast<size_t>(nc));
    sc.delta.assign(static_cast<size_t>(n) * nl, kNegInf);
    sc.back.assign(static_cast<size_t>(n) * nl, -1);
    for (int i = 0; i < n; ++i) {
      size_t nf = sent.StaticFeatures(i, sc.features);
      r.model_.Score(sc.features, nf, sc.static_scores.data());
      const bool last = i + 1 == n;
      float* delta = sc.delta.data() + static_cast<size_t>(i) * nl;
      int* back = sc.back.data() + static_cast<size_t>(i) * nl;
      const float* prev_delta = i > 0 ? sc.delta.data() + static_cast<size_t>(i - 1) * nl : nullptr;
      float cutoff = kNegInf;
      if (beam > 0 && i > 0 && beam < nl) {
        // The beam-th best score at the previous position.
        float top[kMaxBeam];
        int filled = 0;
        for (int a = 0; a < nl; ++a) {
          float v = prev_delta[a];
          if (v == kNegInf) continue;
          if (filled < beam) {
            top[filled++] = v;
            std::push_heap(top, top + filled, std::greater<float>());
          } else if (v > top[0]) {
            std::pop_heap(top, top + filled, std::greater<float>());
            top[filled - 1] = v;
            std::push_heap(top, top + filled, std::greater<float>());
          }
        }
        if (filled == beam) cutoff = top[0];
      }
      for (int a = i == 0 ? -1 : 0; a < (i == 0 ? 0 : nl); ++a) {
        float base = a < 0 ? 0.0f : prev_delta[a];
        if (base == kNegInf || base < cutoff) continue;
        size_t nlf = sent.LabelFeatures(i, a < 0 ? NerSentence::kStart : static_cast<uint64_t>(a), sc.label_features);
        r.model_.Score(sc.label_features, nlf, sc.scores.data());
        for (int c = 0; c < nl; ++c) {
          if (!Allowed(r, a, c, last)) continue;
          float v = base + sc.static_scores[c] + sc.scores[c];
          if (v > delta[c]) delta[c] = v, back[c] = a;
        }
      }
    }
    const float* delta = sc.delta.data() + static_cast<size_t>(n - 1) * nl;
    int best = -1;
    for (int c = 0; c < nl; ++c) {
      if (delta[c] != kNegInf && (best < 0 || delta[c] > delta[best])) best = c;
    }
    for (int i = n - 1; i >= 0; --i) {
      (*out)[i] = best;
      best = sc.back[static_cast<size_t>(i) * nl + best];
    }
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
  sc.sentence.Prepare(doc, s, gazetteer_, &lexicon_);
  EntityTrainer::Decode(*this, sc, labels, kInferenceBeam);
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
  r.viterbi_ = options.structured;
  if (options.lexicon) r.lexicon_ = *options.lexicon;
  const int nl = static_cast<int>(r.labels_.size());
  const int scratch_class = nl;
  r.model_ = AveragedPerceptron(nl + 1);

  std::vector<size_t> order(train.sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  Scratch sc;
  std::vector<int> predicted;
  uint64_t gold_features[NerSentence::kMaxLabel];
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    long correct = 0, seen = 0;
    for (size_t si : order) {
      const Sentence& s = train.sentences[si];
      sc.sentence.Prepare(train, s, gazetteer, &r.lexicon_);
      const int n = static_cast<int>(s.token_count);
      const int* truth = gold.data() + s.first_token;
      if (!options.structured) {
        // Greedy: one update per token, with the predicted previous label.
        sc.scores.resize(nl + 1);
        predicted.assign(n, 0);
        for (int i = 0; i < n; ++i) {
          int prev = i >= 1 ? predicted[i - 1] : -1;
          size_t nf = sc.sentence.StaticFeatures(i, sc.features);
          nf += sc.sentence.LabelFeatures(i, prev < 0 ? NerSentence::kStart : prev, sc.features + nf);
          r.model_.Score(sc.features, nf, sc.scores.data());
          int guess = EntityTrainer::Best(r, sc.scores.data(), prev, i + 1 == n);
          r.model_.Update(sc.features, nf, truth[i], guess);
          r.model_.Tick();
          predicted[i] = guess;
          correct += guess == truth[i];
          ++seen;
        }
        continue;
      }
      // Structured: decode the sentence, then move the weights from the
      // predicted sequence's features toward the gold sequence's.
      EntityTrainer::Decode(r, sc, &predicted);
      for (int i = 0; i < n; ++i) {
        correct += predicted[i] == truth[i];
        ++seen;
        int gold_prev = i > 0 ? truth[i - 1] : -1, guess_prev = i > 0 ? predicted[i - 1] : -1;
        if (predicted[i] == truth[i] && gold_prev == guess_prev) continue;
        if (predicted[i] != truth[i]) {
          size_t nf = sc.sentence.StaticFeatures(i, sc.features);
          r.model_.Update(sc.features, nf, truth[i], predicted[i]);
        }
        size_t ng = sc.sentence.LabelFeatures(i, gold_prev < 0 ? NerSentence::kStart : gold_prev, gold_features);
        if (gold_prev == guess_prev) {
          r.model_.Update(gold_features, ng, truth[i], predicted[i]);
        } else {
          size_t np = sc.sentence.LabelFeatures(i, guess_prev < 0 ? NerSentence::kStart : guess_prev,
                                                sc.label_features);
          r.model_.Update(gold_features, ng, truth[i], scratch_class);
          r.model_.Update(sc.label_features, np, scratch_class, predicted[i]);
        }
      }
      r.model_.Tick();
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
  w.U32((viterbi_ ? 1u : 0u) | (lexicon_.size() > 0 ? 2u : 0u));
  w.U32(static_cast<uint32_t>(labels_.size()));
  for (const std::string& l : labels_) w.Str(l);
  if (lexicon_.size() > 0) lexicon_.Save(&w);
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
  uint32_t n = 0, flags = 0;
  if (!r.Raw(magic, 8) || std::string_view(magic, 8) != kMagic) {
    return Status::Corruption("not an entity model of this version (retrain: scripts/train-models.sh)");
  }
  if (!r.U32(&flags) || flags > 3) return Status::Corruption("entity model: bad flags");
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
  if (flags & 2) {
    Result<Gazetteer> lexicon = Gazetteer::Load(&r);
    if (!lexicon.ok()) return Status::Corruption("entity model: " + lexicon.status().message());
    rec.lexicon_ = std::move(lexicon).value();
  }
  Result<AveragedPerceptron> model = AveragedPerceptron::Load(r.rest());
  if (!model.ok()) return model.status();
  if (model->num_classes() != static_cast<int>(n) + 1) return Status::Corruption("entity model: class count mismatch");
  rec.model_ = std::move(model).value();
  rec.viterbi_ = (flags & 1) != 0;
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
