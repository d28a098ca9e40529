#include "tiegraph/resolve/coref_metrics.h"

#include <gtest/gtest.h>

namespace tiegraph {
namespace {

// Luo (2005), "On coreference resolution performance metrics", figure 1:
// key {1-5} {6,7} {8-12}.
const CorefClustering kLuoKey = {{1, 2, 3, 4, 5}, {6, 7}, {8, 9, 10, 11, 12}};

TEST(CorefMetrics, MucOfVilainSplitChain) {
  // Vilain et al. (1995): key {A B C D}, response {A B} {C D}: one link missed.
  CorefScore s = MucScore({{1, 2, 3, 4}}, {{1, 2}, {3, 4}});
  EXPECT_DOUBLE_EQ(s.Recall(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(s.F1(), 0.8);
}

TEST(CorefMetrics, LuoResponseMergingTwoChains) {
  CorefClustering response = {{1, 2, 3, 4, 5, 8, 9, 10, 11, 12}, {6, 7}};
  CorefScore muc = MucScore(kLuoKey, response);
  EXPECT_DOUBLE_EQ(muc.Recall(), 1.0);
  EXPECT_DOUBLE_EQ(muc.Precision(), 0.9);
  EXPECT_NEAR(muc.F1(), 0.947, 5e-4);  // Luo's table: 0.947
  CorefScore b3 = BCubedScore(kLuoKey, response);
  EXPECT_DOUBLE_EQ(b3.Recall(), 1.0);
  EXPECT_DOUBLE_EQ(b3.Precision(), 7.0 / 12.0);
  EXPECT_NEAR(b3.F1(), 0.737, 5e-4);  // Luo's table: 0.737
}

TEST(CorefMetrics, LuoResponseOneChain) {
  CorefClustering response = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}};
  EXPECT_NEAR(MucScore(kLuoKey, response).F1(), 0.900, 5e-4);
  EXPECT_NEAR(BCubedScore(kLuoKey, response).F1(), 0.545, 5e-4);
}

TEST(CorefMetrics, LuoResponseAllSingletons) {
  CorefClustering response;
  for (int m = 1; m <= 12; ++m) response.push_back({m});
  CorefScore muc = MucScore(kLuoKey, response);
  EXPECT_DOUBLE_EQ(muc.Recall(), 0.0);
  EXPECT_DOUBLE_EQ(muc.F1(), 0.0);
  CorefScore b3 = BCubedScore(kLuoKey, response);
  EXPECT_DOUBLE_EQ(b3.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(b3.Recall(), (1 / 5.0 * 10 + 1 / 2.0 * 2) / 12.0);
}

TEST(CorefMetrics, PerfectResponseScoresOne) {
  EXPECT_DOUBLE_EQ(MucScore(kLuoKey, kLuoKey).F1(), 1.0);
  EXPECT_DOUBLE_EQ(BCubedScore(kLuoKey, kLuoKey).F1(), 1.0);
}

TEST(CorefMetrics, MissedAndSpuriousMentions) {
  // Key mention 3 is missing from the response; 9 and 10 are not in the key.
  CorefClustering key = {{1, 2, 3}};
  CorefClustering response = {{1, 2}, {9, 10}};
  CorefScore muc = MucScore(key, response);
  EXPECT_DOUBLE_EQ(muc.Recall(), 0.5);
  EXPECT_DOUBLE_EQ(muc.Precision(), 0.5);
  CorefScore b3 = BCubedScore(key, response);
  EXPECT_DOUBLE_EQ(b3.Recall(), (4.0 / 3.0) / 3.0);
  EXPECT_DOUBLE_EQ(b3.Precision(), 2.0 / 4.0);
}

TEST(CorefMetrics, ScoresAddOverDocuments) {
  CorefScore total = MucScore({{1, 2, 3, 4}}, {{1, 2}, {3, 4}});  // 2/3 links
  total.Add(MucScore({{1, 2}}, {{1, 2}}));                         // 1/1 link
  EXPECT_DOUBLE_EQ(total.Recall(), 3.0 / 4.0);
  EXPECT_DOUBLE_EQ(total.Precision(), 1.0);
}

TEST(CorefMetrics, WithoutSingletonsKeepsChainsOfTwoOrMore) {
  CorefClustering c = WithoutSingletons({{1}, {2, 3}, {}, {4, 5, 6}});
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0], (CorefChain{2, 3}));
}

}  // namespace
}  // namespace tiegraph
