// AveragedPerceptron: a multiclass linear model over hashed sparse features,
// shared by the tagger, the entity recognizer and the parser.
//
// Contract:
//  - Features are 64-bit hashes (FeatureHash in features.h), never 0.
//  - Training: call Score/Update per decision and Tick() once per example;
//    Finalize() replaces the weights by their averages over all ticks,
//    drops near-zero weights and freezes the model (no more Update).
//  - A frozen model scores from a compact open-addressing table of the
//    features seen in training with int16-quantised weights; Save writes
//    it as one binary blob and Load reads it back from one buffer (the
//    bytes of a read or mmap). Scores are identical before Save and after
//    Load. Score allocates nothing and is safe to call from many threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

#include "tiegraph/status.h"

namespace tiegraph::nlp {

class AveragedPerceptron {
 public:
  AveragedPerceptron();
  explicit AveragedPerceptron(int num_classes);

  AveragedPerceptron(const AveragedPerceptron& other);
  AveragedPerceptron& operator=(const AveragedPerceptron& other);
  AveragedPerceptron(AveragedPerceptron&&) noexcept;
  AveragedPerceptron& operator=(AveragedPerceptron&&) noexcept;
  ~AveragedPerceptron();

  int num_classes() const { return num_classes_; }

  // Sets scores[0..num_classes()) to the sum of the weights of the n
  // features (overwrites; unknown features add nothing). While training,
  // uses the current (not averaged) weights.
  void Score(const uint64_t* features, size_t n, float* scores) const;

  // Training: one update (truth +step, guess -step) for the features;
  // no-op if truth == guess or the model is frozen.
  void Update(const uint64_t* features, size_t n, int truth, int guess, float step = 1.0f);
  void Tick();      // call once per training example (for averaging)
  void Finalize();  // replace weights by their averages; prunes near-zero rows; freezes
  // Finalize (and Save while training) also drops averaged weights with a
  // magnitude below this (default 0: keep all) to make the model smaller.
  void set_min_weight(float min_abs_weight) { min_weight_ = min_abs_weight; }

  bool frozen() const { return frozen_ != nullptr; }
  // Number of distinct features with a non-zero weight (frozen model).
  size_t num_features() const;

  Status Save(std::ostream& out) const;  // compact binary; freezes a copy if still training
  static Result<AveragedPerceptron> Load(std::string_view bytes);
  // As Load; *consumed = the number of bytes the model occupies, so that a
  // model file can hold several blobs one after another.
  static Result<AveragedPerceptron> Load(std::string_view bytes, size_t* consumed);

 private:
  struct Training;  // mutable weights, totals and timestamps
  struct Frozen;    // the compact scoring table
  std::unique_ptr<Frozen> BuildFrozen() const;

  int num_classes_ = 0;
  float min_weight_ = 0.0f;
  std::unique_ptr<Training> training_;
  std::unique_ptr<Frozen> frozen_;
};

}  // namespace tiegraph::nlp
