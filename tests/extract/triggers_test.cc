#include "tiegraph/extract/triggers.h"

#include <gtest/gtest.h>

namespace tiegraph {
namespace {

bool Has(std::string_view word, std::string_view relation, TriggerPos pos) {
  for (const Trigger* t : FindTriggers(word))
    if (t->relation == relation && t->pos == pos) return true;
  return false;
}

TEST(Triggers, InflectedVerbsFindTheirLemma) {
  EXPECT_TRUE(Has("praised", "praise", TriggerPos::kVerb));
  EXPECT_TRUE(Has("criticises", "criticize", TriggerPos::kVerb));
  EXPECT_TRUE(Has("met", "meet", TriggerPos::kVerb));
  EXPECT_TRUE(Has("visiting", "meet", TriggerPos::kVerb));
  EXPECT_TRUE(Has("funded", "fund", TriggerPos::kVerb));
  EXPECT_TRUE(Has("invaded", "oppose", TriggerPos::kVerb));
}

TEST(Triggers, NounsOfEveryRelation) {
  EXPECT_TRUE(Has("admirer", "praise", TriggerPos::kNoun));
  EXPECT_TRUE(Has("meetings", "meet", TriggerPos::kNoun));
  EXPECT_TRUE(Has("loan", "fund", TriggerPos::kNoun));
  EXPECT_TRUE(Has("contract", "business", TriggerPos::kNoun));
  EXPECT_TRUE(Has("collaborator", "collaborate", TriggerPos::kNoun));
  EXPECT_TRUE(Has("leader", "member", TriggerPos::kNoun));
  EXPECT_TRUE(Has("supporter", "support", TriggerPos::kNoun));
  EXPECT_TRUE(Has("sanctions", "oppose", TriggerPos::kNoun));
  EXPECT_TRUE(Has("friend", "social", TriggerPos::kNoun));
  EXPECT_TRUE(Has("affinity", "aligned", TriggerPos::kNoun));
  EXPECT_TRUE(Has("links", "linked", TriggerPos::kNoun));
  EXPECT_TRUE(Has("criticism", "criticize", TriggerPos::kNoun));
  EXPECT_FALSE(Has("table", "praise", TriggerPos::kNoun));
}

TEST(Triggers, CameoCodesMapToRelations) {
  EXPECT_EQ(RelationOfCameoCode("051"), "praise");
  EXPECT_EQ(RelationOfCameoCode("111"), "criticize");
  EXPECT_EQ(RelationOfCameoCode("042"), "meet");
  EXPECT_EQ(RelationOfCameoCode("061"), "business");
  EXPECT_EQ(RelationOfCameoCode("071"), "fund");
  EXPECT_EQ(RelationOfCameoCode("163"), "oppose");
  EXPECT_EQ(RelationOfCameoCode("010"), "");
}

TEST(Triggers, SymmetricRelations) {
  EXPECT_TRUE(IsSymmetricRelation("meet"));
  EXPECT_FALSE(IsSymmetricRelation("praise"));
}

}  // namespace
}  // namespace tiegraph
