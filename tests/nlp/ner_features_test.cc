#include "tiegraph/nlp/ner_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace tiegraph::nlp {
namespace {

// One sentence per element, tokens split at spaces, all tagged X.
Document MakeDocument(const std::vector<std::string>& sentences) {
  Document doc;
  for (const std::string& text : sentences) {
    Sentence s;
    s.first_token = static_cast<uint32_t>(doc.tokens.size());
    uint32_t base = static_cast<uint32_t>(doc.text.size());
    doc.text += text;
    uint32_t start = base;
    for (uint32_t i = base; i <= doc.text.size(); ++i) {
      if (i == doc.text.size() || doc.text[i] == ' ') {
        Token t;
        t.span = Span{start, i};
        t.upos = "X";
        t.xpos = "X";
        doc.tokens.push_back(t);
        start = i + 1;
      }
    }
    s.token_count = static_cast<uint32_t>(doc.tokens.size()) - s.first_token;
    s.span = Span{base, static_cast<uint32_t>(doc.text.size())};
    doc.sentences.push_back(s);
    doc.text.push_back('\n');
  }
  return doc;
}

std::set<uint64_t> Static(const NerSentence& f, int i) {
  uint64_t out[NerSentence::kMaxStatic];
  size_t n = f.StaticFeatures(i, out);
  EXPECT_LE(n, NerSentence::kMaxStatic);
  return std::set<uint64_t>(out, out + n);
}

TEST(NerFeatures, CapitalisedRunsTakeConnectorsBetweenCapitals) {
  Document doc = MakeDocument({"a complaint against the Housing Authority of New Orleans and the Mayor of"});
  NerSentence f;
  f.Prepare(doc, doc.sentences[0], nullptr);
  ASSERT_EQ(f.size(), 13);
  // "Housing Authority of New Orleans" = tokens 4..8.
  for (int i = 4; i < 9; ++i) {
    EXPECT_EQ(f.run_begin(i), 4) << i;
    EXPECT_EQ(f.run_end(i), 9) << i;
  }
  EXPECT_EQ(f.run_begin(1), f.run_end(1));  // "complaint": no run
  EXPECT_EQ(f.run_begin(9), f.run_end(9));  // "and" between a capital and "the"
  // "Mayor of" at the end: the connector needs a capital after it.
  EXPECT_EQ(f.run_begin(11), 11);
  EXPECT_EQ(f.run_end(11), 12);
  EXPECT_EQ(f.run_begin(12), 12);
  EXPECT_EQ(f.run_end(12), 12);
}

TEST(NerFeatures, RunEndWordReachesEveryTokenOfTheRun) {
  // The first token of "Acme Bank" and of "Acme Motors" differ only by the
  // run's last word.
  Document a = MakeDocument({"at Acme Bank today"});
  Document b = MakeDocument({"at Acme Motors today"});
  NerSentence fa, fb;
  fa.Prepare(a, a.sentences[0], nullptr);
  fb.Prepare(b, b.sentences[0], nullptr);
  std::set<uint64_t> sa = Static(fa, 1), sb = Static(fb, 1);
  EXPECT_NE(sa, sb);
  // The token "at" has the same features except the window words.
  EXPECT_EQ(Static(fa, 0).size(), Static(fb, 0).size());
}

TEST(NerFeatures, LabelFeaturesDependOnThePreviousLabel) {
  Document doc = MakeDocument({"John Smith left"});
  NerSentence f;
  f.Prepare(doc, doc.sentences[0], nullptr);
  uint64_t a[NerSentence::kMaxLabel], b[NerSentence::kMaxLabel];
  size_t na = f.LabelFeatures(1, 3, a);
  size_t nb = f.LabelFeatures(1, NerSentence::kStart, b);
  ASSERT_EQ(na, nb);
  ASSERT_GT(na, 0u);
  for (size_t k = 0; k < na; ++k) EXPECT_NE(a[k], b[k]);
  // Deterministic.
  size_t nc = f.LabelFeatures(1, 3, b);
  ASSERT_EQ(na, nc);
  EXPECT_TRUE(std::equal(a, a + na, b));
}

TEST(NerFeatures, DocumentUseSeesNeighbouringSentences) {
  // "Apple" starts the last sentence; whether the word is written with a
  // capital elsewhere in the document changes its features.
  Document with = MakeDocument({"I like Apple phones", "they work", "Apple sells them"});
  Document without = MakeDocument({"I like apple pie", "they work", "Apple sells them"});
  NerSentence fw, fo;
  fw.Prepare(with, with.sentences[2], nullptr);
  fo.Prepare(without, without.sentences[2], nullptr);
  EXPECT_NE(Static(fw, 0), Static(fo, 0));
  // A sentence that is not one of the document's own (a copy) gets no
  // document context, and the same features as a lone sentence.
  Sentence copy = with.sentences[2];
  NerSentence fc, fl;
  fc.Prepare(with, copy, nullptr);
  Document lone = MakeDocument({"Apple sells them"});
  fl.Prepare(lone, lone.sentences[0], nullptr);
  EXPECT_EQ(Static(fc, 0), Static(fl, 0));
}

TEST(NerFeatures, GazetteerMatchesAddFeatures) {
  Document doc = MakeDocument({"he flew to Xyzzy City"});
  Gazetteer gaz;
  gaz.Add("Xyzzy City", 'L');
  NerSentence plain, with;
  plain.Prepare(doc, doc.sentences[0], nullptr);
  with.Prepare(doc, doc.sentences[0], &gaz);
  EXPECT_NE(Static(plain, 3), Static(with, 3));
  EXPECT_NE(Static(plain, 4), Static(with, 4));
  EXPECT_EQ(Static(plain, 0), Static(with, 0));
}

}  // namespace
}  // namespace tiegraph::nlp
