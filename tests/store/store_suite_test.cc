// The Store contract (store.h), run against every back end: SQLite always,
// PostgreSQL when TIEGRAPH_PG_URL names a server (scripts/pg-test.sh starts
// one; each test starts from an empty `public` schema there).
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <thread>

#include "tiegraph/store/postgres_store.h"
#include "tiegraph/store/store.h"

#ifdef TIEGRAPH_HAVE_PQXX
#include <pqxx/pqxx>
#endif

namespace tiegraph {
namespace {

namespace fs = std::filesystem;

// A document built by hand: actors by name, claims whose evidence is the
// sentence that holds a phrase.
class HandDocument {
 public:
  HandDocument(std::string id, std::string text) {
    doc_.id = std::move(id);
    doc_.source = "suite/" + doc_.id + ".txt";
    doc_.published = "2021-06-30";
    doc_.text = std::move(text);
  }
  HandDocument& With(std::string name, ActorType type, std::string country = "", std::vector<std::string> aliases = {},
                     std::string kb_ref = "") {
    Actor a{std::move(name), type, std::move(country), std::move(aliases), std::move(kb_ref)};
    size_t at = doc_.text.find(a.name);
    if (at != std::string::npos) {
      Mention m;
      m.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + a.name.size())};
      m.label = "KB";
      m.actor = static_cast<int>(doc_.actors.size());
      doc_.mentions.push_back(m);
    }
    doc_.actors.push_back(std::move(a));
    return *this;
  }
  HandDocument& Tie(int subject, std::string relation, int object, const std::string& phrase, std::string time = "") {
    Claim c;
    c.subject = subject;
    c.relation = std::move(relation);
    c.object = object;
    c.time = std::move(time);
    c.confidence = 0.5;
    c.extractor = "suite";
    size_t at = doc_.text.find(phrase);
    EXPECT_NE(at, std::string::npos) << phrase;
    size_t begin = doc_.text.rfind(". ", at);
    begin = begin == std::string::npos ? 0 : begin + 2;
    size_t end = doc_.text.find('.', at);
    end = end == std::string::npos ? doc_.text.size() : end + 1;
    c.evidence = Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    doc_.claims.push_back(std::move(c));
    return *this;
  }
  const Document& doc() const { return doc_; }

 private:
  Document doc_;
};

Document OrbanDoc() {
  return HandDocument("suite-1",
                      "Viktor Orban met Xi Jinping in Beijing. Orban praised Xi Jinping. "
                      "Fidesz received money from the Bank of China.")
      .With("Viktor Orban", ActorType::kPerson, "HU", {"Orban"})
      .With("Xi Jinping", ActorType::kPerson, "CN", {"Xi"})
      .With("Fidesz", ActorType::kOrganization, "HU")
      .With("Bank of China", ActorType::kOrganization, "CN")
      .Tie(0, "meet", 1, "met Xi Jinping", "2019")
      .Tie(0, "praise", 1, "praised Xi")
      .Tie(3, "fund", 2, "received money")
      .doc();
}

Document FicoDoc() {
  return HandDocument("suite-2", "Robert Fico praised xi jinping. Fico met Viktor Orban.")
      .With("Robert Fico", ActorType::kPerson, "SK", {"Fico"})
      .With("xi jinping", ActorType::kPerson, "")
      .With("Viktor Orban", ActorType::kPerson, "HU")
      .Tie(0, "praise", 1, "praised xi jinping")
      .Tie(0, "meet", 2, "met Viktor Orban")
      .doc();
}

Document OtherOrbanDoc() {
  return HandDocument("suite-3", "Anna Orban criticized Fidesz.")
      .With("Anna Orban", ActorType::kPerson, "HU")
      .With("Fidesz", ActorType::kOrganization, "HU")
      .Tie(0, "criticize", 1, "criticized Fidesz")
      .doc();
}

std::string PgUrl() {
  const char* url = std::getenv("TIEGRAPH_PG_URL");
  return url ? url : "";
}

class StoreSuite : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres") {
      if (!HavePostgresStore()) GTEST_SKIP() << "built without libpqxx";
      if (PgUrl().empty()) GTEST_SKIP() << "TIEGRAPH_PG_URL not set (scripts/pg-test.sh sets it)";
#ifdef TIEGRAPH_HAVE_PQXX
      pqxx::connection conn(PgUrl());
      pqxx::work tx(conn);
      tx.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      tx.commit();
#endif
      location_ = PgUrl();
    } else {
      std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
      for (char& c : test)
        if (c == '/') c = '_';  // "Name/sqlite"
      dir_ = fs::temp_directory_path() / ("tiegraph_suite_" + std::to_string(::getpid()) + "_" + test);
      fs::remove_all(dir_);
      fs::create_directories(dir_);
      location_ = (dir_ / "suite.db").string();
    }
    store_ = Open();
    ASSERT_NE(store_, nullptr);
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  std::unique_ptr<Store> Open() {
    Result<std::unique_ptr<Store>> s = OpenStore(location_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s.value()) : nullptr;
  }
  void Put(const Document& doc) {
    Result<PutResult> r = store_->PutDocument(doc);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_TRUE(r->stored);
  }
  StoreCounts Counts() {
    Result<StoreCounts> c = store_->Counts();
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : StoreCounts{};
  }
  StoredActor Find(const std::string& name) {
    Result<StoredActor> a = store_->FindActor(name);
    EXPECT_TRUE(a.ok()) << name << ": " << a.status().ToString();
    return a.ok() ? *a : StoredActor{};
  }

  fs::path dir_;
  std::string location_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreSuite, StoresAndReadsBack) {
  Result<PutResult> r = store_->PutDocument(OrbanDoc());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->stored);
  EXPECT_EQ(r->actors_created, 4);
  EXPECT_EQ(r->claims, 3);
  StoreCounts c = Counts();
  EXPECT_EQ(c.documents, 1);
  EXPECT_EQ(c.actors, 4);
  EXPECT_EQ(c.mentions, 4);
  EXPECT_EQ(c.claims, 3);

  Result<StoredDocument> d = store_->GetDocument("suite-1", true);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, OrbanDoc().text);
  EXPECT_EQ(d->source, "suite/suite-1.txt");
  EXPECT_EQ(d->published, "2021-06-30");
  EXPECT_TRUE(store_->GetDocument("suite-1", false)->text.empty());
  EXPECT_EQ(store_->GetDocument("missing", false).status().code(), Status::Code::kNotFound);
  Result<std::vector<StoredDocument>> docs = store_->ListDocuments();
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);

  Result<std::vector<StoredClaim>> claims = store_->ListClaims({});
  ASSERT_TRUE(claims.ok()) << claims.status().ToString();
  ASSERT_EQ(claims->size(), 3u);
  const Document doc = OrbanDoc();
  for (const StoredClaim& claim : *claims) {
    EXPECT_EQ(claim.evidence, doc.text.substr(claim.evidence_start, claim.evidence_end - claim.evidence_start));
    EXPECT_EQ(claim.published, "2021-06-30");
    EXPECT_EQ(claim.modality, "asserted");
    EXPECT_FALSE(claim.negated);
  }
  EXPECT_EQ((*claims)[0].relation, "meet");
  EXPECT_EQ((*claims)[0].time, "2019");
  EXPECT_EQ((*claims)[1].evidence, "Orban praised Xi Jinping.");
  EXPECT_DOUBLE_EQ((*claims)[2].confidence, 0.5);
}

TEST_P(StoreSuite, SecondPutOfADocumentAddsNothing) {
  Put(OrbanDoc());
  Result<PutResult> again = store_->PutDocument(OrbanDoc());
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->stored);
  EXPECT_EQ(Counts().claims, 3);
  EXPECT_TRUE(*store_->HasDocument("suite-1"));
  EXPECT_FALSE(*store_->HasDocument("suite-9"));
  // And after reopening.
  store_ = Open();
  EXPECT_EQ(Counts().documents, 1);
  EXPECT_FALSE(store_->PutDocument(OrbanDoc())->stored);
}

TEST_P(StoreSuite, AFailingDocumentIsRolledBack) {
  Put(FicoDoc());
  StoreCounts before = Counts();
  Document bad = OrbanDoc();
  Claim broken = bad.claims.back();
  broken.subject = 17;
  bad.claims.push_back(broken);
  Result<PutResult> r = store_->PutDocument(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  StoreCounts after = Counts();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.actors, before.actors);
  EXPECT_EQ(after.mentions, before.mentions);
  EXPECT_EQ(after.claims, before.claims);
  Put(OrbanDoc());  // still usable
  EXPECT_EQ(Counts().documents, 2);
}

TEST_P(StoreSuite, ActorsResolveAcrossDocuments) {
  Put(OrbanDoc());
  Result<PutResult> r = store_->PutDocument(FicoDoc());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->actors_created, 1);  // Fico
  EXPECT_EQ(r->actors_matched, 2);  // xi jinping, Viktor Orban
  // Same surname, different person: kept apart.
  Put(OtherOrbanDoc());
  EXPECT_EQ(Counts().actors, 6);
  StoredActor xi = Find("Xi Jinping");
  EXPECT_EQ(xi.country, "CN");
  EXPECT_EQ(Find("Anna Orban").name, "Anna Orban");
  EXPECT_NE(Find("Anna Orban").id, Find("Viktor Orban").id);
}

TEST_P(StoreSuite, ListActorsAndFindActor) {
  Put(OrbanDoc());
  Put(FicoDoc());
  Result<std::vector<ActorSummary>> all = store_->ListActors({});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), 5u);
  // Most ties first: Orban (Xi, Fico) and Xi (Orban, Fico) have 2.
  EXPECT_EQ((*all)[0].ties, 2);
  Result<std::vector<ActorSummary>> xi = store_->ListActors({"XI", 0});
  ASSERT_TRUE(xi.ok());
  ASSERT_EQ(xi->size(), 1u);
  EXPECT_EQ((*xi)[0].actor.name, "Xi Jinping");
  EXPECT_EQ((*xi)[0].claims, 3);
  std::set<std::string> aliases((*xi)[0].actor.aliases.begin(), (*xi)[0].actor.aliases.end());
  EXPECT_TRUE(aliases.count("Xi"));
  EXPECT_TRUE(aliases.count("xi jinping"));
  Result<std::vector<ActorSummary>> limited = store_->ListActors({"", 2});
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->size(), 2u);
  EXPECT_EQ(Find("orban").name, "Viktor Orban");
  EXPECT_EQ(Find("Xi").name, "Xi Jinping");
  EXPECT_EQ(store_->FindActor("Nobody Here").status().code(), Status::Code::kNotFound);
  StoredActor fidesz = Find("Fidesz");
  Result<StoredActor> by_id = store_->GetActor(fidesz.id);
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(by_id->name, "Fidesz");
  EXPECT_EQ(store_->GetActor(987654).status().code(), Status::Code::kNotFound);
}

TEST_P(StoreSuite, ListClaimsFilters) {
  Put(OrbanDoc());
  Put(FicoDoc());
  StoredActor orban = Find("Viktor Orban"), xi = Find("Xi Jinping");
  ClaimFilter by_actor;
  by_actor.actor = orban.id;
  EXPECT_EQ(store_->ListClaims(by_actor)->size(), 3u);
  ClaimFilter pair;
  pair.actor = xi.id;
  pair.other = orban.id;
  EXPECT_EQ(store_->ListClaims(pair)->size(), 2u);
  ClaimFilter praise;
  praise.relation = "praise";
  EXPECT_EQ(store_->ListClaims(praise)->size(), 2u);
  ClaimFilter in_doc;
  in_doc.document = "suite-2";
  in_doc.limit = 1;
  Result<std::vector<StoredClaim>> one = store_->ListClaims(in_doc);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].document, "suite-2");
  ClaimFilter quoted;
  quoted.relation = "it's; DROP TABLE claims";
  EXPECT_TRUE(store_->ListClaims(quoted)->empty());
  EXPECT_EQ(Counts().claims, 5);
}

TEST_P(StoreSuite, MergeAndSplitAreRecordedAndReapplied) {
  Put(OrbanDoc());
  Put(OtherOrbanDoc());
  StoredActor viktor = Find("Viktor Orban"), anna = Find("Anna Orban");
  ASSERT_TRUE(store_->Merge(viktor.id, anna.id).ok());
  EXPECT_EQ(Counts().actors, 4);
  EXPECT_EQ(store_->GetActor(anna.id).status().code(), Status::Code::kNotFound);
  ClaimFilter f;
  f.actor = viktor.id;
  EXPECT_EQ(store_->ListClaims(f)->size(), 3u);
  // A later document naming Anna Orban resolves to the survivor.
  Put(HandDocument("suite-4", "Anna Orban met Robert Fico.")
          .With("Anna Orban", ActorType::kPerson, "HU")
          .With("Robert Fico", ActorType::kPerson, "SK")
          .Tie(0, "meet", 1, "met Robert Fico")
          .doc());
  EXPECT_EQ(Counts().actors, 5);
  EXPECT_EQ(store_->ListClaims(f)->size(), 4u);

  Result<std::vector<int64_t>> parts = store_->Split(viktor.id);
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  EXPECT_EQ(parts->size(), 3u);  // one per document actor that resolved to it
  Result<std::vector<Correction>> corrections = store_->ListCorrections();
  ASSERT_TRUE(corrections.ok());
  ASSERT_FALSE(corrections->empty());
  EXPECT_EQ(corrections->back().kind, "split");
  EXPECT_EQ(store_->Merge(viktor.id, viktor.id).code(), Status::Code::kInvalidInput);
}

// Two connections (as two ingest processes would have) write documents that
// share actors at the same time: every document is stored once and each
// actor exists once.
TEST_P(StoreSuite, ConcurrentWritersShareActors) {
  std::unique_ptr<Store> second = Open();
  ASSERT_NE(second, nullptr);
  std::atomic<int> failures{0}, not_stored{0};
  auto write = [&](Store* store, int from, int to) {
    for (int i = from; i < to; ++i) {
      Document doc = HandDocument("conc-" + std::to_string(i),
                                  "Viktor Orban met Xi Jinping, round " + std::to_string(i) + ".")
                         .With("Viktor Orban", ActorType::kPerson, "HU")
                         .With("Xi Jinping", ActorType::kPerson, "CN")
                         .Tie(0, "meet", 1, "met Xi")
                         .doc();
      Result<PutResult> r = store->PutDocument(doc);
      if (!r.ok()) ++failures;
      else if (!r->stored) ++not_stored;
      // Both writers also try one shared document.
      Result<PutResult> shared = store->PutDocument(OrbanDoc());
      if (!shared.ok()) ++failures;
    }
  };
  std::thread a(write, store_.get(), 0, 20);
  std::thread b(write, second.get(), 20, 40);
  a.join();
  b.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(not_stored.load(), 0);
  store_ = Open();  // a fresh reader
  StoreCounts c = Counts();
  EXPECT_EQ(c.documents, 41);
  EXPECT_EQ(c.actors, 4);
  EXPECT_EQ(c.claims, 43);
}

TEST_P(StoreSuite, OpeningWithoutCreateNeedsADatabase) {
  store_.reset();
  if (GetParam() == "postgres") {
#ifdef TIEGRAPH_HAVE_PQXX
    pqxx::connection conn(PgUrl());
    pqxx::work tx(conn);
    tx.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    tx.commit();
#endif
  } else {
    location_ = (dir_ / "absent.db").string();
  }
  StoreOptions no_create;
  no_create.create_if_missing = false;
  Result<std::unique_ptr<Store>> s = OpenStore(location_, no_create);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreSuite, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(PostgresOpen, UnreachableServerIsAClearError) {
  if (!HavePostgresStore()) GTEST_SKIP() << "built without libpqxx";
  Result<std::unique_ptr<Store>> s = OpenStore("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kIOError);
  EXPECT_NE(s.status().message().find("cannot connect"), std::string::npos) << s.status().message();
  EXPECT_EQ(s.status().message().find("secret"), std::string::npos) << "password leaked: " << s.status().message();
}

}  // namespace
}  // namespace tiegraph
