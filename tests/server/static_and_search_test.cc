// Unit tests of the server's helpers: static path resolution, actor search
// and edit distance, request parameters and the tie filter.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tiegraph/graph/relation_weights.h"
#include "tiegraph/server/actor_search.h"
#include "tiegraph/server/request_params.h"
#include "tiegraph/server/static_files.h"

namespace tiegraph::server {
namespace {

namespace fs = std::filesystem;
using Map = std::multimap<std::string, std::string>;

TEST(StaticFilesTest, ResolvesInsideTheRootOnly) {
  fs::path dir = fs::temp_directory_path() / ("tiegraph_static_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "www" / "sub");
  std::ofstream(dir / "www" / "index.html") << "i";
  std::ofstream(dir / "www" / "sub" / "index.html") << "s";
  std::ofstream(dir / "www" / "a.js") << "a";
  std::ofstream(dir / "outside.txt") << "o";
  fs::create_symlink(dir / "outside.txt", dir / "www" / "escape.txt");
  fs::create_directory_symlink(dir, dir / "www" / "up");
  const std::string root = (dir / "www").string();

  auto r = ResolveStaticPath(root, "/");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, fs::canonical(dir / "www" / "index.html").string());
  r = ResolveStaticPath(root, "/sub/");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(fs::path(*r).parent_path().filename(), "sub");
  EXPECT_TRUE(ResolveStaticPath(root, "/a.js").ok());
  for (const char* bad : {"/../outside.txt", "/sub/../../outside.txt", "/escape.txt", "/up/outside.txt", "a.js",
                          "/./a.js", "/sub/..", "/missing", "/a.js\n", "/..\\outside.txt", ""}) {
    EXPECT_FALSE(ResolveStaticPath(root, bad).ok()) << bad;
  }
  EXPECT_FALSE(ResolveStaticPath("", "/a.js").ok());
  fs::remove_all(dir);
}

TEST(StaticFilesTest, ContentTypes) {
  EXPECT_EQ(ContentTypeFor("/x/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.bin"), "application/octet-stream");
}

TEST(EditDistanceTest, CountsEditsAndTranspositions) {
  EXPECT_EQ(EditDistance("putin", "putin", 2), 0);
  EXPECT_EQ(EditDistance("putn", "putin", 2), 1);
  EXPECT_EQ(EditDistance("ptuin", "putin", 2), 1);  // transposition
  EXPECT_EQ(EditDistance("kitten", "sitting", 5), 3);
  EXPECT_EQ(EditDistance("abc", "xyzxyz", 1), 2);     // stops early: max + 1
}

graph::Network SmallNetwork() {
  std::vector<StoredActor> actors = {
      {1, "Marine Le Pen", "Person", "FR", {"Le Pen", "Marine Le Pen"}, ""},
      {2, "Vladimir Putin", "Person", "RU", {"Putin"}, ""},
      {3, "Russia", "Country", "RU", {}, ""},
      {4, "Penelope Cruz", "Person", "ES", {}, ""},
  };
  std::vector<StoredClaim> claims(2);
  claims[0].id = 1;
  claims[0].subject = 1;
  claims[0].relation = "meet";
  claims[0].object = 2;
  claims[0].document = "d";
  claims[1].id = 2;
  claims[1].subject = 3;
  claims[1].relation = "fund";
  claims[1].object = 1;
  claims[1].document = "d";
  return graph::Network::Build(std::move(actors), std::move(claims));
}

TEST(ActorSearchTest, OrdersExactPrefixSubstringFuzzy) {
  graph::Network net = SmallNetwork();
  std::vector<double> degree = {2, 1, 1, 0};
  auto m = SearchActors(net, degree, "pen", "", 10);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(net.actor(m[0].node).name, "Marine Le Pen");  // both are prefix matches: more ties first
  EXPECT_EQ(m[0].kind, MatchKind::kPrefix);
  EXPECT_EQ(m[1].kind, MatchKind::kPrefix);
  m = SearchActors(net, degree, "  LE   pen ", "", 10);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(net.actor(m[0].node).name, "Marine Le Pen");
  EXPECT_EQ(m[0].kind, MatchKind::kExact);
  m = SearchActors(net, degree, "ussi", "", 10);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].kind, MatchKind::kSubstring);
  m = SearchActors(net, degree, "Vladimr", "", 10);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].kind, MatchKind::kFuzzy);
  EXPECT_EQ(m[0].distance, 1);
  EXPECT_TRUE(SearchActors(net, degree, "xyz", "", 10).empty());  // too short for fuzzy
  EXPECT_EQ(SearchActors(net, degree, "", "", 10).size(), 4u);
  EXPECT_EQ(SearchActors(net, degree, "", "Country", 10).size(), 1u);
  EXPECT_EQ(SearchActors(net, degree, "", "", 2).size(), 2u);
}

TEST(RequestParamsTest, TypedGetters) {
  RequestParams p(Map{{"n", " 12 "}, {"b", "yes"}, {"bad", "1e3"}});
  EXPECT_EQ(*p.GetInt("n", 0, 0, 100), 12);
  EXPECT_EQ(*p.GetInt("missing", 7, 0, 100), 7);
  EXPECT_FALSE(p.GetInt("n", 0, 0, 10).ok());
  EXPECT_FALSE(p.GetInt("bad", 0, 0, 10000).ok());
  EXPECT_TRUE(*p.GetBool("b", false));
  EXPECT_FALSE(p.GetBool("n", false).ok());
  EXPECT_TRUE(p.CheckKnown({"n", "b", "bad"}).ok());
  EXPECT_FALSE(p.CheckKnown({"n", "b"}).ok());
  RequestParams f(Map{{"relation", "x"}});
  EXPECT_FALSE(f.CheckKnown({}).ok());
  EXPECT_TRUE(RequestParams(Map{{"sign", "any"}}).CheckKnown({}, true).ok());
}

TEST(RequestParamsTest, TieFilter) {
  auto f = ParseTieFilter(RequestParams(Map{{"relation", "Fund"},
                                         {"sign", "positive"},
                                         {"modality", "alleged"},
                                         {"since", "2014"},
                                         {"until", "2022-02"},
                                         {"country", "fr"}}));
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->relation, graph::RelationIndex("fund"));
  EXPECT_EQ(f->sign, 1);
  EXPECT_EQ(f->modality, 1);
  EXPECT_EQ(f->since, 20140000);
  EXPECT_EQ(f->until, graph::UntilKey("2022-02"));
  EXPECT_EQ(f->country, "FR");
  EXPECT_TRUE(ParseTieFilter(RequestParams(Map{})).value().IsEmpty());
  for (auto bad : std::vector<std::multimap<std::string, std::string>>{
           {{"relation", "hug"}}, {{"sign", "2"}}, {{"modality", "x"}}, {{"since", "2022-1"}},
           {{"until", "2022-02-32"}}, {{"country", "F1"}}, {{"since", "2023"}, {"until", "2022"}}}) {
    EXPECT_FALSE(ParseTieFilter(RequestParams(bad)).ok()) << bad.begin()->first;
  }
}

TEST(RequestParamsTest, IsoDates) {
  EXPECT_TRUE(IsIsoDatePrefix("2014"));
  EXPECT_TRUE(IsIsoDatePrefix("2022-02"));
  EXPECT_TRUE(IsIsoDatePrefix("2022-02-24"));
  EXPECT_FALSE(IsIsoDatePrefix("2022-00"));
  EXPECT_FALSE(IsIsoDatePrefix("22-02-24"));
  EXPECT_FALSE(IsIsoDatePrefix("2022/02/24"));
  EXPECT_FALSE(IsIsoDatePrefix(""));
}

}  // namespace
}  // namespace tiegraph::server
