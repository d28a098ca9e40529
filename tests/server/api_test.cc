// Api::Handle over a hand-built store: every endpoint, bad parameters,
// unknown names, methods, ingest rules, and markup kept as data.
#include "tiegraph/server/api.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include <nlohmann/json.hpp>

#include "server_fixture.h"
#include "tiegraph/server/openapi.h"

namespace tiegraph::server {
namespace {

using nlohmann::json;
using testing::StoreFixture;

struct Got {
  int status = 0;
  json body;
  std::string allow;
};

Got Call(Api& api, const std::string& method, const std::string& path,
         std::multimap<std::string, std::string> params = {}, std::string body = "", std::string content_type = "",
         std::string token = "") {
  ApiRequest r;
  r.method = method;
  r.path = path;
  r.params = std::move(params);
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  r.token = std::move(token);
  ApiResponse response = api.Handle(r);
  Got g;
  g.status = response.status;
  g.body = json::parse(response.body, nullptr, false);
  g.allow = response.allow;
  EXPECT_FALSE(g.body.is_discarded()) << response.body;
  return g;
}

Got Get(Api& api, const std::string& path, std::multimap<std::string, std::string> params = {}) {
  return Call(api, "GET", path, std::move(params));
}

// Every error is {"error": text, "status": code}.
void ExpectError(const Got& g, int status, const std::string& mentions = "") {
  EXPECT_EQ(g.status, status) << g.body.dump();
  ASSERT_TRUE(g.body.is_object());
  EXPECT_EQ(g.body.value("status", 0), status);
  ASSERT_TRUE(g.body.contains("error"));
  if (!mentions.empty()) {
    EXPECT_NE(g.body["error"].get<std::string>().find(mentions), std::string::npos) << g.body.dump();
  }
}

std::vector<std::string> Names(const json& actors) {
  std::vector<std::string> names;
  for (const json& a : actors) names.push_back(a.contains("name") ? a["name"].get<std::string>() : a["actor"]["name"].get<std::string>());
  return names;
}

bool HasName(const json& actors, const std::string& name) {
  auto names = Names(actors);
  return std::find(names.begin(), names.end(), name) != names.end();
}

class ApiTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    api_ = MakeApi();
    ASSERT_NE(api_, nullptr);
  }
  int64_t IdOf(const std::string& name) {
    Got g = Get(*api_, "/api/actors/" + name);
    EXPECT_EQ(g.status, 200);
    return g.body.value("id", int64_t{0});
  }
  std::unique_ptr<Api> api_;
};

TEST_F(ApiTest, HealthCountsTheStore) {
  Got g = Get(*api_, "/api/health");
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.body["status"], "ok");
  EXPECT_EQ(g.body["documents"], 4);
  EXPECT_EQ(g.body["actors"], 6);
  EXPECT_EQ(g.body["claims"], 7);
  EXPECT_EQ(g.body["ties"], 7);
  EXPECT_EQ(g.body["ingest"], false);
}

TEST_F(ApiTest, OpenApiDescribesEveryEndpoint) {
  Got g = Get(*api_, "/api/openapi.json");
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.body["openapi"], "3.0.3");
  for (const char* path : {"/api/health", "/api/relations", "/api/actors", "/api/actors/{ref}", "/api/ego", "/api/path",
                           "/api/ties", "/api/claims", "/api/documents", "/api/documents/{id}", "/api/timeline",
                           "/api/rank", "/api/communities", "/api/openapi.json"}) {
    EXPECT_TRUE(g.body["paths"].contains(path)) << path;
  }
  EXPECT_TRUE(g.body["paths"]["/api/documents"].contains("post"));
  EXPECT_EQ(g.body, OpenApiDocument());
}

TEST_F(ApiTest, RelationsListsTheTwelve) {
  Got g = Get(*api_, "/api/relations");
  ASSERT_EQ(g.status, 200);
  ASSERT_EQ(g.body["relations"].size(), 12u);
  EXPECT_EQ(g.body["relations"][0]["name"], "praise");
  EXPECT_EQ(g.body["relations"][0]["sign"], 1);
  EXPECT_EQ(g.body["relations"][1]["sign"], -1);
}

TEST_F(ApiTest, ActorSearchByAliasPrefixAndTypo) {
  Got g = Get(*api_, "/api/actors", {{"q", "Le Pen"}});
  ASSERT_EQ(g.status, 200);
  ASSERT_FALSE(g.body["actors"].empty());
  EXPECT_EQ(g.body["actors"][0]["name"], "Marine Le Pen");
  EXPECT_EQ(g.body["actors"][0]["match"], "exact");  // the alias "Le Pen"

  g = Get(*api_, "/api/actors", {{"q", "pomp"}});
  ASSERT_EQ(g.body["actors"].size(), 1u);
  EXPECT_EQ(g.body["actors"][0]["name"], "Mike Pompeo");
  EXPECT_EQ(g.body["actors"][0]["match"], "prefix");

  g = Get(*api_, "/api/actors", {{"q", "Vladmir Putn"}});  // two typos
  ASSERT_FALSE(g.body["actors"].empty());
  EXPECT_EQ(g.body["actors"][0]["name"], "Vladimir Putin");
  EXPECT_EQ(g.body["actors"][0]["match"], "fuzzy");

  g = Get(*api_, "/api/actors", {{"q", "zzzz"}});
  ASSERT_EQ(g.status, 200);
  EXPECT_TRUE(g.body["actors"].empty());
}

TEST_F(ApiTest, ActorListingIsOrderedByTiesAndFilteredByType) {
  Got g = Get(*api_, "/api/actors", {{"limit", "100"}});
  ASSERT_EQ(g.status, 200);
  ASSERT_EQ(g.body["actors"].size(), 6u);
  for (size_t i = 1; i < g.body["actors"].size(); ++i) {
    EXPECT_GE(g.body["actors"][i - 1]["degree"].get<int>(), g.body["actors"][i]["degree"].get<int>());
  }
  g = Get(*api_, "/api/actors", {{"type", "Country"}});
  ASSERT_EQ(g.body["actors"].size(), 1u);
  EXPECT_EQ(g.body["actors"][0]["name"], "Russia");
  g = Get(*api_, "/api/actors", {{"limit", "2"}});
  EXPECT_EQ(g.body["actors"].size(), 2u);
}

TEST_F(ApiTest, ActorSearchRejectsBadParameters) {
  ExpectError(Get(*api_, "/api/actors", {{"limit", "0"}}), 400, "limit");
  ExpectError(Get(*api_, "/api/actors", {{"limit", "ten"}}), 400, "limit");
  ExpectError(Get(*api_, "/api/actors", {{"limit", "5x"}}), 400, "limit");
  ExpectError(Get(*api_, "/api/actors", {{"type", "Animal"}}), 400, "type");
  ExpectError(Get(*api_, "/api/actors", {{"query", "Putin"}}), 400, "unknown parameter");
  ExpectError(Get(*api_, "/api/actors", {{"q", "a"}, {"q", "b"}}), 400, "twice");
}

TEST_F(ApiTest, ActorDetailByNameOrIdAndUnknown) {
  Got g = Get(*api_, "/api/actors/Marine Le Pen");
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.body["type"], "Person");
  EXPECT_EQ(g.body["country"], "FR");
  EXPECT_EQ(g.body["degree"], 2);
  EXPECT_EQ(g.body["claims_by_relation"]["fund"], 1);
  const int64_t id = g.body["id"];
  Got by_id = Get(*api_, "/api/actors/" + std::to_string(id));
  EXPECT_EQ(by_id.body["name"], "Marine Le Pen");
  EXPECT_EQ(Get(*api_, "/api/actors/#" + std::to_string(id)).body["name"], "Marine Le Pen");
  ExpectError(Get(*api_, "/api/actors/987654"), 404, "987654");
  ExpectError(Get(*api_, "/api/actors/Nobody Atall"), 404, "Nobody Atall");
  ExpectError(Get(*api_, "/api/actors/Vladimir Putim"), 404, "did you mean: Vladimir Putin");
}

TEST_F(ApiTest, EgoNetworkOfLePen) {
  Got g = Get(*api_, "/api/ego", {{"actor", "Le Pen"}});
  ASSERT_EQ(g.status, 200) << g.body.dump();
  EXPECT_EQ(g.body["centre"]["name"], "Marine Le Pen");
  EXPECT_TRUE(HasName(g.body["nodes"], "Vladimir Putin"));
  EXPECT_TRUE(HasName(g.body["nodes"], "Russia"));
  EXPECT_EQ(g.body["nodes"].size(), 3u);
  const int64_t lepen = IdOf("Marine Le Pen"), putin = IdOf("Vladimir Putin"), russia = IdOf("Russia");
  bool meet = false, fund = false;
  for (const json& e : g.body["edges"]) {
    std::set<int64_t> ends = {e["source"].get<int64_t>(), e["target"].get<int64_t>()};
    if (e["relation"] == "meet" && ends == std::set<int64_t>{lepen, putin}) meet = true;
    if (e["relation"] == "fund" && e["source"] == russia && e["target"] == lepen) {
      fund = true;
      EXPECT_EQ(e["sign"], 1);
      EXPECT_EQ(e["count"], 1);
      EXPECT_EQ(e["first"], "2014");
    }
  }
  EXPECT_TRUE(meet);
  EXPECT_TRUE(fund);

  Got deeper = Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"depth", "2"}});
  EXPECT_TRUE(HasName(deeper.body["nodes"], "Mike Pompeo"));
  EXPECT_TRUE(HasName(deeper.body["nodes"], "Nigel Farage"));
}

TEST_F(ApiTest, EgoFilters) {
  Got g = Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"relation", "fund"}});
  ASSERT_EQ(g.status, 200);
  ASSERT_EQ(g.body["edges"].size(), 1u);
  EXPECT_EQ(g.body["edges"][0]["relation"], "fund");
  EXPECT_FALSE(HasName(g.body["nodes"], "Vladimir Putin"));

  g = Get(*api_, "/api/ego", {{"actor", "Russia"}, {"sign", "negative"}});
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.body["edges"].size(), 2u);  // Pompeo and Stoltenberg criticize Russia
  for (const json& e : g.body["edges"]) EXPECT_EQ(e["relation"], "criticize");

  g = Get(*api_, "/api/ego", {{"actor", "Putin"}, {"since", "2022"}});
  EXPECT_FALSE(HasName(g.body["nodes"], "Marine Le Pen"));  // met in 2017
  EXPECT_TRUE(HasName(g.body["nodes"], "Mike Pompeo"));
  g = Get(*api_, "/api/ego", {{"actor", "Putin"}, {"until", "2017"}});
  EXPECT_TRUE(HasName(g.body["nodes"], "Marine Le Pen"));
  EXPECT_FALSE(HasName(g.body["nodes"], "Mike Pompeo"));
  g = Get(*api_, "/api/ego", {{"actor", "Putin"}, {"country", "gb"}});
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(Names(g.body["nodes"]), (std::vector<std::string>{"Vladimir Putin", "Nigel Farage"}));

  g = Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"max_nodes", "1"}});
  EXPECT_EQ(g.body["nodes"].size(), 1u);
  EXPECT_TRUE(g.body["edges"].empty());
  EXPECT_EQ(g.body["truncated"], true);
  EXPECT_EQ(g.body["total_nodes"], 3);
}

TEST_F(ApiTest, EgoRejectsBadParametersAndUnknownActors) {
  ExpectError(Get(*api_, "/api/ego"), 400, "actor");
  ExpectError(Get(*api_, "/api/ego", {{"actor", "Nobody Atall"}}), 404);
  ExpectError(Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"relation", "hug"}}), 400, "hug");
  ExpectError(Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"sign", "up"}}), 400, "sign");
  ExpectError(Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"modality", "rumoured"}}), 400, "modality");
  ExpectError(Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"since", "2022-13"}}), 400, "since");
  ExpectError(Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"until", "yesterday"}}), 400, "until");
  ExpectError(Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"since", "2022"}, {"until", "2021"}}), 400);
  ExpectError(Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"country", "FRA"}}), 400, "country");
  ExpectError(Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"depth", "9"}}), 400, "depth");
  ExpectError(Get(*api_, "/api/ego", {{"actor", "Le Pen"}, {"max_nodes", "-1"}}), 400, "max_nodes");
  ExpectError(Get(*api_, "/api/ego", {{"actor", "987654"}}), 404);
}

TEST_F(ApiTest, PathsBetweenLePenAndPompeo) {
  Got g = Get(*api_, "/api/path", {{"from", "Le Pen"}, {"to", "Pompeo"}, {"k", "2"}});
  ASSERT_EQ(g.status, 200) << g.body.dump();
  ASSERT_EQ(g.body["paths"].size(), 2u);  // via Putin and via Russia
  for (const json& p : g.body["paths"]) {
    EXPECT_EQ(p["length"], 2);
    EXPECT_EQ(p["nodes"].front()["name"], "Marine Le Pen");
    EXPECT_EQ(p["nodes"].back()["name"], "Mike Pompeo");
    ASSERT_EQ(p["hops"].size(), 2u);
    EXPECT_FALSE(p["hops"][0]["ties"].empty());
  }
  g = Get(*api_, "/api/path", {{"from", "Le Pen"}, {"to", "Pompeo"}, {"relation", "fund"}});
  EXPECT_TRUE(g.body["paths"].empty());
  ExpectError(Get(*api_, "/api/path", {{"from", "Le Pen"}}), 400, "to");
  ExpectError(Get(*api_, "/api/path", {{"from", "Le Pen"}, {"to", "Marine Le Pen"}}), 400, "same actor");
  ExpectError(Get(*api_, "/api/path", {{"from", "Le Pen"}, {"to", "Nobody Atall"}}), 404);
  ExpectError(Get(*api_, "/api/path", {{"from", "Le Pen"}, {"to", "Pompeo"}, {"k", "0"}}), 400, "k");
}

TEST_F(ApiTest, TiesCarryEvidenceInContext) {
  Got g = Get(*api_, "/api/ties", {{"a", "Le Pen"}, {"b", "Putin"}});
  ASSERT_EQ(g.status, 200) << g.body.dump();
  ASSERT_EQ(g.body["ties"].size(), 1u);
  const json& tie = g.body["ties"][0];
  EXPECT_EQ(tie["relation"], "meet");
  ASSERT_EQ(tie["claims"].size(), 1u);
  const json& claim = tie["claims"][0];
  const std::string evidence = claim["evidence"];
  EXPECT_NE(evidence.find("9 million euro loan"), std::string::npos);
  EXPECT_EQ(claim["date"], "2017");
  EXPECT_EQ(claim["modality"], "asserted");
  EXPECT_EQ(claim["document"]["title"], "Title of doclepen");
  EXPECT_EQ(claim["document"]["url"], "https://example.org/doclepen");
  EXPECT_EQ(claim["context"]["before"], "Putin has friends in France. ");
  EXPECT_EQ(claim["context"]["after"], " The debt was rescheduled.");
  const std::string text = Get(*api_, "/api/documents/doclepen").body["text"];
  EXPECT_EQ(text.substr(claim["evidence_start"].get<size_t>(),
                        claim["evidence_end"].get<size_t>() - claim["evidence_start"].get<size_t>()),
            evidence);

  g = Get(*api_, "/api/ties", {{"a", "Le Pen"}});
  EXPECT_EQ(g.body["ties"].size(), 2u);
  EXPECT_EQ(g.body["total"], 2);
  g = Get(*api_, "/api/ties", {{"a", "Le Pen"}, {"context", "false"}});
  EXPECT_FALSE(g.body["ties"][0]["claims"][0].contains("context"));
  g = Get(*api_, "/api/ties", {{"a", "Le Pen"}, {"b", "Stoltenberg"}});
  ASSERT_EQ(g.status, 200);
  EXPECT_TRUE(g.body["ties"].empty());

  ExpectError(Get(*api_, "/api/ties"), 400, "'a'");
  ExpectError(Get(*api_, "/api/ties", {{"a", "Le Pen"}, {"b", "Nobody Atall"}}), 404);
  ExpectError(Get(*api_, "/api/ties", {{"a", "Le Pen"}, {"max_claims", "-1"}}), 400, "max_claims");
  ExpectError(Get(*api_, "/api/ties", {{"a", "Le Pen"}, {"context", "maybe"}}), 400, "context");
}

TEST_F(ApiTest, ClaimsFilteredAndPaged) {
  Got g = Get(*api_, "/api/claims", {{"actor", "Pompeo"}});
  ASSERT_EQ(g.status, 200) << g.body.dump();
  EXPECT_EQ(g.body["claims"].size(), 3u);
  EXPECT_EQ(g.body["more"], false);
  g = Get(*api_, "/api/claims", {{"relation", "praise"}});
  EXPECT_EQ(g.body["claims"].size(), 2u);
  for (const json& c : g.body["claims"]) EXPECT_EQ(c["object"]["name"], "Vladimir Putin");
  g = Get(*api_, "/api/claims", {{"actor", "Pompeo"}, {"other", "Russia"}});
  ASSERT_EQ(g.body["claims"].size(), 1u);
  EXPECT_EQ(g.body["claims"][0]["relation"], "criticize");
  EXPECT_EQ(g.body["claims"][0]["sign"], -1);
  g = Get(*api_, "/api/claims", {{"limit", "2"}});
  EXPECT_EQ(g.body["claims"].size(), 2u);
  EXPECT_EQ(g.body["more"], true);
  Got rest = Get(*api_, "/api/claims", {{"limit", "100"}, {"offset", "2"}});
  EXPECT_EQ(rest.body["claims"].size(), 5u);
  g = Get(*api_, "/api/claims", {{"document", "docnato"}, {"context", "true"}});
  ASSERT_EQ(g.body["claims"].size(), 1u);
  EXPECT_EQ(g.body["claims"][0]["context"]["after"], " NATO is an alliance.");

  ExpectError(Get(*api_, "/api/claims", {{"relation", "hug"}}), 400, "hug");
  ExpectError(Get(*api_, "/api/claims", {{"other", "Russia"}}), 400, "actor");
  ExpectError(Get(*api_, "/api/claims", {{"actor", "Nobody Atall"}}), 404);
  ExpectError(Get(*api_, "/api/claims", {{"offset", "-3"}}), 400, "offset");
}

TEST_F(ApiTest, DocumentsListAndDetail) {
  Got g = Get(*api_, "/api/documents");
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.body["total"], 4);
  EXPECT_FALSE(g.body["documents"][0].contains("text"));
  g = Get(*api_, "/api/documents", {{"limit", "1"}, {"offset", "3"}});
  EXPECT_EQ(g.body["documents"].size(), 1u);

  g = Get(*api_, "/api/documents/docpompeo");
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.body["published"], "2022-03-01");
  ASSERT_EQ(g.body["claims"].size(), 3u);
  uint32_t previous = 0;
  for (const json& c : g.body["claims"]) {
    EXPECT_GE(c["evidence_start"].get<uint32_t>(), previous);
    previous = c["evidence_start"];
    EXPECT_LE(c["evidence_end"].get<size_t>(), g.body["text"].get<std::string>().size());
  }
  ExpectError(Get(*api_, "/api/documents/nosuchdocument"), 404, "nosuchdocument");
  ExpectError(Get(*api_, "/api/documents/bad$id"), 400);
  ExpectError(Get(*api_, "/api/documents", {{"limit", "100000"}}), 400, "limit");
}

TEST_F(ApiTest, MarkupInTextIsReturnedAsDataUnchanged) {
  Got g = Get(*api_, "/api/documents/dochostile");
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.body["text"], std::string(testing::kHostileSentence) + " The end.");
  g = Get(*api_, "/api/ties", {{"a", "Farage"}, {"b", "Putin"}, {"relation", "praise"}});
  ASSERT_EQ(g.body["ties"].size(), 1u);
  EXPECT_EQ(g.body["ties"][0]["claims"][0]["evidence"], testing::kHostileSentence);
  // The raw response is JSON text: markup can only appear inside strings.
  ApiRequest r;
  r.path = "/api/documents/dochostile";
  const std::string raw = api_->Handle(r).body;
  EXPECT_EQ(raw.front(), '{');
  EXPECT_NE(raw.find("<script>"), std::string::npos);  // data, not escaped away: the UI inserts it as text
}

TEST_F(ApiTest, TimelineShowsPompeosFlip) {
  Got g = Get(*api_, "/api/timeline", {{"actor", "Pompeo"}});
  ASSERT_EQ(g.status, 200) << g.body.dump();
  ASSERT_EQ(g.body["entries"].size(), 3u);
  EXPECT_EQ(g.body["entries"][0]["date"], "2021");
  EXPECT_EQ(g.body["entries"][1]["claim"]["relation"], "praise");
  EXPECT_EQ(g.body["entries"][2]["sign"], -1);
  EXPECT_EQ(g.body["entries"][2]["toward"]["name"], "Russia");
  ASSERT_TRUE(g.body["flip"].is_object());
  EXPECT_EQ(g.body["flip"]["flipped"], true);
  EXPECT_EQ(g.body["flip"]["pivot"], "2022-03");
  EXPECT_GT(g.body["flip"]["mean_before"].get<double>(), 0);
  EXPECT_LT(g.body["flip"]["mean_after"].get<double>(), 0);

  g = Get(*api_, "/api/timeline", {{"actor", "Pompeo"}, {"pivot", "2022-02-24"}});
  EXPECT_EQ(g.body["flip"]["pivot_given"], true);
  EXPECT_EQ(g.body["flip"]["flipped"], true);
  g = Get(*api_, "/api/timeline", {{"actor", "Pompeo"}, {"toward", "Putin"}});
  EXPECT_EQ(g.body["entries"].size(), 1u);
  EXPECT_TRUE(g.body["flip"].is_null());  // one signed date is not enough

  ExpectError(Get(*api_, "/api/timeline"), 400, "actor");
  ExpectError(Get(*api_, "/api/timeline", {{"actor", "Pompeo"}, {"pivot", "soon"}}), 400, "pivot");
  ExpectError(Get(*api_, "/api/timeline", {{"actor", "Pompeo"}, {"toward", "Nobody Atall"}}), 404);
  ExpectError(Get(*api_, "/api/timeline", {{"actor", "Pompeo"}, {"widen", "2"}}), 400, "widen");
}

TEST_F(ApiTest, RankingsAndFriends) {
  Got g = Get(*api_, "/api/rank");
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.body["by"], "pagerank");
  ASSERT_EQ(g.body["scores"].size(), 6u);
  EXPECT_EQ(g.body["scores"][0]["rank"], 1);
  for (size_t i = 1; i < g.body["scores"].size(); ++i) {
    EXPECT_GE(g.body["scores"][i - 1]["score"].get<double>(), g.body["scores"][i]["score"].get<double>());
  }
  g = Get(*api_, "/api/rank", {{"by", "degree"}, {"type", "Person"}, {"limit", "1"}});
  ASSERT_EQ(g.body["scores"].size(), 1u);
  EXPECT_EQ(g.body["scores"][0]["score"], 3.0);  // Putin and Pompeo have three neighbours each
  EXPECT_EQ(Get(*api_, "/api/rank", {{"by", "betweenness"}}).status, 200);

  g = Get(*api_, "/api/rank", {{"toward", "Putin"}});
  ASSERT_EQ(g.status, 200);
  EXPECT_TRUE(HasName(g.body["friends"], "Mike Pompeo"));
  EXPECT_TRUE(HasName(g.body["friends"], "Nigel Farage"));
  EXPECT_GT(g.body["friends"][0]["score"].get<double>(), 0);
  g = Get(*api_, "/api/rank", {{"toward", "Russia"}});
  EXPECT_LT(g.body["friends"].back()["score"].get<double>(), 0);  // the critics at the bottom

  ExpectError(Get(*api_, "/api/rank", {{"by", "fame"}}), 400, "by");
  ExpectError(Get(*api_, "/api/rank", {{"relation", "praise"}}), 400, "toward");
  ExpectError(Get(*api_, "/api/rank", {{"toward", "Nobody Atall"}}), 404);
  ExpectError(Get(*api_, "/api/rank", {{"by", "degree"}, {"toward", "Putin"}}), 400);
}

TEST_F(ApiTest, Communities) {
  Got g = Get(*api_, "/api/communities");
  ASSERT_EQ(g.status, 200);
  ASSERT_FALSE(g.body["communities"].empty());
  size_t members = 0;
  for (const json& c : g.body["communities"]) members += c["size"].get<size_t>();
  EXPECT_EQ(members, 6u);
  ExpectError(Get(*api_, "/api/communities", {{"limit", "x"}}), 400);
}

TEST_F(ApiTest, UnknownEndpointsAndMethods) {
  ExpectError(Get(*api_, "/api/nothing"), 404, "no such endpoint");
  ExpectError(Get(*api_, "/api"), 404);
  ExpectError(Get(*api_, "/api/actors/a/b"), 404);
  Got g = Call(*api_, "DELETE", "/api/actors");
  ExpectError(g, 405, "DELETE");
  EXPECT_EQ(g.allow, "GET, HEAD");
  g = Call(*api_, "PUT", "/api/documents");
  ExpectError(g, 405);
  EXPECT_EQ(g.allow, "GET, HEAD, POST");
  ExpectError(Call(*api_, "POST", "/api/ego"), 405);
  EXPECT_EQ(Call(*api_, "HEAD", "/api/health").status, 200);
}

TEST_F(ApiTest, IngestIsRefusedOnAReadOnlyServer) {
  ExpectError(Call(*api_, "POST", "/api/documents", {}, R"({"text":"x"})", "application/json", "secret"), 403, "read-only");
  EXPECT_EQ(Get(*api_, "/api/health").body["documents"], 4);
}

// Stands in for the extraction pipeline (which needs the trained models):
// every actor name from the list that occurs in the text becomes an actor,
// and the first two get one `praise` claim on the first sentence.
Status FindNamedActors(Document& doc) {
  for (const char* name : {"Alice Example", "Bob Sample"}) {
    if (doc.text.find(name) == std::string::npos) continue;
    Actor a;
    a.name = name;
    a.type = ActorType::kPerson;
    doc.actors.push_back(a);
  }
  if (doc.actors.size() >= 2) {
    Claim c;
    c.subject = 0;
    c.relation = "praise";
    c.object = 1;
    size_t end = doc.text.find('.');
    c.evidence = Span{0, static_cast<uint32_t>(end == std::string::npos ? doc.text.size() : end + 1)};
    c.extractor = "test";
    doc.claims.push_back(c);
  }
  return Status::Ok();
}

TEST_F(ApiTest, IngestNeedsTheTokenAndRebuildsTheNetwork) {
  ApiOptions options;
  options.token = "s3cret-token";
  options.processor = FindNamedActors;
  auto api = MakeApi(options);
  ASSERT_NE(api, nullptr);
  EXPECT_EQ(Get(*api, "/api/health").body["ingest"], true);
  const std::string body = json{{"text", "Alice Example praised Bob Sample. <script>alert(1)</script>"},
                                {"title", "<b>t</b>"},
                                {"published", "2022-04-01"}}
                               .dump();
  ExpectError(Call(*api, "POST", "/api/documents", {}, body, "application/json", ""), 401, "token");
  ExpectError(Call(*api, "POST", "/api/documents", {}, body, "application/json", "s3cret-tokem"), 401);
  ExpectError(Get(*api, "/api/ego", {{"actor", "Alice Example"}}), 404);

  Got g = Call(*api, "POST", "/api/documents", {}, body, "application/json", "s3cret-token");
  ASSERT_EQ(g.status, 201) << g.body.dump();
  EXPECT_EQ(g.body["stored"], true);
  EXPECT_EQ(g.body["claims"], 1);
  const std::string id = g.body["id"];
  Got ego = Get(*api, "/api/ego", {{"actor", "Alice Example"}});
  ASSERT_EQ(ego.status, 200);
  EXPECT_TRUE(HasName(ego.body["nodes"], "Bob Sample"));
  Got doc = Get(*api, "/api/documents/" + id);
  EXPECT_EQ(doc.body["title"], "<b>t</b>");
  EXPECT_EQ(doc.body["published"], "2022-04-01");

  g = Call(*api, "POST", "/api/documents", {}, body, "application/json", "s3cret-token");
  EXPECT_EQ(g.status, 200);
  EXPECT_EQ(g.body["stored"], false);
  g = Call(*api, "POST", "/api/documents", {}, "Bob Sample praised Alice Example.", "text/plain", "s3cret-token");
  EXPECT_EQ(g.status, 201);
  EXPECT_EQ(Get(*api, "/api/health").body["documents"], 6);

  ExpectError(Call(*api, "POST", "/api/documents", {}, "{not json", "application/json", "s3cret-token"), 400, "JSON");
  ExpectError(Call(*api, "POST", "/api/documents", {}, R"({"text":"  "})", "application/json", "s3cret-token"), 400, "empty");
  ExpectError(Call(*api, "POST", "/api/documents", {}, R"({"text":"a","author":"b"})", "application/json", "s3cret-token"),
              400, "author");
  ExpectError(Call(*api, "POST", "/api/documents", {}, R"({"text":7})", "application/json", "s3cret-token"), 400, "string");
  ExpectError(Call(*api, "POST", "/api/documents", {}, R"({"text":"a","published":"May"})", "application/json",
                   "s3cret-token"),
              400, "published");
  ExpectError(Call(*api, "POST", "/api/documents", {}, "<x/>", "application/xml", "s3cret-token"), 400);
  ExpectError(Call(*api, "POST", "/api/documents", {}, std::string("ok \xc3\x28 bad"), "text/plain", "s3cret-token"), 400);
}

TEST_F(ApiTest, IngestWithoutPipelineIsUnavailable) {
  ApiOptions options;
  options.token = "t";
  auto api = MakeApi(options);
  ExpectError(Call(*api, "POST", "/api/documents", {}, "Some text.", "text/plain", "t"), 503);
}

TEST_F(ApiTest, ConcurrentReadsDuringIngest) {
  ApiOptions options;
  options.token = "t";
  options.processor = FindNamedActors;
  auto api = MakeApi(options);
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      for (int i = 0; i < 30; ++i) {
        if (Get(*api, "/api/ego", {{"actor", "Putin"}, {"depth", "2"}}).status != 200) ++failures;
        if (Get(*api, "/api/ties", {{"a", "Le Pen"}}).status != 200) ++failures;
      }
    });
  }
  for (int i = 0; i < 5; ++i) {
    std::string text = "Alice Example praised Bob Sample in round " + std::to_string(i) + ".";
    if (Call(*api, "POST", "/api/documents", {}, text, "text/plain", "t").status != 201) ++failures;
  }
  for (auto& r : readers) r.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Get(*api, "/api/claims", {{"actor", "Alice Example"}}).body["claims"].size(), 5u);
}

}  // namespace
}  // namespace tiegraph::server
