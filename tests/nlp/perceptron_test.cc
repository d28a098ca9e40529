#include "tiegraph/nlp/perceptron.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "tiegraph/nlp/features.h"

namespace tiegraph::nlp {
namespace {

// Two classes separable by one feature each; a shared bias feature.
AveragedPerceptron TrainToy(int epochs) {
  AveragedPerceptron model(3);
  const uint64_t bias = FeatureHash(1, uint64_t{0});
  std::vector<std::pair<std::vector<uint64_t>, int>> data;
  for (int k = 0; k < 30; ++k) {
    data.push_back({{bias, FeatureHash(2, "red"), FeatureHash(3, uint64_t(k))}, 0});
    data.push_back({{bias, FeatureHash(2, "green")}, 1});
    data.push_back({{bias, FeatureHash(2, "blue"), FeatureHash(4, "x")}, 2});
  }
  std::vector<float> scores(3);
  for (int e = 0; e < epochs; ++e) {
    for (const auto& [f, truth] : data) {
      model.Score(f.data(), f.size(), scores.data());
      int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
      model.Update(f.data(), f.size(), truth, guess);
      model.Tick();
    }
  }
  return model;
}

int Predict(const AveragedPerceptron& m, std::vector<uint64_t> f) {
  std::vector<float> scores(m.num_classes());
  m.Score(f.data(), f.size(), scores.data());
  return static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

TEST(FeatureHash, StableDistinctAndNonZero) {
  EXPECT_EQ(FeatureHash(1, "abc"), FeatureHash(1, "abc"));
  EXPECT_NE(FeatureHash(1, "abc"), FeatureHash(2, "abc"));
  EXPECT_NE(FeatureHash(1, "abc"), FeatureHash(1, "abd"));
  EXPECT_NE(FeatureHash(1, uint64_t{1}, uint64_t{2}), FeatureHash(1, uint64_t{2}, uint64_t{1}));
  for (uint64_t v = 0; v < 1000; ++v) EXPECT_NE(FeatureHash(7, v), 0u);
}

TEST(AveragedPerceptron, LearnsSeparableData) {
  AveragedPerceptron m = TrainToy(5);
  m.Finalize();
  EXPECT_TRUE(m.frozen());
  EXPECT_EQ(Predict(m, {FeatureHash(1, uint64_t{0}), FeatureHash(2, "red")}), 0);
  EXPECT_EQ(Predict(m, {FeatureHash(1, uint64_t{0}), FeatureHash(2, "green")}), 1);
  EXPECT_EQ(Predict(m, {FeatureHash(1, uint64_t{0}), FeatureHash(2, "blue")}), 2);
}

TEST(AveragedPerceptron, UnknownFeaturesScoreZero) {
  AveragedPerceptron m = TrainToy(2);
  m.Finalize();
  std::vector<uint64_t> f = {FeatureHash(99, "never seen")};
  std::vector<float> scores(3, 5.0f);
  m.Score(f.data(), f.size(), scores.data());
  for (float s : scores) EXPECT_EQ(s, 0.0f);
}

TEST(AveragedPerceptron, UpdateIsNoOpWhenCorrect) {
  AveragedPerceptron m(2);
  uint64_t f = FeatureHash(1, "a");
  m.Update(&f, 1, 1, 1);
  m.Tick();
  float scores[2];
  m.Score(&f, 1, scores);
  EXPECT_EQ(scores[0], 0.0f);
  EXPECT_EQ(scores[1], 0.0f);
}

TEST(AveragedPerceptron, AveragesOverTicks) {
  // Weight +1 for class 1 during 1 of 4 ticks: the average is 0.25.
  AveragedPerceptron m(2);
  uint64_t f = FeatureHash(1, "a");
  m.Tick();
  m.Tick();
  m.Tick();
  m.Update(&f, 1, 1, 0);
  m.Tick();
  m.Finalize();
  float scores[2];
  m.Score(&f, 1, scores);
  EXPECT_NEAR(scores[1], 0.25f, 1e-3);
  EXPECT_NEAR(scores[0], -0.25f, 1e-3);
}

TEST(AveragedPerceptron, SaveLoadRoundTripGivesIdenticalScores) {
  AveragedPerceptron m = TrainToy(3);
  m.Finalize();
  std::ostringstream out;
  ASSERT_TRUE(m.Save(out).ok());
  std::string bytes = out.str();
  size_t consumed = 0;
  auto loaded = AveragedPerceptron::Load(bytes, &consumed);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(consumed, bytes.size());
  EXPECT_EQ(loaded->num_classes(), 3);
  EXPECT_EQ(loaded->num_features(), m.num_features());
  for (int k = 0; k < 30; ++k) {
    std::vector<uint64_t> f = {FeatureHash(1, uint64_t{0}), FeatureHash(2, k % 2 ? "red" : "blue"),
                               FeatureHash(3, uint64_t(k))};
    float a[3], b[3];
    m.Score(f.data(), f.size(), a);
    loaded->Score(f.data(), f.size(), b);
    for (int c = 0; c < 3; ++c) EXPECT_EQ(a[c], b[c]);
  }
}

TEST(AveragedPerceptron, SaveWhileTrainingMatchesFinalize) {
  AveragedPerceptron m = TrainToy(2);
  std::ostringstream out;
  ASSERT_TRUE(m.Save(out).ok());
  m.Finalize();
  std::ostringstream out2;
  ASSERT_TRUE(m.Save(out2).ok());
  EXPECT_EQ(out.str(), out2.str());
}

TEST(AveragedPerceptron, RejectsCorruptBlobs) {
  AveragedPerceptron m = TrainToy(1);
  std::ostringstream out;
  ASSERT_TRUE(m.Save(out).ok());
  std::string bytes = out.str();
  EXPECT_FALSE(AveragedPerceptron::Load(bytes.substr(0, bytes.size() - 1)).ok());
  EXPECT_FALSE(AveragedPerceptron::Load("XXXX").ok());
  std::string bad = bytes;
  bad[0] = 'Z';
  EXPECT_FALSE(AveragedPerceptron::Load(bad).ok());
}

}  // namespace
}  // namespace tiegraph::nlp
