#include "tiegraph/graph/timeline.h"

#include <gtest/gtest.h>

#include "graph_test_util.h"
#include "tiegraph/graph/date_key.h"
#include "tiegraph/graph/relation_weights.h"

namespace tiegraph::graph {
namespace {

using testing::NetworkBuilder;

// A praises Russia's leader until 2021, then condemns Russia from 2022-03.
class TimelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    NetworkBuilder b;
    a = b.Actor("Politician A", "Person", "IT");
    putin = b.Actor("Vladimir Putin", "Person", "RU");
    russia = b.Actor("Russia", "Country", "RU");
    other = b.Actor("Emmanuel Macron", "Person", "FR");
    b.Claim(a, "praise", putin, "2014-03");
    b.Claim(a, "meet", putin, "2018-10-17");
    b.Claim(putin, "meet", a, "2019");             // symmetric: A's too
    b.Claim(a, "member", russia, "2020");           // neutral: listed, not signed
    b.Claim(a, "praise", putin, "2021-05-01");
    b.Claim(a, "criticize", russia, "2022-03-01");
    b.Claim(a, "oppose", putin, "2022-04-02");
    b.Claim(a, "support", putin, "", "", /*negated=*/true).published = "2022-06-01";
    b.Claim(a, "criticize", putin);                 // no date at all
    b.Claim(putin, "praise", a, "2016");            // Putin's, not A's
    b.Claim(a, "criticize", other, "2015");
    net = b.Build();
  }
  int64_t a, putin, russia, other;
  Network net;
};

TEST_F(TimelineTest, OrdersClaimsTowardOneActor) {
  TimelineOptions options;
  options.toward = 1;
  Timeline tl = BuildTimeline(net, 0, options);
  ASSERT_EQ(tl.entries.size(), 6u);
  for (size_t i = 1; i < tl.entries.size(); ++i) EXPECT_LE(tl.entries[i - 1].date, tl.entries[i].date);
  EXPECT_EQ(tl.entries.front().date, 20140300);
  EXPECT_TRUE(tl.entries.back().dated_by_published);
  EXPECT_EQ(tl.entries.back().sign, -1);
  ASSERT_EQ(tl.undated.size(), 1u);
}

TEST(TimelineStandingTest, AStandingTieDatedOnlyByPublicationIsUndated) {
  // Praise in 2021, then an article of 2022-03-01 that condemns Russia and
  // mentions, undated, that A collaborates with Putin: the collaboration did
  // not begin on the publication day, so the flip stands.
  NetworkBuilder b;
  int64_t a = b.Actor("Politician A", "Person", "IT");
  int64_t putin = b.Actor("Vladimir Putin", "Person", "RU");
  int64_t russia = b.Actor("Russia", "Country", "RU");
  b.Claim(a, "praise", putin, "2021-05-01");
  b.Claim(a, "criticize", russia).published = "2022-03-01";
  b.Claim(a, "collaborate", putin).published = "2022-03-01";
  Network net = b.Build();
  Timeline tl = BuildTimeline(net, 0, TimelineOptions{});
  ASSERT_EQ(tl.entries.size(), 2u);
  ASSERT_EQ(tl.undated.size(), 1u);
  EXPECT_EQ(net.claims()[tl.undated[0]].relation, RelationIndex("collaborate"));
  ASSERT_TRUE(tl.flip.has_value());
  EXPECT_TRUE(tl.flip->flipped);
  (void)russia;
}

TEST_F(TimelineTest, FindsThePivotWhenNoneIsGiven) {
  TimelineOptions options;
  options.toward = 1;
  Timeline tl = BuildTimeline(net, 0, options);
  ASSERT_TRUE(tl.flip.has_value());
  EXPECT_FALSE(tl.flip->pivot_given);
  EXPECT_EQ(tl.flip->pivot, 20220402);  // first negative claim toward Putin
  EXPECT_TRUE(tl.flip->flipped);
  EXPECT_DOUBLE_EQ(tl.flip->mean_before, 1.0);
  EXPECT_DOUBLE_EQ(tl.flip->mean_after, -1.0);
  EXPECT_EQ(tl.flip->before.size(), 4u);
  EXPECT_EQ(tl.flip->after.size(), 2u);
}

TEST_F(TimelineTest, CountryTargetTakesItsActorsAndAGivenPivot) {
  TimelineOptions options;
  options.toward = 2;  // Russia, a Country: Putin (RU) counts too
  options.pivot = ParseDateKey("2022-02-24");
  Timeline tl = BuildTimeline(net, 0, options);
  EXPECT_EQ(tl.targets.size(), 2u);
  EXPECT_EQ(tl.entries.size(), 8u);
  ASSERT_TRUE(tl.flip.has_value());
  EXPECT_TRUE(tl.flip->pivot_given);
  EXPECT_TRUE(tl.flip->flipped);
  EXPECT_EQ(tl.flip->before.size(), 4u);  // member is neutral: left out
  EXPECT_EQ(tl.flip->after.size(), 3u);
}

TEST_F(TimelineTest, NoFlipWhenStanceHolds) {
  TimelineOptions options;
  options.toward = 1;
  options.pivot = ParseDateKey("2017");
  Timeline tl = BuildTimeline(net, 0, options);
  ASSERT_TRUE(tl.flip.has_value());
  // before: praise 2014 (+); after: meet, meet, praise, oppose, negated support -> mean +0.2
  EXPECT_FALSE(tl.flip->flipped);
  EXPECT_GT(tl.flip->mean_after, 0);
  // A steady critic never flips, with or without a pivot.
  options.toward = 3;
  options.pivot = 0;
  Timeline steady = BuildTimeline(net, 0, options);
  EXPECT_EQ(steady.entries.size(), 1u);
  EXPECT_FALSE(steady.flip.has_value());
}

TEST_F(TimelineTest, EveryoneWhenNoTarget) {
  Timeline tl = BuildTimeline(net, 0, {});
  EXPECT_EQ(tl.entries.size(), 9u);
  EXPECT_TRUE(tl.targets.empty());
}

TEST(TimelineSideTest, ClaimsTowardTheTargetsAdversariesCountInverted) {
  NetworkBuilder b;
  int64_t d = b.Actor("Politician D", "Person", "IT");
  int64_t russia = b.Actor("Russia", "Country", "RU");
  int64_t ukraine = b.Actor("Ukraine", "Country", "UA");
  b.Claim(russia, "oppose", ukraine, "2014");        // Ukraine is Russia's adversary
  b.Claim(d, "criticize", ukraine, "2016");          // leans toward Russia
  b.Claim(d, "oppose", russia, "2022-03-01");        // turns against it
  Network net = b.Build();
  TimelineOptions options;
  options.toward = 1;  // nodes in the order added: D 0, Russia 1, Ukraine 2
  options.pivot = ParseDateKey("2022-02-24");
  Timeline without = BuildTimeline(net, 0, options);
  ASSERT_TRUE(without.flip.has_value());
  EXPECT_FALSE(without.flip->flipped);  // only one signed claim toward Russia itself
  options.side = true;
  Timeline side = BuildTimeline(net, 0, options);
  ASSERT_EQ(side.entries.size(), 2u);
  EXPECT_TRUE(side.entries[0].via_adversary);
  EXPECT_EQ(side.entries[0].sign, 1);
  EXPECT_EQ(side.entries[1].sign, -1);
  ASSERT_TRUE(side.flip.has_value());
  EXPECT_TRUE(side.flip->flipped);
}

}  // namespace
}  // namespace tiegraph::graph
