// ParserTrainer: trains the Parser's perceptron on treebank sentences with the
// arc-hybrid dynamic oracle (Goldberg & Nivre 2012): each step updates toward
// the best-scoring zero-cost action when the model's choice costs more, and
// from the second pass on follows the model's own (possibly wrong) choice
// with probability explore_probability, so it learns to recover from errors.
//
// Non-projective trees are made projective by lifting (parser_tree.h).
// Labels are collected from the training data (subtypes kept); features rarer
// than min_feature_count on the gold paths get no weight. Training is
// deterministic for a given seed.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tiegraph/nlp/parser.h"
#include "tiegraph/nlp/parser_treebank.h"

namespace tiegraph::nlp {

struct ParserTrainingOptions {
  uint64_t seed = 1;
  double explore_probability = 0.9;
  int explore_from_iteration = 1;  // 0-based; iteration 0 follows the oracle
  // Only features seen at least this often along the gold transition
  // sequences get weights (keeps the model small and fast).
  int min_feature_count = 5;
};

struct ParserIterationStats {
  int64_t transitions = 0;
  int64_t errors = 0;  // steps where the model's choice cost more than the best
};

class ParserTrainer {
 public:
  // Collects labels and projectivises the sentences (kept as prepared examples).
  ParserTrainer(const std::vector<TreebankSentence>& train, ParserTrainingOptions options);

  // One shuffled pass over the training sentences.
  ParserIterationStats TrainIteration(int iteration);

  // A frozen parser from the averaged weights so far (training can go on).
  Result<Parser> Snapshot() const;

  int num_lifted_arcs() const { return lifted_arcs_; }
  int num_nonprojective_sentences() const { return nonprojective_sentences_; }
  const std::vector<std::string>& labels() const { return labels_; }

 private:
  struct Example {
    ParserInput input;
    std::vector<int> head;   // [0] unused
    std::vector<int> label;  // [0] unused
  };
  void TrainSentence(const Example& ex, bool explore, ParserIterationStats* stats);
  void CountGoldFeatures();

  std::unordered_set<uint64_t> allowed_features_;
  ParserTrainingOptions options_;
  std::vector<std::string> labels_;
  std::vector<Example> examples_;
  AveragedPerceptron model_;
  std::mt19937_64 rng_;
  int lifted_arcs_ = 0;
  int nonprojective_sentences_ = 0;
};

// Converts a treebank sentence into parser atoms (uses its gold or predicted tags).
ParserInput MakeParserInput(const TreebankSentence& s);

}  // namespace tiegraph::nlp
