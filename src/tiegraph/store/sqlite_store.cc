#include "tiegraph/store/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "tiegraph/resolve/actor_matcher.h"
#include "tiegraph/store/postgres_store.h"

namespace tiegraph {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id TEXT PRIMARY KEY, source TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '', ingested_at TEXT NOT NULL,
  text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actors(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, norm_name TEXT NOT NULL, type TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '', kb_ref TEXT NOT NULL DEFAULT '',
  no_merge INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS actors_by_norm_name ON actors(norm_name, type);
CREATE INDEX IF NOT EXISTS actors_by_kb_ref ON actors(kb_ref) WHERE kb_ref <> '';
CREATE TABLE IF NOT EXISTS actor_aliases(
  actor INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE, alias TEXT NOT NULL,
  norm TEXT NOT NULL, PRIMARY KEY(actor, alias));
CREATE INDEX IF NOT EXISTS actor_aliases_by_norm ON actor_aliases(norm);
CREATE TABLE IF NOT EXISTS document_actors(
  document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, local INTEGER NOT NULL,
  actor INTEGER NOT NULL REFERENCES actors(id), name TEXT NOT NULL, type TEXT NOT NULL,
  country TEXT NOT NULL, kb_ref TEXT NOT NULL, aliases TEXT NOT NULL,
  PRIMARY KEY(document, local));
CREATE INDEX IF NOT EXISTS document_actors_by_actor ON document_actors(actor);
CREATE TABLE IF NOT EXISTS mentions(
  id INTEGER PRIMARY KEY, document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, actor INTEGER NOT NULL REFERENCES actors(id),
  label TEXT NOT NULL DEFAULT '', local INTEGER NOT NULL DEFAULT -1);
CREATE INDEX IF NOT EXISTS mentions_by_document ON mentions(document);
CREATE INDEX IF NOT EXISTS mentions_by_actor ON mentions(actor);
CREATE TABLE IF NOT EXISTS claims(
  id INTEGER PRIMARY KEY, document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  subject INTEGER NOT NULL REFERENCES actors(id), relation TEXT NOT NULL,
  object INTEGER NOT NULL REFERENCES actors(id), negated INTEGER NOT NULL DEFAULT 0,
  modality TEXT NOT NULL DEFAULT 'asserted', time TEXT NOT NULL DEFAULT '',
  quote TEXT NOT NULL DEFAULT '', evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
  evidence TEXT NOT NULL, confidence REAL NOT NULL DEFAULT 0, extractor TEXT NOT NULL DEFAULT '',
  subject_local INTEGER NOT NULL DEFAULT -1, object_local INTEGER NOT NULL DEFAULT -1);
CREATE INDEX IF NOT EXISTS claims_by_document ON claims(document);
CREATE INDEX IF NOT EXISTS claims_by_subject ON claims(subject, object);
CREATE INDEX IF NOT EXISTS claims_by_object ON claims(object, subject);
CREATE INDEX IF NOT EXISTS claims_by_relation ON claims(relation);
CREATE TABLE IF NOT EXISTS corrections(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK(kind IN ('merge', 'split')),
  actor INTEGER NOT NULL, norm_name TEXT NOT NULL, type TEXT NOT NULL, country TEXT NOT NULL,
  kb_ref TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);
INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '1');
)sql";

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// One prepared statement, reset on every use. Column getters copy out.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return *this;
  }
  Statement& Bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, uint32_t v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, bool v) { return Bind(i, static_cast<int64_t>(v ? 1 : 0)); }
  Statement& Bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  // SQLITE_ROW -> true, SQLITE_DONE -> false, else an error in *rc.
  bool Step(int* rc) {
    *rc = sqlite3_step(stmt_);
    return *rc == SQLITE_ROW;
  }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const { return sqlite3_column_double(stmt_, col); }

 private:
  sqlite3_stmt* stmt_;
};

StoredActor ReadActor(const Statement& s, int first_col) {
  StoredActor a;
  a.id = s.Int(first_col);
  a.name = s.Text(first_col + 1);
  a.type = s.Text(first_col + 2);
  a.country = s.Text(first_col + 3);
  a.kb_ref = s.Text(first_col + 4);
  return a;
}

std::string EscapeLike(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

struct RecordedCorrection {
  std::string kind;
  int64_t actor = 0;
  ActorKey key;
};

class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteStore() override {
    statements_.clear();
    sqlite3_close_v2(db_);
  }

  Status Init() {
    sqlite3_busy_timeout(db_, 10000);
    if (Status s = Exec("PRAGMA foreign_keys=ON"); !s.ok()) return s;
    if (Status s = Exec("PRAGMA journal_mode=WAL"); !s.ok()) return s;
    if (Status s = Exec("PRAGMA synchronous=NORMAL"); !s.ok()) return s;
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = Exec(kSchema);
    if (!s.ok()) {
      Exec("ROLLBACK");
      return s;
    }
    return Exec("COMMIT");
  }

  Result<bool> HasDocument(const std::string& id) override {
    CallScope scope(this);
    return HasDocumentLocked(id);
  }

  Result<PutResult> PutDocument(const Document& doc) override {
    CallScope scope(this);
    if (doc.id.empty()) return Status::InvalidInput(Name(doc) + ": document has no id");
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return Status::IOError(Name(doc) + ": " + s.message());
    Result<PutResult> r = PutDocumentLocked(doc);
    if (!r.ok()) {
      Exec("ROLLBACK");
      return r;
    }
    if (!r->stored) {
      Exec("ROLLBACK");
      return r;
    }
    if (Status s = Exec("COMMIT"); !s.ok()) {
      Exec("ROLLBACK");
      return Status::IOError(Name(doc) + ": " + s.message());
    }
    return r;
  }

  Result<std::vector<ActorSummary>> ListActors(const ActorQuery& query) override {
    CallScope scope(this);
    std::string q = NormalizeActorName(query.text);
    if (!query.text.empty() && q.empty()) return std::vector<ActorSummary>{};
    std::string like = "%" + EscapeLike(q) + "%";
    std::string prefix = EscapeLike(q) + "%";
    Statement& s = Prepare(
        "SELECT ac.id, ac.name, ac.type, ac.country, ac.kb_ref, "
        "  (SELECT COUNT(*) FROM (SELECT object FROM claims WHERE subject = ac.id AND object <> ac.id "
        "                         UNION SELECT subject FROM claims WHERE object = ac.id AND subject <> ac.id)) AS ties, "
        "  (SELECT COUNT(*) FROM claims WHERE subject = ac.id AND object <> ac.id) + "
        "  (SELECT COUNT(*) FROM claims WHERE object = ac.id AND subject <> ac.id) AS n_claims, "
        "  (ac.norm_name LIKE ?3 ESCAPE '\\' OR EXISTS(SELECT 1 FROM actor_aliases al WHERE al.actor = ac.id "
        "                                             AND al.norm LIKE ?3 ESCAPE '\\')) AS prefix "
        "FROM actors ac WHERE ?1 = '' OR ac.norm_name LIKE ?2 ESCAPE '\\' OR EXISTS("
        "  SELECT 1 FROM actor_aliases al WHERE al.actor = ac.id AND al.norm LIKE ?2 ESCAPE '\\') "
        "ORDER BY prefix DESC, ties DESC, n_claims DESC, ac.name, ac.id "
        "LIMIT ?4");
    s.Reset().Bind(1, q).Bind(2, like).Bind(3, prefix).Bind(4, query.limit > 0 ? int64_t{query.limit} : int64_t{-1});
    std::vector<ActorSummary> out;
    int rc;
    while (s.Step(&rc)) {
      ActorSummary a;
      a.actor = ReadActor(s, 0);
      a.ties = s.Int(5);
      a.claims = s.Int(6);
      out.push_back(std::move(a));
    }
    if (rc != SQLITE_DONE) return Error("listing actors");
    for (ActorSummary& a : out) {
      if (Status st = LoadAliases(&a.actor); !st.ok()) return st;
    }
    return out;
  }

  Result<StoredActor> FindActor(const std::string& name_or_alias) override {
    CallScope scope(this);
    std::string q = NormalizeActorName(name_or_alias);
    if (q.empty()) return Status::NotFound("no actor named \"" + name_or_alias + "\"");
    // Candidates: every actor whose name or an alias contains the query.
    std::string like = "%" + EscapeLike(q) + "%";
    Statement& s = Prepare(
        "SELECT ac.id, ac.norm_name, al.norm, "
        "  (SELECT COUNT(*) FROM claims c WHERE c.subject = ac.id OR c.object = ac.id) "
        "FROM actors ac LEFT JOIN actor_aliases al ON al.actor = ac.id "
        "WHERE ac.norm_name LIKE ?1 ESCAPE '\\' OR al.norm LIKE ?1 ESCAPE '\\'");
    s.Reset().Bind(1, like);
    int64_t best_id = 0;
    int best_score = 0;
    int64_t best_claims = -1;
    int rc;
    while (s.Step(&rc)) {
      int64_t id = s.Int(0);
      std::string norm_name = s.Text(1);
      std::string alias = s.Text(2);
      int64_t claims = s.Int(3);
      // Exact name 4, exact alias 3, surname 2, token subset 1.
      int score = norm_name == q ? 4 : (alias == q ? 3 : 0);
      if (score == 0) score = std::max(NameMatchScore(q, norm_name), std::min(1, NameMatchScore(q, alias)));
      if (score > best_score || (score == best_score && score > 0 && claims > best_claims)) {
        best_id = id;
        best_score = score;
        best_claims = claims;
      }
    }
    if (rc != SQLITE_DONE) return Error("finding actor");
    if (best_id == 0) return Status::NotFound("no actor named \"" + name_or_alias + "\"");
    return GetActorLocked(best_id);
  }

  Result<StoredActor> GetActor(int64_t id) override {
    CallScope scope(this);
    return GetActorLocked(id);
  }

  Result<std::vector<StoredClaim>> ListClaims(const ClaimFilter& filter) override {
    CallScope scope(this);
    std::string sql =
        "SELECT c.id, c.document, c.subject, c.relation, c.object, c.negated, c.modality, c.time, c.quote, "
        "c.evidence_start, c.evidence_end, c.evidence, c.confidence, c.extractor, d.published, d.url, d.source "
        "FROM claims c JOIN documents d ON d.id = c.document WHERE 1";
    // The actor filter as a union of two index lookups; the other filters plain.
    if (filter.actor != 0 && filter.other != 0) {
      sql += " AND ((c.subject = ?1 AND c.object = ?2) OR (c.subject = ?2 AND c.object = ?1))";
    } else if (filter.actor != 0) {
      sql += " AND c.id IN (SELECT id FROM claims WHERE subject = ?1 UNION SELECT id FROM claims WHERE object = ?1)";
    }
    if (!filter.relation.empty()) sql += " AND c.relation = ?3";
    if (!filter.document.empty()) sql += " AND c.document = ?4";
    sql += " ORDER BY c.id LIMIT ?5";
    Statement& s = Prepare(sql);
    s.Reset();
    if (filter.actor != 0) s.Bind(1, filter.actor);
    if (filter.actor != 0 && filter.other != 0) s.Bind(2, filter.other);
    if (!filter.relation.empty()) s.Bind(3, filter.relation);
    if (!filter.document.empty()) s.Bind(4, filter.document);
    s.Bind(5, filter.limit > 0 ? int64_t{filter.limit} : int64_t{-1});
    std::vector<StoredClaim> out;
    int rc;
    while (s.Step(&rc)) {
      StoredClaim c;
      c.id = s.Int(0);
      c.document = s.Text(1);
      c.subject = s.Int(2);
      c.relation = s.Text(3);
      c.object = s.Int(4);
      c.negated = s.Int(5) != 0;
      c.modality = s.Text(6);
      c.time = s.Text(7);
      c.quote = s.Text(8);
      c.evidence_start = static_cast<uint32_t>(s.Int(9));
      c.evidence_end = static_cast<uint32_t>(s.Int(10));
      c.evidence = s.Text(11);
      c.confidence = s.Real(12);
      c.extractor = s.Text(13);
      c.published = s.Text(14);
      c.url = s.Text(15);
      c.source = s.Text(16);
      out.push_back(std::move(c));
    }
    if (rc != SQLITE_DONE) return Error("listing claims");
    return out;
  }

  Result<StoredDocument> GetDocument(const std::string& id, bool with_text) override {
    CallScope scope(this);
    Statement& s = Prepare(
        "SELECT id, title, url, published, ingested_at, source, CASE WHEN ?2 THEN text ELSE '' END "
        "FROM documents WHERE id = ?1");
    s.Reset().Bind(1, id).Bind(2, with_text);
    int rc;
    if (!s.Step(&rc)) {
      if (rc != SQLITE_DONE) return Error("reading document");
      return Status::NotFound("no document " + id);
    }
    return ReadDocument(s);
  }

  Result<std::vector<StoredDocument>> ListDocuments() override {
    CallScope scope(this);
    Statement& s =
        Prepare("SELECT id, title, url, published, ingested_at, source, '' FROM documents ORDER BY ingested_at, id");
    s.Reset();
    std::vector<StoredDocument> out;
    int rc;
    while (s.Step(&rc)) out.push_back(ReadDocument(s));
    if (rc != SQLITE_DONE) return Error("listing documents");
    return out;
  }

  Result<StoreCounts> Counts() override {
    CallScope scope(this);
    Statement& s = Prepare(
        "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM actors), "
        "(SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM claims), (SELECT COUNT(*) FROM corrections)");
    s.Reset();
    int rc;
    if (!s.Step(&rc)) return Error("counting");
    StoreCounts c;
    c.documents = s.Int(0);
    c.actors = s.Int(1);
    c.mentions = s.Int(2);
    c.claims = s.Int(3);
    c.corrections = s.Int(4);
    return c;
  }

  Status Merge(int64_t keep, int64_t absorb) override {
    CallScope scope(this);
    if (keep == absorb) return Status::InvalidInput("cannot merge an actor with itself");
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = MergeLocked(keep, absorb);
    if (!s.ok()) {
      Exec("ROLLBACK");
      return s;
    }
    corrections_loaded_ = false;
    return Exec("COMMIT");
  }

  Result<std::vector<int64_t>> Split(int64_t actor) override {
    CallScope scope(this);
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Result<std::vector<int64_t>> r = SplitLocked(actor);
    corrections_loaded_ = false;
    if (!r.ok()) {
      Exec("ROLLBACK");
      return r;
    }
    if (Status s = Exec("COMMIT"); !s.ok()) return s;
    return r;
  }

  Result<std::vector<Correction>> ListCorrections() override {
    CallScope scope(this);
    Statement& s = Prepare("SELECT id, kind, actor, detail, created_at FROM corrections ORDER BY id");
    s.Reset();
    std::vector<Correction> out;
    int rc;
    while (s.Step(&rc)) out.push_back(Correction{s.Int(0), s.Text(1), s.Int(2), s.Text(3), s.Text(4)});
    if (rc != SQLITE_DONE) return Error("listing corrections");
    return out;
  }

 private:
  // Serialises a public call and, when it ends, resets every statement still
  // stepping: a SELECT left mid-result would hold a read snapshot, and the
  // next write transaction would fail at once with SQLITE_BUSY_SNAPSHOT when
  // another connection has written since.
  class CallScope {
   public:
    explicit CallScope(SqliteStore* store) : store_(store), lock_(store->mu_) { store_->ResetBusyStatements(); }
    ~CallScope() { store_->ResetBusyStatements(); }

   private:
    SqliteStore* store_;
    std::lock_guard<std::mutex> lock_;
  };

  void ResetBusyStatements() {
    for (sqlite3_stmt* s = sqlite3_next_stmt(db_, nullptr); s != nullptr; s = sqlite3_next_stmt(db_, s)) {
      if (sqlite3_stmt_busy(s)) sqlite3_reset(s);
    }
  }

  static std::string Name(const Document& doc) { return doc.source.empty() ? doc.id : doc.source; }

  Status Error(const std::string& what) const {
    return Status::IOError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
  }

  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Status::IOError(path_ + ": " + msg);
    }
    return Status::Ok();
  }

  // Statements are prepared once and cached by their SQL text. A failure to
  // prepare is a programming error in this file, so it aborts loudly.
  Statement& Prepare(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return *it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK) {
      std::fprintf(stderr, "tiegraph: sqlite prepare failed: %s\n%s\n", sqlite3_errmsg(db_), sql.c_str());
      std::abort();
    }
    return *statements_.emplace(sql, std::make_unique<Statement>(stmt)).first->second;
  }

  // Runs a statement that returns no rows.
  Status Run(Statement& s, const char* what) {
    int rc;
    s.Step(&rc);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return Error(what);
    return Status::Ok();
  }

  Result<bool> HasDocumentLocked(const std::string& id) {
    Statement& s = Prepare("SELECT 1 FROM documents WHERE id = ?1");
    s.Reset().Bind(1, id);
    int rc;
    bool found = s.Step(&rc);
    if (!found && rc != SQLITE_DONE) return Error("looking up document");
    return found;
  }

  static StoredDocument ReadDocument(const Statement& s) {
    StoredDocument d;
    d.id = s.Text(0);
    d.title = s.Text(1);
    d.url = s.Text(2);
    d.published = s.Text(3);
    d.ingested_at = s.Text(4);
    d.source = s.Text(5);
    d.text = s.Text(6);
    return d;
  }

  Status LoadAliases(StoredActor* a) {
    Statement& s = Prepare("SELECT alias FROM actor_aliases WHERE actor = ?1 ORDER BY rowid");
    s.Reset().Bind(1, a->id);
    a->aliases.clear();
    int rc;
    while (s.Step(&rc)) a->aliases.push_back(s.Text(0));
    if (rc != SQLITE_DONE) return Error("reading aliases");
    return Status::Ok();
  }

  Result<StoredActor> GetActorLocked(int64_t id) {
    Statement& s = Prepare("SELECT id, name, type, country, kb_ref FROM actors WHERE id = ?1");
    s.Reset().Bind(1, id);
    int rc;
    if (!s.Step(&rc)) {
      if (rc != SQLITE_DONE) return Error("reading actor");
      return Status::NotFound("no actor #" + std::to_string(id));
    }
    StoredActor a = ReadActor(s, 0);
    if (Status st = LoadAliases(&a); !st.ok()) return st;
    return a;
  }

  Result<ActorKey> KeyOf(int64_t id) {
    Statement& s = Prepare("SELECT norm_name, type, country, kb_ref FROM actors WHERE id = ?1");
    s.Reset().Bind(1, id);
    int rc;
    if (!s.Step(&rc)) {
      if (rc != SQLITE_DONE) return Error("reading actor");
      return Status::NotFound("no actor #" + std::to_string(id));
    }
    return ActorKey{s.Text(0), s.Text(1), s.Text(2), s.Text(3)};
  }

  Status LoadCorrections() {
    if (corrections_loaded_) return Status::Ok();
    corrections_.clear();
    Statement& s = Prepare("SELECT kind, actor, norm_name, type, country, kb_ref FROM corrections ORDER BY id");
    s.Reset();
    int rc;
    while (s.Step(&rc)) {
      corrections_.push_back(RecordedCorrection{s.Text(0), s.Int(1), ActorKey{s.Text(2), s.Text(3), s.Text(4), s.Text(5)}});
    }
    if (rc != SQLITE_DONE) return Error("reading corrections");
    corrections_loaded_ = true;
    return Status::Ok();
  }

  Status AddAlias(int64_t actor, const std::string& alias) {
    std::string norm = NormalizeActorName(alias);
    if (norm.empty()) return Status::Ok();
    Statement& s = Prepare("INSERT OR IGNORE INTO actor_aliases(actor, alias, norm) VALUES(?1, ?2, ?3)");
    s.Reset().Bind(1, actor).Bind(2, alias).Bind(3, norm);
    return Run(s, "adding alias");
  }

  Result<int64_t> InsertActor(const Actor& a, const ActorKey& key, bool no_merge) {
    Statement& s = Prepare(
        "INSERT INTO actors(name, norm_name, type, country, kb_ref, no_merge) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    s.Reset().Bind(1, a.name).Bind(2, key.name).Bind(3, key.type).Bind(4, key.country).Bind(5, key.kb_ref).Bind(6, no_merge);
    if (Status st = Run(s, "adding actor"); !st.ok()) return st;
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }

  // The stored actor a document actor resolves to; 0 = none (make a new one).
  // *no_merge is set when a split correction forbids cross-document matching.
  Result<int64_t> Resolve(const ActorKey& key, bool* no_merge) {
    *no_merge = false;
    if (Status st = LoadCorrections(); !st.ok()) return st;
    for (const RecordedCorrection& c : corrections_) {
      if (c.kind == "merge" && SameActor(key, c.key)) return c.actor;
    }
    for (const RecordedCorrection& c : corrections_) {
      if (c.kind == "split" && SameActor(key, c.key)) {
        *no_merge = true;
        return int64_t{0};
      }
    }
    if (!key.kb_ref.empty()) {
      Statement& s = Prepare("SELECT id FROM actors WHERE kb_ref = ?1 AND no_merge = 0 ORDER BY id LIMIT 1");
      s.Reset().Bind(1, key.kb_ref);
      int rc;
      if (s.Step(&rc)) return s.Int(0);
      if (rc != SQLITE_DONE) return Error("resolving actor");
    }
    Statement& s = Prepare(
        "SELECT id, norm_name, type, country, kb_ref FROM actors WHERE norm_name = ?1 AND type = ?2 AND no_merge = 0 "
        "ORDER BY id");
    s.Reset().Bind(1, key.name).Bind(2, key.type);
    int rc;
    int64_t found = 0;
    while (s.Step(&rc)) {
      if (found == 0 && SameActor(key, ActorKey{s.Text(1), s.Text(2), s.Text(3), s.Text(4)})) found = s.Int(0);
    }
    if (rc != SQLITE_DONE) return Error("resolving actor");
    return found;
  }

  Result<PutResult> PutDocumentLocked(const Document& doc) {
    const std::string name = Name(doc);
    PutResult result;
    Result<bool> has = HasDocumentLocked(doc.id);
    if (!has.ok()) return has.status();
    if (*has) return result;  // stored == false: nothing to add

    Statement& ins_doc = Prepare(
        "INSERT INTO documents(id, source, title, url, published, ingested_at, text) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    ins_doc.Reset().Bind(1, doc.id).Bind(2, doc.source).Bind(3, doc.title).Bind(4, doc.url).Bind(5, doc.published)
        .Bind(6, NowUtc()).Bind(7, doc.text);
    if (Status st = Run(ins_doc, "adding document"); !st.ok()) return st;

    // Actors: document index -> stored id.
    std::vector<int64_t> ids(doc.actors.size(), 0);
    for (size_t i = 0; i < doc.actors.size(); ++i) {
      const Actor& a = doc.actors[i];
      ActorKey key = MakeActorKey(a.name, ActorTypeName(a.type), a.country, a.kb_ref);
      if (key.name.empty()) return Status::InvalidInput(name + ": actor " + std::to_string(i) + " has no name");
      bool no_merge = false;
      Result<int64_t> found = Resolve(key, &no_merge);
      if (!found.ok()) return found.status();
      int64_t id = *found;
      if (id == 0) {
        Result<int64_t> made = InsertActor(a, key, no_merge);
        if (!made.ok()) return made.status();
        id = *made;
        ++result.actors_created;
      } else {
        ++result.actors_matched;
        Statement& fill = Prepare(
            "UPDATE actors SET country = CASE WHEN country = '' THEN ?2 ELSE country END, "
            "kb_ref = CASE WHEN kb_ref = '' THEN ?3 ELSE kb_ref END WHERE id = ?1");
        fill.Reset().Bind(1, id).Bind(2, key.country).Bind(3, key.kb_ref);
        if (Status st = Run(fill, "updating actor"); !st.ok()) return st;
      }
      ids[i] = id;
      if (Status st = AddAlias(id, a.name); !st.ok()) return st;
      for (const std::string& alias : a.aliases) {
        if (Status st = AddAlias(id, alias); !st.ok()) return st;
      }
      Statement& da = Prepare(
          "INSERT INTO document_actors(document, local, actor, name, type, country, kb_ref, aliases) "
          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      da.Reset().Bind(1, doc.id).Bind(2, static_cast<int64_t>(i)).Bind(3, id).Bind(4, a.name).Bind(5, key.type)
          .Bind(6, a.country).Bind(7, a.kb_ref).Bind(8, nlohmann::json(a.aliases).dump());
      if (Status st = Run(da, "adding document actor"); !st.ok()) return st;
    }

    const uint32_t text_size = static_cast<uint32_t>(doc.text.size());
    for (const Mention& m : doc.mentions) {
      if (m.actor < 0) continue;
      if (static_cast<size_t>(m.actor) >= ids.size())
        return Status::InvalidInput(name + ": mention refers to actor " + std::to_string(m.actor) + " of " +
                                    std::to_string(ids.size()));
      if (m.span.begin > m.span.end || m.span.end > text_size)
        return Status::InvalidInput(name + ": mention span out of the text");
      Statement& s = Prepare(
          "INSERT INTO mentions(document, start, \"end\", actor, label, local) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
      s.Reset().Bind(1, doc.id).Bind(2, m.span.begin).Bind(3, m.span.end).Bind(4, ids[m.actor]).Bind(5, m.label)
          .Bind(6, m.actor);
      if (Status st = Run(s, "adding mention"); !st.ok()) return st;
      ++result.mentions;
    }

    for (const Claim& c : doc.claims) {
      auto valid = [&](int i) { return i >= 0 && static_cast<size_t>(i) < ids.size(); };
      if (!valid(c.subject) || !valid(c.object))
        return Status::InvalidInput(name + ": claim \"" + c.relation + "\" refers to a missing actor");
      if (c.relation.empty()) return Status::InvalidInput(name + ": claim without relation");
      if (c.evidence.begin > c.evidence.end || c.evidence.end > text_size)
        return Status::InvalidInput(name + ": claim evidence out of the text");
      Statement& s = Prepare(
          "INSERT INTO claims(document, subject, relation, object, negated, modality, time, quote, "
          "evidence_start, evidence_end, evidence, confidence, extractor, subject_local, object_local) "
          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
      s.Reset().Bind(1, doc.id).Bind(2, ids[c.subject]).Bind(3, c.relation).Bind(4, ids[c.object]).Bind(5, c.negated)
          .Bind(6, c.modality == Modality::kAlleged ? "alleged" : "asserted").Bind(7, c.time).Bind(8, c.quote)
          .Bind(9, c.evidence.begin).Bind(10, c.evidence.end).Bind(11, doc.Slice(c.evidence)).Bind(12, c.confidence)
          .Bind(13, c.extractor).Bind(14, c.subject).Bind(15, c.object);
      if (Status st = Run(s, "adding claim"); !st.ok()) return st;
      ++result.claims;
    }
    result.stored = true;
    return result;
  }

  Status MergeLocked(int64_t keep, int64_t absorb) {
    Result<StoredActor> kept = GetActorLocked(keep);
    if (!kept.ok()) return kept.status();
    Result<StoredActor> gone = GetActorLocked(absorb);
    if (!gone.ok()) return gone.status();
    Result<ActorKey> key = KeyOf(absorb);
    if (!key.ok()) return key.status();
    std::string now = NowUtc();
    const std::pair<const char*, const char*> steps[] = {
        {"INSERT INTO corrections(kind, actor, norm_name, type, country, kb_ref, detail, created_at) "
         "SELECT 'merge', ?1, norm_name, type, country, kb_ref, name, ?3 FROM actors WHERE id = ?2",
         "recording merge"},
        {"UPDATE corrections SET actor = ?1 WHERE kind = 'merge' AND actor = ?2", "redirecting merges"},
        {"UPDATE claims SET subject = ?1 WHERE subject = ?2", "moving claims"},
        {"UPDATE claims SET object = ?1 WHERE object = ?2", "moving claims"},
        {"UPDATE mentions SET actor = ?1 WHERE actor = ?2", "moving mentions"},
        {"UPDATE document_actors SET actor = ?1 WHERE actor = ?2", "moving document actors"},
        {"INSERT OR IGNORE INTO actor_aliases(actor, alias, norm) "
         "SELECT ?1, alias, norm FROM actor_aliases WHERE actor = ?2",
         "merging aliases"},
        {"UPDATE actors SET country = CASE WHEN country = '' THEN (SELECT country FROM actors WHERE id = ?2) "
         "ELSE country END, kb_ref = CASE WHEN kb_ref = '' THEN (SELECT kb_ref FROM actors WHERE id = ?2) "
         "ELSE kb_ref END WHERE id = ?1",
         "merging attributes"},
        {"DELETE FROM actors WHERE id = ?2", "removing merged actor"},
    };
    for (const auto& [sql, what] : steps) {
      Statement& s = Prepare(sql);
      s.Reset().Bind(1, keep).Bind(2, absorb).Bind(3, now);
      if (Status st = Run(s, what); !st.ok()) return st;
    }
    return AddAlias(keep, gone->name);
  }

  Result<std::vector<int64_t>> SplitLocked(int64_t actor) {
    Result<StoredActor> original = GetActorLocked(actor);
    if (!original.ok()) return original.status();
    Result<ActorKey> key = KeyOf(actor);
    if (!key.ok()) return key.status();

    // The document actors that resolved to it, in order of ingestion.
    struct Share {
      std::string document;
      int64_t local = 0;
      std::string name, type, country, kb_ref;
      std::vector<std::string> aliases;
    };
    std::vector<Share> shares;
    {
      Statement& s = Prepare(
          "SELECT da.document, da.local, da.name, da.type, da.country, da.kb_ref, da.aliases FROM document_actors da "
          "JOIN documents d ON d.id = da.document WHERE da.actor = ?1 ORDER BY d.ingested_at, d.rowid, da.local");
      s.Reset().Bind(1, actor);
      int rc;
      while (s.Step(&rc)) {
        Share share{s.Text(0), s.Int(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), {}};
        nlohmann::json parsed = nlohmann::json::parse(s.Text(6), nullptr, false);
        if (parsed.is_array()) {
          for (const auto& a : parsed)
            if (a.is_string()) share.aliases.push_back(a.get<std::string>());
        }
        shares.push_back(std::move(share));
      }
      if (rc != SQLITE_DONE) return Error("reading document actors");
    }

    std::string now = NowUtc();
    Statement& rec = Prepare(
        "INSERT INTO corrections(kind, actor, norm_name, type, country, kb_ref, detail, created_at) "
        "VALUES('split', ?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    rec.Reset().Bind(1, actor).Bind(2, key->name).Bind(3, key->type).Bind(4, key->country).Bind(5, key->kb_ref)
        .Bind(6, original->name).Bind(7, now);
    if (Status st = Run(rec, "recording split"); !st.ok()) return st;
    // A split undoes the merges that led into this actor.
    Statement& unmerge = Prepare("DELETE FROM corrections WHERE kind = 'merge' AND actor = ?1");
    unmerge.Reset().Bind(1, actor);
    if (Status st = Run(unmerge, "removing merges"); !st.ok()) return st;

    std::vector<int64_t> ids = {actor};
    Statement& mark = Prepare("UPDATE actors SET no_merge = 1 WHERE id = ?1");
    mark.Reset().Bind(1, actor);
    if (Status st = Run(mark, "marking actor"); !st.ok()) return st;
    if (shares.size() < 2) return ids;

    for (size_t i = 0; i < shares.size(); ++i) {
      const Share& share = shares[i];
      ActorKey share_key = MakeActorKey(share.name, share.type, share.country, share.kb_ref);
      int64_t id = actor;
      if (i == 0) {
        Statement& rename = Prepare(
            "UPDATE actors SET name = ?2, norm_name = ?3, type = ?4, country = ?5, kb_ref = ?6 WHERE id = ?1");
        rename.Reset().Bind(1, actor).Bind(2, share.name).Bind(3, share_key.name).Bind(4, share_key.type)
            .Bind(5, share.country).Bind(6, share.kb_ref);
        if (Status st = Run(rename, "renaming actor"); !st.ok()) return st;
        Statement& clear = Prepare("DELETE FROM actor_aliases WHERE actor = ?1");
        clear.Reset().Bind(1, actor);
        if (Status st = Run(clear, "resetting aliases"); !st.ok()) return st;
      } else {
        Actor a;
        a.name = share.name;
        Result<int64_t> made = InsertActor(a, share_key, true);
        if (!made.ok()) return made.status();
        id = *made;
        ids.push_back(id);
        const char* moves[] = {
            "UPDATE claims SET subject = ?1 WHERE subject = ?2 AND document = ?3 AND subject_local = ?4",
            "UPDATE claims SET object = ?1 WHERE object = ?2 AND document = ?3 AND object_local = ?4",
            "UPDATE mentions SET actor = ?1 WHERE actor = ?2 AND document = ?3 AND local = ?4",
            "UPDATE document_actors SET actor = ?1 WHERE actor = ?2 AND document = ?3 AND local = ?4",
        };
        for (const char* sql : moves) {
          Statement& s = Prepare(sql);
          s.Reset().Bind(1, id).Bind(2, actor).Bind(3, share.document).Bind(4, share.local);
          if (Status st = Run(s, "splitting actor"); !st.ok()) return st;
        }
      }
      if (Status st = AddAlias(id, share.name); !st.ok()) return st;
      for (const std::string& alias : share.aliases) {
        if (Status st = AddAlias(id, alias); !st.ok()) return st;
      }
    }
    return ids;
  }

  std::mutex mu_;
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
  std::vector<RecordedCorrection> corrections_;
  bool corrections_loaded_ = false;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const StoreOptions& options) {
  if (path.empty()) return Status::Usage("no database path given");
  std::error_code ec;
  if (!options.create_if_missing && path != ":memory:" && !std::filesystem::exists(path, ec)) {
    return Status::NotFound(path + ": no database here (run `tiegraph ingest` first)");
  }
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IOError(path + ": cannot open database: " + msg);
  }
  auto store = std::make_unique<SqliteStore>(db, path);
  if (Status s = store->Init(); !s.ok()) return Status::IOError(s.message() + " (is it a tiegraph database?)");
  return std::unique_ptr<Store>(std::move(store));
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& location, const StoreOptions& options) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
    return OpenPostgresStore(location, options);
  }
  return OpenSqliteStore(location, options);
}

}  // namespace tiegraph
