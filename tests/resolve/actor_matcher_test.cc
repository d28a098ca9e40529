#include "tiegraph/resolve/actor_matcher.h"

#include <gtest/gtest.h>

namespace tiegraph {
namespace {

TEST(NormalizeActorNameTest, FoldsCaseAccentsPunctuationAndThe) {
  EXPECT_EQ(NormalizeActorName("Vladimir Putin"), "vladimir putin");
  EXPECT_EQ(NormalizeActorName("  VLADIMIR   putin "), "vladimir putin");
  EXPECT_EQ(NormalizeActorName("Jean-Marie Le Pen"), "jean marie le pen");
  EXPECT_EQ(NormalizeActorName("Élysée"), "elysee");
  EXPECT_EQ(NormalizeActorName("Lech Wałęsa"), "lech wałesa");  // ł is a letter, not an accent
  EXPECT_EQ(NormalizeActorName("The Kremlin"), "kremlin");
  EXPECT_EQ(NormalizeActorName("the EU"), "eu");
  EXPECT_EQ(NormalizeActorName("Putin's"), "putin");
  EXPECT_EQ(NormalizeActorName("Putin\u2019s"), "putin");
  EXPECT_EQ(NormalizeActorName("U.S."), "u s");
  EXPECT_EQ(NormalizeActorName("Theresa May"), "theresa may");  // "The" only as a word
  EXPECT_EQ(NormalizeActorName(""), "");
  EXPECT_EQ(NormalizeActorName("!!!"), "");
}

TEST(NormalizeActorNameTest, SurvivesInvalidUtf8) {
  std::string bad = "Pu\xfftin";
  std::string n = NormalizeActorName(bad);
  EXPECT_FALSE(n.empty());
  EXPECT_NE(n.find("pu"), std::string::npos);
}

TEST(SameActorTest, EqualNamesAndTypesMatch) {
  EXPECT_TRUE(SameActor(MakeActorKey("Vladimir Putin", "Person", "RU", ""),
                        MakeActorKey("vladimir  PUTIN", "Person", "", "")));
  EXPECT_TRUE(SameActor(MakeActorKey("The Five Star Movement", "Organization", "", ""),
                        MakeActorKey("Five Star Movement", "Organization", "IT", "")));
}

TEST(SameActorTest, TypeOrCountryConflictKeepsApart) {
  EXPECT_FALSE(SameActor(MakeActorKey("Georgia", "Country", "GE", ""), MakeActorKey("Georgia", "Person", "", "")));
  EXPECT_FALSE(SameActor(MakeActorKey("John Smith", "Person", "GB", ""),
                         MakeActorKey("John Smith", "Person", "US", "")));
}

TEST(SameActorTest, SharedSurnameIsNotEnough) {
  EXPECT_FALSE(SameActor(MakeActorKey("Marine Le Pen", "Person", "FR", ""),
                         MakeActorKey("Jean-Marie Le Pen", "Person", "FR", "")));
  EXPECT_FALSE(SameActor(MakeActorKey("Marine Le Pen", "Person", "FR", ""), MakeActorKey("Le Pen", "Person", "FR", "")));
}

TEST(SameActorTest, KbRefDecidesWhenBothHaveOne) {
  EXPECT_TRUE(SameActor(MakeActorKey("Putin", "Person", "", "Q7747"), MakeActorKey("Vladimir Putin", "Person", "", "Q7747")));
  EXPECT_FALSE(SameActor(MakeActorKey("John Smith", "Person", "", "kb:1"), MakeActorKey("John Smith", "Person", "", "kb:2")));
  // Only one side has a kb_ref: fall back to the name rule.
  EXPECT_TRUE(SameActor(MakeActorKey("NATO", "Organization", "", "kb:nato"), MakeActorKey("Nato", "Organization", "", "")));
}

TEST(NameMatchScoreTest, RanksExactThenSurnameThenTokens) {
  EXPECT_EQ(NameMatchScore("marine le pen", "marine le pen"), 3);
  EXPECT_EQ(NameMatchScore("le pen", "marine le pen"), 2);
  EXPECT_EQ(NameMatchScore("le pen", "jean marie le pen"), 2);
  EXPECT_EQ(NameMatchScore("marine", "marine le pen"), 1);
  EXPECT_EQ(NameMatchScore("pen le", "marine le pen"), 1);
  EXPECT_EQ(NameMatchScore("salvini", "marine le pen"), 0);
  EXPECT_EQ(NameMatchScore("pe", "marine le pen"), 0);  // tokens, not substrings
  EXPECT_EQ(NameMatchScore("", "putin"), 0);
}

}  // namespace
}  // namespace tiegraph
