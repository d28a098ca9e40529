#include "tiegraph/nlp/conllu.h"

#include <gtest/gtest.h>

#include <sstream>

namespace tiegraph::nlp {
namespace {

constexpr char kConllu[] =
    "# sent_id = s1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4.1\tsaid\tsay\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "1\tParis\tParis\tPROPN\tNNP\t_\t0\troot\t_\tNER=B-LOC\n"
    "\n";

TEST(Conllu, ReadsWordsIntoDocumentWithValidSpans) {
  auto corpus = ParseConllu(kConllu);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  const Document& doc = corpus->doc;
  ASSERT_EQ(doc.sentences.size(), 2u);
  ASSERT_EQ(doc.tokens.size(), 6u);  // the MWT line and the empty node are not tokens
  EXPECT_EQ(doc.text, "I do n't know .\nParis");
  EXPECT_EQ(doc.TokenText(2), "n't");
  EXPECT_EQ(doc.TokenText(5), "Paris");
  EXPECT_EQ(doc.sentences[1].first_token, 5u);
  EXPECT_EQ(corpus->sentences[0].lines.size(), 7u);
  EXPECT_EQ(corpus->sentences[0].word_lines.size(), 5u);
  EXPECT_EQ(corpus->sentences[0].SentId(), "s1");
  EXPECT_EQ(corpus->sentences[1].gold_ner, std::vector<std::string>{"B-LOC"});
}

TEST(Conllu, FillGoldLayers) {
  auto corpus = ParseConllu(kConllu);
  ASSERT_TRUE(corpus.ok());
  FillGoldLayers(*corpus);
  const Document& doc = corpus->doc;
  EXPECT_EQ(doc.tokens[0].upos, "PRON");
  EXPECT_EQ(doc.tokens[0].xpos, "PRP");
  EXPECT_EQ(doc.tokens[0].head, 3);
  EXPECT_EQ(doc.tokens[3].deprel, "root");
  EXPECT_EQ(doc.tokens[5].ner, "U-LOC");  // BIO in the file, BILOU in the document
}

TEST(Conllu, WriteKeepsCommentsIdsFormsAndAddsPredictions) {
  auto corpus = ParseConllu(kConllu);
  ASSERT_TRUE(corpus.ok());
  Document& doc = corpus->doc;
  for (Token& t : doc.tokens) {
    t.upos = "X";
    t.xpos = "XX";
    t.head = 0;
    t.deprel = "dep";
    t.ner = "O";
  }
  doc.tokens[5].ner = "U-LOC";
  std::ostringstream out;
  WriteConllu(*corpus, out);
  std::string text = out.str();
  EXPECT_NE(text.find("# sent_id = s1\n# text = I don't know.\n"), std::string::npos);
  EXPECT_NE(text.find("2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"), std::string::npos);
  EXPECT_NE(text.find("4.1\tsaid\t_"), std::string::npos);
  EXPECT_NE(text.find("4\tknow\t_\tX\tXX\t_\t0\tdep\t_\tNER=O|SpaceAfter=No\n"), std::string::npos);
  EXPECT_NE(text.find("1\tParis\t_\tX\tXX\t_\t0\tdep\t_\tNER=B-LOC\n"), std::string::npos);
  // Reading the output back gives the same words and sentence structure.
  auto again = ParseConllu(text);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->doc.text, doc.text);
  EXPECT_EQ(again->sentences[0].lines.size(), 7u);
  FillGoldLayers(*again);
  EXPECT_EQ(again->doc.tokens[5].ner, "U-LOC");
  EXPECT_EQ(again->doc.tokens[1].upos, "X");
}

TEST(Conllu, UnparsedLayersWriteUnderscores) {
  auto corpus = ParseConllu(kConllu);
  ASSERT_TRUE(corpus.ok());
  std::ostringstream out;
  WriteConllu(*corpus, out);
  EXPECT_NE(out.str().find("1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n"), std::string::npos);
}

TEST(Conllu, RejectsMalformedLines) {
  auto r = ParseConllu("1\tword\tonly three\n\n", "bad.conllu");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.conllu:1"), std::string::npos);
}

TEST(Iob2, ReadsTagsAndToleratesShortLines) {
  auto corpus = ParseIob2(
      "# sent_id = a-1\n1\tMiramar\tB-LOC\t-\tstephen\n2\tis\tO\n3\tnice\tO\t-\t-\n\n"
      "1\tNew\tB-LOC\n2\tYork\tI-LOC\n");
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  EXPECT_EQ(corpus->doc.sentences.size(), 2u);
  EXPECT_EQ(corpus->sentences[0].gold_ner, (std::vector<std::string>{"B-LOC", "O", "O"}));
  FillGoldLayers(*corpus);
  EXPECT_EQ(corpus->doc.tokens[3].ner, "B-LOC");
  EXPECT_EQ(corpus->doc.tokens[4].ner, "L-LOC");
  EXPECT_FALSE(ParseIob2("1\tx\tX-LOC\n").ok());
}

TEST(Conllu, MissingFileIsNotFound) {
  auto r = ReadConlluFile("/nonexistent/file.conllu");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace tiegraph::nlp
