#include "tiegraph/nlp/word_features.h"

#include <gtest/gtest.h>

#include "tiegraph/nlp/features.h"

namespace tiegraph::nlp {
namespace {

TEST(WordFeatures, LowercaseShapeAffixesAndFlags) {
  WordFeatures a, b, c;
  ComputeWordFeatures("Hello", &a);
  ComputeWordFeatures("hello", &b);
  ComputeWordFeatures("Hellooooo", &c);
  EXPECT_EQ(a.lower, b.lower);
  EXPECT_NE(a.form, b.form);
  EXPECT_EQ(a.lower, HashBytes("hello"));
  EXPECT_EQ(a.shape, HashBytes("Xxx"));  // runs cut at two
  EXPECT_EQ(a.shape, c.shape);
  EXPECT_EQ(a.suffix[2], HashBytes("llo"));
  EXPECT_EQ(a.prefix[1], HashBytes("he"));
  EXPECT_TRUE(a.flags & WordFeatures::kInitUpper);
  EXPECT_FALSE(b.flags & WordFeatures::kInitUpper);
  EXPECT_EQ(a.length, 5u);
}

TEST(WordFeatures, DigitsHyphensCapitals) {
  WordFeatures w;
  ComputeWordFeatures("1,234", &w);
  EXPECT_EQ(w.shape, HashBytes("d,dd"));
  EXPECT_TRUE(w.flags & WordFeatures::kHasDigit);
  EXPECT_FALSE(w.flags & WordFeatures::kAllDigit);
  ComputeWordFeatures("NATO", &w);
  EXPECT_TRUE(w.flags & WordFeatures::kAllUpper);
  ComputeWordFeatures("well-known", &w);
  EXPECT_TRUE(w.flags & WordFeatures::kHasHyphen);
  ComputeWordFeatures("a", &w);
  EXPECT_EQ(w.suffix[3], HashBytes("a"));  // short words: the affix is the word
}

}  // namespace
}  // namespace tiegraph::nlp
