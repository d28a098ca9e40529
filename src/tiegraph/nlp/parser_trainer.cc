#include "tiegraph/nlp/parser_trainer.h"

#include <algorithm>
#include <sstream>

#include "tiegraph/nlp/parser_tree.h"
#include "tiegraph/nlp/transition_system.h"

namespace tiegraph::nlp {

ParserInput MakeParserInput(const TreebankSentence& s) {
  ParserInput in;
  in.Reset();
  for (size_t i = 0; i < s.size(); ++i) in.AddWord(s.form[i], s.upos[i], s.xpos[i]);
  return in;
}

ParserTrainer::ParserTrainer(const std::vector<TreebankSentence>& train, ParserTrainingOptions options)
    : options_(options), rng_(options.seed) {
  std::unordered_map<std::string, int> label_ids;
  // Labels in order of first appearance: deterministic.
  for (const auto& s : train) {
    for (const auto& d : s.deprel) {
      if (label_ids.emplace(d, static_cast<int>(labels_.size())).second) labels_.push_back(d);
    }
  }
  examples_.reserve(train.size());
  for (const auto& s : train) {
    Example ex;
    ex.input = MakeParserInput(s);
    ex.head.assign(1, -1);
    ex.label.assign(1, -1);
    for (size_t i = 0; i < s.size(); ++i) {
      ex.head.push_back(s.head[i]);
      ex.label.push_back(label_ids[s.deprel[i]]);
    }
    if (!IsWellFormedTree(ex.head)) continue;  // skip broken gold trees
    const int lifts = Projectivize(ex.head);
    if (lifts > 0) {
      lifted_arcs_ += lifts;
      ++nonprojective_sentences_;
    }
    examples_.push_back(std::move(ex));
  }
  model_ = AveragedPerceptron(NumActions(static_cast<int>(labels_.size())));
  CountGoldFeatures();
}

void ParserTrainer::CountGoldFeatures() {
  const int num_labels = static_cast<int>(labels_.size());
  std::unordered_map<uint64_t, int> counts;
  std::vector<int> costs(NumActions(num_labels));
  uint64_t features[kMaxParserFeatures];
  ArcHybridState state;
  for (const Example& ex : examples_) {
    state.Reset(ex.input.size());
    DynamicOracle oracle(ex.head.data(), ex.label.data(), ex.input.size());
    while (!state.IsTerminal()) {
      if (state.stack_size() == 0) {
        state.Apply(kShift);
        continue;
      }
      const int count = ExtractParserFeatures(state, ex.input, features);
      for (int i = 0; i < count; ++i) ++counts[features[i]];
      oracle.Costs(state, num_labels, costs.data());
      state.Apply(static_cast<int>(std::min_element(costs.begin(), costs.end()) - costs.begin()));
    }
  }
  for (const auto& [f, c] : counts) {
    if (c >= options_.min_feature_count) allowed_features_.insert(f);
  }
}

void ParserTrainer::TrainSentence(const Example& ex, bool explore, ParserIterationStats* stats) {
  const int n = ex.input.size();
  const int num_labels = static_cast<int>(labels_.size());
  const int num_actions = NumActions(num_labels);
  ArcHybridState state;
  state.Reset(n);
  DynamicOracle oracle(ex.head.data(), ex.label.data(), n);
  uint64_t features[kMaxParserFeatures];
  std::vector<float> scores(num_actions);
  std::vector<int> costs(num_actions);
  uint64_t kept[kMaxParserFeatures];
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  while (!state.IsTerminal()) {
    if (state.stack_size() == 0) {  // SHIFT is forced: nothing to learn (as in Parser)
      state.Apply(kShift);
      continue;
    }
    const int count = ExtractParserFeatures(state, ex.input, features);
    model_.Score(features, count, scores.data());
    oracle.Costs(state, num_labels, costs.data());
    const int guess = BestLegalAction(state, scores.data(), num_actions);
    int min_cost = DynamicOracle::kIllegal;
    for (int a = 0; a < num_actions; ++a) min_cost = std::min(min_cost, costs[a]);
    int best_gold = -1;
    for (int a = 0; a < num_actions; ++a) {
      if (costs[a] == min_cost && (best_gold < 0 || scores[a] > scores[best_gold])) best_gold = a;
    }
    ++stats->transitions;
    if (costs[guess] > min_cost) {
      ++stats->errors;
      int num_kept = 0;
      for (int i = 0; i < count; ++i) {
        if (allowed_features_.count(features[i])) kept[num_kept++] = features[i];
      }
      model_.Update(kept, num_kept, best_gold, guess);
    }
    model_.Tick();
    int next = best_gold;
    if (explore && costs[guess] > min_cost && coin(rng_) < options_.explore_probability) next = guess;
    state.Apply(next);
  }
}

ParserIterationStats ParserTrainer::TrainIteration(int iteration) {
  // Fisher-Yates with our own generator: the same order on every platform.
  std::vector<size_t> order(examples_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (size_t i = order.size(); i > 1; --i) {
    const size_t j = static_cast<size_t>(rng_() % i);
    std::swap(order[i - 1], order[j]);
  }
  ParserIterationStats stats;
  const bool explore = iteration >= options_.explore_from_iteration && options_.explore_probability > 0;
  for (size_t i : order) TrainSentence(examples_[i], explore, &stats);
  return stats;
}

Result<Parser> ParserTrainer::Snapshot() const {
  std::stringstream blob;
  Status s = model_.Save(blob);
  if (!s.ok()) return s;
  Result<AveragedPerceptron> frozen = AveragedPerceptron::Load(blob.str());
  if (!frozen.ok()) return frozen.status();
  return Parser(labels_, std::move(frozen).value());
}

}  // namespace tiegraph::nlp
