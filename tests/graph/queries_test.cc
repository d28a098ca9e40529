// Ego networks, paths, centrality, communities, friends and interlocks on
// small hand-made graphs with known answers.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "graph_test_util.h"
#include "tiegraph/graph/analytics.h"
#include "tiegraph/graph/ego.h"
#include "tiegraph/graph/friends.h"
#include "tiegraph/graph/paths.h"
#include "tiegraph/graph/relation_weights.h"

namespace tiegraph::graph {
namespace {

using testing::NetworkBuilder;

std::set<NodeId> NodeSet(const EgoNetwork& ego) { return {ego.nodes.begin(), ego.nodes.end()}; }

// 0 -- 1 -- 2 -- 3, plus 0 -- 4 (criticize, alleged, FR) and 1 -- 5 (fund, 2015, RU).
class EgoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    NetworkBuilder b;
    for (const char* name : {"N0", "N1", "N2", "N3"}) b.Actor(name, "Person", "IT");
    b.Actor("N4", "Person", "FR");
    b.Actor("N5", "Organization", "RU");
    b.Claim(1, "praise", 2, "2020-01-01");
    b.Claim(2, "meet", 3, "2021-06-01");
    b.Claim(3, "support", 4, "2022-03-01");
    b.Claim(1, "criticize", 5, "2019", "", false, "alleged");
    b.Claim(6, "fund", 2, "2015");
    net = b.Build();
  }
  Network net;
};

TEST_F(EgoTest, DepthOneAndTwo) {
  EgoSearch search(net);
  EgoNetwork d1 = search.Run(0, 1);
  EXPECT_EQ(NodeSet(d1), (std::set<NodeId>{0, 1, 4}));
  EXPECT_EQ(d1.ties.size(), 2u);
  EXPECT_EQ(d1.nodes[0], 0);
  EgoNetwork d2 = search.Run(0, 2);
  EXPECT_EQ(NodeSet(d2), (std::set<NodeId>{0, 1, 2, 4, 5}));
  EXPECT_EQ(d2.ties.size(), 4u);
  for (size_t i = 0; i < d2.nodes.size(); ++i) {
    if (d2.nodes[i] == 2 || d2.nodes[i] == 5) {
      EXPECT_EQ(d2.depth[i], 2);
    }
  }
}

TEST_F(EgoTest, Filters) {
  EgoSearch search(net);
  TieFilter positive;
  positive.sign = 1;
  EXPECT_EQ(NodeSet(search.Run(0, 2, positive)), (std::set<NodeId>{0, 1, 2, 5}));
  TieFilter criticism;
  criticism.relation = RelationIndex("criticize");
  EXPECT_EQ(NodeSet(search.Run(0, 2, criticism)), (std::set<NodeId>{0, 4}));
  TieFilter asserted;
  asserted.modality = 0;
  EXPECT_EQ(NodeSet(search.Run(0, 1, asserted)), (std::set<NodeId>{0, 1}));
  TieFilter alleged;
  alleged.modality = 1;
  EXPECT_EQ(NodeSet(search.Run(0, 1, alleged)), (std::set<NodeId>{0, 4}));
  TieFilter since2020;
  since2020.since = ParseDateKey("2020");
  EXPECT_EQ(NodeSet(search.Run(0, 3, since2020)), (std::set<NodeId>{0, 1, 2, 3}));
  TieFilter until2019;
  until2019.until = UntilKey("2019");
  EXPECT_EQ(NodeSet(search.Run(1, 2, until2019)), (std::set<NodeId>{1, 5}));
  EXPECT_EQ(NodeSet(search.Run(0, 2, until2019)), (std::set<NodeId>{0, 4}));
  TieFilter italians;
  italians.country = "it";
  EXPECT_EQ(NodeSet(search.Run(0, 3, italians)), (std::set<NodeId>{0, 1, 2, 3}));
}

// A ring 0-1-2-3-4-5-0 plus a chord 0-3; two ties between 0 and 1.
Network Ring() {
  NetworkBuilder b;
  for (int i = 0; i < 6; ++i) b.Actor("R" + std::to_string(i));
  for (int i = 0; i < 6; ++i) b.Claim(i + 1, "meet", (i + 1) % 6 + 1);
  b.Claim(1, "praise", 2);
  b.Claim(1, "linked", 4);
  return b.Build();
}

TEST(PathsTest, ShortestAndKShortest) {
  Network net = Ring();
  PathFinder finder(net);
  EXPECT_EQ(finder.Shortest(0, 3), (std::vector<NodeId>{0, 3}));
  EXPECT_EQ(finder.Shortest(1, 3).size(), 3u);  // 1-0-3 or 1-2-3
  EXPECT_EQ(finder.Shortest(1, 4).size(), 4u);
  auto paths = finder.KShortest(0, 2, 4);
  // 0-1-2 (2 hops), 0-3-2 (2 hops), 0-5-4-3-2 (4 hops); then nothing loopless.
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_EQ(paths[0].length(), 2u);
  EXPECT_EQ(paths[1].length(), 2u);
  EXPECT_EQ(paths[2].nodes, (std::vector<NodeId>{0, 5, 4, 3, 2}));
  std::set<std::vector<NodeId>> two_hop{paths[0].nodes, paths[1].nodes};
  EXPECT_TRUE(two_hop.count({0, 1, 2}));
  EXPECT_TRUE(two_hop.count({0, 3, 2}));
  // Evidence: the 0-1 hop holds both ties, the stronger (praise) first.
  for (const Path& p : paths) {
    if (p.nodes == std::vector<NodeId>{0, 1, 2}) {
      ASSERT_EQ(p.hops[0].size(), 2u);
      EXPECT_EQ(net.tie(p.hops[0][0]).relation, RelationIndex("praise"));
    }
  }
}

TEST(PathsTest, FilteredAndDisconnected) {
  NetworkBuilder b;
  for (int i = 0; i < 5; ++i) b.Actor("P" + std::to_string(i));
  b.Claim(1, "praise", 2);
  b.Claim(2, "criticize", 3);
  b.Claim(1, "support", 4);
  b.Claim(4, "support", 3);
  Network net = b.Build();
  PathFinder finder(net);
  EXPECT_EQ(finder.Shortest(0, 2).size(), 3u);
  TieFilter positive;
  positive.sign = 1;
  EXPECT_EQ(finder.Shortest(0, 2, positive), (std::vector<NodeId>{0, 3, 2}));
  EXPECT_TRUE(finder.Shortest(0, 4).empty());
  EXPECT_TRUE(finder.KShortest(0, 4, 3).empty());
  EXPECT_EQ(finder.KShortest(0, 0, 3).size(), 1u);
}

TEST(PathsTest, LongChainInBothDirections) {
  NetworkBuilder b;
  for (int i = 0; i < 50; ++i) b.Actor("C" + std::to_string(i));
  for (int i = 1; i < 50; ++i) b.Claim(i, "meet", i + 1);
  b.Claim(1, "meet", 50);  // closes the ring: 49 vs 1 hop
  Network net = b.Build();
  PathFinder finder(net);
  EXPECT_EQ(finder.Shortest(0, 49).size(), 2u);
  EXPECT_EQ(finder.Shortest(0, 25).size(), 26u);
  auto paths = finder.KShortest(0, 25, 2);
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(paths[0].length(), 25u);
  EXPECT_EQ(paths[1].length(), 25u);
  EXPECT_NE(paths[0].nodes, paths[1].nodes);
}

TEST(AnalyticsTest, PageRankPutsTheHubOfAStarFirst) {
  NetworkBuilder b;
  b.Actor("Hub");
  for (int i = 0; i < 8; ++i) {
    b.Actor("Leaf" + std::to_string(i));
    b.Claim(i + 2, "praise", 1);
  }
  Network net = b.Build();
  std::vector<double> pr = PageRank(net);
  ASSERT_EQ(pr.size(), 9u);
  EXPECT_EQ(OrderByScore(pr)[0], 0);
  for (int i = 1; i < 9; ++i) EXPECT_GT(pr[0], 3 * pr[i]);
  double sum = 0;
  for (double s : pr) sum += s;
  EXPECT_NEAR(sum, 1.0, 1e-6);
  // Closed form for a star whose hub is dangling: h = 7.8 / 15.8.
  EXPECT_NEAR(pr[0], 7.8 / 15.8, 1e-6);
  auto degree = DistinctDegree(net);
  EXPECT_EQ(degree[0], 8);
  EXPECT_EQ(degree[1], 1);
}

TEST(AnalyticsTest, PageRankAgreesWithIgraph) {
  NetworkBuilder b;
  for (int i = 0; i < 60; ++i) b.Actor("G" + std::to_string(i));
  uint64_t x = 12345;
  auto next = [&]() { return x = x * 6364136223846793005ULL + 1442695040888963407ULL, (x >> 33); };
  const char* relations[] = {"praise", "meet", "fund", "criticize", "social"};
  for (int i = 0; i < 250; ++i) {
    int64_t s = next() % 60 + 1, o = next() % 60 + 1;
    if (s == o) continue;
    b.Claim(s, relations[next() % 5], o, "", "d" + std::to_string(next() % 40));
  }
  Network net = b.Build();
  std::vector<double> mine = PageRank(net);
  auto theirs = PageRankIgraph(net);
  ASSERT_TRUE(theirs.ok()) << theirs.status().ToString();
  ASSERT_EQ(mine.size(), theirs->size());
  for (size_t i = 0; i < mine.size(); ++i) EXPECT_NEAR(mine[i], (*theirs)[i], 1e-6) << i;
}

TEST(AnalyticsTest, BetweennessPeaksInTheMiddleOfAPath) {
  NetworkBuilder b;
  for (int i = 0; i < 5; ++i) b.Actor("B" + std::to_string(i));
  for (int i = 1; i < 5; ++i) b.Claim(i, "meet", i + 1);
  b.Claim(1, "praise", 2);  // a second tie on the same pair must not count twice
  Network net = b.Build();
  auto bc = Betweenness(net);
  ASSERT_TRUE(bc.ok());
  EXPECT_DOUBLE_EQ((*bc)[2], 4.0);  // pairs (0,3),(0,4),(1,3),(1,4)
  EXPECT_DOUBLE_EQ((*bc)[1], 3.0);
  EXPECT_DOUBLE_EQ((*bc)[0], 0.0);
}

TEST(AnalyticsTest, TwoCliquesJoinedByOneEdgeAreTwoCommunities) {
  NetworkBuilder b;
  for (int i = 0; i < 10; ++i) b.Actor("K" + std::to_string(i));
  for (int base : {1, 6}) {
    for (int i = 0; i < 5; ++i) {
      for (int j = i + 1; j < 5; ++j) b.Claim(base + i, "aligned", base + j);
    }
  }
  b.Claim(5, "meet", 6);
  Network net = b.Build();
  auto c = DetectCommunities(net);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->groups.size(), 2u);
  EXPECT_EQ(c->groups[0].size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(c->membership[i], c->membership[0]);
  for (int i = 5; i < 10; ++i) EXPECT_EQ(c->membership[i], c->membership[5]);
  EXPECT_NE(c->membership[0], c->membership[5]);
  EXPECT_GT(c->modularity, 0.3);
}

TEST(FriendsTest, RanksBySignedStanceTowardX) {
  NetworkBuilder b;
  auto x = b.Actor("X");
  auto fan = b.Actor("Fan"), funder = b.Actor("Funder"), critic = b.Actor("Critic"), peer = b.Actor("Peer");
  b.Claim(fan, "praise", x);
  b.Claim(fan, "praise", x);
  b.Claim(funder, "fund", x);
  b.Claim(critic, "criticize", x);
  b.Claim(x, "praise", critic);  // X's own stance counts apart
  b.Claim(peer, "meet", x);
  auto friends = FriendsOf(b.Build(), 0);
  ASSERT_EQ(friends.size(), 4u);
  EXPECT_EQ(friends[0].node, 2);  // fund 7.4 > 2 x praise 3.4
  EXPECT_EQ(friends[1].node, 1);
  EXPECT_EQ(friends[2].node, 4);
  EXPECT_EQ(friends[3].node, 3);
  EXPECT_LT(friends[3].score, 0);
  EXPECT_GT(friends[3].reciprocal, 0);
  EXPECT_EQ(friends[3].ties.size(), 2u);
}

TEST(FriendsTest, InterlocksCountSharedNeighbours) {
  NetworkBuilder b;
  auto x = b.Actor("X"), y = b.Actor("Y"), z = b.Actor("Z");
  auto bank = b.Actor("Bank", "Organization"), party = b.Actor("Party", "Organization");
  b.Claim(x, "member", party);
  b.Claim(x, "business", bank);
  b.Claim(y, "member", party);
  b.Claim(y, "fund", bank);
  b.Claim(y, "business", bank);
  b.Claim(z, "member", party);
  auto locks = Interlocks(b.Build(), 0);
  ASSERT_EQ(locks.size(), 2u);  // Y (bank and party), Z (party)
  EXPECT_EQ(locks[0].node, 1);
  EXPECT_EQ(locks[0].shared, (std::vector<NodeId>{3, 4}));
  EXPECT_EQ(locks[1].shared.size(), 1u);
}

}  // namespace
}  // namespace tiegraph::graph
