#include "tiegraph/extract/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tiegraph/extract/cameo_dictionary.h"
#include "tiegraph/text/segmenter.h"

namespace tiegraph {
namespace {

// A document with its own tokenisation: every word a token, one sentence.
Document PreTokenized(const std::vector<std::string>& words) {
  Document doc;
  Sentence s;
  for (const std::string& w : words) {
    if (!doc.text.empty()) doc.text += ' ';
    Token t;
    t.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += w;
    t.span.end = static_cast<uint32_t>(doc.text.size());
    doc.tokens.push_back(t);
  }
  s.span = {0, static_cast<uint32_t>(doc.text.size())};
  s.token_count = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  return doc;
}

const Pipeline& SharedPipeline() {
  static const std::unique_ptr<Pipeline> pipeline = [] {
    PipelineOptions o;
    o.cameo_path = "none";
    auto p = Pipeline::Create(o);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? std::move(p.value()) : nullptr;
  }();
  return *pipeline;
}

TEST(Pipeline, ProcessTokenizedKeepsTheGivenTokens) {
  // "Moscow." as one token: the tokenizer would split it; the given tokens stay.
  Document doc = PreTokenized({"Marine", "Le", "Pen", "praised", "Vladimir", "Putin", "in", "Moscow."});
  const std::vector<Token> before = doc.tokens;
  ASSERT_TRUE(SharedPipeline().ProcessTokenized(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 1u);
  ASSERT_EQ(doc.tokens.size(), before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(doc.tokens[i].span.begin, before[i].span.begin);
    EXPECT_FALSE(doc.tokens[i].upos.empty()) << i;  // tagged
  }
  EXPECT_FALSE(doc.actors.empty());
}

TEST(Pipeline, AnnotateThenResolveAndExtractIsProcess) {
  Document a;
  a.text = "Marine Le Pen praised Vladimir Putin. She met him in Moscow in 2017.";
  Document b = a;
  ASSERT_TRUE(SharedPipeline().Process(a).ok());
  SegmentAndTokenize(b);
  SharedPipeline().Annotate(b);
  EXPECT_TRUE(b.actors.empty());
  SharedPipeline().ResolveAndExtract(b);
  ASSERT_EQ(a.actors.size(), b.actors.size());
  ASSERT_EQ(a.claims.size(), b.claims.size());
  for (size_t i = 0; i < a.claims.size(); ++i) EXPECT_EQ(a.claims[i].relation, b.claims[i].relation);
}

TEST(Pipeline, CameoPathNoneLoadsNoDictionary) { EXPECT_EQ(SharedPipeline().cameo_verbs(), nullptr); }

TEST(Pipeline, BadCameoPathFailsCreateNamingTheFile) {
  PipelineOptions o;
  o.cameo_path = "/nonexistent/CAMEO.2.0.txt";
  auto p = Pipeline::Create(o);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("/nonexistent/CAMEO.2.0.txt"), std::string::npos);
}

TEST(Pipeline, DefaultCameoPathIsTheSharedDictionaryWhenPresent) {
  std::string path = DefaultCameoPath();
  if (path.empty()) GTEST_SKIP() << "no shared CAMEO dictionary";
  EXPECT_TRUE(std::filesystem::exists(path));
  auto p = Pipeline::Create(PipelineOptions{});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_NE((*p)->cameo_verbs(), nullptr);
  EXPECT_EQ((*p)->cameo_verbs()->RelationOfVerb("extolled"), "praise");
}

}  // namespace
}  // namespace tiegraph
