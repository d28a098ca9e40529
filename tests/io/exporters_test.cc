// Every export format, checked by a consumer: GraphML by networkx and
// python-igraph, GEXF by networkx (check_graph.py, Debian's python3), FtM by
// tiegraph's own FtM reader and actor importer (round trip), Neo4j and CSV by
// an RFC 4180 parser, DOT by Graphviz when installed, else by its grammar.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "tiegraph/io/actor_list_importer.h"
#include "tiegraph/io/exporter.h"
#include "tiegraph/io/ftm_exporter.h"
#include "tiegraph/io/ftm_reader.h"
#include "tiegraph/io/gexf_exporter.h"
#include "tiegraph/resolve/kb_loaders.h"
#include "tiegraph/store/store.h"

namespace tiegraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Document MakeDoc(std::string id, std::string text, std::vector<Actor> actors,
                 std::vector<std::tuple<int, std::string, int, std::string, std::string>> claims,
                 std::string url = "https://news.example.org/a?x=1&y=2") {
  Document d;
  d.id = std::move(id);
  d.source = "io/" + d.id + ".txt";
  d.url = std::move(url);
  d.published = "2022-03-01";
  d.text = std::move(text);
  d.actors = std::move(actors);
  for (auto& [s, rel, o, phrase, time] : claims) {
    Claim c;
    c.subject = s;
    c.relation = rel;
    c.object = o;
    c.time = time;
    size_t at = d.text.find(phrase);
    EXPECT_NE(at, std::string::npos) << phrase;
    c.evidence = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + phrase.size())};
    c.confidence = 0.75;
    c.extractor = "io-test";
    if (rel == "praise") c.modality = Modality::kAlleged;
    d.claims.push_back(c);
  }
  return d;
}

Actor A(std::string name, ActorType type, std::string country, std::vector<std::string> aliases = {},
        std::string kb_ref = "") {
  return Actor{std::move(name), type, std::move(country), std::move(aliases), std::move(kb_ref)};
}

std::vector<Document> Corpus() {
  return {
      MakeDoc("io-1",
              "Marine Le Pen met Vladimir Putin in 2017. The RN got a \"loan\" from First Czech-Russian Bank. "
              "Le Pen is leader of the RN. Putin & Le Pen <friends>, says Zoë.",
              {A("Marine Le Pen", ActorType::kPerson, "FR", {"Le Pen"}, "marine-le-pen"),
               A("Vladimir Putin", ActorType::kPerson, "RU", {"Putin"}, "vladimir-putin"),
               A("RN", ActorType::kOrganization, "FR", {"National Rally", "Rassemblement, national"}),
               A("First Czech-Russian Bank", ActorType::kOrganization, "RU"),
               A("Zoë", ActorType::kPerson, "")},
              {{0, "meet", 1, "Marine Le Pen met Vladimir Putin in 2017.", "2017"},
               {3, "fund", 2, "The RN got a \"loan\" from First Czech-Russian Bank.", "2014-09"},
               {0, "member", 2, "Le Pen is leader of the RN.", ""},
               {4, "social", 0, "Putin & Le Pen <friends>, says Zoë.", "2016-02-29"}}),
      MakeDoc("io-2", "Russia praised Marine Le Pen. Matteo Salvini did not criticize Russia.",
              {A("Russia", ActorType::kCountry, "RU", {"Moscow"}), A("Marine Le Pen", ActorType::kPerson, "FR"),
               A("Matteo Salvini", ActorType::kPerson, "IT", {"Salvini"})},
              {{0, "praise", 1, "Russia praised Marine Le Pen.", "2022"},
               {2, "criticize", 0, "Matteo Salvini did not criticize Russia.", ""}},
              ""),
  };
}

class ExportersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tiegraph_io_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = OpenFresh("a.db", Corpus());
    Result<ExportNetwork> net = LoadExportNetwork(*store_, {});
    ASSERT_TRUE(net.ok()) << net.status().ToString();
    net_ = std::move(net.value());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  std::unique_ptr<Store> OpenFresh(const std::string& name, std::vector<Document> docs) {
    Result<std::unique_ptr<Store>> s = OpenStore((dir_ / name).string());
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    for (Document& d : docs) {
      // The second document says the claim is negated.
      if (d.id == "io-2") d.claims[1].negated = true;
      Result<PutResult> r = (*s)->PutDocument(d);
      EXPECT_TRUE(r.ok()) << r.status().ToString();
    }
    return std::move(s.value());
  }
  std::string Write(const std::string& format, const std::string& file) {
    std::string path = (dir_ / file).string();
    std::string summary;
    std::ostringstream unused;
    Status s = ExportNetworkTo(*store_, ExportRequest{format, path, {}}, unused, &summary);
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_NE(summary.find("7 actors, 6 claims"), std::string::npos) << summary;
    return path;
  }
  static std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
  }
  // What check_graph.py must find.
  json Expected(bool gexf) const {
    json nodes = json::object(), edges = json::object();
    for (const StoredActor& a : net_.actors) {
      json n = {{"label", a.name}, {"type", a.type}, {"country", a.country}};
      std::string aliases;
      for (const std::string& s : a.aliases) aliases += (aliases.empty() ? "" : "|") + s;
      n["aliases"] = aliases;
      nodes["a" + std::to_string(a.id)] = n;
    }
    for (const StoredClaim& c : net_.claims) {
      json e = {{"source", "a" + std::to_string(c.subject)},
                {"target", "a" + std::to_string(c.object)},
                {"relation", c.relation},
                {"negated", c.negated},
                {"modality", c.modality},
                {"time", c.time},
                {"evidence", c.evidence},
                {"document", c.document},
                {"url", c.url}};
      if (gexf) {
        auto [start, end] = DateInterval(c.time);
        if (!start.empty()) {
          e["spell_start"] = start;
          e["spell_end"] = end;
        }
      }
      edges["c" + std::to_string(c.id)] = e;
    }
    return {{"nodes", nodes}, {"edges", edges}};
  }
  // Runs check_graph.py with `python`; skips when the consumer is missing.
  void Consume(const std::string& python, const std::string& format, const std::string& file) {
    std::string probe = python + " -c 'import networkx" + std::string(format == "graphml" ? ", igraph" : "") +
                        "' >/dev/null 2>&1";
    if (std::system(probe.c_str()) != 0) GTEST_SKIP() << python << " lacks networkx/igraph (python3-networkx, python3-igraph)";
    std::string expected = (dir_ / "expected.json").string();
    std::ofstream(expected) << json{{"graphml", Expected(false)}, {"gexf", Expected(true)}}.dump();
    std::string script = std::string(TIEGRAPH_SOURCE_DIR) + "/tests/io/check_graph.py";
    std::string log = (dir_ / "consumer.log").string();
    std::string cmd = python + " " + script + " " + format + " " + file + " " + expected + " >" + log + " 2>&1";
    int rc = std::system(cmd.c_str());
    std::string out = Slurp(log);
    std::printf("%s", out.c_str());
    EXPECT_EQ(rc, 0) << out;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  ExportNetwork net_;
};

TEST_F(ExportersTest, GraphmlReadByNetworkxAndIgraph) {
  Consume("/usr/bin/python3", "graphml", Write("graphml", "net.graphml"));
}

TEST_F(ExportersTest, GexfReadByNetworkx) { Consume("/usr/bin/python3", "gexf", Write("gexf", "net.gexf")); }

TEST_F(ExportersTest, GexfReadByANetworkxThatKnowsGexf13) {
  // The python3 on PATH, if it is another one (e.g. networkx 3 with native GEXF 1.3).
  if (std::system("python3 -c 'import networkx.readwrite.gexf as g, sys; sys.exit(0 if \"1.3\" in g.GEXF.versions "
                  "else 1)' >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "no networkx with native GEXF 1.3 on PATH";
  Consume("python3", "gexf", Write("gexf", "net13.gexf"));
}

TEST_F(ExportersTest, GexfSpellsCoverPartialDates) {
  EXPECT_EQ(DateInterval("2017"), std::make_pair(std::string("2017-01-01"), std::string("2017-12-31")));
  EXPECT_EQ(DateInterval("2016-02"), std::make_pair(std::string("2016-02-01"), std::string("2016-02-29")));
  EXPECT_EQ(DateInterval("2015-02-29").first, "");
  EXPECT_EQ(DateInterval("2015-02-28").second, "2015-02-28");
  EXPECT_EQ(DateInterval("last week").first, "");
  std::string gexf = Slurp(Write("gexf", "spells.gexf"));
  EXPECT_NE(gexf.find("<spell start=\"2014-09-01\" end=\"2014-09-30\"/>"), std::string::npos);
  EXPECT_NE(gexf.find("version=\"1.3\""), std::string::npos);
}

TEST_F(ExportersTest, FtmRoundTripsThroughTheImporter) {
  std::string text = Slurp(Write("ftm", "net.ftm.jsonl"));
  Result<std::vector<FtmEntity>> entities = ParseFtmEntities(text, "net.ftm.jsonl");
  ASSERT_TRUE(entities.ok()) << entities.status().ToString();
  std::map<std::string, const FtmEntity*> by_id;
  std::map<std::string, int> schemas;
  for (const FtmEntity& e : *entities) {
    EXPECT_TRUE(by_id.emplace(e.id, &e).second) << "duplicate id " << e.id;
    ++schemas[e.schema];
  }
  // 6 actors (Marine Le Pen once, by kb_ref) and 6 claims.
  EXPECT_EQ(schemas["Person"], 4);
  EXPECT_EQ(schemas["Organization"], 1);  // RN
  EXPECT_EQ(schemas["Company"], 1);       // First Czech-Russian Bank
  EXPECT_EQ(schemas["PublicBody"], 1);    // Russia
  EXPECT_EQ(schemas["Debt"], 1);          // a loan
  EXPECT_EQ(schemas["Directorship"], 1);  // leader of
  EXPECT_EQ(schemas["Associate"], 1);     // social, two people
  EXPECT_EQ(schemas["UnknownLink"], 3);   // meet, praise, not criticize
  // Every link points at exported entities and carries its evidence.
  for (const FtmEntity& e : *entities) {
    if (e.schema == "Debt") {
      ASSERT_TRUE(by_id.count(e.First("creditor")));
      ASSERT_TRUE(by_id.count(e.First("debtor")));
      EXPECT_EQ(by_id[e.First("creditor")]->First("name"), "First Czech-Russian Bank");
      EXPECT_EQ(by_id[e.First("debtor")]->First("name"), "RN");
      EXPECT_EQ(e.First("startDate"), "2014-09");
      EXPECT_EQ(e.First("summary"), "The RN got a \"loan\" from First Czech-Russian Bank.");
      EXPECT_EQ(e.First("sourceUrl"), "https://news.example.org/a?x=1&y=2");
      EXPECT_EQ(e.First("publisher"), "news.example.org");
    }
    if (e.schema == "UnknownLink") {
      ASSERT_TRUE(by_id.count(e.First("subject")));
      ASSERT_TRUE(by_id.count(e.First("object")));
      std::string role = e.First("role");
      EXPECT_TRUE(role == "meet" || role == "praise" || role == "not criticize") << role;
      if (role == "praise") EXPECT_EQ(e.First("description"), "alleged");
    }
  }
  // The importer reads the actors back: names, aliases, countries, types.
  Result<ActorListImport> imported = ParseFtmActorList(text, "net.ftm.jsonl");
  ASSERT_TRUE(imported.ok());
  EXPECT_EQ(imported->entries.size(), 7u);  // PublicBody imports as an organisation
  EXPECT_EQ(imported->skipped, 6);          // the links
  std::map<std::string, KbEntry> by_name;
  for (const KbEntry& e : imported->entries) by_name[e.name] = e;
  for (const StoredActor& a : net_.actors) {
    ASSERT_TRUE(by_name.count(a.name)) << a.name;
    const KbEntry& e = by_name[a.name];
    EXPECT_EQ(e.country, a.country) << a.name;
    EXPECT_EQ(std::string(ActorTypeName(e.type)), a.type == "Country" ? "Organization" : a.type);
    std::set<std::string> want(a.aliases.begin(), a.aliases.end()), got(e.aliases.begin(), e.aliases.end());
    want.erase(a.name);
    EXPECT_EQ(got, want) << a.name;
    EXPECT_EQ(e.id.rfind("ftm:tg-", 0), 0u) << e.id;
  }
}

TEST_F(ExportersTest, FtmIdsAreStableAcrossRunsAndDatabases) {
  std::vector<Document> reversed = Corpus();
  std::reverse(reversed.begin(), reversed.end());
  std::unique_ptr<Store> other = OpenFresh("b.db", reversed);
  auto ids = [](Store& store) {
    Result<ExportNetwork> net = LoadExportNetwork(store, {});
    EXPECT_TRUE(net.ok());
    std::ostringstream out;
    EXPECT_TRUE(WriteFtm(*net, out).ok());
    std::set<std::string> set;
    Result<std::vector<FtmEntity>> entities = ParseFtmEntities(out.str(), "x");
    for (const FtmEntity& e : *entities) set.insert(e.id + " " + e.schema);
    return set;
  };
  std::set<std::string> first = ids(*store_);
  EXPECT_EQ(first, ids(*store_));
  EXPECT_EQ(first, ids(*other));  // other store ids, same FtM ids
  EXPECT_EQ(first.size(), 13u);
}

TEST_F(ExportersTest, Neo4jImportFilesAndCypher) {
  std::string folder = (dir_ / "neo4j").string();
  std::string summary;
  std::ostringstream unused;
  ASSERT_TRUE(ExportNetworkTo(*store_, ExportRequest{"neo4j", folder, {}}, unused, &summary).ok());
  auto nodes = ParseCsv(Slurp(folder + "/nodes.csv"));
  auto rels = ParseCsv(Slurp(folder + "/rels.csv"));
  ASSERT_FALSE(nodes.empty());
  ASSERT_FALSE(rels.empty());
  EXPECT_EQ(nodes[0][0], "id:ID(Actor)");
  EXPECT_EQ(nodes[0].back(), ":LABEL");
  EXPECT_EQ(rels[0][0], ":START_ID(Actor)");
  EXPECT_EQ(rels[0][1], ":END_ID(Actor)");
  EXPECT_EQ(rels[0][2], ":TYPE");
  EXPECT_EQ(nodes.size(), net_.actors.size() + 1);
  EXPECT_EQ(rels.size(), net_.claims.size() + 1);
  std::set<std::string> node_ids;
  for (size_t i = 1; i < nodes.size(); ++i) {
    EXPECT_EQ(nodes[i].size(), nodes[0].size()) << "row " << i;
    node_ids.insert(nodes[i][0]);
    EXPECT_EQ(nodes[i].back().rfind("Actor;", 0), 0u);
  }
  std::set<std::string> types;
  for (size_t i = 1; i < rels.size(); ++i) {
    ASSERT_EQ(rels[i].size(), rels[0].size()) << "row " << i;
    EXPECT_TRUE(node_ids.count(rels[i][0]) && node_ids.count(rels[i][1]));
    types.insert(rels[i][2]);
  }
  EXPECT_EQ(types, (std::set<std::string>{"MEET", "FUND", "MEMBER", "SOCIAL", "PRAISE", "CRITICIZE"}));
  std::string cypher = Slurp(folder + "/load.cypher");
  EXPECT_NE(cypher.find("LOAD CSV WITH HEADERS FROM 'file:///nodes.csv'"), std::string::npos);
  for (const std::string& t : types) EXPECT_NE(cypher.find("CREATE (s)-[:" + t + " "), std::string::npos) << t;
  // Without a folder it is a usage error.
  EXPECT_EQ(ExportNetworkTo(*store_, ExportRequest{"neo4j", "", {}}, unused, nullptr).code(), Status::Code::kUsage);
}

TEST_F(ExportersTest, CsvIsOneRowPerClaim) {
  auto rows = ParseCsv(Slurp(Write("csv", "claims.csv")));
  ASSERT_EQ(rows.size(), net_.claims.size() + 1);
  EXPECT_EQ(rows[0].size(), 19u);
  std::set<std::string> evidence;
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 19u) << "row " << i;
    evidence.insert(rows[i][14]);
  }
  EXPECT_TRUE(evidence.count("The RN got a \"loan\" from First Czech-Russian Bank."));
  EXPECT_TRUE(evidence.count("Putin & Le Pen <friends>, says Zoë."));
}

TEST_F(ExportersTest, DotIsValidGraphviz) {
  std::string path = Write("dot", "net.dot");
  if (std::system("command -v dot >/dev/null 2>&1") == 0) {
    std::string cmd = "dot -Tsvg " + path + " -o " + (dir_ / "net.svg").string();
    EXPECT_EQ(std::system(cmd.c_str()), 0);
  }
  // Graphviz or not: one statement per actor and per claim, quotes balanced.
  std::string dot = Slurp(path);
  std::istringstream in(dot);
  std::string line;
  int node_lines = 0, edge_lines = 0;
  std::regex node(R"(^  a\d+ \[label=".*"\];$)"), edge(R"(^  a\d+ -> a\d+ \[id="c\d+", .*\];$)");
  while (std::getline(in, line)) {
    if (std::regex_match(line, edge)) ++edge_lines;
    else if (std::regex_match(line, node)) ++node_lines;
    size_t quotes = 0;
    for (size_t i = 0; i < line.size(); ++i)
      if (line[i] == '"' && (i == 0 || line[i - 1] != '\\')) ++quotes;
    EXPECT_EQ(quotes % 2, 0u) << line;
  }
  EXPECT_EQ(node_lines, static_cast<int>(net_.actors.size()));
  EXPECT_EQ(edge_lines, static_cast<int>(net_.claims.size()));
  EXPECT_EQ(dot.rfind("digraph", 0), 0u);
}

TEST_F(ExportersTest, ActorScopeKeepsTheNeighbourhood) {
  Result<ExportNetwork> ego = LoadExportNetwork(*store_, {"Zoë", 1});
  ASSERT_TRUE(ego.ok()) << ego.status().ToString();
  EXPECT_EQ(ego->actors.size(), 2u);  // Zoë, Marine Le Pen
  EXPECT_EQ(ego->claims.size(), 1u);
  Result<ExportNetwork> two = LoadExportNetwork(*store_, {"Zoë", 2});
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->actors.size(), 5u);  // + Putin, RN, Russia
  for (const StoredClaim& c : two->claims) EXPECT_TRUE(two->Actor(c.subject) && two->Actor(c.object));
  EXPECT_FALSE(LoadExportNetwork(*store_, {"Nobody Atall", 1}).ok());
}

}  // namespace
}  // namespace tiegraph
