// Ego networks read node degrees from the snapshot's precomputed distinct
// degrees (fast for hubs); they must equal what the actor endpoint computes
// from the node's edges, self-ties not counted.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server_fixture.h"
#include "tiegraph/server/api.h"

namespace tiegraph::server {
namespace {

using nlohmann::json;

json GetJson(Api& api, const std::string& path, std::multimap<std::string, std::string> params) {
  ApiRequest request;
  request.path = path;
  request.params = std::move(params);
  ApiResponse response = api.Handle(request);
  EXPECT_EQ(response.status, 200) << path << " " << response.body;
  return json::parse(response.body, nullptr, false);
}

class EgoViewTest : public testing::StoreFixture {};

TEST_F(EgoViewTest, EgoDegreesEqualActorDegrees) {
  {
    // A self-tie (Putin praises Putin) and a repeated pair: neither may change the distinct degree.
    auto store = OpenStore(db_);
    ASSERT_TRUE(store.ok());
    Document doc = testing::DocBuilder("docself", "Vladimir Putin praised Vladimir Putin. Putin met Marine Le Pen again.",
                                       "2022-05-01")
                       .Actor("Vladimir Putin", ActorType::kPerson, "RU", {"Putin"})
                       .Actor("Marine Le Pen", ActorType::kPerson, "FR", {"Le Pen"})
                       .Claim(0, "praise", 0, "praised Vladimir", "2022")
                       .Claim(0, "meet", 1, "met Marine", "2022")
                       .Build();
    ASSERT_TRUE((*store)->PutDocument(doc).ok());
  }
  auto api = MakeApi();
  ASSERT_NE(api, nullptr);
  for (const char* centre : {"Vladimir Putin", "Marine Le Pen", "Nigel Farage"}) {
    json ego = GetJson(*api, "/api/ego", {{"actor", centre}, {"depth", "2"}});
    ASSERT_TRUE(ego.is_object());
    ASSERT_GE(ego["nodes"].size(), 2u) << centre;
    std::vector<json> views = {ego["centre"]};
    for (const json& n : ego["nodes"]) views.push_back(n);
    for (const json& n : views) {
      json detail = GetJson(*api, "/api/actors/" + std::to_string(n["id"].get<int64_t>()), {});
      EXPECT_EQ(n["degree"], detail["degree"]) << n["name"];
      EXPECT_EQ(n["ties"], detail["ties"]) << n["name"];
    }
  }
  // Putin's distinct neighbours do not include himself.
  json putin = GetJson(*api, "/api/ego", {{"actor", "Vladimir Putin"}});
  std::set<int64_t> others;
  for (const json& e : putin["edges"]) {
    int64_t id = putin["centre"]["id"];
    if (e["source"] == id && e["target"] != id) others.insert(e["target"].get<int64_t>());
    if (e["target"] == id && e["source"] != id) others.insert(e["source"].get<int64_t>());
  }
  EXPECT_EQ(putin["centre"]["degree"].get<size_t>(), others.size());
}

}  // namespace
}  // namespace tiegraph::server
