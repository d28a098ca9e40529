#include "tiegraph/extract/claim_extractor.h"

#include <gtest/gtest.h>

#include "../testing/test_documents.h"
#include "tiegraph/resolve/resolver.h"

namespace tiegraph {
namespace {

using testing::AddParsedSentence;

class ClaimExtractorTest : public ::testing::Test {
 protected:
  ClaimExtractorTest() : kb_(testing::SmallKb()), resolver_(&kb_) {}

  // Resolves and extracts; returns "subject relation object[ NEG][ alleged][ @time]" lines.
  std::vector<std::string> Run(Document& doc) {
    resolver_.Resolve(doc);
    ClaimExtractor().Extract(doc);
    std::vector<std::string> out;
    for (const auto& c : doc.claims) {
      std::string line = doc.actors[c.subject].name + " " + c.relation + " " + doc.actors[c.object].name;
      if (c.negated) line += " NEG";
      if (c.modality == Modality::kAlleged) line += " alleged";
      if (!c.time.empty()) line += " @" + c.time;
      out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  KnowledgeBase kb_;
  Resolver resolver_;
};

TEST_F(ClaimExtractorTest, ActiveVoice) {
  Document doc;
  AddParsedSentence(doc, {"Putin PROPN 2 nsubj", "praised VERB 0 root", "Bolsonaro PROPN 2 obj", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Putin praise Bolsonaro"}));
}

TEST_F(ClaimExtractorTest, PassiveVoiceSwapsTheArguments) {
  Document doc;
  AddParsedSentence(doc, {"Bolsonaro PROPN 3 nsubj:pass", "was AUX 3 aux:pass", "praised VERB 0 root",
                          "by ADP 5 case", "Putin PROPN 3 obl:agent", ". PUNCT 3 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Putin praise Bolsonaro"}));
}

TEST_F(ClaimExtractorTest, PredicateNounTrigger) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 4 nsubj", "is AUX 4 cop", "an DET 4 det", "admirer NOUN 0 root",
                          "of ADP 6 case", "Putin PROPN 4 nmod", ". PUNCT 4 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel praise Putin"}));
}

TEST_F(ClaimExtractorTest, LoanFromARussianBankIsFundingByRussia) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "received VERB 0 root", "a DET 4 det", "loan NOUN 2 obj",
                          "from ADP 8 case", "a DET 8 det", "Russian ADJ 8 amod", "bank NOUN 4 nmod",
                          "in ADP 10 case", "2014 NUM 2 obl", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Russia fund Merkel @2014"}));
}

TEST_F(ClaimExtractorTest, CoordinatedSubjectsGiveOneClaimEach) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 4 nsubj", "and CCONJ 3 cc", "Bolsonaro PROPN 1 conj", "met VERB 0 root",
                          "Putin PROPN 4 obj", ". PUNCT 4 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Bolsonaro meet Putin", "Merkel meet Putin"}));
}

TEST_F(ClaimExtractorTest, NegationOnTheVerb) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 4 nsubj", "did AUX 4 aux", "not PART 4 advmod", "praise VERB 0 root",
                          "Putin PROPN 4 obj", ". PUNCT 4 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel praise Putin NEG"}));
}

TEST_F(ClaimExtractorTest, HedgedClaimsAreAlleged) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 3 nsubj", "reportedly ADV 3 advmod", "met VERB 0 root",
                          "Putin PROPN 3 obj", ". PUNCT 3 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel meet Putin alleged"}));
}

TEST_F(ClaimExtractorTest, ReportedSpeechOfAnotherSpeakerIsAllegedAndQuoted) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "said VERB 0 root", "\u201C PUNCT 5 punct",
                          "Putin PROPN 5 nsubj", "praised VERB 2 ccomp", "Bolsonaro PROPN 5 obj",
                          "\u201D PUNCT 5 punct"});
  Run(doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  const Claim& c = doc.claims[0];
  EXPECT_EQ(doc.actors[c.subject].name, "Putin");
  EXPECT_EQ(c.modality, Modality::kAlleged);
  EXPECT_EQ(c.quote, "Putin praised Bolsonaro");
  EXPECT_EQ(doc.Slice(c.evidence), doc.text);
}

TEST_F(ClaimExtractorTest, OfficeHolderApposition) {
  Document doc;
  AddParsedSentence(doc, {"the DET 3 det", "Brazilian ADJ 3 amod", "president NOUN 0 root", ", PUNCT 5 punct",
                          "Bolsonaro PROPN 3 appos", ". PUNCT 3 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Bolsonaro member Brazil"}));
}

TEST_F(ClaimExtractorTest, ObjectControlGivesTheSupportedActorAsSubject) {
  // "Russian intervention helped him defeat NATO": support(Russia, him) and oppose(him, NATO).
  Document doc;
  AddParsedSentence(doc, {"Bolsonaro PROPN 2 nsubj", "spoke VERB 0 root", ". PUNCT 2 punct"});
  AddParsedSentence(doc, {"Russian ADJ 2 amod", "intervention NOUN 3 nsubj", "helped VERB 0 root",
                          "him PRON 3 obj", "defeat VERB 3 xcomp", "NATO PROPN 5 obj", ". PUNCT 3 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Bolsonaro oppose NATO", "Russia support Bolsonaro"}));
}

TEST_F(ClaimExtractorTest, ProximityFallbackWithoutAParse) {
  Document doc;
  AddParsedSentence(doc, {"Putin X -1 _", "criticized X -1 _", "NATO X -1 _", ". X -1 _"});
  for (auto& t : doc.tokens) t.upos.clear();
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Putin criticize NATO"}));
}

TEST_F(ClaimExtractorTest, AffiliationNextToANameIsMembership) {
  Document doc;
  AddParsedSentence(doc, {"NATO PROPN 3 nmod:poss", "'s PART 1 case", "Merkel PROPN 6 nsubj", "and CCONJ 5 cc",
                          "Bolsonaro PROPN 3 conj", "spoke VERB 0 root", ". PUNCT 6 punct"});
  AddParsedSentence(doc, {"Putin PROPN 4 nsubj", "of ADP 3 case", "RT PROPN 1 nmod", "left VERB 0 root",
                          ". PUNCT 4 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Bolsonaro member NATO", "Merkel member NATO", "Putin member RT"}));
}

TEST_F(ClaimExtractorTest, QuotationIntroducedBySaidBelongsToTheSpeaker) {
  Document doc;
  doc.published = "2022-03-01";
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "said VERB 0 root", "last ADJ 4 amod", "month NOUN 2 obl:tmod",
                          ": PUNCT 2 punct"});
  AddParsedSentence(doc, {"\u201C PUNCT 5 punct", "Putin PROPN 5 nsubj", "is AUX 5 cop", "a DET 5 det",
                          "genius NOUN 0 root", ". PUNCT 5 punct", "\u201D PUNCT 5 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel praise Putin @2022-02"}));
}

TEST_F(ClaimExtractorTest, CondemningTheInvasionCriticisesTheInvader) {
  Document doc;
  AddParsedSentence(doc, {"Russia PROPN 2 nsubj", "invaded VERB 0 root", "Ukraine PROPN 2 obj", ". PUNCT 2 punct"});
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "condemned VERB 0 root", "the DET 4 det", "invasion NOUN 2 obj",
                          ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel criticize Russia", "Russia oppose Ukraine"}));
}

TEST_F(ClaimExtractorTest, InvasionByAnotherActorIsNotTheDocumentsInvader) {
  Document doc;
  AddParsedSentence(doc, {"Putin PROPN 3 nmod:poss", "'s PART 1 case", "incursion NOUN 5 nsubj", "was AUX 5 cop",
                          "brutal ADJ 0 root", ". PUNCT 5 punct"});
  // "the invasion of Russia": Russia is attacked here, so it is not the doer.
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "condemned VERB 0 root", "the DET 4 det", "invasion NOUN 2 obj",
                          "of ADP 6 case", "Russia PROPN 4 nmod", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), std::vector<std::string>{});
}

TEST_F(ClaimExtractorTest, PredictionsAreNoClaims) {
  Document doc;
  AddParsedSentence(doc, {"Russia PROPN 4 nsubj", "will AUX 4 aux", "not PART 4 advmod", "invade VERB 0 root",
                          "Ukraine PROPN 4 obj", ". PUNCT 4 punct"});
  AddParsedSentence(doc, {"Putin PROPN 3 nsubj", "was AUX 3 aux", "going VERB 0 root", "to PART 5 mark",
                          "praise VERB 3 xcomp", "Merkel PROPN 5 obj", ". PUNCT 3 punct"});
  EXPECT_TRUE(Run(doc).empty());
}

TEST_F(ClaimExtractorTest, SourcesAfterAccordingToAreNoParties) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "praised VERB 0 root", "Putin PROPN 2 obj", "according VERB 6 case",
                          "to ADP 4 fixed", "RT PROPN 2 obl", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel praise Putin alleged"}));
}

TEST_F(ClaimExtractorTest, APersonsPartyIsThePartyTheDocumentGaveHim) {
  Document doc;
  AddParsedSentence(doc, {"Bolsonaro PROPN 4 nsubj", "is AUX 4 cop", "a DET 4 det", "member NOUN 0 root",
                          "of ADP 6 case", "RT PROPN 4 nmod", ". PUNCT 4 punct"});
  AddParsedSentence(doc, {"Putin PROPN 2 nsubj", "praised VERB 0 root", "Bolsonaro PROPN 5 nmod:poss",
                          "'s PART 3 case", "party NOUN 2 obj", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Bolsonaro member RT", "Putin praise RT"}));
}

TEST_F(ClaimExtractorTest, ASupporterInSomeoneIsTheirSupport) {
  Document doc;
  AddParsedSentence(doc, {"Putin PROPN 2 nsubj", "has VERB 0 root", "a DET 4 det", "supporter NOUN 2 obj",
                          "in ADP 6 case", "Bolsonaro PROPN 4 nmod", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Bolsonaro support Putin"}));
}

TEST_F(ClaimExtractorTest, AnAgentNounsPossessorIsItsObject) {
  Document doc;
  // "Merkel is Putin's friend": Merkel is the friend; "his collaborators" alone name no agent.
  AddParsedSentence(doc, {"Merkel PROPN 5 nsubj", "is AUX 5 cop", "Putin PROPN 5 nmod:poss", "'s PART 3 case",
                          "collaborator NOUN 0 root", ". PUNCT 5 punct"});
  AddParsedSentence(doc, {"His PRON 2 nmod:poss", "collaborators NOUN 3 nsubj", "visited VERB 0 root",
                          "Russia PROPN 3 obj", ". PUNCT 3 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel collaborate Putin"}));
}

TEST_F(ClaimExtractorTest, MyFriendIsPraiseAndFriendship) {
  Document doc;
  // Being someone's friend is friendship; calling them "my friend" is praise too.
  AddParsedSentence(doc, {"Merkel PROPN 5 nsubj", "is AUX 5 cop", "Putin PROPN 5 nmod:poss", "'s PART 3 case",
                          "friend NOUN 0 root", ". PUNCT 5 punct"});
  AddParsedSentence(doc, {"Bolsonaro PROPN 2 nsubj", "said VERB 0 root", "\u201C PUNCT 5 punct", "my PRON 5 nmod:poss",
                          "friend NOUN 2 ccomp", "Putin PROPN 5 appos", "\u201D PUNCT 5 punct", ". PUNCT 2 punct"});
  auto claims = Run(doc);
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Bolsonaro praise Putin"), claims.end())
      << ::testing::PrintToString(claims);
  EXPECT_EQ(std::find(claims.begin(), claims.end(), "Merkel praise Putin"), claims.end())
      << ::testing::PrintToString(claims);
}

TEST_F(ClaimExtractorTest, APresidentialCandidateIsNoOfficeHolder) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 0 root", ", PUNCT 6 punct", "the DET 6 det", "French ADJ 6 amod",
                          "presidential ADJ 6 amod", "candidate NOUN 1 appos", ". PUNCT 1 punct"});
  EXPECT_TRUE(Run(doc).empty());
}

TEST_F(ClaimExtractorTest, BoilerplateMenusStateNothing) {
  Document doc;
  std::vector<std::string> rows;
  for (const char* w : {"Home", "Europe", "Putin", "Russia", "Ukraine", "Elections", "Fascism", "Film", "Reviews",
                        "Climate", "Economics", "Praise", "Socialism", "Trump"})
    rows.push_back(std::string(w) + " PROPN 0 root");
  rows[5] = "Elections VERB 0 root";
  AddParsedSentence(doc, rows);
  EXPECT_TRUE(Run(doc).empty());
}

TEST_F(ClaimExtractorTest, BiographyLineGivesEachAffiliation) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 4 nsubj", "is AUX 4 cop", "a DET 4 det", "member NOUN 0 root",
                          "of ADP 6 case", "Socialist PROPN 4 nmod", "Resistance PROPN 6 flat", ", PUNCT 10 punct",
                          "a DET 10 det", "contributor NOUN 4 appos", "to ADP 12 case", "International PROPN 10 nmod",
                          "Viewpoint PROPN 12 flat", "and CCONJ 15 cc", "RT PROPN 12 conj", ". PUNCT 4 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel collaborate International Viewpoint",
                                                "Merkel collaborate RT", "Merkel member Socialist Resistance"}));
}

TEST_F(ClaimExtractorTest, ANationalOfficeIsHeldInTheHoldersCountry) {
  Document doc;
  AddParsedSentence(doc, {"Russia PROPN 2 nsubj", "said VERB 0 root", "that SCONJ 11 mark", "Putin PROPN 11 nsubj",
                          ", PUNCT 7 punct", "the DET 7 det", "president NOUN 4 appos", ", PUNCT 7 punct",
                          "had AUX 11 aux", "never ADV 11 advmod", "visited VERB 2 ccomp", "Brazil PROPN 11 obj",
                          ". PUNCT 2 punct"});
  auto claims = Run(doc);
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Putin member Russia alleged"), claims.end()) << ::testing::PrintToString(claims);
  EXPECT_EQ(std::find(claims.begin(), claims.end(), "Putin member Brazil alleged"), claims.end()) << ::testing::PrintToString(claims);
}

TEST_F(ClaimExtractorTest, AntiAndProWordsNameTheirActor) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 3 nsubj", "was AUX 3 cop", "anti-NATO ADJ 0 root", ". PUNCT 3 punct"});
  AddParsedSentence(doc, {"the DET 3 det", "pro-Russian ADJ 3 amod", "Bolsonaro PROPN 4 nsubj", "spoke VERB 0 root",
                          ". PUNCT 4 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Bolsonaro support Russia", "Merkel criticize NATO"}));
}

TEST_F(ClaimExtractorTest, AnAgentlessPassiveInReportedSpeechIsTheSpeakers) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "said VERB 0 root", "that SCONJ 7 mark", "Putin PROPN 7 nsubj:pass",
                          "could AUX 7 aux", "not PART 7 advmod", "supported VERB 2 ccomp", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel support Putin NEG"}));
}

TEST_F(ClaimExtractorTest, SupporterInADescribedPerson) {
  Document doc;
  AddParsedSentence(doc, {"Putin PROPN 2 nsubj", "has VERB 0 root", "a DET 4 det", "supporter NOUN 2 obj",
                          "in ADP 8 case", "the DET 8 det", "Brazilian ADJ 8 amod", "president NOUN 4 nmod",
                          ", PUNCT 10 punct", "Bolsonaro PROPN 4 appos", ". PUNCT 2 punct"});
  auto claims = Run(doc);
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Bolsonaro support Putin"), claims.end())
      << ::testing::PrintToString(claims);
}

TEST_F(ClaimExtractorTest, PossessiveAffiliations) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "met VERB 0 root", "Putin PROPN 2 obj", ". PUNCT 2 punct"});
  AddParsedSentence(doc, {"His PRON 2 nmod:poss", "spokesman NOUN 4 nsubj", "Bolsonaro PROPN 2 appos",
                          "spoke VERB 0 root", ". PUNCT 4 punct"});
  AddParsedSentence(doc, {"Putin PROPN 3 nmod:poss", "'s PART 1 case", "party NOUN 7 nsubj", ", PUNCT 5 punct",
                          "RT PROPN 3 appos", ", PUNCT 5 punct", "won VERB 0 root", ". PUNCT 7 punct"});
  auto claims = Run(doc);
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Bolsonaro collaborate Putin"), claims.end())
      << ::testing::PrintToString(claims);
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Putin member RT"), claims.end())
      << ::testing::PrintToString(claims);
}

TEST_F(ClaimExtractorTest, LabellingSomeoneWithAnEvaluativeWord) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "defined VERB 0 root", "Putin PROPN 2 obj", "as ADP 6 case",
                          "a DET 6 det", "puppet NOUN 2 obl", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel criticize Putin"}));
}

TEST_F(ClaimExtractorTest, DrawingCriticismMakesTheSubjectItsTarget) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "drew VERB 0 root", "criticism NOUN 2 obj", "from ADP 5 case",
                          "Putin PROPN 3 nmod", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Putin criticize Merkel"}));
}

TEST_F(ClaimExtractorTest, ParticiplesAndRefusalsAreNoClaims) {
  Document doc;
  // "Russian working people", "Brazil was denied visas": no tie.
  AddParsedSentence(doc, {"Russian ADJ 3 amod", "working VERB 3 amod", "people NOUN 4 nsubj", "spoke VERB 0 root",
                          "with ADP 6 case", "NATO PROPN 4 obl", ". PUNCT 4 punct"});
  AddParsedSentence(doc, {"Brazil PROPN 3 nsubj:pass", "was AUX 3 aux:pass", "denied VERB 0 root", "visas NOUN 3 obj",
                          "by ADP 6 case", "Russia PROPN 3 obl:agent", ". PUNCT 3 punct"});
  EXPECT_EQ(Run(doc), std::vector<std::string>{});
}

TEST_F(ClaimExtractorTest, RefusingToCondemnIsNoCondemnation) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 3 nsubj", "has AUX 3 aux", "refused VERB 0 root", "to PART 5 mark",
                          "condemn VERB 3 xcomp", "Russia PROPN 5 obj", ". PUNCT 3 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel criticize Russia NEG"}));
}

TEST_F(ClaimExtractorTest, ThePossessorOfSupportGivesIt) {
  // "Bolsonaro thanked Merkel for her support": Merkel supports Bolsonaro.
  Document doc;
  AddParsedSentence(doc, {"Bolsonaro PROPN 2 nsubj", "thanked VERB 0 root", "Merkel PROPN 2 obj", "for ADP 6 case",
                          "her PRON 6 nmod:poss", "support NOUN 2 obl", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Bolsonaro praise Merkel", "Merkel support Bolsonaro"}));
}

TEST_F(ClaimExtractorTest, AParticipleWithAnAgentIsPassive) {
  // "RT, founded by Putin, ...": member(Putin, RT).
  Document doc;
  AddParsedSentence(doc, {"RT PROPN 6 nsubj", ", PUNCT 3 punct", "founded VERB 1 acl VBN", "by ADP 5 case",
                          "Putin PROPN 3 obl:agent", "grew VERB 0 root", ". PUNCT 6 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Putin member RT"}));
  // "with Merkel defeating Putin by 5,000 votes": the "by" phrase is no agent.
  Document votes;
  AddParsedSentence(votes, {"with ADP 2 case", "Merkel PROPN 0 root", "defeating VERB 2 acl VBG", "Putin PROPN 3 obj",
                            "by ADP 7 case", "5,000 NUM 7 nummod", "votes NOUN 3 obl", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(votes), (std::vector<std::string>{"Merkel oppose Putin"}));
}

TEST_F(ClaimExtractorTest, ThePrepositionalObjectMayHangOnTheThingGiven) {
  // "Putin lent $10 million to Bolsonaro" with "to Bolsonaro" attached to "$".
  Document doc;
  AddParsedSentence(doc, {"Putin PROPN 2 nsubj", "lent VERB 0 root", "$ SYM 2 obj", "10 NUM 5 compound",
                          "million NUM 3 nummod", "to ADP 7 case", "Bolsonaro PROPN 3 nmod", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Putin fund Bolsonaro"}));
}

TEST_F(ClaimExtractorTest, APassiveWithoutAuxiliaryButWithAnObjectIsActive) {
  // The tagger's "attacked/VBN" after a name, parsed as nsubj:pass + obj.
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj:pass", "attacked VERB 0 root", "Putin PROPN 2 obj", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel criticize Putin"}));
  // The same with the object parsed as xcomp: "Merkel hosted Putin".
  Document xcomp;
  AddParsedSentence(xcomp, {"Merkel PROPN 2 nsubj:pass", "hosted VERB 0 root", "Putin PROPN 2 xcomp", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(xcomp), (std::vector<std::string>{"Merkel meet Putin"}));
}

TEST_F(ClaimExtractorTest, ACooperationAgreementIsCollaboration) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "signed VERB 0 root", "a DET 5 det", "cooperation NOUN 5 compound",
                          "agreement NOUN 2 obj", "with ADP 7 case", "NATO PROPN 5 nmod", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel collaborate NATO"}));
}

TEST_F(ClaimExtractorTest, LiftingSanctionsAgainstACountrySupportsIt) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "called VERB 0 root", "for ADP 5 case", "the DET 5 det",
                          "lifting NOUN 2 obl", "of ADP 7 case", "sanctions NOUN 5 nmod", "against ADP 9 case",
                          "Russia PROPN 7 nmod", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel support Russia"}));
}

TEST_F(ClaimExtractorTest, AnAllyIsAlignedNotAlsoLinked) {
  // "Merkel is a close ally of Putin": `close` would give `linked` as well.
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 5 nsubj", "is AUX 5 cop", "a DET 5 det", "close ADJ 5 amod",
                          "ally NOUN 0 root", "of ADP 7 case", "Putin PROPN 5 nmod", ". PUNCT 5 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel aligned Putin"}));
  // "Merkel attacked NATO allies": allies within NATO, not of it (and no aligned(Merkel, NATO)).
  Document within;
  AddParsedSentence(within, {"Merkel PROPN 2 nsubj", "attacked VERB 0 root VBD", "NATO PROPN 4 compound",
                             "allies NOUN 2 obj", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(within), std::vector<std::string>{});
}

TEST_F(ClaimExtractorTest, OneOfTheSupportersIsASupporter) {
  // "Merkel has been one of Bolsonaro's strongest supporters", but "the wife of a Russian minister" holds no office.
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 4 nsubj", "has AUX 4 aux", "been AUX 4 cop", "one NUM 0 root", "of ADP 9 case",
                          "Bolsonaro PROPN 9 nmod:poss", "'s PART 6 case", "strongest ADJ 9 amod",
                          "supporters NOUN 4 nmod", ". PUNCT 4 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel support Bolsonaro"}));
  Document wife;
  AddParsedSentence(wife, {"Merkel PROPN 0 root", ", PUNCT 4 punct", "the DET 4 det", "wife NOUN 1 appos", "of ADP 8 case",
                           "a DET 8 det", "Russian ADJ 8 amod", "minister NOUN 4 nmod", ". PUNCT 1 punct"});
  EXPECT_EQ(Run(wife), std::vector<std::string>{});
}

TEST_F(ClaimExtractorTest, AnActorAfterAnotherPrepositionIsNoObjectOfThisSense) {
  // "campaign" is support with "for" and oppose with "against": "campaigned for NATO" is no opposition.
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "campaigned VERB 0 root", "for ADP 4 case", "NATO PROPN 2 obl",
                          ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel support NATO"}));
}

TEST_F(ClaimExtractorTest, ARolePhraseParsedWithTheOrganisationAsHeadNamesThePerson) {
  // "NATO chief Merkel criticised Putin", the parse making "NATO" the subject.
  Document doc;
  AddParsedSentence(doc, {"NATO PROPN 4 nsubj", "chief NOUN 1 flat", "Merkel PROPN 1 flat", "criticised VERB 0 root",
                          "Putin PROPN 4 obj", ". PUNCT 4 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel criticize Putin", "Merkel member NATO"}));
}

TEST_F(ClaimExtractorTest, JoiningTheBoardOfAnOrganisationIsMembership) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "joined VERB 0 root", "the DET 4 det", "boards NOUN 2 obj",
                          "of ADP 6 case", "RT PROPN 4 nmod", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel member RT"}));
}

TEST_F(ClaimExtractorTest, ProximityStaysInTheTriggersClause) {
  // A trigger the parse gave no arguments takes its nearest actors, but not
  // across a finite verb: "Merkel resigned; meeting Putin ..." names no meeting of Merkel's.
  Document near;
  AddParsedSentence(near, {"Merkel PROPN 3 dep", "then ADV 3 advmod", "meeting NOUN 6 dep", "with ADP 5 dep",
                           "Putin PROPN 3 dep", "began VERB 0 root VBD", ". PUNCT 6 punct"});
  EXPECT_EQ(Run(near), (std::vector<std::string>{"Merkel meet Putin"}));
  Document far;
  AddParsedSentence(far, {"Merkel PROPN 2 nsubj", "resigned VERB 0 root VBD", "after ADP 4 case", "meeting NOUN 2 dep",
                          "with ADP 6 case", "Putin PROPN 4 dep", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(far), std::vector<std::string>{});
}

TEST_F(ClaimExtractorTest, ANounTakesAProximityObjectOnlyThroughItsPreposition) {
  // "war" names its object with on/against/with.
  Document bare;
  AddParsedSentence(bare, {"Merkel PROPN 3 dep", "then ADV 3 advmod", "war NOUN 5 dep", "Putin PROPN 3 dep",
                           "began VERB 0 root VBD", ". PUNCT 5 punct"});
  EXPECT_EQ(Run(bare), std::vector<std::string>{});
  Document on;
  AddParsedSentence(on, {"Merkel PROPN 3 dep", "then ADV 3 advmod", "war NOUN 6 dep", "on ADP 5 dep", "Putin PROPN 3 dep",
                         "began VERB 0 root VBD", ". PUNCT 6 punct"});
  EXPECT_EQ(Run(on), (std::vector<std::string>{"Merkel oppose Putin"}));
}

TEST_F(ClaimExtractorTest, TheAgentOfAParticipleModifyingANounDoesWhatTheNounNames) {
  // "Russia survived sanctions imposed by NATO".
  Document doc;
  AddParsedSentence(doc, {"Russia PROPN 2 nsubj", "survived VERB 0 root VBD", "sanctions NOUN 2 obj",
                          "imposed VERB 3 acl VBN", "by ADP 6 case", "NATO PROPN 4 obl:agent", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"NATO oppose Russia"}));
}

TEST_F(ClaimExtractorTest, CuttingTiesNegatesTheTie) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 3 nsubj", "has AUX 3 aux", "cut VERB 0 root VBN", "ties NOUN 3 obj",
                          "with ADP 6 case", "Putin PROPN 4 nmod", ". PUNCT 3 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel linked Putin NEG"}));
}

TEST_F(ClaimExtractorTest, SupplyingWeaponsIsSupportNotTrade) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "supplied VERB 0 root VBD", "weapons NOUN 2 obj", "to ADP 5 case",
                          "Bolsonaro PROPN 2 obl", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel support Bolsonaro"}));
  Document gas;
  AddParsedSentence(gas, {"Merkel PROPN 2 nsubj", "supplied VERB 0 root VBD", "gas NOUN 2 obj", "to ADP 5 case",
                          "Bolsonaro PROPN 2 obl", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(gas), (std::vector<std::string>{"Merkel business Bolsonaro"}));
}

TEST_F(ClaimExtractorTest, AnOfficesOwnWordsSitBetweenTheRoleAndTheHolder) {
  // "US Secretary of State Merkel".
  Document doc;
  AddParsedSentence(doc, {"US PROPN 2 compound", "Secretary PROPN 5 compound", "of ADP 4 case", "State PROPN 2 nmod",
                          "Merkel PROPN 6 nsubj", "spoke VERB 0 root VBD", ". PUNCT 6 punct"});
  // As the recognizer gives it: only "Merkel" is a name.
  for (auto& t : doc.tokens) t.ner = "O";
  Mention merkel;
  merkel.first_token = 4;
  merkel.last_token = 5;
  merkel.span = doc.tokens[4].span;
  merkel.label = "PER";
  doc.mentions.push_back(merkel);
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel member United States"}));
}

TEST_F(ClaimExtractorTest, ADateOnTheMainClauseDoesNotDateARelativeClause) {
  // "Merkel, who served under Putin, spoke in 2014": the service is undated.
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 8 nsubj", ", PUNCT 4 punct", "who PRON 4 nsubj", "served VERB 1 acl:relcl",
                          "under ADP 6 case", "Putin PROPN 4 obl", ", PUNCT 4 punct", "spoke VERB 0 root",
                          "in ADP 10 case", "2014 NUM 8 obl", ". PUNCT 8 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel collaborate Putin"}));
  Document dated;
  AddParsedSentence(dated, {"Merkel PROPN 2 nsubj", "served VERB 0 root", "under ADP 4 case", "Putin PROPN 2 obl",
                            "in ADP 6 case", "2014 NUM 2 obl", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(dated), (std::vector<std::string>{"Merkel collaborate Putin @2014"}));
}

TEST_F(ClaimExtractorTest, TheTwoLeadersAreTheTwoPeopleJustNamed) {
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "hosted VERB 0 root VBD", "Putin PROPN 2 obj", ". PUNCT 2 punct"});
  AddParsedSentence(doc, {"The DET 3 det", "two NUM 3 nummod", "leaders NOUN 4 nsubj", "praised VERB 0 root VBD",
                          "NATO PROPN 4 obj", ". PUNCT 4 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel meet Putin", "Merkel praise NATO", "Putin praise NATO"}));
}

TEST_F(ClaimExtractorTest, WhatAnAccusationSaysIsAlleged) {
  // "Merkel accused Bolsonaro of being dependent on Russia".
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "accused VERB 0 root VBD", "Bolsonaro PROPN 2 obj", "of SCONJ 6 mark",
                          "being AUX 6 cop", "dependent ADJ 3 acl", "on ADP 8 case", "Russia PROPN 6 obl",
                          ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Bolsonaro business Russia alleged", "Merkel criticize Bolsonaro"}));
}

TEST_F(ClaimExtractorTest, AnOfficeOfAStateOrOrganisationNamedByItsPossessor) {
  // "Russia's ambassador to France, Merkel, spoke" -> member(Merkel, Russia).
  Document doc;
  AddParsedSentence(doc, {"Russia PROPN 3 nmod:poss", "'s PART 1 case", "ambassador NOUN 9 nsubj", "to ADP 5 case",
                          "France PROPN 3 nmod", ", PUNCT 7 punct", "Merkel PROPN 3 appos", ", PUNCT 3 punct",
                          "spoke VERB 0 root VBD", ". PUNCT 9 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel member Russia"}));
  // "NATO spoke. Its foreign affairs undersecretary, Merkel, left."
  Document its;
  AddParsedSentence(its, {"NATO PROPN 2 nsubj", "spoke VERB 0 root VBD", ". PUNCT 2 punct"});
  AddParsedSentence(its, {"Its PRON 4 nmod:poss", "foreign ADJ 3 amod", "affairs NOUN 4 compound",
                          "undersecretary NOUN 8 nsubj", ", PUNCT 6 punct", "Merkel PROPN 4 appos", ", PUNCT 4 punct",
                          "left VERB 0 root VBD", ". PUNCT 8 punct"});
  EXPECT_EQ(Run(its), (std::vector<std::string>{"Merkel member NATO"}));
}

TEST_F(ClaimExtractorTest, TheElectedBecomeMembersOfTheBodyTheElectionFills) {
  // "The NATO election was held. Merkel was elected." -> member(Merkel, NATO).
  Document doc;
  AddParsedSentence(doc, {"The DET 3 det", "NATO PROPN 3 compound", "election NOUN 5 nsubj:pass", "was AUX 5 aux:pass",
                          "held VERB 0 root VBN", ". PUNCT 5 punct"});
  AddParsedSentence(doc, {"Merkel PROPN 3 nsubj:pass", "was AUX 3 aux:pass", "elected VERB 0 root VBN",
                          ". PUNCT 3 punct"});
  // "The candidates elected were Putin and Bolsonaro."
  AddParsedSentence(doc, {"The DET 2 det", "candidates NOUN 5 nsubj", "elected VERB 2 acl VBN", "were AUX 5 cop",
                          "Putin PROPN 0 root", "and CCONJ 7 cc", "Bolsonaro PROPN 5 conj", ". PUNCT 5 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Bolsonaro member NATO", "Merkel member NATO", "Putin member NATO"}));
}

TEST_F(ClaimExtractorTest, AVerbWhoseSubjectNamesNoActorGuessesNone) {
  // "Bolsonaro, I attended NATO" (parsed without an object): the attendee is "I", not Bolsonaro.
  Document doc;
  AddParsedSentence(doc, {"Bolsonaro PROPN 4 dep", ", PUNCT 4 punct", "I PRON 4 nsubj", "attended VERB 0 root VBD",
                          "NATO PROPN 4 dep", ". PUNCT 4 punct"});
  EXPECT_EQ(Run(doc), std::vector<std::string>{});
}

TEST_F(ClaimExtractorTest, CriticisingAPolicyCriticisesItsHolders) {
  // "Brazil maintained a policy which NATO criticised."
  Document doc;
  AddParsedSentence(doc, {"Brazil PROPN 2 nsubj", "maintained VERB 0 root VBD", "a DET 4 det", "policy NOUN 2 obj",
                          "which PRON 7 obj", "NATO PROPN 7 nsubj", "criticised VERB 4 acl:relcl VBD",
                          ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"NATO criticize Brazil"}));
}

TEST_F(ClaimExtractorTest, ANonFiniteClauseOfAPredictionIsPredictedToo) {
  // "A victory for Putin will be a defeat for those supporting Merkel": no support claim.
  Document doc;
  AddParsedSentence(doc, {"A DET 2 det", "victory NOUN 8 nsubj", "for ADP 4 case", "Putin PROPN 2 nmod",
                          "will AUX 8 aux", "be AUX 8 cop", "a DET 8 det", "defeat NOUN 0 root", "for ADP 10 case",
                          "those PRON 8 nmod", "supporting VERB 10 acl VBG", "Merkel PROPN 11 obj", ". PUNCT 8 punct"});
  EXPECT_EQ(Run(doc), std::vector<std::string>{});
}

TEST_F(ClaimExtractorTest, VotingAgainstHelpIsRefusedHelp) {
  // "Merkel voted against military aid for Bolsonaro".
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 2 nsubj", "voted VERB 0 root VBD", "against ADP 5 case", "military ADJ 5 amod",
                          "aid NOUN 2 obl", "for ADP 7 case", "Bolsonaro PROPN 5 nmod", ". PUNCT 2 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel support Bolsonaro NEG"}));
}

TEST_F(ClaimExtractorTest, TheAccusedDoesWhatTheAccusationNames) {
  // "Merkel has been accused of links to Russian intelligence."
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 4 nsubj:pass", "has AUX 4 aux", "been AUX 4 aux:pass", "accused VERB 0 root VBN",
                          "of ADP 6 case", "links NOUN 4 obl", "to ADP 9 case", "Russian ADJ 9 amod",
                          "intelligence NOUN 6 nmod", ". PUNCT 4 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel linked Russia alleged"}));
}

TEST_F(ClaimExtractorTest, ANamedOwnersOrganisationFollowedByPartyIsHisParty) {
  // "Merkel's RT party voted." -> member(Merkel, RT).
  Document doc;
  AddParsedSentence(doc, {"Merkel PROPN 4 nmod:poss", "'s PART 1 case", "RT PROPN 4 compound", "party NOUN 5 nsubj",
                          "voted VERB 0 root VBD", ". PUNCT 5 punct"});
  EXPECT_EQ(Run(doc), (std::vector<std::string>{"Merkel member RT"}));
}

}  // namespace
}  // namespace tiegraph
