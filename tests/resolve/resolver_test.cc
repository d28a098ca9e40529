#include "tiegraph/resolve/resolver.h"

#include <gtest/gtest.h>

#include "../testing/test_documents.h"
#include "tiegraph/text/segmenter.h"

namespace tiegraph {
namespace {

// Tokenizes `text`; marks the listed spans as entity mentions (as the
// recognizer would) and every other token as outside.
Document Prepare(const std::string& text, const std::vector<std::pair<std::string, std::string>>& entities) {
  Document doc;
  doc.text = text;
  doc.published = "2022-03-01";
  SegmentAndTokenize(doc);
  for (auto& t : doc.tokens) t.ner = "O";
  for (const auto& [surface, label] : entities) {
    size_t from = 0;
    while ((from = doc.text.find(surface, from)) != std::string::npos) {
      Mention m;
      m.label = label;
      for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
        if (doc.tokens[i].span.begin == from) m.first_token = i;
        if (doc.tokens[i].span.end == from + surface.size()) m.last_token = i + 1;
      }
      m.span = Span{static_cast<uint32_t>(from), static_cast<uint32_t>(from + surface.size())};
      doc.mentions.push_back(m);
      from += surface.size();
    }
  }
  return doc;
}

// The actor name each mention of `surface` (the n-th occurrence) resolves to.
std::string ActorOf(const Document& doc, const std::string& surface, int nth = 0) {
  size_t from = 0;
  for (int k = 0; k <= nth; ++k) {
    from = doc.text.find(surface, k == 0 ? 0 : from + 1);
    if (from == std::string::npos) return "<no such text>";
  }
  for (const auto& m : doc.mentions)
    if (m.span.begin == from && m.actor >= 0) return doc.actors[m.actor].name;
  return "<unresolved>";
}

class ResolverTest : public ::testing::Test {
 protected:
  ResolverTest() : kb_(testing::SmallKb()), resolver_(&kb_) {}
  KnowledgeBase kb_;
  Resolver resolver_;
};

TEST_F(ResolverTest, AliasChainsJoinShortFormsToTheFullName) {
  Document doc = Prepare("Marine Le Pen met voters. Later Le Pen left.", {{"Marine Le Pen", "PER"}, {"Le Pen", "PER"}});
  resolver_.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "Le Pen", 1), "Marine Le Pen");
  EXPECT_EQ(doc.actors.size(), 1u);
}

TEST_F(ResolverTest, AcronymsDefinedInParenthesesAreOneActor) {
  Document doc = Prepare("She leads the RN (National Rally, formerly National Front) today.",
                         {{"RN", "ORG"}, {"National Rally", "ORG"}, {"National Front", "ORG"}});
  resolver_.Resolve(doc);
  ASSERT_EQ(doc.actors.size(), 1u);
  EXPECT_EQ(doc.actors[0].name, "National Rally");
  EXPECT_EQ(doc.actors[0].aliases.size(), 3u);
}

TEST_F(ResolverTest, DemonymsCapitalsAndMetonymsAreTheCountry) {
  Document doc = Prepare("She got a loan from a Russian bank. The Kremlin denied it. Moscow said no.", {});
  resolver_.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "Russian"), "Russia");
  EXPECT_EQ(ActorOf(doc, "Kremlin"), "Russia");
  EXPECT_EQ(ActorOf(doc, "Moscow"), "Russia");
  EXPECT_EQ(doc.actors.size(), 1u);
}

TEST_F(ResolverTest, PronounsTakeTheSalientCompatiblePerson) {
  Document doc = Prepare("Angela Merkel spoke to NATO. She said it was over. Bolsonaro came. He left.",
                         {{"Angela Merkel", "PER"}, {"NATO", "ORG"}, {"Bolsonaro", "PER"}});
  resolver_.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "She"), "Angela Merkel");
  EXPECT_EQ(ActorOf(doc, "He"), "Jair Bolsonaro" == ActorOf(doc, "Bolsonaro") ? "Jair Bolsonaro" : "Bolsonaro");
}

TEST_F(ResolverTest, TheLatterIsTheLastPersonOfAnEarlierSentence) {
  Document doc = Prepare("Merkel met Bolsonaro. Putin praised the latter.",
                         {{"Merkel", "PER"}, {"Bolsonaro", "PER"}, {"Putin", "PER"}});
  resolver_.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "the latter"), ActorOf(doc, "Bolsonaro"));
}

TEST_F(ResolverTest, TheRussianLeaderIsTheOfficeHolder) {
  Document doc = Prepare("Many leaders have connections with the Russian leader.", {});
  resolver_.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "leader."), "Vladimir Putin");
  EXPECT_EQ(ActorOf(doc, "Russian"), "Russia");
}

TEST_F(ResolverTest, DescriptionTakesTheApposedName) {
  Document doc = Prepare("Putin has a supporter in the Brazilian president, Bolsonaro.",
                         {{"Putin", "PER"}, {"Bolsonaro", "PER"}});
  resolver_.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "president"), ActorOf(doc, "Bolsonaro"));
}

TEST_F(ResolverTest, CitiesAreNotActors) {
  Document doc = Prepare("He met her in Strasbourg.", {{"Strasbourg", "LOC"}});
  resolver_.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "Strasbourg"), "<unresolved>");
}

}  // namespace
}  // namespace tiegraph

namespace tiegraph {
namespace {

TEST(ResolverGovernment, LeaderPlusGovernmentNounIsTheState) {
  KnowledgeBase kb = testing::SmallKb();
  Resolver resolver(&kb);
  Document doc = Prepare("He met Putin officials and criticised the Putin regime. Putin smiled.", {});
  resolver.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "Putin"), "Russia");
  EXPECT_EQ(ActorOf(doc, "Putin", 1), "Russia");
  EXPECT_EQ(ActorOf(doc, "Putin", 2), "Putin");
}

TEST(ResolverTitles, TitlesAreNotPartOfTheName) {
  KnowledgeBase kb = testing::SmallKb();
  Resolver resolver(&kb);
  Document doc = Prepare("President Joe Biden spoke.", {{"President Joe Biden", "PER"}});
  resolver.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "President Joe Biden"), "Joe Biden");
}

}  // namespace
}  // namespace tiegraph

namespace tiegraph {
namespace {

TEST(ResolverSurnames, ASurnameTheRecognizerMissedJoinsItsPerson) {
  KnowledgeBase kb = testing::SmallKb();
  Resolver resolver(&kb);
  Document doc = Prepare("Matteo Salvini spoke. Later Salvini left.", {{"Matteo Salvini", "PER"}});
  resolver.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "Salvini", 1), "Matteo Salvini");
}

TEST(ResolverSurnames, ASurnameTaggedAsANounJoinsItsPersonBeforeAVerb) {
  // "Arron Banks donated. Banks met X": the tagger's NOUN "Banks" starts a
  // sentence and a verb follows; "Banks are closed" (AUX next) stays a noun.
  KnowledgeBase kb = testing::SmallKb();
  Resolver resolver(&kb);
  Document doc = Prepare("Arron Banks donated. Banks met Merkel. Banks are closed.", {{"Arron Banks", "PER"}});
  for (auto& t : doc.tokens) t.upos = "X";
  doc.tokens[4].upos = "NOUN";  // Banks
  doc.tokens[5].upos = "VERB";  // met
  doc.tokens[8].upos = "NOUN";  // Banks
  doc.tokens[9].upos = "AUX";   // are
  resolver.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "Banks", 1), "Arron Banks");
  EXPECT_EQ(ActorOf(doc, "Banks", 2), "<unresolved>");
}

TEST(ResolverProperNounRuns, ANameInAppositionToACompanyIsAnOrganisation) {
  // "two companies, Sibur and Zarubezhneft": neither name is in the recognizer's output or the KB.
  KnowledgeBase kb = testing::SmallKb();
  Resolver resolver(&kb);
  Document doc = Prepare("He joined two companies , Sibur and Zarubezhneft .", {});
  const std::vector<std::pair<int, std::string>> parse = {{2, "nsubj"}, {0, "root"}, {4, "nummod"}, {2, "obj"},
                                                          {6, "punct"}, {4, "appos"}, {8, "cc"}, {6, "conj"},
                                                          {2, "punct"}};
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    doc.tokens[i].head = parse[i].first;
    doc.tokens[i].deprel = parse[i].second;
    doc.tokens[i].upos = i == 5 || i == 7 ? "PROPN" : "X";
  }
  resolver.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "Sibur"), "Sibur");
  EXPECT_EQ(ActorOf(doc, "Zarubezhneft"), "Zarubezhneft");
  for (const auto& a : doc.actors) EXPECT_EQ(a.type, ActorType::kOrganization) << a.name;
}

TEST(ResolverNames, DayAndMonthNamesAtASpansEdgeAreNoPartOfTheName) {
  KnowledgeBase kb = testing::SmallKb();
  Resolver resolver(&kb);
  Document doc = Prepare("Interview with Hugh McGuire Sunday , May 28 .", {{"Hugh McGuire Sunday", "PER"}});
  resolver.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "Hugh McGuire"), "Hugh McGuire");
}

TEST(ResolverDescriptions, ThePartyIsThePartyTheKnowledgeBaseKnows) {
  // "the party's treasurer": the National Rally's name lacks "party", its knowledge-base kind says so.
  KnowledgeBase kb = testing::SmallKb();
  Resolver resolver(&kb);
  Document doc = Prepare("The National Rally met . The party 's treasurer left .", {});
  resolver.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "party"), "National Rally");
}

TEST(ResolverNames, ANameFoundOnceIsFoundEverywhere) {
  // The recognizer found "Legislative Council" in the first sentence only.
  KnowledgeBase kb = testing::SmallKb();
  Resolver resolver(&kb);
  Document doc = Prepare("The Legislative Council met . Legislative Council elections followed .",
                         {{"Legislative Council", "ORG"}});
  doc.mentions.pop_back();  // the second occurrence was missed
  resolver.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "Legislative Council", 1), "Legislative Council");
}

TEST(ResolverProperNounRuns, TwoProperNounsTheRecognizerMissedAreAName) {
  KnowledgeBase kb = testing::SmallKb();
  Resolver resolver(&kb);
  Document doc = Prepare("Then Frederick Fung spoke.", {});
  for (auto& t : doc.tokens) t.upos = "X";
  doc.tokens[1].upos = doc.tokens[2].upos = "PROPN";
  resolver.Resolve(doc);
  EXPECT_EQ(ActorOf(doc, "Frederick Fung"), "Frederick Fung");
}

}  // namespace
}  // namespace tiegraph
