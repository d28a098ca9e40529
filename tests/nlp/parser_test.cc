#include "tiegraph/nlp/parser.h"

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tiegraph/nlp/parser_eval.h"
#include "tiegraph/nlp/parser_trainer.h"
#include "tiegraph/nlp/parser_tree.h"
#include "tiegraph/nlp/parser_treebank.h"

namespace tiegraph::nlp {
namespace {

TreebankSentence MakeSentence(std::vector<std::string> words, std::vector<std::string> tags,
                              std::vector<int> heads, std::vector<std::string> rels) {
  TreebankSentence s;
  s.form = std::move(words);
  s.upos = tags;
  s.xpos = std::move(tags);
  s.head = std::move(heads);
  s.deprel = std::move(rels);
  return s;
}

std::vector<TreebankSentence> TinyTreebank() {
  return {
      MakeSentence({"Putin", "met", "Salvini", "."}, {"PROPN", "VERB", "PROPN", "PUNCT"}, {2, 0, 2, 2},
                   {"nsubj", "root", "obj", "punct"}),
      MakeSentence({"The", "party", "was", "funded", "by", "Russia", "."},
                   {"DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"}, {2, 4, 4, 0, 6, 4, 4},
                   {"det", "nsubj:pass", "aux:pass", "root", "case", "obl", "punct"}),
      MakeSentence({"Le", "Pen", "praised", "the", "Kremlin"}, {"PROPN", "PROPN", "VERB", "DET", "PROPN"},
                   {3, 1, 0, 5, 3}, {"nsubj", "flat", "root", "det", "obj"}),
      MakeSentence({"He", "criticized", "NATO", "and", "the", "EU", "."},
                   {"PRON", "VERB", "PROPN", "CCONJ", "DET", "PROPN", "PUNCT"}, {2, 0, 2, 6, 6, 3, 2},
                   {"nsubj", "root", "obj", "cc", "det", "conj", "punct"}),
  };
}

Parser TrainTiny(int iterations) {
  ParserTrainingOptions options;
  options.min_feature_count = 1;
  ParserTrainer trainer(TinyTreebank(), options);
  for (int it = 0; it < iterations; ++it) trainer.TrainIteration(it);
  Result<Parser> parser = trainer.Snapshot();
  EXPECT_TRUE(parser.ok()) << parser.status().ToString();
  return std::move(parser).value();
}

std::vector<int> HeadsOf(const Document& doc, const Sentence& s) {
  std::vector<int> heads(1, -1);
  for (uint32_t i = 0; i < s.token_count; ++i) heads.push_back(doc.tokens[s.first_token + i].head);
  return heads;
}

TEST(ParserTree, ProjectivizeLiftsCrossingArcs) {
  // 1 <- 3 is crossed by 2 -> 4 (2 hangs from 4, which is outside 1..3).
  std::vector<int> heads = {-1, 3, 4, 0, 3};
  ASSERT_TRUE(IsWellFormedTree(heads));
  EXPECT_FALSE(IsProjective(heads));
  EXPECT_GT(Projectivize(heads), 0);
  EXPECT_TRUE(IsProjective(heads));
  EXPECT_TRUE(IsWellFormedTree(heads));
  std::vector<int> projective = {-1, 2, 0, 2};
  EXPECT_EQ(Projectivize(projective), 0);
  EXPECT_EQ(projective, (std::vector<int>{-1, 2, 0, 2}));
}

TEST(ParserTree, WellFormedTreeChecks) {
  EXPECT_TRUE(IsWellFormedTree({-1, 0}));
  EXPECT_FALSE(IsWellFormedTree({-1, 0, 0}));     // two roots
  EXPECT_FALSE(IsWellFormedTree({-1, 2, 1}));     // cycle, no root
  EXPECT_FALSE(IsWellFormedTree({-1, 0, 3, 2}));  // cycle beside the root
  EXPECT_FALSE(IsWellFormedTree({-1, 0, 5}));     // head out of range
}

TEST(ParserTree, TreebankTreesBecomeProjective) {
  const std::string path = "/work/shared/corpora/ud_english_ewt/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  auto sentences = ReadTreebank(path);
  ASSERT_TRUE(sentences.ok());
  int nonprojective = 0;
  for (const auto& s : *sentences) {
    std::vector<int> heads(1, -1);
    heads.insert(heads.end(), s.head.begin(), s.head.end());
    if (!IsWellFormedTree(heads)) continue;
    if (!IsProjective(heads)) ++nonprojective;
    Projectivize(heads);
    EXPECT_TRUE(IsProjective(heads));
    EXPECT_TRUE(IsWellFormedTree(heads));
  }
  EXPECT_GT(nonprojective, 0) << "EWT dev has non-projective trees to lift";
}

TEST(Parser, LearnsTinyTreebankAndKeepsSubtypes) {
  Parser parser = TrainTiny(10);
  const auto gold = TinyTreebank();
  Document doc = ToDocument(gold);
  for (const Sentence& s : doc.sentences) parser.Parse(doc, s);
  AttachmentScores scores = ScoreParses(gold, doc);
  EXPECT_EQ(scores.words, 23);
  EXPECT_GE(scores.uas(), 95.0);
  EXPECT_GE(scores.las_full(), 90.0);
  EXPECT_EQ(doc.tokens[doc.sentences[1].first_token + 1].deprel, "nsubj:pass");
}

TEST(Parser, EverySentenceGetsOneWellFormedTree) {
  Parser parser = TrainTiny(3);
  // Unseen words and tags, odd lengths, a one-word sentence.
  std::vector<TreebankSentence> odd = {
      MakeSentence({"x"}, {"X"}, {0}, {"root"}),
      MakeSentence({"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"},
                   {"PUNCT", "PUNCT", "PUNCT", "PUNCT", "PUNCT", "PUNCT", "PUNCT", "PUNCT", "PUNCT", "PUNCT",
                    "PUNCT", "PUNCT"},
                   std::vector<int>(12, 0), std::vector<std::string>(12, "dep")),
      MakeSentence({"Russia", "Russia", "Russia"}, {"VERB", "VERB", "VERB"}, {0, 1, 1}, {"root", "x", "x"}),
  };
  Document doc = ToDocument(odd);
  for (const Sentence& s : doc.sentences) parser.Parse(doc, s);
  for (const Sentence& s : doc.sentences) {
    EXPECT_TRUE(IsWellFormedTree(HeadsOf(doc, s)));
    for (uint32_t i = 0; i < s.token_count; ++i) {
      EXPECT_FALSE(doc.tokens[s.first_token + i].deprel.empty());
    }
  }
  EXPECT_EQ(doc.tokens[0].head, 0);
}

TEST(Parser, SaveLoadRoundTripGivesSameParses) {
  Parser parser = TrainTiny(5);
  const auto path = std::filesystem::temp_directory_path() / "tiegraph_parser_test.bin";
  ASSERT_TRUE(parser.Save(path.string()).ok());
  Result<Parser> loaded = Parser::Load(path.string());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->labels(), parser.labels());
  std::stringstream a, b;
  ASSERT_TRUE(parser.Save(a).ok());
  ASSERT_TRUE(loaded->Save(b).ok());
  EXPECT_EQ(a.str(), b.str());
  Document d1 = ToDocument(TinyTreebank()), d2 = ToDocument(TinyTreebank());
  for (const Sentence& s : d1.sentences) parser.Parse(d1, s);
  for (const Sentence& s : d2.sentences) loaded->Parse(d2, s);
  for (size_t i = 0; i < d1.tokens.size(); ++i) {
    EXPECT_EQ(d1.tokens[i].head, d2.tokens[i].head);
    EXPECT_EQ(d1.tokens[i].deprel, d2.tokens[i].deprel);
  }
  std::filesystem::remove(path);
}

TEST(Parser, RejectsBadModelFiles) {
  EXPECT_FALSE(Parser::FromBytes("").ok());
  EXPECT_FALSE(Parser::FromBytes("TGPARSE1").ok());
  std::stringstream bytes;
  ASSERT_TRUE(TrainTiny(1).Save(bytes).ok());
  const std::string full = bytes.str();
  EXPECT_TRUE(Parser::FromBytes(full).ok());
  EXPECT_FALSE(Parser::FromBytes(full.substr(0, full.size() / 2)).ok());
  EXPECT_FALSE(Parser::Load("/nonexistent/parser.bin").ok());
}

TEST(Parser, TrainingIsDeterministic) {
  std::stringstream a, b;
  ASSERT_TRUE(TrainTiny(4).Save(a).ok());
  ASSERT_TRUE(TrainTiny(4).Save(b).ok());
  EXPECT_EQ(a.str(), b.str());
}

// The committed model, when built: parses a treebank sample well.
TEST(Parser, CommittedModelParsesTreebankSample) {
  const std::string model = std::string(TIEGRAPH_SOURCE_DIR) + "/models/parser.bin";
  const std::string path = "/work/shared/corpora/ud_english_ewt/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(model)) GTEST_SKIP() << model << " not present";
  Result<Parser> parser = Parser::Load(model);
  ASSERT_TRUE(parser.ok()) << parser.status().ToString();
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  auto gold = ReadTreebank(path);
  ASSERT_TRUE(gold.ok());
  gold->resize(300);
  Document doc = ToDocument(*gold);
  for (const Sentence& s : doc.sentences) {
    parser->Parse(doc, s);
    EXPECT_TRUE(IsWellFormedTree(HeadsOf(doc, s)));
  }
  AttachmentScores scores = ScoreParses(*gold, doc);
  EXPECT_GE(scores.uas(), 80.0);
  EXPECT_GE(scores.las(), 75.0);
}

}  // namespace
}  // namespace tiegraph::nlp
