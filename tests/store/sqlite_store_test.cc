#include "tiegraph/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <thread>

#include "tiegraph/store/store.h"

namespace tiegraph {
namespace {

namespace fs = std::filesystem;

// Builds Documents by hand, without the NLP models: actors by name, claims
// whose evidence is the sentence of the text that contains a given phrase.
class DocBuilder {
 public:
  DocBuilder(std::string id, std::string text) {
    doc_.id = std::move(id);
    doc_.source = "test/" + doc_.id + ".txt";
    doc_.published = "2022-03-01";
    doc_.text = std::move(text);
  }
  DocBuilder& Actor(std::string name, ActorType type, std::string country = "",
                    std::vector<std::string> aliases = {}, std::string kb_ref = "") {
    tiegraph::Actor a;
    a.name = std::move(name);
    a.type = type;
    a.country = std::move(country);
    a.aliases = std::move(aliases);
    a.kb_ref = std::move(kb_ref);
    // A mention for the first place the name (or an alias) occurs.
    std::vector<std::string> forms = a.aliases;
    forms.insert(forms.begin(), a.name);
    for (const std::string& form : forms) {
      size_t at = doc_.text.find(form);
      if (at == std::string::npos) continue;
      Mention m;
      m.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + form.size())};
      m.label = "PER";
      m.actor = static_cast<int>(doc_.actors.size());
      doc_.mentions.push_back(m);
      break;
    }
    doc_.actors.push_back(std::move(a));
    return *this;
  }
  DocBuilder& Claim(int subject, std::string relation, int object, const std::string& phrase,
                    Modality modality = Modality::kAsserted) {
    tiegraph::Claim c;
    c.subject = subject;
    c.relation = std::move(relation);
    c.object = object;
    c.modality = modality;
    c.time = "2017";
    c.confidence = 0.8;
    c.extractor = "test";
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
  Document Build() const { return doc_; }

 private:
  Document doc_;
};

Document LePenPutinDoc() {
  return DocBuilder("doc-a",
                    "Marine Le Pen met Vladimir Putin in Moscow in 2017. Le Pen praised Putin. "
                    "The RN received a loan from a Russian bank.")
      .Actor("Marine Le Pen", ActorType::kPerson, "FR", {"Le Pen"})
      .Actor("Vladimir Putin", ActorType::kPerson, "RU", {"Putin"})
      .Actor("RN", ActorType::kOrganization, "FR", {"National Rally"})
      .Actor("Russia", ActorType::kCountry, "RU")
      .Claim(0, "meet", 1, "met Vladimir Putin")
      .Claim(0, "praise", 1, "praised Putin")
      .Claim(3, "fund", 2, "received a loan")
      .Build();
}

Document SalviniPutinDoc() {
  return DocBuilder("doc-b",
                    "Matteo Salvini wore a Putin T-shirt in Red Square. Salvini praised vladimir putin again.")
      .Actor("Matteo Salvini", ActorType::kPerson, "IT", {"Salvini"})
      .Actor("vladimir putin", ActorType::kPerson, "", {"Putin"})
      .Claim(0, "praise", 1, "praised vladimir putin")
      .Build();
}

Document JeanMarieDoc() {
  return DocBuilder("doc-c", "Jean-Marie Le Pen met Vladimir Putin. Le Pen founded the National Front.")
      .Actor("Jean-Marie Le Pen", ActorType::kPerson, "FR", {"Le Pen"})
      .Actor("Vladimir Putin", ActorType::kPerson, "RU")
      .Actor("National Front", ActorType::kOrganization, "FR")
      .Claim(0, "meet", 1, "met Vladimir Putin")
      .Claim(0, "member", 2, "founded the National Front")
      .Build();
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tiegraph_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
    store_ = Open();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  std::unique_ptr<Store> Open() {
    Result<std::unique_ptr<Store>> s = OpenStore(path_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s.value()) : nullptr;
  }
  StoreCounts Counts() {
    Result<StoreCounts> c = store_->Counts();
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : StoreCounts{};
  }
  void Put(const Document& doc) {
    Result<PutResult> r = store_->PutDocument(doc);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_TRUE(r->stored);
  }
  StoredActor Find(const std::string& name) {
    Result<StoredActor> a = store_->FindActor(name);
    EXPECT_TRUE(a.ok()) << name << ": " << a.status().ToString();
    return a.ok() ? *a : StoredActor{};
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, StoresDocumentActorsMentionsAndClaims) {
  Result<PutResult> r = store_->PutDocument(LePenPutinDoc());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->stored);
  EXPECT_EQ(r->actors_created, 4);
  EXPECT_EQ(r->claims, 3);
  StoreCounts c = Counts();
  EXPECT_EQ(c.documents, 1);
  EXPECT_EQ(c.actors, 4);
  EXPECT_EQ(c.claims, 3);
  EXPECT_EQ(c.mentions, 4);

  Result<StoredDocument> d = store_->GetDocument("doc-a", /*with_text=*/true);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->source, "test/doc-a.txt");
  EXPECT_EQ(d->published, "2022-03-01");
  EXPECT_EQ(d->text, LePenPutinDoc().text);
  EXPECT_FALSE(d->ingested_at.empty());
  Result<StoredDocument> no_text = store_->GetDocument("doc-a", false);
  ASSERT_TRUE(no_text.ok());
  EXPECT_TRUE(no_text->text.empty());
  EXPECT_EQ(store_->GetDocument("nope", false).status().code(), Status::Code::kNotFound);
}

TEST_F(SqliteStoreTest, EvidenceIsKeptAsOffsetsAndText) {
  Document doc = LePenPutinDoc();
  Put(doc);
  Result<std::vector<StoredClaim>> claims = store_->ListClaims({});
  ASSERT_TRUE(claims.ok());
  ASSERT_EQ(claims->size(), 3u);
  for (const StoredClaim& c : *claims) {
    EXPECT_EQ(c.evidence, doc.text.substr(c.evidence_start, c.evidence_end - c.evidence_start));
    EXPECT_EQ(c.document, "doc-a");
    EXPECT_EQ(c.source, "test/doc-a.txt");
    EXPECT_EQ(c.published, "2022-03-01");
    EXPECT_EQ(c.modality, "asserted");
    EXPECT_EQ(c.time, "2017");
  }
  EXPECT_EQ((*claims)[1].evidence, "Le Pen praised Putin.");
}

TEST_F(SqliteStoreTest, IngestingTwiceAddsNothing) {
  Put(LePenPutinDoc());
  StoreCounts before = Counts();
  Result<PutResult> again = store_->PutDocument(LePenPutinDoc());
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->stored);
  StoreCounts after = Counts();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.actors, before.actors);
  EXPECT_EQ(after.mentions, before.mentions);
  EXPECT_EQ(after.claims, before.claims);
  Result<bool> has = store_->HasDocument("doc-a");
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(*has);
  EXPECT_FALSE(*store_->HasDocument("doc-z"));
}

TEST_F(SqliteStoreTest, ReopeningKeepsData) {
  Put(LePenPutinDoc());
  store_.reset();
  store_ = Open();
  EXPECT_EQ(Counts().claims, 3);
  Result<PutResult> again = store_->PutDocument(LePenPutinDoc());
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->stored);
}

TEST_F(SqliteStoreTest, FailedDocumentLeavesNothing) {
  Put(SalviniPutinDoc());
  StoreCounts before = Counts();
  // The last claim refers to an actor that does not exist: the error comes
  // after the document row, actors, mentions and first claims were written.
  Document bad = LePenPutinDoc();
  bad.id = "doc-bad";
  bad.source = "test/doc-bad.txt";
  tiegraph::Claim broken = bad.claims.back();
  broken.object = 42;
  bad.claims.push_back(broken);
  Result<PutResult> r = store_->PutDocument(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(r.status().message().find("test/doc-bad.txt"), std::string::npos) << r.status().message();
  StoreCounts after = Counts();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.actors, before.actors);
  EXPECT_EQ(after.mentions, before.mentions);
  EXPECT_EQ(after.claims, before.claims);
  EXPECT_FALSE(*store_->HasDocument("doc-bad"));
  // The store is still usable after the rollback.
  Put(LePenPutinDoc());
  EXPECT_EQ(Counts().documents, 2);
}

TEST_F(SqliteStoreTest, EvidenceOutsideTheTextIsRejected) {
  Document bad = LePenPutinDoc();
  bad.claims[0].evidence = Span{0, static_cast<uint32_t>(bad.text.size() + 10)};
  EXPECT_FALSE(store_->PutDocument(bad).ok());
  EXPECT_EQ(Counts().documents, 0);
  EXPECT_EQ(Counts().actors, 0);
}

TEST_F(SqliteStoreTest, SameActorAcrossDocumentsIsOneActor) {
  Put(LePenPutinDoc());
  Result<PutResult> r = store_->PutDocument(SalviniPutinDoc());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->actors_created, 1);  // Salvini
  EXPECT_EQ(r->actors_matched, 1);  // "vladimir putin" -> Vladimir Putin
  EXPECT_EQ(Counts().actors, 5);
  StoredActor putin = Find("Vladimir Putin");
  EXPECT_EQ(putin.name, "Vladimir Putin");
  EXPECT_EQ(putin.country, "RU");
  Result<std::vector<StoredClaim>> claims = store_->ListClaims({.actor = putin.id});
  ASSERT_TRUE(claims.ok());
  EXPECT_EQ(claims->size(), 3u);
  // Aliases of both documents are merged.
  EXPECT_NE(std::find(putin.aliases.begin(), putin.aliases.end(), "vladimir putin"), putin.aliases.end());
  EXPECT_NE(std::find(putin.aliases.begin(), putin.aliases.end(), "Putin"), putin.aliases.end());
}

TEST_F(SqliteStoreTest, KbRefMatchesDifferentNames) {
  Document a = DocBuilder("k1", "Putin spoke.").Actor("Putin", ActorType::kPerson, "RU", {}, "kb:putin").Build();
  Document b = DocBuilder("k2", "Vladimir Vladimirovich Putin spoke.")
                   .Actor("Vladimir Vladimirovich Putin", ActorType::kPerson, "", {}, "kb:putin")
                   .Build();
  Put(a);
  Put(b);
  EXPECT_EQ(Counts().actors, 1);
}

TEST_F(SqliteStoreTest, CountryConflictKeepsActorsApart) {
  Document a = DocBuilder("g1", "John Smith spoke.").Actor("John Smith", ActorType::kPerson, "GB").Build();
  Document b = DocBuilder("g2", "John Smith talked.").Actor("John Smith", ActorType::kPerson, "US").Build();
  Document c = DocBuilder("g3", "John Smith sang.").Actor("John Smith", ActorType::kPerson, "").Build();
  Put(a);
  Put(b);
  Put(c);
  EXPECT_EQ(Counts().actors, 2);  // the country-less one joins the first
}

TEST_F(SqliteStoreTest, SurnameRuleKeepsDifferentPeopleApart) {
  Put(LePenPutinDoc());
  Put(JeanMarieDoc());
  Result<std::vector<ActorSummary>> lepens = store_->ListActors({.text = "le pen"});
  ASSERT_TRUE(lepens.ok());
  ASSERT_EQ(lepens->size(), 2u);
  EXPECT_NE((*lepens)[0].actor.id, (*lepens)[1].actor.id);
  StoredActor marine = Find("Marine Le Pen");
  StoredActor jean_marie = Find("jean-marie le pen");
  EXPECT_EQ(marine.name, "Marine Le Pen");
  EXPECT_EQ(jean_marie.name, "Jean-Marie Le Pen");
  EXPECT_NE(marine.id, jean_marie.id);
  // Putin, named the same way in both documents, is one actor.
  Result<std::vector<ActorSummary>> putins = store_->ListActors({.text = "putin"});
  ASSERT_TRUE(putins.ok());
  EXPECT_EQ(putins->size(), 1u);
}

TEST_F(SqliteStoreTest, ListActorsCountsTiesAndMatchesCaseInsensitively) {
  Put(LePenPutinDoc());
  Put(SalviniPutinDoc());
  Result<std::vector<ActorSummary>> all = store_->ListActors({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 5u);
  // Putin: tied to Le Pen and Salvini (3 claims); most connected comes first.
  EXPECT_EQ((*all)[0].actor.name, "Vladimir Putin");
  EXPECT_EQ((*all)[0].ties, 2);
  EXPECT_EQ((*all)[0].claims, 3);
  for (const ActorSummary& a : *all) {
    if (a.actor.name == "Marine Le Pen") {
      EXPECT_EQ(a.ties, 1);
      EXPECT_EQ(a.claims, 2);
    }
  }
  Result<std::vector<ActorSummary>> by_alias = store_->ListActors({.text = "NATIONAL rally"});
  ASSERT_TRUE(by_alias.ok());
  ASSERT_EQ(by_alias->size(), 1u);
  EXPECT_EQ((*by_alias)[0].actor.name, "RN");
  // A substring of a name, any case.
  Result<std::vector<ActorSummary>> sal = store_->ListActors({.text = "sal"});
  ASSERT_TRUE(sal.ok());
  ASSERT_EQ(sal->size(), 1u);
  EXPECT_EQ((*sal)[0].actor.name, "Matteo Salvini");
  Result<std::vector<ActorSummary>> limited = store_->ListActors({.limit = 2});
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->size(), 2u);
  Result<std::vector<ActorSummary>> none = store_->ListActors({.text = "nobody at all"});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  // LIKE wildcards in a query are literal.
  Result<std::vector<ActorSummary>> wild = store_->ListActors({.text = "%"});
  ASSERT_TRUE(wild.ok());
  EXPECT_TRUE(wild->empty());
}

TEST_F(SqliteStoreTest, FindActorPrefersExactThenAliasThenSurname) {
  Put(LePenPutinDoc());
  Put(SalviniPutinDoc());
  EXPECT_EQ(Find("putin").name, "Vladimir Putin");
  EXPECT_EQ(Find("National Rally").name, "RN");
  EXPECT_EQ(Find("salvini").name, "Matteo Salvini");
  EXPECT_EQ(Find("the russia").name, "Russia");
  EXPECT_EQ(store_->FindActor("Boris Johnson").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->FindActor("").status().code(), Status::Code::kNotFound);
}

TEST_F(SqliteStoreTest, ListClaimsFilters) {
  Put(LePenPutinDoc());
  Put(SalviniPutinDoc());
  StoredActor putin = Find("Vladimir Putin");
  StoredActor marine = Find("Marine Le Pen");
  auto count = [&](ClaimFilter f) {
    Result<std::vector<StoredClaim>> r = store_->ListClaims(f);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->size() : size_t{999};
  };
  EXPECT_EQ(count({}), 4u);
  EXPECT_EQ(count({.relation = "praise"}), 2u);
  EXPECT_EQ(count({.actor = putin.id, .relation = "praise"}), 2u);
  EXPECT_EQ(count({.actor = putin.id, .other = marine.id}), 2u);
  EXPECT_EQ(count({.actor = marine.id, .other = putin.id, .relation = "meet"}), 1u);
  EXPECT_EQ(count({.document = "doc-b"}), 1u);
  EXPECT_EQ(count({.relation = "fund", .document = "doc-b"}), 0u);
  EXPECT_EQ(count({.limit = 1}), 1u);
  Result<std::vector<StoredDocument>> docs = store_->ListDocuments();
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), 2u);
}

TEST_F(SqliteStoreTest, MergeMovesClaimsAndSurvivesLaterDocuments) {
  // "Putin" alone in one document, "Vladimir Putin" in another: two actors
  // until a user merges them.
  Put(LePenPutinDoc());
  Document short_name = DocBuilder("doc-d", "Orban met Putin in Budapest.")
                            .Actor("Viktor Orban", ActorType::kPerson, "HU", {"Orban"})
                            .Actor("Putin", ActorType::kPerson, "")
                            .Claim(0, "meet", 1, "met Putin")
                            .Build();
  Put(short_name);
  StoredActor full = Find("Vladimir Putin");
  Result<std::vector<ActorSummary>> exact_putin = store_->ListActors({.text = "putin"});
  ASSERT_EQ(exact_putin->size(), 2u);
  int64_t bare_id = 0;
  for (const ActorSummary& a : *exact_putin)
    if (a.actor.name == "Putin") bare_id = a.actor.id;
  ASSERT_NE(bare_id, 0);

  ASSERT_TRUE(store_->Merge(full.id, bare_id).ok());
  EXPECT_EQ(store_->GetActor(bare_id).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->ListClaims({.actor = full.id})->size(), 3u);
  EXPECT_EQ(Counts().corrections, 1);
  Result<std::vector<Correction>> corrections = store_->ListCorrections();
  ASSERT_EQ(corrections->size(), 1u);
  EXPECT_EQ((*corrections)[0].kind, "merge");
  EXPECT_EQ((*corrections)[0].actor, full.id);

  // A later document naming him "Putin" goes to the merged actor.
  int64_t actors_before = Counts().actors;
  Document later = DocBuilder("doc-e", "Putin criticized NATO.")
                       .Actor("Putin", ActorType::kPerson, "")
                       .Actor("NATO", ActorType::kOrganization, "")
                       .Claim(0, "criticize", 1, "criticized NATO")
                       .Build();
  Result<PutResult> r = store_->PutDocument(later);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->actors_matched, 1);
  EXPECT_EQ(Counts().actors, actors_before + 1);  // only NATO is new
  EXPECT_EQ(store_->ListClaims({.actor = full.id})->size(), 4u);

  // Re-ingesting the same documents changes nothing, merge included.
  StoreCounts before = Counts();
  EXPECT_FALSE(store_->PutDocument(short_name)->stored);
  EXPECT_FALSE(store_->PutDocument(later)->stored);
  EXPECT_EQ(Counts().actors, before.actors);
  EXPECT_EQ(Counts().claims, before.claims);

  EXPECT_FALSE(store_->Merge(full.id, full.id).ok());
  EXPECT_FALSE(store_->Merge(full.id, 987654).ok());
}

TEST_F(SqliteStoreTest, MergeChainsFollowTheSurvivor) {
  Document a = DocBuilder("m1", "Putin spoke.").Actor("Putin", ActorType::kPerson).Build();
  Document b = DocBuilder("m2", "V. Putin spoke.").Actor("V. Putin", ActorType::kPerson).Build();
  Document c = DocBuilder("m3", "Vladimir Putin spoke.").Actor("Vladimir Putin", ActorType::kPerson).Build();
  Put(a);
  Put(b);
  Put(c);
  int64_t pa = Find("Putin").id, pb = Find("V. Putin").id, pc = Find("Vladimir Putin").id;
  ASSERT_TRUE(store_->Merge(pb, pa).ok());  // Putin -> V. Putin
  ASSERT_TRUE(store_->Merge(pc, pb).ok());  // V. Putin -> Vladimir Putin
  EXPECT_EQ(Counts().actors, 1);
  Put(DocBuilder("m4", "Putin again.").Actor("Putin", ActorType::kPerson).Build());
  EXPECT_EQ(Counts().actors, 1);
  EXPECT_EQ(Find("Putin").id, pc);
}

TEST_F(SqliteStoreTest, SplitSeparatesDocumentsAndSurvivesLaterDocuments) {
  // Two documents each say only "Le Pen" — a different Le Pen in each.
  Document marine = DocBuilder("s1", "Le Pen met Putin.")
                        .Actor("Le Pen", ActorType::kPerson, "FR")
                        .Actor("Vladimir Putin", ActorType::kPerson, "RU", {"Putin"})
                        .Claim(0, "meet", 1, "met Putin")
                        .Build();
  Document jean_marie = DocBuilder("s2", "Le Pen founded the National Front.")
                            .Actor("Le Pen", ActorType::kPerson, "FR")
                            .Actor("National Front", ActorType::kOrganization, "FR")
                            .Claim(0, "member", 1, "founded")
                            .Build();
  Put(marine);
  Put(jean_marie);
  EXPECT_EQ(Counts().actors, 3);
  StoredActor lepen = Find("Le Pen");
  Result<std::vector<int64_t>> ids = store_->Split(lepen.id);
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  ASSERT_EQ(ids->size(), 2u);
  EXPECT_EQ((*ids)[0], lepen.id);
  EXPECT_EQ(Counts().actors, 4);
  // Each share keeps its own document's claims.
  Result<std::vector<StoredClaim>> first = store_->ListClaims({.actor = (*ids)[0]});
  Result<std::vector<StoredClaim>> second = store_->ListClaims({.actor = (*ids)[1]});
  ASSERT_EQ(first->size(), 1u);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ((*first)[0].document, "s1");
  EXPECT_EQ((*second)[0].document, "s2");
  EXPECT_EQ((*second)[0].relation, "member");

  // A third document with "Le Pen" is not folded into either.
  Put(DocBuilder("s3", "Le Pen spoke.").Actor("Le Pen", ActorType::kPerson, "FR").Build());
  EXPECT_EQ(Counts().actors, 5);
  // Re-ingesting adds nothing and keeps the split.
  EXPECT_FALSE(store_->PutDocument(jean_marie)->stored);
  EXPECT_EQ(Counts().actors, 5);
  EXPECT_EQ(store_->ListClaims({.actor = (*ids)[1]})->size(), 1u);
  // Putin is untouched by the split.
  EXPECT_EQ(store_->ListClaims({.actor = Find("Vladimir Putin").id})->size(), 1u);
  EXPECT_EQ(store_->Split(987654).status().code(), Status::Code::kNotFound);
}

TEST_F(SqliteStoreTest, SplitUndoesAMerge) {
  Put(DocBuilder("u1", "Putin met Orban.")
          .Actor("Putin", ActorType::kPerson)
          .Actor("Viktor Orban", ActorType::kPerson)
          .Claim(0, "meet", 1, "met")
          .Build());
  Put(DocBuilder("u2", "Vladimir Putin praised Salvini.")
          .Actor("Vladimir Putin", ActorType::kPerson)
          .Actor("Matteo Salvini", ActorType::kPerson)
          .Claim(0, "praise", 1, "praised")
          .Build());
  int64_t keep = Find("Vladimir Putin").id;
  ASSERT_TRUE(store_->Merge(keep, Find("Putin").id).ok());
  EXPECT_EQ(store_->ListClaims({.actor = keep})->size(), 2u);
  Result<std::vector<int64_t>> ids = store_->Split(keep);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(ids->size(), 2u);
  EXPECT_EQ(store_->ListClaims({.actor = (*ids)[0]})->size(), 1u);
  EXPECT_EQ(store_->ListClaims({.actor = (*ids)[1]})->size(), 1u);
  // The undone merge no longer redirects a later "Putin".
  Put(DocBuilder("u3", "Putin spoke.").Actor("Putin", ActorType::kPerson).Build());
  Result<std::vector<Correction>> corrections = store_->ListCorrections();
  ASSERT_TRUE(corrections.ok());
  ASSERT_EQ(corrections->size(), 1u);
  EXPECT_EQ((*corrections)[0].kind, "split");
}

TEST_F(SqliteStoreTest, SplitSeparatesAMergeInsideOneDocument) {
  Put(DocBuilder("w1", "Donald Trump met Putin. Trump praised Putin.")
          .Actor("Donald Trump", ActorType::kPerson)
          .Actor("Trump", ActorType::kPerson)
          .Actor("Vladimir Putin", ActorType::kPerson, "", {"Putin"})
          .Claim(0, "meet", 2, "met Putin")
          .Claim(1, "praise", 2, "praised Putin")
          .Build());
  int64_t full = Find("Donald Trump").id;
  ASSERT_TRUE(store_->Merge(full, Find("Trump").id).ok());
  EXPECT_EQ(store_->ListClaims({.actor = full})->size(), 2u);
  Result<std::vector<int64_t>> ids = store_->Split(full);
  ASSERT_TRUE(ids.ok());
  ASSERT_EQ(ids->size(), 2u);
  Result<std::vector<StoredClaim>> first = store_->ListClaims({.actor = (*ids)[0]});
  Result<std::vector<StoredClaim>> second = store_->ListClaims({.actor = (*ids)[1]});
  ASSERT_EQ(first->size(), 1u);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ((*first)[0].relation, "meet");
  EXPECT_EQ((*second)[0].relation, "praise");
  EXPECT_EQ(store_->GetActor((*ids)[1])->name, "Trump");
}

TEST_F(SqliteStoreTest, ConcurrentWritersFromThreadsAndConnections) {
  std::unique_ptr<Store> second = Open();
  ASSERT_NE(second, nullptr);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Store* s = t % 2 ? second.get() : store_.get();
      for (int i = 0; i < 10; ++i) {
        Document d = SalviniPutinDoc();
        d.id = "c" + std::to_string(t) + "-" + std::to_string(i);
        Result<PutResult> r = s->PutDocument(d);
        EXPECT_TRUE(r.ok()) << r.status().ToString();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  StoreCounts c = Counts();
  EXPECT_EQ(c.documents, 40);
  EXPECT_EQ(c.actors, 2);
  EXPECT_EQ(c.claims, 40);
}

TEST_F(SqliteStoreTest, UsesWalAndForeignKeys) {
  Put(LePenPutinDoc());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM pragma_foreign_key_list('claims')", -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_GE(sqlite3_column_int(st, 0), 3);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST(OpenStoreTest, ErrorsAreClear) {
  Result<std::unique_ptr<Store>> pg = OpenStore("postgresql://localhost/tiegraph");
  ASSERT_FALSE(pg.ok());
  EXPECT_NE(pg.status().message().find("PostgreSQL"), std::string::npos);
  fs::path missing = fs::temp_directory_path() / "tiegraph_store_test_missing" / "none.db";
  Result<std::unique_ptr<Store>> no_db = OpenStore(missing.string(), {.create_if_missing = false});
  ASSERT_FALSE(no_db.ok());
  EXPECT_EQ(no_db.status().code(), Status::Code::kNotFound);
  EXPECT_NE(no_db.status().message().find("none.db"), std::string::npos);
  EXPECT_FALSE(fs::exists(missing));
  // A file that is not a database.
  fs::path junk = fs::temp_directory_path() / ("tiegraph_store_test_junk_" + std::to_string(::getpid()));
  {
    FILE* f = std::fopen(junk.c_str(), "wb");
    std::fputs("this is not a database, just some text that is long enough to have a header", f);
    std::fclose(f);
  }
  Result<std::unique_ptr<Store>> bad = OpenStore(junk.string());
  EXPECT_FALSE(bad.ok());
  fs::remove(junk);
  // In-memory stores work (used by tests and tools).
  Result<std::unique_ptr<Store>> mem = OpenStore(":memory:");
  ASSERT_TRUE(mem.ok()) << mem.status().ToString();
  EXPECT_TRUE((*mem)->PutDocument(LePenPutinDoc()).ok());
}

}  // namespace
}  // namespace tiegraph
