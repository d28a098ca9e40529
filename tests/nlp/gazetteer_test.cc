#include "tiegraph/nlp/gazetteer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace tiegraph::nlp {
namespace {

std::vector<uint64_t> Hashes(std::vector<std::string> tokens) {
  std::vector<uint64_t> h;
  for (const auto& t : tokens) h.push_back(Gazetteer::TokenHash(t));
  return h;
}

TEST(Gazetteer, FindsLongestAndShorterMatchesCaseInsensitively) {
  Gazetteer g;
  EXPECT_TRUE(g.Add("New York", 'L'));
  EXPECT_TRUE(g.Add("new york times", "O"));
  EXPECT_TRUE(g.Add("York", "Person"));
  EXPECT_FALSE(g.Add("Nowhere", "X"));
  EXPECT_FALSE(g.Add("   ", "L"));
  EXPECT_EQ(g.size(), 3u);
  auto h = Hashes({"the", "NEW", "York", "Times", "said"});
  std::vector<Gazetteer::Match> m;
  g.FindMatches(h.data(), static_cast<int>(h.size()), &m);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].begin, 1);
  EXPECT_EQ(m[0].end, 4);
  EXPECT_EQ(m[0].types, Gazetteer::kOrganization);
  EXPECT_EQ(m[1].end, 3);
  EXPECT_EQ(m[1].types, Gazetteer::kLocation);
  EXPECT_EQ(m[2].begin, 2);
  EXPECT_EQ(m[2].types, Gazetteer::kPerson);
}

TEST(Gazetteer, LoadsTsvAndReportsBadLines) {
  std::string path = ::testing::TempDir() + "/gaz.tsv";
  {
    std::ofstream out(path);
    out << "# comment\nVladimir Putin\tP\nNATO\tORG\n\nRussia\tL\textra\n";
  }
  Gazetteer g;
  ASSERT_TRUE(g.LoadTsv(path).ok());
  EXPECT_EQ(g.size(), 3u);
  {
    std::ofstream out(path);
    out << "no tab here\n";
  }
  Gazetteer bad;
  Status st = bad.LoadTsv(path);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find(":1:"), std::string::npos);
  std::remove(path.c_str());
}

TEST(Gazetteer, SaveLoadRoundTripFindsTheSameMatches) {
  Gazetteer g;
  g.Add("New York", 'L');
  g.Add("New York Times", 'O');
  g.Add("Kerala", 'L');
  BinaryWriter w;
  g.Save(&w);
  BinaryReader r(w.bytes());
  auto loaded = Gazetteer::Load(&r);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->size(), 3u);
  EXPECT_EQ(r.remaining(), 0u);
  std::vector<uint64_t> tokens;
  for (const char* t : {"the", "new", "york", "times", "in", "kerala"}) tokens.push_back(Gazetteer::TokenHash(t));
  std::vector<Gazetteer::Match> a, b;
  g.FindMatches(tokens.data(), static_cast<int>(tokens.size()), &a);
  loaded->FindMatches(tokens.data(), static_cast<int>(tokens.size()), &b);
  ASSERT_EQ(a.size(), 3u);  // "new york times", "new york", "kerala"
  ASSERT_EQ(a.size(), b.size());
  for (size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(a[k].begin, b[k].begin);
    EXPECT_EQ(a[k].end, b[k].end);
    EXPECT_EQ(a[k].types, b[k].types);
  }
  // Truncated bytes are an error, not a crash.
  std::string cut = w.bytes().substr(0, w.bytes().size() - 3);
  BinaryReader rc(cut);
  EXPECT_FALSE(Gazetteer::Load(&rc).ok());
}

}  // namespace
}  // namespace tiegraph::nlp
