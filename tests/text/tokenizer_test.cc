#include "tiegraph/text/tokenizer.h"

#include <gtest/gtest.h>

#include "tiegraph/text/segmenter.h"

namespace tiegraph {
namespace {

std::vector<std::string> Tokens(const std::string& text) {
  Document doc;
  doc.text = text;
  Tokenize(doc);
  std::vector<std::string> out;
  for (size_t i = 0; i < doc.tokens.size(); ++i) out.emplace_back(doc.TokenText(i));
  return out;
}

TEST(Tokenizer, SplitsPunctuationAndClitics) {
  EXPECT_EQ(Tokens("Putin's friends don't agree, do they?"),
            (std::vector<std::string>{"Putin", "'s", "friends", "do", "n't", "agree", ",", "do", "they", "?"}));
}

TEST(Tokenizer, CurlyApostropheAndQuotes) {
  EXPECT_EQ(Tokens("Trump\u2019s \u201Cgenius\u201D"),
            (std::vector<std::string>{"Trump", "\u2019s", "\u201C", "genius", "\u201D"}));
}

TEST(Tokenizer, KeepsNumbersAbbreviationsAndHyphens) {
  EXPECT_EQ(Tokens("Mr. Smith paid $9.5 million (1,000 euros) to the U.S. long-term."),
            (std::vector<std::string>{"Mr.", "Smith", "paid", "$", "9.5", "million", "(", "1,000", "euros", ")", "to",
                                      "the", "U.S.", "long-term", "."}));
}

TEST(Tokenizer, OffsetsPointIntoTheText) {
  Document doc;
  doc.text = "  Le Pen\u2019s loan \u2014 9 million.";
  Tokenize(doc);
  for (const auto& t : doc.tokens) {
    ASSERT_LT(t.span.begin, t.span.end);
    ASSERT_LE(t.span.end, doc.text.size());
  }
  EXPECT_EQ(doc.TokenText(0), "Le");
  EXPECT_EQ(doc.tokens[0].span.begin, 2u);
  EXPECT_EQ(doc.TokenText(doc.tokens.size() - 1), ".");
}

TEST(Tokenizer, InitialsKeepTheirPeriod) {
  EXPECT_EQ(Tokens("J. Edgar Hoover"), (std::vector<std::string>{"J.", "Edgar", "Hoover"}));
}

TEST(Tokenizer, NamesWithAnInnerPeriodStayWhole) {
  EXPECT_EQ(Tokens("Banks funded Leave.EU and Amazon.com, then left. The end."),
            (std::vector<std::string>{"Banks", "funded", "Leave.EU", "and", "Amazon.com", ",", "then", "left", ".", "The",
                                      "end", "."}));
}

TEST(Tokenizer, BidiAndZeroWidthCharactersAreSpace) {
  EXPECT_EQ(Tokens("Putin\u200B met\u202E Trump"), (std::vector<std::string>{"Putin", "met", "Trump"}));
}

}  // namespace
}  // namespace tiegraph
