#include "tiegraph/text/segmenter.h"

#include <gtest/gtest.h>

namespace tiegraph {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  Document doc;
  doc.text = text;
  SegmentAndTokenize(doc);
  std::vector<std::string> out;
  for (const auto& s : doc.sentences) out.emplace_back(doc.Slice(s.span));
  return out;
}

TEST(Segmenter, AbbreviationsAndTitlesDoNotEndSentences) {
  EXPECT_EQ(Sentences("Mr. Smith met Dr. Jones in Washington. They talked, e.g. about trade."),
            (std::vector<std::string>{"Mr. Smith met Dr. Jones in Washington.", "They talked, e.g. about trade."}));
}

TEST(Segmenter, AcronymAtTheEndOfASentence) {
  EXPECT_EQ(Sentences("He lives in the U.S. The election was rigged."),
            (std::vector<std::string>{"He lives in the U.S.", "The election was rigged."}));
  EXPECT_EQ(Sentences("The U.S. economy grew."), (std::vector<std::string>{"The U.S. economy grew."}));
}

TEST(Segmenter, InitialsAndDecimals) {
  EXPECT_EQ(Sentences("J. R. R. Tolkien earned 2.5 million. Then he left."),
            (std::vector<std::string>{"J. R. R. Tolkien earned 2.5 million.", "Then he left."}));
}

TEST(Segmenter, QuotesAndParenthesesStayWithTheirSentence) {
  EXPECT_EQ(Sentences("He said: \u201CWe should respect that.\u201D Then he left. (He was angry.) Fine."),
            (std::vector<std::string>{"He said: \u201CWe should respect that.\u201D", "Then he left.",
                                      "(He was angry.)", "Fine."}));
}

TEST(Segmenter, LineBreaksEndHeadingsButNotWrappedLines) {
  EXPECT_EQ(Sentences("Britain (England)\n\nNigel Farage is an admirer\nof Putin.\nItaly\nSalvini met him."),
            (std::vector<std::string>{"Britain (England)", "Nigel Farage is an admirer\nof Putin.", "Italy",
                                      "Salvini met him."}));
}

TEST(Segmenter, SentenceTokensCoverAllTokens) {
  Document doc;
  doc.text = "One. Two! Three? Four";
  SegmentAndTokenize(doc);
  uint32_t total = 0;
  for (const auto& s : doc.sentences) {
    EXPECT_EQ(s.first_token, total);
    total += s.token_count;
  }
  EXPECT_EQ(total, doc.tokens.size());
  EXPECT_EQ(doc.sentences.size(), 4u);
}

}  // namespace
}  // namespace tiegraph
