#include "tiegraph/graph/sqlite_network_reader.h"

#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace tiegraph::graph {
namespace {

// Document id -> index: open addressing on the id's hash; ids are compared
// only when hashes match (one probe touches one slot and, rarely, one id).
class DocumentIndex {
 public:
  explicit DocumentIndex(size_t expected) {
    size_t size = 16;
    while (size < expected * 2) size *= 2;
    slots_.assign(size, Slot{0, -1});
  }
  void Add(std::string id, int32_t index) {
    if ((ids_.size() + 1) * 2 > slots_.size()) Grow();
    ids_.push_back(std::move(id));
    Place(Hash(ids_.back()), index);
  }
  int32_t Find(std::string_view id) const {
    const uint64_t h = Hash(id);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.index < 0) return -1;
      if (s.hash == h && ids_[s.index] == id) return s.index;
    }
  }

 private:
  struct Slot {
    uint64_t hash;
    int32_t index;
  };
  static uint64_t Hash(std::string_view s) { return std::hash<std::string_view>{}(s); }
  void Place(uint64_t h, int32_t index) {
    size_t i = h & (slots_.size() - 1);
    while (slots_[i].index >= 0) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = Slot{h, index};
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{0, -1});
    for (const Slot& s : old) {
      if (s.index >= 0) Place(s.hash, s.index);
    }
  }
  std::vector<Slot> slots_;
  std::vector<std::string> ids_;  // by index
};

class Db {
 public:
  ~Db() {
    if (db_) sqlite3_close_v2(db_);
  }
  Status Open(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      return Status::NotFound(fmt::format("{}: cannot open database: {}", path, db_ ? sqlite3_errmsg(db_) : "?"));
    }
    return Status::Ok();
  }
  sqlite3* get() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class Query {
 public:
  Query(sqlite3* db, const char* sql) : db_(db) { ok_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) == SQLITE_OK; }
  ~Query() { sqlite3_finalize(stmt_); }
  bool ok() const { return ok_; }
  bool Step() {
    rc_ = sqlite3_step(stmt_);
    return rc_ == SQLITE_ROW;
  }
  bool Done() const { return rc_ == SQLITE_DONE; }
  int64_t Int(int i) { return sqlite3_column_int64(stmt_, i); }
  std::string_view Text(int i) {
    const unsigned char* p = sqlite3_column_text(stmt_, i);
    return p ? std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, i)) : std::string_view();
  }
  Status Error(const char* what) const {
    return Status::IOError(fmt::format("reading {}: {}", what, sqlite3_errmsg(db_)));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool ok_ = false;
  int rc_ = SQLITE_OK;
};

}  // namespace

Result<Network> ReadSqliteNetwork(const std::string& path) {
  Db db;
  if (Status s = db.Open(path); !s.ok()) return s;
  {
    Query q(db.get(), "SELECT value FROM meta WHERE key = 'schema_version'");
    if (!q.ok() || !q.Step() || q.Text(0) != "1") {
      return Status::InvalidInput(path + ": not a tiegraph database of schema version 1");
    }
  }
  std::vector<StoredActor> actors;
  {
    Query q(db.get(), "SELECT id, name, type, country, kb_ref FROM actors ORDER BY id");
    if (!q.ok()) return q.Error("actors");
    while (q.Step()) {
      StoredActor& a = actors.emplace_back();
      a.id = q.Int(0);
      a.name = q.Text(1);
      a.type = q.Text(2);
      a.country = q.Text(3);
      a.kb_ref = q.Text(4);
    }
    if (!q.Done()) return q.Error("actors");
  }
  {
    Query q(db.get(), "SELECT actor, alias FROM actor_aliases ORDER BY actor, alias");
    if (!q.ok()) return q.Error("actor aliases");
    while (q.Step()) {
      const int64_t id = q.Int(0);
      auto it = std::lower_bound(actors.begin(), actors.end(), id,
                                 [](const StoredActor& a, int64_t v) { return a.id < v; });
      if (it != actors.end() && it->id == id) it->aliases.emplace_back(q.Text(1));
    }
    if (!q.Done()) return q.Error("actor aliases");
  }
  int64_t claim_count = 0, document_count = 0;
  {
    Query q(db.get(), "SELECT (SELECT COUNT(*) FROM claims), (SELECT COUNT(*) FROM documents)");
    if (q.ok() && q.Step()) {
      claim_count = q.Int(0);
      document_count = q.Int(1);
    }
  }
  NetworkAssembler assembler(std::move(actors));
  assembler.Reserve(document_count, claim_count);
  DocumentIndex documents(static_cast<size_t>(document_count));
  {
    Query q(db.get(), "SELECT id, url, published FROM documents");
    if (!q.ok()) return q.Error("documents");
    while (q.Step()) {
      std::string id(q.Text(0));
      int32_t index = assembler.AddDocument(id, std::string(q.Text(1)), std::string(q.Text(2)));
      documents.Add(std::move(id), index);
    }
    if (!q.Done()) return q.Error("documents");
  }
  {
    Query q(db.get(),
            "SELECT id, document, subject, relation, object, negated, modality, time, quote, evidence_start, "
            "evidence_end, evidence FROM claims ORDER BY id");
    if (!q.ok()) return q.Error("claims");
    while (q.Step()) {
      assembler.AddClaim(q.Int(0), q.Int(2), q.Text(3), q.Int(4), q.Int(5) != 0, q.Text(6) == "alleged", q.Text(7),
                         documents.Find(q.Text(1)), static_cast<uint32_t>(q.Int(9)),
                         static_cast<uint32_t>(q.Int(10)), std::string(q.Text(11)), std::string(q.Text(8)));
    }
    if (!q.Done()) return q.Error("claims");
  }
  return assembler.Finish();
}

}  // namespace tiegraph::graph
