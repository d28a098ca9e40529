#include "tiegraph/graph/network.h"

#include <gtest/gtest.h>

#include "graph_test_util.h"
#include "tiegraph/graph/date_key.h"
#include "tiegraph/graph/relation_weights.h"

namespace tiegraph::graph {
namespace {

using testing::NetworkBuilder;

TEST(RelationWeightsTest, SignsFollowTheTable) {
  for (const char* r : {"praise", "support", "fund", "meet", "social", "business", "collaborate", "aligned"}) {
    EXPECT_GT(ClaimWeight(r, false), 0) << r;
  }
  EXPECT_LT(ClaimWeight("criticize", false), 0);
  EXPECT_LT(ClaimWeight("oppose", false), 0);
  EXPECT_EQ(ClaimWeight("member", false), 0);
  EXPECT_EQ(ClaimWeight("linked", false), 0);
  EXPECT_EQ(ClaimWeight("nonsense", false), 0);
  // Hostility outweighs criticism, funding outweighs praise.
  EXPECT_LT(ClaimWeight("oppose", false), ClaimWeight("criticize", false));
  EXPECT_GT(ClaimWeight("fund", false), ClaimWeight("praise", false));
}

TEST(RelationWeightsTest, NegationFlipsCooperationAndZeroesHostility) {
  EXPECT_DOUBLE_EQ(ClaimWeight("praise", true), -0.5 * ClaimWeight("praise", false));
  EXPECT_LT(ClaimWeight("support", true), 0);
  EXPECT_EQ(ClaimWeight("criticize", true), 0);
  EXPECT_EQ(ClaimWeight("oppose", true), 0);
  EXPECT_EQ(ClaimWeight("member", true), 0);
}

TEST(RelationWeightsTest, SymmetricRelationsAreTheFiveOfTheGuidelines) {
  int symmetric = 0;
  for (int i = 0; i < kRelationCount; ++i) symmetric += RelationAt(i).symmetric;
  EXPECT_EQ(symmetric, 5);
  for (const char* r : {"meet", "business", "social", "aligned", "linked"}) {
    EXPECT_TRUE(RelationAt(RelationIndex(r)).symmetric) << r;
  }
  EXPECT_FALSE(RelationAt(RelationIndex("praise")).symmetric);
}

TEST(DateKeyTest, ParsesPartialDatesInOrder) {
  EXPECT_EQ(ParseDateKey("2014"), 20140000);
  EXPECT_EQ(ParseDateKey("2022-02"), 20220200);
  EXPECT_EQ(ParseDateKey("2022-02-24"), 20220224);
  EXPECT_EQ(ParseDateKey("2022-02-24T10:00:00Z"), 20220224);
  EXPECT_EQ(ParseDateKey(""), 0);
  EXPECT_EQ(ParseDateKey("yesterday"), 0);
  EXPECT_EQ(ParseDateKey("2022-13"), 0);
  EXPECT_LT(ParseDateKey("2022-02"), ParseDateKey("2022-02-01"));
  EXPECT_EQ(FormatDateKey(20220200), "2022-02");
  EXPECT_EQ(FormatDateKey(20220224), "2022-02-24");
  EXPECT_EQ(FormatDateKey(20140000), "2014");
  EXPECT_EQ(UntilKey("2022"), 20221231);
  EXPECT_EQ(UntilKey("2022-02"), 20220231);
}

TEST(NetworkTest, AggregatesClaimsIntoTies) {
  NetworkBuilder b;
  auto a = b.Actor("Alice"), c = b.Actor("Carol");
  b.Claim(a, "praise", c, "2019-05-01", "d1");
  b.Claim(a, "praise", c, "2021", "d1");           // same document: one source
  b.Claim(a, "praise", c, "2020-01-02", "d2", false, "alleged");
  b.Claim(c, "praise", a, "2020", "d3");           // other direction: own tie
  Network net = b.Build();
  ASSERT_EQ(net.ties().size(), 2u);
  const Tie* ac = nullptr;
  for (const Tie& t : net.ties()) {
    if (t.subject == 0) ac = &t;
  }
  ASSERT_NE(ac, nullptr);
  EXPECT_EQ(ac->object, 1);
  EXPECT_EQ(ac->count, 3);
  EXPECT_EQ(ac->sources, 2);
  EXPECT_EQ(ac->first, 20190501);
  EXPECT_EQ(ac->last, 20210000);
  EXPECT_FALSE(ac->alleged);  // one asserted claim is enough
  EXPECT_GT(ac->weight, 0);
  EXPECT_EQ(net.degree(0), 2u);
  EXPECT_EQ(net.degree(1), 2u);
}

TEST(NetworkTest, SymmetricRelationsAreUnordered) {
  NetworkBuilder b;
  auto a = b.Actor("A"), c = b.Actor("C");
  b.Claim(c, "meet", a);
  b.Claim(a, "meet", c);
  Network net = b.Build();
  ASSERT_EQ(net.ties().size(), 1u);
  EXPECT_EQ(net.tie(0).subject, 0);
  EXPECT_EQ(net.tie(0).object, 1);
  EXPECT_EQ(net.tie(0).count, 2);
  EXPECT_TRUE(net.tie(0).symmetric);
}

TEST(NetworkTest, NegatedClaimsAndAllegationsStayApart) {
  NetworkBuilder b;
  auto a = b.Actor("A"), c = b.Actor("C");
  b.Claim(a, "support", c);
  b.Claim(a, "support", c, "", "", /*negated=*/true);
  b.Claim(a, "fund", c, "", "", false, "alleged");
  Network net = b.Build();
  ASSERT_EQ(net.ties().size(), 3u);
  int negated = 0, alleged = 0;
  for (const Tie& t : net.ties()) {
    negated += t.negated;
    alleged += t.alleged;
    if (t.negated) {
      EXPECT_LT(t.weight, 0);
    }
  }
  EXPECT_EQ(negated, 1);
  EXPECT_EQ(alleged, 1);
}

TEST(NetworkTest, SkipsUnknownActorsAndRelations) {
  NetworkBuilder b;
  auto a = b.Actor("A"), c = b.Actor("C");
  b.Claim(a, "praise", c);
  b.Claim(a, "admire", c);
  b.Claim(a, "praise", 99);
  Network net = b.Build();
  EXPECT_EQ(net.stats().claims_read, 3u);
  EXPECT_EQ(net.stats().claims_used, 1u);
  EXPECT_EQ(net.stats().skipped_unknown_relation, 1u);
  EXPECT_EQ(net.stats().skipped_unknown_actor, 1u);
}

TEST(NetworkTest, UndatedClaimsTakeThePublishedDate) {
  NetworkBuilder b;
  auto a = b.Actor("A"), c = b.Actor("C");
  b.Claim(a, "praise", c).published = "2020-03-04";
  b.Claim(a, "praise", c, "2018");
  Network net = b.Build();
  ASSERT_EQ(net.claims().size(), 2u);
  EXPECT_EQ(net.claims()[0].date, 20200304);
  EXPECT_TRUE(net.claims()[0].dated_by_published);
  EXPECT_EQ(net.claims()[1].date, 20180000);
  EXPECT_FALSE(net.claims()[1].dated_by_published);
  EXPECT_EQ(net.tie(0).first, 20180000);
  EXPECT_EQ(net.tie(0).last, 20200304);
}

TEST(NetworkTest, FindsActorsByNameAliasAndSubstring) {
  NetworkBuilder b;
  b.Actor("Marine Le Pen", "Person", "FR", {"Le Pen"});
  b.Actor("Jean-Marie Le Pen", "Person", "FR");
  b.Actor("National Rally", "Organization", "FR", {"RN", "Rassemblement National"});
  b.Actor("Vladimir Putin", "Person", "RU");
  Network net = b.Build();
  EXPECT_EQ(net.FindActor("Marine Le Pen").value(), 0);
  EXPECT_EQ(net.FindActor("Le Pen").value(), 0);        // alias beats substring
  EXPECT_EQ(net.FindActor("RN").value(), 2);
  EXPECT_EQ(net.FindActor("vladimir putin").value(), 3);
  EXPECT_EQ(net.FindActor("putin").value(), 3);          // unique substring
  auto ambiguous = net.FindActor("pen");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_EQ(ambiguous.status().code(), Status::Code::kUsage);
  EXPECT_NE(ambiguous.status().message().find("Jean-Marie Le Pen"), std::string::npos);
  EXPECT_NE(ambiguous.status().message().find("Marine Le Pen"), std::string::npos);
  auto missing = net.FindActor("Salvini");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace tiegraph::graph
