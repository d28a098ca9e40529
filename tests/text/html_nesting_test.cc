// ExtractHtml on pathologically deep nesting (issue 8): gumbo 0.10 needs time
// quadratic in the depth, so tags past 512 levels are dropped before parsing
// (100,000 nested <div>s took minutes before; the fuzz replay of the HTML
// loader ran 6 min 51 s on them). The text inside must survive, and ordinary
// documents must come out as before.
#include "tiegraph/text/html.h"

#include <gtest/gtest.h>

#include <string>

namespace tiegraph {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(HtmlNestingTest, HundredThousandNestedDivsKeepTheirText) {
  std::string html = "<html><head><title>Deep</title></head><body>" + Repeat("<div>", 100000) +
                     "Marine Le Pen met Vladimir Putin." + Repeat("</div>", 100000) +
                     "<p>After the nest.</p><script>var s = '<div><div>';</script></body></html>";
  HtmlArticle a = ExtractHtml(html);
  EXPECT_EQ(a.title, "Deep");
  EXPECT_NE(a.text.find("Marine Le Pen met Vladimir Putin."), std::string::npos);
  EXPECT_NE(a.text.find("After the nest."), std::string::npos);
  EXPECT_EQ(a.text.find("var s"), std::string::npos);
}

TEST(HtmlNestingTest, DeepMixedInlineAndUnclosedTags) {
  std::string html = "<body>" + Repeat("<span class=\"a>b\"><em>", 30000) + "deep words" +
                     Repeat("<p>para<li>item", 2000) + "<!-- <div> --> tail</body>";
  HtmlArticle a = ExtractHtml(html);
  EXPECT_NE(a.text.find("deep words"), std::string::npos);
  EXPECT_NE(a.text.find("tail"), std::string::npos);
}

TEST(HtmlNestingTest, OrdinaryNestingIsUntouched) {
  // 500 levels: under the limit, so every block boundary is kept.
  std::string html = "<body>" + Repeat("<div>", 500) + "<p>One.</p><p>Two.</p>" + Repeat("</div>", 500) + "</body>";
  HtmlArticle a = ExtractHtml(html);
  EXPECT_NE(a.text.find("One."), std::string::npos);
  EXPECT_NE(a.text.find("Two."), std::string::npos);
  EXPECT_NE(a.text.find("One.\n\nTwo."), std::string::npos) << a.text;
}

}  // namespace
}  // namespace tiegraph
