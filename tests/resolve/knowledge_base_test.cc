#include "tiegraph/resolve/knowledge_base.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tiegraph/resolve/kb_loaders.h"

namespace tiegraph {
namespace {

std::string KbDir() { return std::string(TIEGRAPH_SOURCE_DIR) + "/data/kb"; }
std::string SharedDir() { return std::string(TIEGRAPH_SOURCE_DIR) + "/../shared/corpora"; }

// Splits on spaces, and splits a final "'s" off, as the tokenizer does.
std::vector<std::string> Tokens(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string w;
  while (in >> w) {
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) {
      out.push_back(w.substr(0, w.size() - 2));
      out.push_back("'s");
    } else {
      out.push_back(w);
    }
  }
  return out;
}

class CuratedKbTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto kb = KnowledgeBase::Load(KbDir(), {});
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    kb_ = new KnowledgeBase(std::move(kb.value()));
  }
  static void TearDownTestSuite() {
    delete kb_;
    kb_ = nullptr;
  }

  // The entry id matched at token `first` of `text`, and the token count.
  static std::pair<std::string, int> MatchAt(const std::string& text, size_t first = 0) {
    std::vector<std::string> owned = Tokens(text);
    std::vector<std::string_view> toks(owned.begin(), owned.end());
    KnowledgeBase::Match m = kb_->LongestMatch(toks, first);
    if (m.entry < 0) return {"", 0};
    return {kb_->entries()[m.entry].id, m.tokens};
  }

  static KnowledgeBase* kb_;
};
KnowledgeBase* CuratedKbTest::kb_ = nullptr;

TEST_F(CuratedKbTest, HasBroadCoverage) {
  std::map<ActorType, int> counts;
  for (const auto& e : kb_->entries()) counts[e.type]++;
  EXPECT_GE(counts[ActorType::kCountry], 190);
  EXPECT_GE(counts[ActorType::kPerson], 400);
  EXPECT_GE(counts[ActorType::kOrganization], 500);
  EXPECT_EQ(kb_->CountBySource("curated"), kb_->entries().size());
}

// Data lint: no alias names two curated entries, every country code and role
// target exists, people have a gender.
TEST_F(CuratedKbTest, CuratedDataIsConsistent) {
  std::map<std::string, std::set<std::string>> owners;
  for (const auto& e : kb_->entries()) {
    owners[KbKey(e.name)].insert(e.id);
    for (const auto& a : e.aliases) owners[KbKey(a)].insert(e.id);
  }
  for (const auto& [key, ids] : owners) {
    std::string all;
    for (const auto& id : ids) all += id + " ";
    EXPECT_EQ(ids.size(), 1u) << "alias '" << key << "' is shared by " << all;
  }
  for (const auto& e : kb_->entries()) {
    if (!e.country.empty()) EXPECT_NE(kb_->Country(e.country), nullptr) << e.id << ": unknown country " << e.country;
    if (e.type == ActorType::kPerson) EXPECT_TRUE(e.gender == 'm' || e.gender == 'f') << e.id;
    for (const auto& r : e.roles) {
      bool known = (r.org_or_country.size() == 2 && kb_->Country(r.org_or_country)) || kb_->FindById(r.org_or_country);
      EXPECT_TRUE(known) << e.id << ": role " << r.role << "@" << r.org_or_country << " names nothing in the KB";
      if (!r.from.empty() && !r.to.empty()) EXPECT_LE(r.from, r.to) << e.id;
    }
  }
}

TEST_F(CuratedKbTest, LongestMatchPrefersTheFullName) {
  EXPECT_EQ(MatchAt("Marine Le Pen met Putin"), (std::pair<std::string, int>{"marine-le-pen", 3}));
  EXPECT_EQ(MatchAt("Jean-Marie Le Pen founded the party"), (std::pair<std::string, int>{"jean-marie-le-pen", 3}));
  EXPECT_EQ(MatchAt("Marine Le Pen met Putin", 4).first, "vladimir-putin");
  EXPECT_EQ(MatchAt("Putin 's friends").first, "vladimir-putin");
  EXPECT_EQ(MatchAt("Vladimir Putin").second, 2);
  // "Putin's" as one token.
  std::vector<std::string_view> one = {"Putin's", "war"};
  auto m = kb_->LongestMatch(one, 0);
  ASSERT_GE(m.entry, 0);
  EXPECT_EQ(kb_->entries()[m.entry].id, "vladimir-putin");
  EXPECT_EQ(m.tokens, 1);
}

TEST_F(CuratedKbTest, LeadingTheIsCountedAndOptional) {
  EXPECT_EQ(MatchAt("the United States said"), (std::pair<std::string, int>{"US", 3}));
  EXPECT_EQ(MatchAt("The United States of America"), (std::pair<std::string, int>{"US", 5}));
  EXPECT_EQ(MatchAt("United States"), (std::pair<std::string, int>{"US", 2}));
  EXPECT_EQ(MatchAt("the Kremlin denied it"), (std::pair<std::string, int>{"RU", 2}));
  EXPECT_EQ(MatchAt("the weather").first, "");
  // Names that own their article need it.
  EXPECT_EQ(MatchAt("The Sun reported"), (std::pair<std::string, int>{"the-sun", 2}));
  EXPECT_EQ(MatchAt("Sun").first, "");
  EXPECT_EQ(MatchAt("The Hague"), (std::pair<std::string, int>{"NL", 2}));
  EXPECT_EQ(MatchAt("the New York Times"), (std::pair<std::string, int>{"new-york-times", 4}));
  EXPECT_EQ(MatchAt("Australian").first, "AU");
  EXPECT_EQ(MatchAt("The Australian").first, "the-australian");
  EXPECT_EQ(kb_->FindByName("The Sun")->id, "the-sun");
  // Not for people or adjectives: the match starts after "the".
  EXPECT_EQ(MatchAt("the Draghi government").first, "");
  EXPECT_EQ(MatchAt("the Draghi government", 1).first, "mario-draghi");
  EXPECT_EQ(MatchAt("the Russian president").first, "");
  EXPECT_EQ(MatchAt("the Russian president", 1).first, "RU");
  EXPECT_EQ(MatchAt("the London office").first, "");
  EXPECT_EQ(MatchAt("the London office", 1).first, "GB");
  EXPECT_EQ(MatchAt("the White House"), (std::pair<std::string, int>{"US", 3}));
}

TEST_F(CuratedKbTest, AcronymsAreCaseSensitive) {
  EXPECT_EQ(MatchAt("US sanctions").first, "US");
  EXPECT_EQ(MatchAt("U.S. sanctions").first, "US");
  EXPECT_EQ(MatchAt("U.S . sanctions").first, "US");  // a tokenizer that splits the period
  EXPECT_EQ(MatchAt("us").first, "");
  EXPECT_EQ(MatchAt("RT reported").first, "rt");
  EXPECT_EQ(MatchAt("rt").first, "");
  EXPECT_EQ(MatchAt("NATO allies").first, "nato");
  EXPECT_EQ(MatchAt("Nato allies").first, "nato");
  EXPECT_EQ(MatchAt("FSB officers").first, "fsb");
  EXPECT_EQ(MatchAt("AfD leaders").first, "afd");
  // Capitalised names need capitals in the text.
  EXPECT_EQ(MatchAt("Labour won").first, "uk-labour-party");
  EXPECT_EQ(MatchAt("labour costs").first, "");
  EXPECT_EQ(MatchAt("MACRON").first, "emmanuel-macron");  // all-caps headlines still match
}

TEST_F(CuratedKbTest, DiacriticsAndApostrophesAreFolded) {
  EXPECT_EQ(MatchAt("Jean-Luc Mélenchon").first, "jean-luc-melenchon");
  EXPECT_EQ(MatchAt("Jean-Luc Melenchon").first, "jean-luc-melenchon");
  EXPECT_EQ(MatchAt("Melenchon").first, "jean-luc-melenchon");
  EXPECT_EQ(MatchAt("Mélenchon").first, "jean-luc-melenchon");
  EXPECT_EQ(MatchAt("Viktor Orban").first, "viktor-orban");
  EXPECT_EQ(MatchAt("Orbán").first, "viktor-orban");
  EXPECT_EQ(MatchAt("Fratelli d’Italia").first, "fratelli-d-italia");
  EXPECT_EQ(MatchAt("Fratelli d'Italia").first, "fratelli-d-italia");
  EXPECT_EQ(MatchAt("the Élysée").first, "FR");
  EXPECT_EQ(MatchAt("the Elysee").first, "FR");
  EXPECT_EQ(KbKey("  The  Élysée’s "), "elysee's");
  EXPECT_EQ(KbKey("U.S ."), "u.s.");
}

TEST_F(CuratedKbTest, DemonymsCapitalsAndMetonyms) {
  EXPECT_EQ(kb_->CountryOfDemonym("Russian"), "RU");
  EXPECT_EQ(kb_->CountryOfDemonym("Russians"), "RU");
  EXPECT_EQ(kb_->CountryOfDemonym("French"), "FR");
  EXPECT_EQ(kb_->CountryOfDemonym("Chinese"), "CN");
  EXPECT_EQ(kb_->CountryOfDemonym("North Korean"), "KP");
  EXPECT_EQ(kb_->CountryOfDemonym("American"), "US");
  EXPECT_EQ(kb_->CountryOfDemonym("Moscow"), "");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("Moscow"), "RU");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("the Kremlin"), "RU");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("Russia"), "RU");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("Russian Federation"), "RU");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("the White House"), "US");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("Downing Street"), "GB");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("Whitehall"), "GB");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("Beijing"), "CN");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("Zhongnanhai"), "CN");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("Foggy Bottom"), "US");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("Kyiv"), "UA");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("Kiev"), "UA");
  EXPECT_EQ(kb_->CountryOfCapitalOrMetonym("Vladimir Putin"), "");
  auto m = MatchAt("a Russian bank", 1);
  EXPECT_EQ(m.first, "RU");
  std::vector<std::string_view> toks = {"Russian", "bank"};
  EXPECT_EQ(kb_->LongestMatch(toks, 0).via, KnowledgeBase::Via::kDemonym);
  std::vector<std::string_view> kremlin = {"the", "Kremlin"};
  EXPECT_EQ(kb_->LongestMatch(kremlin, 0).via, KnowledgeBase::Via::kMetonym);
}

TEST_F(CuratedKbTest, Lookups) {
  const KbEntry* ru = kb_->Country("ru");
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->name, "Russia");
  EXPECT_EQ(ru->iso3, "RUS");
  EXPECT_EQ(kb_->Iso2OfIso3("DEU"), "DE");
  const KbEntry* putin = kb_->FindByName("vladimir putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->type, ActorType::kPerson);
  EXPECT_EQ(putin->country, "RU");
  EXPECT_EQ(putin->gender, 'm');
  bool president = false;
  for (const auto& r : putin->roles)
    if (r.role == "president" && r.org_or_country == "RU" && r.from == "2012" && r.to.empty()) president = true;
  EXPECT_TRUE(president);
  ASSERT_NE(kb_->FindByName("National Rally"), nullptr);
  EXPECT_EQ(kb_->FindByName("National Rally")->id, "rassemblement-national");
  EXPECT_EQ(kb_->FindByName("Front National")->id, "rassemblement-national");
  EXPECT_EQ(kb_->FindByName("RT")->kind, "state_media");
  EXPECT_EQ(kb_->FindByName("RT")->country, "RU");
  EXPECT_EQ(kb_->FindByName("CIA")->kind, "agency");
  EXPECT_EQ(kb_->FindByName("Gazprom")->country, "RU");
  EXPECT_EQ(kb_->FindByName("nonexistent actor"), nullptr);

  auto le_pens = kb_->FindBySurname("Le Pen");
  std::set<std::string> ids;
  for (const auto* e : le_pens) ids.insert(e->id);
  EXPECT_TRUE(ids.count("marine-le-pen"));
  EXPECT_TRUE(ids.count("jean-marie-le-pen"));
  auto putins = kb_->FindBySurname("Putin");
  ASSERT_EQ(putins.size(), 1u);
  EXPECT_EQ(putins[0]->id, "vladimir-putin");
}

TEST_F(CuratedKbTest, GazetteerPhrases) {
  auto phrases = kb_->GazetteerPhrases();
  std::map<std::string, char> m(phrases.begin(), phrases.end());
  EXPECT_EQ(m["russia"], 'L');
  EXPECT_EQ(m["moscow"], 'L');
  EXPECT_EQ(m["kremlin"], 'L');
  EXPECT_EQ(m["vladimir putin"], 'P');
  EXPECT_EQ(m["nato"], 'O');
  EXPECT_EQ(m["jean-luc melenchon"], 'P');
  EXPECT_EQ(m["jean-luc mélenchon"], 'P');
  for (const auto& [phrase, type] : phrases) {
    EXPECT_FALSE(phrase.empty());
    EXPECT_TRUE(type == 'L' || type == 'O' || type == 'P');
  }
}

// --- In-memory knowledge bases and the extra-source readers.

KbEntry Curated(std::string id, std::string name, ActorType type, std::string country,
                std::vector<std::string> aliases = {}) {
  KbEntry e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = type;
  e.country = std::move(country);
  e.aliases = std::move(aliases);
  e.source = "curated";
  e.kind = type == ActorType::kCountry ? "country" : type == ActorType::kPerson ? "person" : "party";
  return e;
}

TEST(KnowledgeBaseTest, CuratedEntriesWinOverExtras) {
  std::vector<KbEntry> entries;
  entries.push_back(Curated("RU", "Russia", ActorType::kCountry, "RU"));
  entries.back().iso3 = "RUS";
  entries.push_back(Curated("vladimir-putin", "Vladimir Putin", ActorType::kPerson, "RU", {"Putin"}));
  KbEntry dup;  // the same man, from an extra source: dropped
  dup.id = "phoenix:vladimir-putin";
  dup.name = "Vladimir Putin";
  dup.aliases = {"President Putin"};
  dup.country = "RU";
  dup.source = "phoenix";
  entries.push_back(dup);
  KbEntry other;  // another actor that claims a curated alias: keeps its own aliases only
  other.id = "phoenix:putin-pizza";
  other.name = "Putin Pizza Company";
  other.type = ActorType::kOrganization;
  other.aliases = {"Putin", "PPC Holdings"};
  other.source = "phoenix";
  entries.push_back(other);
  auto kb = KnowledgeBase::FromEntries(entries);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_EQ(kb->FindById("phoenix:vladimir-putin"), nullptr);
  ASSERT_NE(kb->FindById("phoenix:putin-pizza"), nullptr);
  EXPECT_EQ(kb->FindByName("Putin")->id, "vladimir-putin");
  EXPECT_EQ(kb->FindByName("PPC Holdings")->id, "phoenix:putin-pizza");
  std::vector<std::string_view> toks = {"Putin", "Pizza", "Company"};
  auto m = kb->LongestMatch(toks, 0);
  EXPECT_EQ(kb->entries()[m.entry].id, "phoenix:putin-pizza");
  EXPECT_EQ(m.tokens, 3);
  toks = {"Putin", "said"};
  EXPECT_EQ(kb->entries()[kb->LongestMatch(toks, 0).entry].id, "vladimir-putin");
  // Curated entries come first, extras after.
  EXPECT_TRUE(kb->entries().front().curated());
  EXPECT_FALSE(kb->entries().back().curated());
}

TEST(KnowledgeBaseTest, AliasesSharedByExtrasAreNotIndexed) {
  std::vector<KbEntry> entries;
  entries.push_back(Curated("DE", "Germany", ActorType::kCountry, "DE"));
  for (const char* id : {"partyfacts:1", "partyfacts:2"}) {
    KbEntry e;
    e.id = id;
    e.name = std::string("Party number ") + id;
    e.type = ActorType::kOrganization;
    e.aliases = {"Freie Liste"};
    e.source = "partyfacts";
    entries.push_back(e);
  }
  auto kb = KnowledgeBase::FromEntries(entries);
  ASSERT_TRUE(kb.ok());
  EXPECT_EQ(kb->FindByName("Freie Liste"), nullptr);
  EXPECT_NE(kb->FindByName("Party number partyfacts:1"), nullptr);
}

TEST(KnowledgeBaseTest, DuplicateCuratedIdsAreAnError) {
  std::vector<KbEntry> entries;
  entries.push_back(Curated("x", "X One", ActorType::kPerson, ""));
  entries.push_back(Curated("x", "X Two", ActorType::kPerson, ""));
  EXPECT_FALSE(KnowledgeBase::FromEntries(entries).ok());
}

TEST(KnowledgeBaseTest, LoadReportsMalformedLinesAndMissingDirs) {
  auto missing = KnowledgeBase::Load("/nonexistent/kb", {});
  EXPECT_FALSE(missing.ok());
  auto dir = std::filesystem::temp_directory_path() / "tiegraph_kb_test_bad";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "people.tsv");
    out << "# id\tname\taliases\tgender\tcountry\troles\n";
    out << "ok-person\tOk Person\t\tf\t\t\n";
    out << "bad-person\tBad Person\t\tx\t\t\n";
  }
  auto bad = KnowledgeBase::Load(dir.string(), {});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("people.tsv:3"), std::string::npos) << bad.status().message();
  {
    std::ofstream out(dir / "people.tsv");
    out << "p1\tPat One\tOne\tm\t\tminister@XX:2019-2020|member@some-party\n";
  }
  auto good = KnowledgeBase::Load(dir.string(), {});
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  ASSERT_EQ(good->entries().size(), 1u);
  ASSERT_EQ(good->entries()[0].roles.size(), 2u);
  EXPECT_EQ(good->entries()[0].roles[0].from, "2019");
  EXPECT_EQ(good->entries()[0].roles[0].to, "2020");
  EXPECT_EQ(good->entries()[0].roles[1].org_or_country, "some-party");
  std::filesystem::remove_all(dir);
}

std::string FakeIso2(std::string_view iso3) {
  if (iso3 == "RUS") return "RU";
  if (iso3 == "USA") return "US";
  if (iso3 == "AFG") return "AF";
  if (iso3 == "DEU") return "DE";
  return "";
}

TEST(KbLoadersTest, ReadsPhoenixActors) {
  const char* text =
      "# comment line\n"
      "AFGHANISTAN_  [AFG]\n"
      "+AFGHAN_\n"
      "\n"
      "VLADIMIR_PUTIN_  # CountryInfo.txt\n"
      "+PUTIN_\n"
      "+PRESIDENT_VLADIMIR_PUTIN_\n"
      "\t[RUSELI 700101-990809]\n"
      "\t[RUSGOV >120507]\n"
      "\t[RUSELI]\n"
      "U.S._FEDERAL_RESERVE [USAGOVBUS]\n"
      "THE_\n"
      "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB]\n";
  auto entries = ReadPhoenixActors(text, "Phoenix.Countries.actors.txt", FakeIso2);
  std::map<std::string, KbEntry> by_name;
  for (auto& e : entries) by_name[e.name] = e;
  EXPECT_EQ(by_name.count("Afghanistan"), 0u);  // country rows are skipped
  ASSERT_EQ(by_name.count("Vladimir Putin"), 1u);
  const KbEntry& putin = by_name["Vladimir Putin"];
  EXPECT_EQ(putin.type, ActorType::kPerson);
  EXPECT_EQ(putin.country, "RU");
  EXPECT_EQ(putin.source, "phoenix");
  ASSERT_EQ(putin.roles.size(), 2u);
  EXPECT_EQ(putin.roles[0].role, "eli");
  EXPECT_EQ(putin.roles[0].org_or_country, "RU");
  EXPECT_EQ(putin.roles[0].from, "1970-01-01");
  EXPECT_EQ(putin.roles[0].to, "1999-08-09");
  EXPECT_EQ(putin.roles[1].role, "gov");
  EXPECT_EQ(putin.roles[1].from, "2012-05-07");
  EXPECT_TRUE(putin.roles[1].to.empty());
  std::set<std::string> aliases(putin.aliases.begin(), putin.aliases.end());
  EXPECT_TRUE(aliases.count("Putin"));
  EXPECT_TRUE(aliases.count("President Vladimir Putin"));
  ASSERT_EQ(by_name.count("U.S. Federal Reserve"), 1u);
  EXPECT_EQ(by_name["U.S. Federal Reserve"].type, ActorType::kOrganization);
  EXPECT_EQ(by_name["U.S. Federal Reserve"].country, "US");
  EXPECT_EQ(by_name.count("The"), 0u);  // too generic to be an actor
  ASSERT_EQ(by_name.count("Aden Abyan Islamic Army"), 1u);
  std::set<std::string> aden(by_name["Aden Abyan Islamic Army"].aliases.begin(),
                             by_name["Aden Abyan Islamic Army"].aliases.end());
  EXPECT_TRUE(aden.count("AAIA"));
}

TEST(KbLoadersTest, ReadsPartyFactsCsv) {
  const char* core =
      "country,partyfacts_id,technical,name_short,name,name_english,name_other,year_first\n"
      "DEU,1,,SPD,Sozialdemokratische Partei Deutschlands,Social Democratic Party of Germany,,1863\n"
      "DEU,2,1,OTH,Other,Other parties,,\n"
      "DEU,3,,Linke,\"Die Linke, Partei\",The Left,PDS / Party of Democratic Socialism,2007\n"
      "RUS,4,,ER,Yedinaya Rossiya,United Russia,,2001\n";
  auto entries = ReadPartyFactsCsv(core, FakeIso2);
  ASSERT_EQ(entries.size(), 3u);  // the technical row is skipped
  EXPECT_EQ(entries[0].id, "partyfacts:1");
  EXPECT_EQ(entries[0].name, "Social Democratic Party of Germany");
  EXPECT_EQ(entries[0].country, "DE");
  EXPECT_EQ(entries[0].kind, "party");
  std::set<std::string> a0(entries[0].aliases.begin(), entries[0].aliases.end());
  EXPECT_FALSE(a0.count("SPD"));  // three letters: only curated entries index these
  EXPECT_TRUE(a0.count("Sozialdemokratische Partei Deutschlands"));
  // "The Left" is too generic to name it; the native name does.
  EXPECT_EQ(entries[1].name, "Die Linke, Partei");
  std::set<std::string> a1(entries[1].aliases.begin(), entries[1].aliases.end());
  EXPECT_FALSE(a1.count("The Left"));
  EXPECT_TRUE(a1.count("Party of Democratic Socialism"));
  EXPECT_FALSE(a1.count("Linke"));  // one word that is no acronym: too ambiguous in an extra source
  EXPECT_FALSE(a1.count("PDS / Party of Democratic Socialism"));
  // "ER" is too short to stand alone.
  std::set<std::string> a2(entries[2].aliases.begin(), entries[2].aliases.end());
  EXPECT_FALSE(a2.count("ER"));
  EXPECT_EQ(entries[2].country, "RU");

  const char* mps = "iso3country,party,speaker,date_first,date_last,party.facts.id\nAUS,X,Y Z,2000-01-01,2001-01-01,1\n";
  EXPECT_TRUE(ReadPartyFactsCsv(mps, FakeIso2).empty());
}

TEST(KbLoadersTest, AmbiguousAliasesAreDropped) {
  EXPECT_FALSE(KeepExtraAlias("Labour"));
  EXPECT_FALSE(KeepExtraAlias("Union"));
  EXPECT_FALSE(KeepExtraAlias("PS"));
  EXPECT_FALSE(KeepExtraAlias("The People's Party"));
  EXPECT_FALSE(KeepExtraAlias("1989"));
  EXPECT_FALSE(KeepExtraAlias("ethnic"));
  EXPECT_TRUE(KeepExtraAlias("Medvedev"));
  EXPECT_FALSE(KeepExtraAlias("SPD"));
  EXPECT_TRUE(KeepExtraAlias("UKIP"));
  EXPECT_TRUE(KeepExtraAlias("Social Democratic Party of Germany"));
  EXPECT_EQ(PhoenixPhraseToName("VLADIMIR_PUTIN_"), "Vladimir Putin");
  EXPECT_EQ(PhoenixPhraseToName("BANK_OF_AMERICA_"), "Bank of America");
  EXPECT_EQ(PhoenixPhraseToName("BAN_KI-MOON"), "Ban Ki-moon");
}

// On the real shared files, when this checkout has them.
TEST(KbLoadersTest, LoadsTheRealExtraFilesWhenPresent) {
  std::vector<std::string> extras;
  for (const char* f : {"petrarch2_dictionaries/Phoenix.Countries.actors.txt",
                        "petrarch2_dictionaries/Phoenix.International.actors.txt",
                        "petrarch2_dictionaries/Phoenix.MilNonState.actors.txt",
                        "partyfacts/partyfacts-core-parties.csv", "partyfacts/partyfacts-wikipedia.csv",
                        "partyfacts/parlgov-parties.csv", "partyfacts/whogov-parties.csv"}) {
    std::string path = SharedDir() + "/" + f;
    if (std::filesystem::exists(path)) extras.push_back(path);
  }
  if (extras.size() < 7) GTEST_SKIP() << "shared corpora not present";
  auto kb = KnowledgeBase::Load(KbDir(), extras);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_GT(kb->CountBySource("phoenix"), 10000u);
  EXPECT_GT(kb->CountBySource("partyfacts"), 3000u);
  // Curated entries are untouched and still win.
  auto curated = KnowledgeBase::Load(KbDir(), {});
  ASSERT_TRUE(curated.ok());
  EXPECT_EQ(kb->CountBySource("curated"), curated->entries().size());
  EXPECT_EQ(kb->FindByName("Putin")->id, "vladimir-putin");
  EXPECT_EQ(kb->FindByName("Vladimir Putin")->id, "vladimir-putin");
  EXPECT_EQ(kb->FindByName("SPD")->id, "spd");
  EXPECT_EQ(kb->FindByName("Labour")->id, "uk-labour-party");
  std::vector<std::string_view> toks = {"the", "United", "States", "said"};
  EXPECT_EQ(kb->entries()[kb->LongestMatch(toks, 0).entry].id, "US");
  // Something only the extras know.
  const KbEntry* karmal = kb->FindByName("Babrak Karmal");
  ASSERT_NE(karmal, nullptr);
  EXPECT_EQ(karmal->source, "phoenix");
  EXPECT_EQ(karmal->country, "AF");
}

}  // namespace
}  // namespace tiegraph
