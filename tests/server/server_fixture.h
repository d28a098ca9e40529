// A small store for the server tests, built by hand (no NLP models): four
// documents about Le Pen, Putin, Russia, Pompeo and Farage, one of whose
// texts holds <script> and <img onerror> markup.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tiegraph/server/api.h"
#include "tiegraph/store/store.h"
#include "tiegraph/text/document.h"

namespace tiegraph::server::testing {

inline constexpr const char* kHostileSentence =
    "Nigel Farage <script>window.__pwned = 1</script> praised <img src=x onerror=\"window.__pwned = 2\"> Vladimir "
    "Putin.";

// Builds a Document: actors by name, claims whose evidence is the sentence
// (ending in '.') that contains a phrase.
class DocBuilder {
 public:
  DocBuilder(std::string id, std::string text, std::string published) {
    doc_.id = std::move(id);
    doc_.source = "test/" + doc_.id + ".txt";
    doc_.title = "Title of " + doc_.id;
    doc_.url = "https://example.org/" + doc_.id;
    doc_.published = std::move(published);
    doc_.text = std::move(text);
  }
  DocBuilder& Actor(std::string name, ActorType type, std::string country, std::vector<std::string> aliases = {}) {
    tiegraph::Actor a;
    a.name = std::move(name);
    a.type = type;
    a.country = std::move(country);
    a.aliases = std::move(aliases);
    doc_.actors.push_back(std::move(a));
    return *this;
  }
  DocBuilder& Claim(int subject, std::string relation, int object, const std::string& phrase, std::string time,
                    std::string quote = "") {
    tiegraph::Claim c;
    c.subject = subject;
    c.relation = std::move(relation);
    c.object = object;
    c.time = std::move(time);
    c.quote = std::move(quote);
    c.confidence = 0.9;
    c.extractor = "test";
    size_t at = doc_.text.find(phrase);
    EXPECT_NE(at, std::string::npos) << phrase;
    size_t begin = doc_.text.rfind(". ", at);
    begin = begin == std::string::npos ? 0 : begin + 2;
    size_t end = doc_.text.find(". ", at);
    end = end == std::string::npos ? doc_.text.size() : end + 1;
    c.evidence = Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    doc_.claims.push_back(std::move(c));
    return *this;
  }
  Document Build() const { return doc_; }

 private:
  Document doc_;
};

inline std::vector<Document> FixtureDocuments() {
  std::vector<Document> docs;
  docs.push_back(DocBuilder("doclepen",
                            "Putin has friends in France. Marine Le Pen was given an audience with Vladimir Putin and "
                            "received a 9 million euro loan from a Russian bank in 2014. The debt was rescheduled.",
                            "2022-03-10")
                     .Actor("Marine Le Pen", ActorType::kPerson, "FR", {"Le Pen"})
                     .Actor("Vladimir Putin", ActorType::kPerson, "RU", {"Putin"})
                     .Actor("Russia", ActorType::kCountry, "RU", {"Russian bank"})
                     .Claim(0, "meet", 1, "audience with", "2017")
                     .Claim(2, "fund", 0, "9 million euro loan", "2014")
                     .Build());
  docs.push_back(DocBuilder("docpompeo",
                            "Mike Pompeo praised Vladimir Putin as a very talented statesman. Since then Pompeo has "
                            "rowed back and condemned the invasion by Russia. Pompeo met Nigel Farage.",
                            "2022-03-01")
                     .Actor("Mike Pompeo", ActorType::kPerson, "US", {"Pompeo"})
                     .Actor("Vladimir Putin", ActorType::kPerson, "RU", {"Putin"})
                     .Actor("Russia", ActorType::kCountry, "RU")
                     .Actor("Nigel Farage", ActorType::kPerson, "GB", {"Farage"})
                     .Claim(0, "praise", 1, "very talented", "2022-01", "very talented statesman")
                     .Claim(0, "criticize", 2, "condemned", "2022-03")
                     .Claim(0, "meet", 3, "Pompeo met", "2021")
                     .Build());
  docs.push_back(DocBuilder("dochostile", std::string(kHostileSentence) + " The end.", "2022-02-01")
                     .Actor("Nigel Farage", ActorType::kPerson, "GB", {"Farage"})
                     .Actor("Vladimir Putin", ActorType::kPerson, "RU", {"Putin"})
                     .Claim(0, "praise", 1, "praised", "2022")
                     .Build());
  docs.push_back(DocBuilder("docnato", "Jens Stoltenberg criticized Russia. NATO is an alliance.", "2022-02-25")
                     .Actor("Jens Stoltenberg", ActorType::kPerson, "NO", {"Stoltenberg"})
                     .Actor("Russia", ActorType::kCountry, "RU")
                     .Claim(0, "criticize", 1, "criticized Russia", "2022-02")
                     .Build());
  return docs;
}

// A temporary SQLite store holding FixtureDocuments(); removed at the end.
class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tiegraph_server_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
    auto store = OpenStore(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    for (const Document& d : FixtureDocuments()) {
      auto put = (*store)->PutDocument(d);
      ASSERT_TRUE(put.ok()) << put.status().ToString();
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // A fresh Api over the fixture store.
  std::unique_ptr<Api> MakeApi(ApiOptions options = {}) {
    auto store = OpenStore(db_);
    EXPECT_TRUE(store.ok());
    options.store_location = db_;
    auto api = Api::Create(std::move(store.value()), std::move(options));
    EXPECT_TRUE(api.ok()) << api.status().ToString();
    return api.ok() ? std::move(api.value()) : nullptr;
  }

  std::filesystem::path dir_;
  std::string db_;
};

}  // namespace tiegraph::server::testing
