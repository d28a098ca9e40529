#include "tiegraph/store/postgres_store.h"

#ifdef TIEGRAPH_HAVE_PQXX

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <limits>
#include <mutex>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "tiegraph/resolve/actor_matcher.h"

namespace tiegraph {
namespace {

// Every writer takes this transaction-scoped advisory lock first.
constexpr int64_t kWriteLock = 0x7469656772617068;  // "tiegraph"

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id TEXT PRIMARY KEY, seq BIGSERIAL, source TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '', ingested_at TEXT NOT NULL,
  text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_by_ingestion ON documents(ingested_at, seq);
CREATE TABLE IF NOT EXISTS actors(
  id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, norm_name TEXT NOT NULL, type TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '', kb_ref TEXT NOT NULL DEFAULT '',
  no_merge BOOLEAN NOT NULL DEFAULT FALSE);
CREATE INDEX IF NOT EXISTS actors_by_norm_name ON actors(norm_name, type);
CREATE INDEX IF NOT EXISTS actors_by_kb_ref ON actors(kb_ref) WHERE kb_ref <> '';
CREATE TABLE IF NOT EXISTS actor_aliases(
  seq BIGSERIAL, actor BIGINT NOT NULL REFERENCES actors(id) ON DELETE CASCADE, alias TEXT NOT NULL,
  norm TEXT NOT NULL, PRIMARY KEY(actor, alias));
CREATE INDEX IF NOT EXISTS actor_aliases_by_norm ON actor_aliases(norm);
CREATE TABLE IF NOT EXISTS document_actors(
  document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, local INTEGER NOT NULL,
  actor BIGINT NOT NULL REFERENCES actors(id), name TEXT NOT NULL, type TEXT NOT NULL,
  country TEXT NOT NULL, kb_ref TEXT NOT NULL, aliases TEXT NOT NULL,
  PRIMARY KEY(document, local));
CREATE INDEX IF NOT EXISTS document_actors_by_actor ON document_actors(actor);
CREATE TABLE IF NOT EXISTS mentions(
  id BIGSERIAL PRIMARY KEY, document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start BIGINT NOT NULL, "end" BIGINT NOT NULL, actor BIGINT NOT NULL REFERENCES actors(id),
  label TEXT NOT NULL DEFAULT '', local INTEGER NOT NULL DEFAULT -1);
CREATE INDEX IF NOT EXISTS mentions_by_document ON mentions(document);
CREATE INDEX IF NOT EXISTS mentions_by_actor ON mentions(actor);
CREATE TABLE IF NOT EXISTS claims(
  id BIGSERIAL PRIMARY KEY, document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  subject BIGINT NOT NULL REFERENCES actors(id), relation TEXT NOT NULL,
  object BIGINT NOT NULL REFERENCES actors(id), negated BOOLEAN NOT NULL DEFAULT FALSE,
  modality TEXT NOT NULL DEFAULT 'asserted', time TEXT NOT NULL DEFAULT '',
  quote TEXT NOT NULL DEFAULT '', evidence_start BIGINT NOT NULL, evidence_end BIGINT NOT NULL,
  evidence TEXT NOT NULL, confidence DOUBLE PRECISION NOT NULL DEFAULT 0, extractor TEXT NOT NULL DEFAULT '',
  subject_local INTEGER NOT NULL DEFAULT -1, object_local INTEGER NOT NULL DEFAULT -1);
CREATE INDEX IF NOT EXISTS claims_by_document ON claims(document);
CREATE INDEX IF NOT EXISTS claims_by_subject ON claims(subject, object);
CREATE INDEX IF NOT EXISTS claims_by_object ON claims(object, subject);
CREATE INDEX IF NOT EXISTS claims_by_relation ON claims(relation);
CREATE TABLE IF NOT EXISTS corrections(
  id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL CHECK(kind IN ('merge', 'split')),
  actor BIGINT NOT NULL, norm_name TEXT NOT NULL, type TEXT NOT NULL, country TEXT NOT NULL,
  kb_ref TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);
INSERT INTO meta(key, value) VALUES('schema_version', '1') ON CONFLICT (key) DO NOTHING;
)sql";

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string EscapeLike(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string Text(const pqxx::field& f) { return f.is_null() ? std::string() : std::string(f.c_str(), f.size()); }
int64_t Int(const pqxx::field& f) { return f.is_null() ? 0 : f.as<int64_t>(); }

StoredActor ReadActor(const pqxx::row& r) {
  StoredActor a;
  a.id = Int(r[0]);
  a.name = Text(r[1]);
  a.type = Text(r[2]);
  a.country = Text(r[3]);
  a.kb_ref = Text(r[4]);
  return a;
}

StoredDocument ReadDocument(const pqxx::row& r) {
  StoredDocument d;
  d.id = Text(r[0]);
  d.title = Text(r[1]);
  d.url = Text(r[2]);
  d.published = Text(r[3]);
  d.ingested_at = Text(r[4]);
  d.source = Text(r[5]);
  d.text = Text(r[6]);
  return d;
}

struct RecordedCorrection {
  std::string kind;
  int64_t actor = 0;
  ActorKey key;
};

// Errors raised inside a transaction body; turned into a Status at the edge.
struct StoreError {
  Status status;
};

class PostgresStore final : public Store {
 public:
  PostgresStore(std::unique_ptr<pqxx::connection> conn, std::string url, std::string where)
      : conn_(std::move(conn)), url_(std::move(url)), where_(std::move(where)) {}

  Status Init(bool create_if_missing) {
    return Guard("opening", [&]() -> Status {
      if (!create_if_missing) {
        pqxx::work tx(*conn_);
        pqxx::result r = tx.exec("SELECT to_regclass('claims') IS NOT NULL");
        if (r.empty() || !r[0][0].as<bool>())
          return Status::NotFound(where_ + ": no tiegraph database here (run `tiegraph ingest --pg URL` first)");
        return Status::Ok();
      }
      pqxx::work tx(*conn_);
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kWriteLock);
      tx.exec(kSchema);
      tx.commit();
      return Status::Ok();
    });
  }

  Result<bool> HasDocument(const std::string& id) override {
    std::lock_guard lock(mu_);
    bool found = false;
    Status s = Guard("looking up document", [&]() -> Status {
      pqxx::read_transaction tx(*conn_);
      found = !tx.exec_params("SELECT 1 FROM documents WHERE id = $1", id).empty();
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return found;
  }

  Result<PutResult> PutDocument(const Document& doc) override {
    std::lock_guard lock(mu_);
    const std::string name = doc.source.empty() ? doc.id : doc.source;
    if (doc.id.empty()) return Status::InvalidInput(name + ": document has no id");
    PutResult result;
    Status s = Guard(name, [&]() -> Status {
      pqxx::work tx(*conn_);
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kWriteLock);
      Status st = PutDocumentIn(tx, doc, name, &result);
      if (!st.ok()) return st;  // the transaction rolls back when tx goes away
      if (result.stored) tx.commit();
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return result;
  }

  Result<std::vector<ActorSummary>> ListActors(const ActorQuery& query) override {
    std::lock_guard lock(mu_);
    std::string q = NormalizeActorName(query.text);
    if (!query.text.empty() && q.empty()) return std::vector<ActorSummary>{};
    std::vector<ActorSummary> out;
    Status s = Guard("listing actors", [&]() -> Status {
      pqxx::read_transaction tx(*conn_);
      pqxx::result r = tx.exec_params(
          "SELECT ac.id, ac.name, ac.type, ac.country, ac.kb_ref, "
          "  (SELECT COUNT(*) FROM (SELECT object FROM claims WHERE subject = ac.id AND object <> ac.id "
          "                         UNION SELECT subject FROM claims WHERE object = ac.id AND subject <> ac.id) t) "
          "    AS ties, "
          "  (SELECT COUNT(*) FROM claims WHERE subject = ac.id AND object <> ac.id) + "
          "  (SELECT COUNT(*) FROM claims WHERE object = ac.id AND subject <> ac.id) AS n_claims, "
          "  (ac.norm_name LIKE $3 OR EXISTS(SELECT 1 FROM actor_aliases al WHERE al.actor = ac.id "
          "                                  AND al.norm LIKE $3)) AS prefix "
          "FROM actors ac WHERE $1 = '' OR ac.norm_name LIKE $2 OR EXISTS("
          "  SELECT 1 FROM actor_aliases al WHERE al.actor = ac.id AND al.norm LIKE $2) "
          "ORDER BY prefix DESC, ties DESC, n_claims DESC, ac.name, ac.id "
          "LIMIT $4",
          q, "%" + EscapeLike(q) + "%", EscapeLike(q) + "%", Limit(query.limit));
      for (const pqxx::row& row : r) {
        ActorSummary a;
        a.actor = ReadActor(row);
        a.ties = Int(row[5]);
        a.claims = Int(row[6]);
        LoadAliases(tx, &a.actor);
        out.push_back(std::move(a));
      }
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return out;
  }

  Result<StoredActor> FindActor(const std::string& name_or_alias) override {
    std::lock_guard lock(mu_);
    std::string q = NormalizeActorName(name_or_alias);
    if (q.empty()) return Status::NotFound("no actor named \"" + name_or_alias + "\"");
    StoredActor found;
    Status s = Guard("finding actor", [&]() -> Status {
      pqxx::read_transaction tx(*conn_);
      pqxx::result r = tx.exec_params(
          "SELECT ac.id, ac.norm_name, al.norm, "
          "  (SELECT COUNT(*) FROM claims c WHERE c.subject = ac.id OR c.object = ac.id) "
          "FROM actors ac LEFT JOIN actor_aliases al ON al.actor = ac.id "
          "WHERE ac.norm_name LIKE $1 OR al.norm LIKE $1",
          "%" + EscapeLike(q) + "%");
      int64_t best_id = 0;
      int best_score = 0;
      int64_t best_claims = -1;
      for (const pqxx::row& row : r) {
        int64_t id = Int(row[0]);
        std::string norm_name = Text(row[1]);
        std::string alias = Text(row[2]);
        int64_t claims = Int(row[3]);
        // Exact name 4, exact alias 3, surname 2, token subset 1 (as SqliteStore).
        int score = norm_name == q ? 4 : (alias == q ? 3 : 0);
        if (score == 0) score = std::max(NameMatchScore(q, norm_name), std::min(1, NameMatchScore(q, alias)));
        if (score > best_score || (score == best_score && score > 0 && claims > best_claims)) {
          best_id = id;
          best_score = score;
          best_claims = claims;
        }
      }
      if (best_id == 0) return Status::NotFound("no actor named \"" + name_or_alias + "\"");
      return GetActorIn(tx, best_id, &found);
    });
    if (!s.ok()) return s;
    return found;
  }

  Result<StoredActor> GetActor(int64_t id) override {
    std::lock_guard lock(mu_);
    StoredActor a;
    Status s = Guard("reading actor", [&]() -> Status {
      pqxx::read_transaction tx(*conn_);
      return GetActorIn(tx, id, &a);
    });
    if (!s.ok()) return s;
    return a;
  }

  Result<std::vector<StoredClaim>> ListClaims(const ClaimFilter& filter) override {
    std::lock_guard lock(mu_);
    std::vector<StoredClaim> out;
    Status s = Guard("listing claims", [&]() -> Status {
      pqxx::read_transaction tx(*conn_);
      // Integers are formatted in, strings quoted by libpq.
      std::string sql =
          "SELECT c.id, c.document, c.subject, c.relation, c.object, c.negated, c.modality, c.time, c.quote, "
          "c.evidence_start, c.evidence_end, c.evidence, c.confidence, c.extractor, d.published, d.url, d.source "
          "FROM claims c JOIN documents d ON d.id = c.document WHERE TRUE";
      const std::string actor = std::to_string(filter.actor), other = std::to_string(filter.other);
      if (filter.actor != 0 && filter.other != 0) {
        sql += " AND ((c.subject = " + actor + " AND c.object = " + other + ") OR (c.subject = " + other +
               " AND c.object = " + actor + "))";
      } else if (filter.actor != 0) {
        sql += " AND c.id IN (SELECT id FROM claims WHERE subject = " + actor +
               " UNION SELECT id FROM claims WHERE object = " + actor + ")";
      }
      if (!filter.relation.empty()) sql += " AND c.relation = " + tx.quote(filter.relation);
      if (!filter.document.empty()) sql += " AND c.document = " + tx.quote(filter.document);
      sql += " ORDER BY c.id";
      if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
      for (const pqxx::row& row : tx.exec(sql)) {
        StoredClaim c;
        c.id = Int(row[0]);
        c.document = Text(row[1]);
        c.subject = Int(row[2]);
        c.relation = Text(row[3]);
        c.object = Int(row[4]);
        c.negated = row[5].as<bool>();
        c.modality = Text(row[6]);
        c.time = Text(row[7]);
        c.quote = Text(row[8]);
        c.evidence_start = static_cast<uint32_t>(Int(row[9]));
        c.evidence_end = static_cast<uint32_t>(Int(row[10]));
        c.evidence = Text(row[11]);
        c.confidence = row[12].as<double>();
        c.extractor = Text(row[13]);
        c.published = Text(row[14]);
        c.url = Text(row[15]);
        c.source = Text(row[16]);
        out.push_back(std::move(c));
      }
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return out;
  }

  Result<StoredDocument> GetDocument(const std::string& id, bool with_text) override {
    std::lock_guard lock(mu_);
    StoredDocument d;
    Status s = Guard("reading document", [&]() -> Status {
      pqxx::read_transaction tx(*conn_);
      pqxx::result r = tx.exec_params(
          "SELECT id, title, url, published, ingested_at, source, CASE WHEN $2 THEN text ELSE '' END "
          "FROM documents WHERE id = $1",
          id, with_text);
      if (r.empty()) return Status::NotFound("no document " + id);
      d = ReadDocument(r[0]);
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return d;
  }

  Result<std::vector<StoredDocument>> ListDocuments() override {
    std::lock_guard lock(mu_);
    std::vector<StoredDocument> out;
    Status s = Guard("listing documents", [&]() -> Status {
      pqxx::read_transaction tx(*conn_);
      for (const pqxx::row& row :
           tx.exec("SELECT id, title, url, published, ingested_at, source, '' FROM documents "
                   "ORDER BY ingested_at, id"))
        out.push_back(ReadDocument(row));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return out;
  }

  Result<StoreCounts> Counts() override {
    std::lock_guard lock(mu_);
    StoreCounts c;
    Status s = Guard("counting", [&]() -> Status {
      pqxx::read_transaction tx(*conn_);
      pqxx::row r = tx.exec1(
          "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM actors), "
          "(SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM claims), (SELECT COUNT(*) FROM corrections)");
      c.documents = Int(r[0]);
      c.actors = Int(r[1]);
      c.mentions = Int(r[2]);
      c.claims = Int(r[3]);
      c.corrections = Int(r[4]);
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return c;
  }

  Status Merge(int64_t keep, int64_t absorb) override {
    std::lock_guard lock(mu_);
    if (keep == absorb) return Status::InvalidInput("cannot merge an actor with itself");
    return Guard("merging", [&]() -> Status {
      pqxx::work tx(*conn_);
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kWriteLock);
      if (Status st = MergeIn(tx, keep, absorb); !st.ok()) return st;
      tx.commit();
      return Status::Ok();
    });
  }

  Result<std::vector<int64_t>> Split(int64_t actor) override {
    std::lock_guard lock(mu_);
    std::vector<int64_t> ids;
    Status s = Guard("splitting", [&]() -> Status {
      pqxx::work tx(*conn_);
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kWriteLock);
      if (Status st = SplitIn(tx, actor, &ids); !st.ok()) return st;
      tx.commit();
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return ids;
  }

  Result<std::vector<Correction>> ListCorrections() override {
    std::lock_guard lock(mu_);
    std::vector<Correction> out;
    Status s = Guard("listing corrections", [&]() -> Status {
      pqxx::read_transaction tx(*conn_);
      for (const pqxx::row& r : tx.exec("SELECT id, kind, actor, detail, created_at FROM corrections ORDER BY id"))
        out.push_back(Correction{Int(r[0]), Text(r[1]), Int(r[2]), Text(r[3]), Text(r[4])});
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return out;
  }

 private:
  static int64_t Limit(int limit) { return limit > 0 ? int64_t{limit} : std::numeric_limits<int64_t>::max(); }

  // Runs body, turning libpqxx exceptions into an IOError naming `what`. A
  // broken connection is reopened once for the next call.
  template <typename Body>
  Status Guard(const std::string& what, Body&& body) {
    try {
      return body();
    } catch (const pqxx::broken_connection& e) {
      Status s = Status::IOError(where_ + ": " + what + ": connection lost: " + e.what());
      try {
        conn_ = std::make_unique<pqxx::connection>(url_);
      } catch (const std::exception&) {
      }
      return s;
    } catch (const std::exception& e) {
      return Status::IOError(where_ + ": " + what + ": " + e.what());
    }
  }

  void LoadAliases(pqxx::transaction_base& tx, StoredActor* a) {
    a->aliases.clear();
    for (const pqxx::row& r : tx.exec_params("SELECT alias FROM actor_aliases WHERE actor = $1 ORDER BY seq", a->id))
      a->aliases.push_back(Text(r[0]));
  }

  Status GetActorIn(pqxx::transaction_base& tx, int64_t id, StoredActor* out) {
    pqxx::result r = tx.exec_params("SELECT id, name, type, country, kb_ref FROM actors WHERE id = $1", id);
    if (r.empty()) return Status::NotFound("no actor #" + std::to_string(id));
    *out = ReadActor(r[0]);
    LoadAliases(tx, out);
    return Status::Ok();
  }

  Result<ActorKey> KeyOf(pqxx::transaction_base& tx, int64_t id) {
    pqxx::result r = tx.exec_params("SELECT norm_name, type, country, kb_ref FROM actors WHERE id = $1", id);
    if (r.empty()) return Status::NotFound("no actor #" + std::to_string(id));
    return ActorKey{Text(r[0][0]), Text(r[0][1]), Text(r[0][2]), Text(r[0][3])};
  }

  void AddAlias(pqxx::transaction_base& tx, int64_t actor, const std::string& alias) {
    std::string norm = NormalizeActorName(alias);
    if (norm.empty()) return;
    tx.exec_params(
        "INSERT INTO actor_aliases(actor, alias, norm) VALUES($1, $2, $3) ON CONFLICT (actor, alias) DO NOTHING",
        actor, alias, norm);
  }

  int64_t InsertActor(pqxx::transaction_base& tx, const std::string& name, const ActorKey& key, bool no_merge) {
    pqxx::row r = tx.exec_params1(
        "INSERT INTO actors(name, norm_name, type, country, kb_ref, no_merge) VALUES($1, $2, $3, $4, $5, $6) "
        "RETURNING id",
        name, key.name, key.type, key.country, key.kb_ref, no_merge);
    return Int(r[0]);
  }

  // Corrections are read in every write transaction: another process may
  // have recorded some since.
  std::vector<RecordedCorrection> LoadCorrections(pqxx::transaction_base& tx) {
    std::vector<RecordedCorrection> out;
    for (const pqxx::row& r :
         tx.exec("SELECT kind, actor, norm_name, type, country, kb_ref FROM corrections ORDER BY id"))
      out.push_back(RecordedCorrection{Text(r[0]), Int(r[1]), ActorKey{Text(r[2]), Text(r[3]), Text(r[4]), Text(r[5])}});
    return out;
  }

  // The stored actor a document actor resolves to; 0 = none (make a new one).
  int64_t Resolve(pqxx::transaction_base& tx, const std::vector<RecordedCorrection>& corrections, const ActorKey& key,
                  bool* no_merge) {
    *no_merge = false;
    for (const RecordedCorrection& c : corrections) {
      if (c.kind == "merge" && SameActor(key, c.key)) return c.actor;
    }
    for (const RecordedCorrection& c : corrections) {
      if (c.kind == "split" && SameActor(key, c.key)) {
        *no_merge = true;
        return 0;
      }
    }
    if (!key.kb_ref.empty()) {
      pqxx::result r = tx.exec_params(
          "SELECT id FROM actors WHERE kb_ref = $1 AND NOT no_merge ORDER BY id LIMIT 1", key.kb_ref);
      if (!r.empty()) return Int(r[0][0]);
    }
    pqxx::result r = tx.exec_params(
        "SELECT id, norm_name, type, country, kb_ref FROM actors WHERE norm_name = $1 AND type = $2 AND NOT no_merge "
        "ORDER BY id",
        key.name, key.type);
    for (const pqxx::row& row : r) {
      if (SameActor(key, ActorKey{Text(row[1]), Text(row[2]), Text(row[3]), Text(row[4])})) return Int(row[0]);
    }
    return 0;
  }

  Status PutDocumentIn(pqxx::transaction_base& tx, const Document& doc, const std::string& name, PutResult* result) {
    pqxx::result inserted = tx.exec_params(
        "INSERT INTO documents(id, source, title, url, published, ingested_at, text) "
        "VALUES($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id",
        doc.id, doc.source, doc.title, doc.url, doc.published, NowUtc(), doc.text);
    if (inserted.empty()) return Status::Ok();  // stored == false: nothing to add

    std::vector<RecordedCorrection> corrections = LoadCorrections(tx);
    std::vector<int64_t> ids(doc.actors.size(), 0);
    for (size_t i = 0; i < doc.actors.size(); ++i) {
      const Actor& a = doc.actors[i];
      ActorKey key = MakeActorKey(a.name, ActorTypeName(a.type), a.country, a.kb_ref);
      if (key.name.empty()) return Status::InvalidInput(name + ": actor " + std::to_string(i) + " has no name");
      bool no_merge = false;
      int64_t id = Resolve(tx, corrections, key, &no_merge);
      if (id == 0) {
        id = InsertActor(tx, a.name, key, no_merge);
        ++result->actors_created;
      } else {
        ++result->actors_matched;
        tx.exec_params(
            "UPDATE actors SET country = CASE WHEN country = '' THEN $2 ELSE country END, "
            "kb_ref = CASE WHEN kb_ref = '' THEN $3 ELSE kb_ref END WHERE id = $1",
            id, key.country, key.kb_ref);
      }
      ids[i] = id;
      AddAlias(tx, id, a.name);
      for (const std::string& alias : a.aliases) AddAlias(tx, id, alias);
      tx.exec_params(
          "INSERT INTO document_actors(document, local, actor, name, type, country, kb_ref, aliases) "
          "VALUES($1, $2, $3, $4, $5, $6, $7, $8)",
          doc.id, static_cast<int64_t>(i), id, a.name, key.type, a.country, a.kb_ref, nlohmann::json(a.aliases).dump());
    }

    const uint32_t text_size = static_cast<uint32_t>(doc.text.size());
    for (const Mention& m : doc.mentions) {
      if (m.actor < 0) continue;
      if (static_cast<size_t>(m.actor) >= ids.size())
        return Status::InvalidInput(name + ": mention refers to actor " + std::to_string(m.actor) + " of " +
                                    std::to_string(ids.size()));
      if (m.span.begin > m.span.end || m.span.end > text_size)
        return Status::InvalidInput(name + ": mention span out of the text");
      tx.exec_params(
          "INSERT INTO mentions(document, start, \"end\", actor, label, local) VALUES($1, $2, $3, $4, $5, $6)",
          doc.id, static_cast<int64_t>(m.span.begin), static_cast<int64_t>(m.span.end), ids[m.actor], m.label,
          static_cast<int64_t>(m.actor));
      ++result->mentions;
    }

    for (const Claim& c : doc.claims) {
      auto valid = [&](int i) { return i >= 0 && static_cast<size_t>(i) < ids.size(); };
      if (!valid(c.subject) || !valid(c.object))
        return Status::InvalidInput(name + ": claim \"" + c.relation + "\" refers to a missing actor");
      if (c.relation.empty()) return Status::InvalidInput(name + ": claim without relation");
      if (c.evidence.begin > c.evidence.end || c.evidence.end > text_size)
        return Status::InvalidInput(name + ": claim evidence out of the text");
      tx.exec_params(
          "INSERT INTO claims(document, subject, relation, object, negated, modality, time, quote, "
          "evidence_start, evidence_end, evidence, confidence, extractor, subject_local, object_local) "
          "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
          doc.id, ids[c.subject], c.relation, ids[c.object], c.negated,
          std::string(c.modality == Modality::kAlleged ? "alleged" : "asserted"), c.time, c.quote,
          static_cast<int64_t>(c.evidence.begin), static_cast<int64_t>(c.evidence.end),
          std::string(doc.Slice(c.evidence)), c.confidence, c.extractor, static_cast<int64_t>(c.subject),
          static_cast<int64_t>(c.object));
      ++result->claims;
    }
    result->stored = true;
    return Status::Ok();
  }

  Status MergeIn(pqxx::transaction_base& tx, int64_t keep, int64_t absorb) {
    StoredActor kept, gone;
    if (Status st = GetActorIn(tx, keep, &kept); !st.ok()) return st;
    if (Status st = GetActorIn(tx, absorb, &gone); !st.ok()) return st;
    tx.exec_params(
        "INSERT INTO corrections(kind, actor, norm_name, type, country, kb_ref, detail, created_at) "
        "SELECT 'merge', $1, norm_name, type, country, kb_ref, name, $3 FROM actors WHERE id = $2",
        keep, absorb, NowUtc());
    const char* moves[] = {
        "UPDATE corrections SET actor = $1 WHERE kind = 'merge' AND actor = $2",
        "UPDATE claims SET subject = $1 WHERE subject = $2",
        "UPDATE claims SET object = $1 WHERE object = $2",
        "UPDATE mentions SET actor = $1 WHERE actor = $2",
        "UPDATE document_actors SET actor = $1 WHERE actor = $2",
        "INSERT INTO actor_aliases(actor, alias, norm) SELECT $1, alias, norm FROM actor_aliases WHERE actor = $2 "
        "ORDER BY seq ON CONFLICT (actor, alias) DO NOTHING",
        "UPDATE actors SET country = CASE WHEN country = '' THEN (SELECT country FROM actors WHERE id = $2) "
        "ELSE country END, kb_ref = CASE WHEN kb_ref = '' THEN (SELECT kb_ref FROM actors WHERE id = $2) "
        "ELSE kb_ref END WHERE id = $1",
    };
    for (const char* sql : moves) tx.exec_params(sql, keep, absorb);
    tx.exec_params("DELETE FROM actors WHERE id = $1", absorb);
    AddAlias(tx, keep, gone.name);
    return Status::Ok();
  }

  Status SplitIn(pqxx::transaction_base& tx, int64_t actor, std::vector<int64_t>* ids) {
    StoredActor original;
    if (Status st = GetActorIn(tx, actor, &original); !st.ok()) return st;
    Result<ActorKey> key = KeyOf(tx, actor);
    if (!key.ok()) return key.status();

    struct Share {
      std::string document;
      int64_t local = 0;
      std::string name, type, country, kb_ref;
      std::vector<std::string> aliases;
    };
    std::vector<Share> shares;
    for (const pqxx::row& r : tx.exec_params(
             "SELECT da.document, da.local, da.name, da.type, da.country, da.kb_ref, da.aliases "
             "FROM document_actors da JOIN documents d ON d.id = da.document WHERE da.actor = $1 "
             "ORDER BY d.ingested_at, d.seq, da.local",
             actor)) {
      Share share{Text(r[0]), Int(r[1]), Text(r[2]), Text(r[3]), Text(r[4]), Text(r[5]), {}};
      nlohmann::json parsed = nlohmann::json::parse(Text(r[6]), nullptr, false);
      if (parsed.is_array()) {
        for (const auto& a : parsed)
          if (a.is_string()) share.aliases.push_back(a.get<std::string>());
      }
      shares.push_back(std::move(share));
    }

    tx.exec_params(
        "INSERT INTO corrections(kind, actor, norm_name, type, country, kb_ref, detail, created_at) "
        "VALUES('split', $1, $2, $3, $4, $5, $6, $7)",
        actor, key->name, key->type, key->country, key->kb_ref, original.name, NowUtc());
    // A split undoes the merges that led into this actor.
    tx.exec_params("DELETE FROM corrections WHERE kind = 'merge' AND actor = $1", actor);
    tx.exec_params("UPDATE actors SET no_merge = TRUE WHERE id = $1", actor);
    ids->assign({actor});
    if (shares.size() < 2) return Status::Ok();

    for (size_t i = 0; i < shares.size(); ++i) {
      const Share& share = shares[i];
      ActorKey share_key = MakeActorKey(share.name, share.type, share.country, share.kb_ref);
      int64_t id = actor;
      if (i == 0) {
        tx.exec_params(
            "UPDATE actors SET name = $2, norm_name = $3, type = $4, country = $5, kb_ref = $6 WHERE id = $1", actor,
            share.name, share_key.name, share_key.type, share.country, share.kb_ref);
        tx.exec_params("DELETE FROM actor_aliases WHERE actor = $1", actor);
      } else {
        id = InsertActor(tx, share.name, share_key, true);
        ids->push_back(id);
        const char* moves[] = {
            "UPDATE claims SET subject = $1 WHERE subject = $2 AND document = $3 AND subject_local = $4",
            "UPDATE claims SET object = $1 WHERE object = $2 AND document = $3 AND object_local = $4",
            "UPDATE mentions SET actor = $1 WHERE actor = $2 AND document = $3 AND local = $4",
            "UPDATE document_actors SET actor = $1 WHERE actor = $2 AND document = $3 AND local = $4",
        };
        for (const char* sql : moves) tx.exec_params(sql, id, actor, share.document, share.local);
      }
      AddAlias(tx, id, share.name);
      for (const std::string& alias : share.aliases) AddAlias(tx, id, alias);
    }
    return Status::Ok();
  }

 private:
  std::mutex mu_;
  std::unique_ptr<pqxx::connection> conn_;
  std::string url_;    // to reconnect after a lost connection
  std::string where_;  // the URL without its password, for messages
};

// "postgresql://user:secret@host/db" -> "postgresql://user@host/db".
std::string WithoutPassword(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

}  // namespace

bool HavePostgresStore() { return true; }

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const StoreOptions& options) {
  const std::string where = WithoutPassword(url);
  std::unique_ptr<pqxx::connection> conn;
  try {
    conn = std::make_unique<pqxx::connection>(url);
  } catch (const std::exception& e) {
    std::string msg = e.what();
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return Status::IOError(where + ": cannot connect to PostgreSQL: " + msg);
  }
  auto store = std::make_unique<PostgresStore>(std::move(conn), url, where);
  if (Status s = store->Init(options.create_if_missing); !s.ok()) return s;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace tiegraph

#else  // !TIEGRAPH_HAVE_PQXX

namespace tiegraph {

bool HavePostgresStore() { return false; }

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const StoreOptions&) {
  return Status::Usage("this tiegraph was built without PostgreSQL support (install libpqxx-dev and rebuild)");
}

}  // namespace tiegraph

#endif
