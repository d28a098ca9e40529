#include "tiegraph/graph/load_network.h"

#include <unistd.h>

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "tiegraph/graph/graph_json.h"
#include "tiegraph/store/store.h"

namespace tiegraph::graph {
namespace {

std::string TempDb(const char* name) {
  std::string path = ::testing::TempDir() + "/" + name + "_" + std::to_string(::getpid()) + ".db";
  std::remove(path.c_str());
  return path;
}

Document MakeDocument(const std::string& id, const std::string& text, const std::string& published) {
  Document doc;
  doc.id = id;
  doc.text = text;
  doc.published = published;
  doc.url = "https://example.org/" + id;
  Actor salvini{"Matteo Salvini", ActorType::kPerson, "IT", {"Salvini"}, ""};
  Actor putin{"Vladimir Putin", ActorType::kPerson, "RU", {"Putin"}, ""};
  doc.actors = {salvini, putin};
  Claim c;
  c.subject = 0;
  c.relation = "praise";
  c.object = 1;
  c.evidence = Span{0, static_cast<uint32_t>(text.size())};
  doc.claims.push_back(c);
  return doc;
}

TEST(LoadNetworkTest, ReadsActorsAndClaimsFromTheStore) {
  std::string path = TempDb("load_network");
  {
    auto store = OpenStore(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->PutDocument(MakeDocument("d1", "Salvini praised Putin.", "2019-01-02")).ok());
    ASSERT_TRUE((*store)->PutDocument(MakeDocument("d2", "Salvini praised Putin again.", "2020-01-02")).ok());
  }
  auto net = LoadNetworkFrom(path);
  ASSERT_TRUE(net.ok()) << net.status().ToString();
  ASSERT_EQ(net->node_count(), 2u);
  ASSERT_EQ(net->ties().size(), 1u);
  const Tie& t = net->tie(0);
  EXPECT_EQ(t.count, 2);
  EXPECT_EQ(t.sources, 2);
  EXPECT_EQ(t.first, 20190102);
  EXPECT_EQ(t.last, 20200102);
  auto salvini = net->FindActor("Salvini");
  ASSERT_TRUE(salvini.ok());
  EXPECT_EQ(net->actor(t.subject).name, "Matteo Salvini");
  // The Store path reads the same network as the fast SQLite reader.
  {
    auto store = OpenStore(path);
    ASSERT_TRUE(store.ok());
    auto slow = LoadNetwork(**store);
    ASSERT_TRUE(slow.ok());
    ASSERT_EQ(slow->ties().size(), 1u);
    EXPECT_EQ(slow->tie(0).count, t.count);
    EXPECT_EQ(slow->tie(0).first, t.first);
    EXPECT_EQ(slow->claims()[0].evidence, net->claims()[0].evidence);
    EXPECT_EQ(slow->actor(0).aliases, net->actor(0).aliases);
  }
  nlohmann::json j = TieJson(*net, 0, 5);
  EXPECT_EQ(j["relation"], "praise");
  ASSERT_EQ(j["claims"].size(), 2u);
  EXPECT_EQ(j["claims"][0]["evidence"], "Salvini praised Putin.");
  EXPECT_TRUE(j["claims"][0]["date_from_published"].get<bool>());
  std::remove(path.c_str());
}

TEST(LoadNetworkTest, MissingDatabaseIsAnError) {
  auto net = LoadNetworkFrom(TempDb("missing"));
  EXPECT_FALSE(net.ok());
}

}  // namespace
}  // namespace tiegraph::graph
