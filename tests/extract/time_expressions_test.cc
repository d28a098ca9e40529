#include "tiegraph/extract/time_expressions.h"

#include <gtest/gtest.h>

#include "tiegraph/text/segmenter.h"

namespace tiegraph {
namespace {

std::vector<std::string> Times(const std::string& text, const std::string& published = "2022-03-01") {
  Document doc;
  doc.text = text;
  SegmentAndTokenize(doc);
  std::vector<std::string> out;
  for (const auto& t : FindTimeExpressions(doc, 0, static_cast<uint32_t>(doc.tokens.size()), published))
    out.push_back(t.value);
  return out;
}

TEST(TimeExpressions, AbsoluteDatesAndYears) {
  EXPECT_EQ(Times("In 2014 she got a loan."), (std::vector<std::string>{"2014"}));
  EXPECT_EQ(Times("on the 9 December 2021 said"), (std::vector<std::string>{"2021-12-09"}));
  EXPECT_EQ(Times("on December 9, 2021 he said"), (std::vector<std::string>{"2021-12-09"}));
  EXPECT_EQ(Times("in March 2019 they met"), (std::vector<std::string>{"2019-03"}));
}

TEST(TimeExpressions, DayAndMonthTakeThePublicationYear) {
  EXPECT_EQ(Times("On the 10 February on TV"), (std::vector<std::string>{"2022-02-10"}));
  // A date after publication belongs to the year before.
  EXPECT_EQ(Times("On 10 December he spoke"), (std::vector<std::string>{"2021-12-10"}));
}

TEST(TimeExpressions, RelativeToPublication) {
  // 2022-03-01 is a Tuesday; last week's Wednesday is 2022-02-23.
  EXPECT_EQ(Times("On Wednesday last week Trump praised Putin"), (std::vector<std::string>{"2022-02-23"}));
  EXPECT_EQ(Times("said last month"), (std::vector<std::string>{"2022-02"}));
  EXPECT_EQ(Times("Last week he flipped"), (std::vector<std::string>{"2022-02"}));
  EXPECT_EQ(Times("a documentary last year"), (std::vector<std::string>{"2021"}));
  EXPECT_EQ(Times("yesterday"), (std::vector<std::string>{"2022-02-28"}));
}

TEST(TimeExpressions, NoPublicationDateSkipsRelativeOnes) {
  EXPECT_TRUE(Times("last month", "").empty());
  EXPECT_EQ(Times("in 2017 and last week", ""), (std::vector<std::string>{"2017"}));
}

TEST(TimeExpressions, MayTheVerbIsNoMonth) {
  EXPECT_TRUE(Times("They may meet 20 delegates.").empty());
}

}  // namespace
}  // namespace tiegraph
