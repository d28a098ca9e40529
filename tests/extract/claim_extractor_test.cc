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

}  // namespace
}  // namespace tiegraph
