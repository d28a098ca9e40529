#include "tiegraph/extract/cameo_dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace tiegraph {
namespace {

// A small dictionary in the CAMEO.2.0.txt format: a synonym set, blocks
// with and without a code, a verb with its own code, irregular forms, a
// multi-word verb, patterns and a transformation.
constexpr std::string_view kSample = R"(# CAMEO VERB PATTERN DICTIONARY (sample)
&CURRENCY
+MONEY
+DOLLAR

---  ACCLAIM   [051]  ---
ACCLAIM
LAUD  # a comment
HAIL [051]
- * (FOR &CURRENCY)       [051]    # LAUD

---  ASK   [---]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
ASK     [020]
GRILL [110]
QUERY {QUERYING QUERIES QUERIED }
- * SUPPORT               [022]         # ASK

---  VISIT   [042:043]  ---
VISIT
TOUR
- * (TO)                  [042:043]     # VISIT

---  OFFEND   [:110]  ---
OFFEND

---  DISGRACE   [110]---  ---
DISGRACE

---  BAN   [172]  ---
BAN
SLAP [180]
~ a (a b ATTACK) SAY = a b 015
)";

CameoVerbs ParseSample() {
  auto dict = CameoVerbs::Parse(kSample, "sample.txt");
  EXPECT_TRUE(dict.ok()) << dict.status().ToString();
  return std::move(dict).value();
}

TEST(CameoDictionary, VerbsTakeTheBlockCodeUnlessTheyHaveTheirOwn) {
  CameoVerbs dict = ParseSample();
  ASSERT_NE(dict.Find("laud"), nullptr);
  EXPECT_EQ(dict.Find("laud")->code, "051");
  EXPECT_EQ(dict.Find("grill")->code, "110");   // own code in a [---] block
  EXPECT_EQ(dict.Find("query")->code, "");      // null block code
  EXPECT_EQ(dict.Find("visit")->code, "042");   // active part of active:passive
  EXPECT_EQ(dict.Find("offend")->code, "110");  // passive-only code
  EXPECT_EQ(dict.Find("disgrace")->code, "110");
  EXPECT_EQ(dict.Find("money"), nullptr);       // synonym sets are no verbs
  EXPECT_EQ(dict.pattern_count(), 3u);
}

TEST(CameoDictionary, RegularAndIrregularFormsFindTheirVerb) {
  CameoVerbs dict = ParseSample();
  for (const char* form : {"lauded", "lauds", "lauding", "hailed", "acclaims", "toured"})
    EXPECT_NE(dict.Find(form), nullptr) << form;
  ASSERT_NE(dict.Find("queried"), nullptr);
  EXPECT_EQ(dict.Find("queried")->lemma, "query");
  EXPECT_EQ(dict.Find("banned")->lemma, "ban");    // doubled consonant
  EXPECT_EQ(dict.Find("slapping")->lemma, "slap");
  EXPECT_EQ(dict.Find("queryed"), nullptr);        // irregular forms replace the regular ones
  ASSERT_NE(dict.Find("asked for"), nullptr);      // multi-word verb
  EXPECT_EQ(dict.Find("asked for")->lemma, "ask for");
  EXPECT_EQ(dict.Find("ask")->code, "020");
}

TEST(CameoDictionary, RelationsFollowTheReviewedTable) {
  CameoVerbs dict = ParseSample();
  EXPECT_EQ(dict.RelationOfVerb("lauded"), "praise");
  EXPECT_EQ(dict.RelationOfVerb("grilled"), "criticize");
  EXPECT_EQ(dict.RelationOfVerb("visiting"), "meet");
  EXPECT_EQ(dict.RelationOfVerb("banned"), "oppose");
  EXPECT_EQ(dict.RelationOfVerb("asks"), std::nullopt);    // 020 appeal: no relation
  EXPECT_EQ(dict.RelationOfVerb("queried"), std::nullopt);  // null code
  EXPECT_EQ(dict.RelationOfVerb("unknown"), std::nullopt);
}

TEST(CameoDictionary, CodeTableMapsFamiliesAndExcludesVagueCodes) {
  EXPECT_EQ(RelationOfCameoVerbCode("051"), "praise");
  EXPECT_EQ(RelationOfCameoVerbCode("052"), "praise");
  EXPECT_EQ(RelationOfCameoVerbCode("111"), "criticize");
  EXPECT_EQ(RelationOfCameoVerbCode("1123"), "criticize");
  EXPECT_EQ(RelationOfCameoVerbCode("115"), "oppose");
  EXPECT_EQ(RelationOfCameoVerbCode("043"), "meet");
  EXPECT_EQ(RelationOfCameoVerbCode("0431"), "meet");
  EXPECT_EQ(RelationOfCameoVerbCode("061"), "business");
  EXPECT_EQ(RelationOfCameoVerbCode("071"), "fund");
  EXPECT_EQ(RelationOfCameoVerbCode("073"), "support");
  EXPECT_EQ(RelationOfCameoVerbCode("163"), "oppose");
  EXPECT_EQ(RelationOfCameoVerbCode("145"), "oppose");
  EXPECT_EQ(RelationOfCameoVerbCode("141"), "criticize");
  EXPECT_EQ(RelationOfCameoVerbCode("190"), "oppose");
  for (const char* none : {"010", "020", "030", "036", "040", "041", "050", "057", "060", "080", "090", "100", ""})
    EXPECT_EQ(RelationOfCameoVerbCode(none), "") << none;
}

TEST(CameoDictionary, RegularFormsFollowSpellingRules) {
  auto has = [](std::string_view verb, std::string_view form) {
    auto f = RegularVerbForms(verb);
    return std::find(f.begin(), f.end(), form) != f.end();
  };
  EXPECT_TRUE(has("praise", "praised"));
  EXPECT_TRUE(has("praise", "praising"));
  EXPECT_TRUE(has("deny", "denies"));
  EXPECT_TRUE(has("deny", "denied"));
  EXPECT_TRUE(has("deny", "denying"));
  EXPECT_TRUE(has("reach", "reaches"));
  EXPECT_TRUE(has("tie", "tying"));
  EXPECT_TRUE(has("stab", "stabbed"));
  EXPECT_TRUE(has("flee", "fleeing"));
  EXPECT_FALSE(has("praise", "praiseing"));
}

TEST(CameoDictionary, BadLinesNameFileAndLine) {
  auto expect_error_at = [](std::string_view text, std::string_view where) {
    auto dict = CameoVerbs::Parse(text, "bad.txt");
    ASSERT_FALSE(dict.ok()) << text;
    EXPECT_NE(dict.status().message().find(where), std::string::npos) << dict.status().ToString();
  };
  expect_error_at("---  PRAISE  ---\nPRAISE\n", "bad.txt:1:");                  // header without code
  expect_error_at("---  PRAISE [051] ---\nPRAISE\n- * (FOR)\n", "bad.txt:3:");   // pattern without code
  expect_error_at("---  PRAISE [05x] ---\n", "bad.txt:1:");                       // not a code
  expect_error_at("PRAISE\n", "bad.txt:1:");                                       // verb outside a block
  expect_error_at("# c\n---  A [051] ---\nLAUD {LAUDS LAUDED\n", "bad.txt:3:");   // unclosed forms
  expect_error_at("&SET\n+ONE\nTWO\n", "bad.txt:3:");                             // synset line without '+'
  expect_error_at("---  A [051] ---\nLA=UD\n", "bad.txt:2:");                     // odd character
}

TEST(CameoDictionary, MissingFileIsAnIOError) {
  auto dict = CameoVerbs::Load("/nonexistent/CAMEO.txt");
  ASSERT_FALSE(dict.ok());
  EXPECT_EQ(dict.status().code(), Status::Code::kIOError);
  EXPECT_NE(dict.status().message().find("/nonexistent/CAMEO.txt"), std::string::npos);
}

// The shared dictionary, when present: it parses and maps hundreds of verbs.
TEST(CameoDictionary, SharedDictionaryParses) {
  std::string path = std::string(TIEGRAPH_SOURCE_DIR) + "/../shared/corpora/petrarch2_dictionaries/CAMEO.2.0.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  auto dict = CameoVerbs::Load(path);
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  EXPECT_GT(dict->verbs().size(), 1000u);
  EXPECT_GT(dict->pattern_count(), 4000u);
  EXPECT_EQ(dict->RelationOfVerb("lauded"), "praise");
  EXPECT_EQ(dict->RelationOfVerb("invaded"), "oppose");
  EXPECT_EQ(dict->RelationOfVerb("extolled"), "praise");
  EXPECT_EQ(dict->RelationOfVerb("chastised"), "criticize");
  // Reviewed false friends keep their code but map to no relation.
  ASSERT_NE(dict->Find("died"), nullptr);
  EXPECT_FALSE(dict->Find("died")->code.empty());
  EXPECT_EQ(dict->RelationOfVerb("died"), std::nullopt);
  EXPECT_EQ(dict->RelationOfVerb("argued"), std::nullopt);
  EXPECT_EQ(dict->RelationOfVerb("took"), std::nullopt);
}

TEST(CameoDictionary, FalseFriendsGetNoRelation) {
  auto dict = CameoVerbs::Parse("---  KILL   [190]  ---\nKILL\nDIE\n", "s.txt");
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  EXPECT_EQ(dict->RelationOfVerb("killed"), "oppose");
  ASSERT_NE(dict->Find("dies"), nullptr);
  EXPECT_EQ(dict->Find("dies")->code, "190");
  EXPECT_EQ(dict->RelationOfVerb("dies"), std::nullopt);
}

}  // namespace
}  // namespace tiegraph
