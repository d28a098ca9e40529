#include "tiegraph/nlp/bilou.h"

#include <gtest/gtest.h>

namespace tiegraph::nlp {
namespace {

using Tags = std::vector<std::string>;

TEST(Bilou, BioToBilouAndBack) {
  Tags bio = {"B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "O"};
  Tags bilou = BioToBilou(bio);
  EXPECT_EQ(bilou, (Tags{"B-PER", "I-PER", "L-PER", "O", "U-LOC", "B-ORG", "L-ORG", "O"}));
  EXPECT_EQ(BilouToBio(bilou), bio);
}

TEST(Bilou, StrayInsideStartsAnEntity) {
  EXPECT_EQ(BioToBilou({"O", "I-LOC", "I-LOC"}), (Tags{"O", "B-LOC", "L-LOC"}));
  EXPECT_EQ(BioToBilou({"B-PER", "I-ORG"}), (Tags{"U-PER", "U-ORG"}));
}

TEST(Bilou, SpansFromBilouToleratesBrokenSequences) {
  auto spans = SpansFromBilou({"B-PER", "I-PER", "O", "L-LOC", "U-ORG"});
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0], (EntitySpan{0, 2, "PER"}));
  EXPECT_EQ(spans[1], (EntitySpan{3, 4, "LOC"}));
  EXPECT_EQ(spans[2], (EntitySpan{4, 5, "ORG"}));
}

TEST(Bilou, SpanCountsExactMatch) {
  SpanCounts c;
  c.Add({{0, 2, "PER"}, {3, 4, "LOC"}}, {{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "LOC"}});
  EXPECT_EQ(c.gold, 2);
  EXPECT_EQ(c.predicted, 3);
  EXPECT_EQ(c.correct, 1);
  EXPECT_NEAR(c.f1(), 2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5), 1e-9);
}

}  // namespace
}  // namespace tiegraph::nlp
