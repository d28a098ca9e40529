// gen_network: writes a synthetic claim network into a tiegraph SQLite
// database (the store's own schema, created through OpenStore), for the
// graph benchmark. Degrees follow a power law (Chung-Lu: endpoint i drawn
// with probability ~ (i+1)^(-1/(gamma-1))). Seeded: same flags, same data.
//
//   build/bench/gen_network --db /tmp/net.db --actors 100000 --claims 1000000
//
// Never commit the output.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "tiegraph/graph/relation_weights.h"
#include "tiegraph/store/store.h"

namespace {

bool Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s: %s\n", sql, err ? err : "?");
    sqlite3_free(err);
    return false;
  }
  return true;
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite prepare: %s\n", sqlite3_errmsg(db));
    return nullptr;
  }
  return s;
}

void BindText(sqlite3_stmt* s, int i, const std::string& v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

bool StepReset(sqlite3* db, sqlite3_stmt* s) {
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) {
    std::fprintf(stderr, "sqlite insert: %s\n", sqlite3_errmsg(db));
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Synthetic power-law claim network for the graph benchmark"};
  std::string path;
  int64_t n_actors = 100000, n_claims = 1000000, n_docs = 200000;
  double gamma = 2.3;
  uint64_t seed = 7;
  app.add_option("--db", path, "SQLite file to create (must not exist)")->required();
  app.add_option("--actors", n_actors, "number of actors")->capture_default_str();
  app.add_option("--claims", n_claims, "number of claims")->capture_default_str();
  app.add_option("--documents", n_docs, "number of documents the claims cite")->capture_default_str();
  app.add_option("--gamma", gamma, "power-law exponent of the degree distribution")->capture_default_str();
  app.add_option("--seed", seed, "random seed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  if (FILE* f = std::fopen(path.c_str(), "r")) {
    std::fclose(f);
    std::fprintf(stderr, "%s exists: remove it first\n", path.c_str());
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  {
    auto store = tiegraph::OpenStore(path);  // creates the schema
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
      return 1;
    }
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return 1;
  Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;");
  // Bulk load: drop the store's claim indexes, insert, recreate them from their saved SQL.
  std::vector<std::pair<std::string, std::string>> indexes;  // name, sql
  {
    sqlite3_stmt* q = Prepare(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims' "
                                  "AND sql IS NOT NULL");
    while (sqlite3_step(q) == SQLITE_ROW) {
      indexes.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)),
                           reinterpret_cast<const char*>(sqlite3_column_text(q, 1)));
    }
    sqlite3_finalize(q);
  }
  for (const auto& [name, sql] : indexes) Exec(db, ("DROP INDEX " + name).c_str());
  Exec(db, "BEGIN");

  std::mt19937_64 rng(seed);
  static const char* kTypes[] = {"Person", "Person", "Person", "Organization", "Organization", "Country"};
  static const char* kCountries[] = {"RU", "IT", "FR", "DE", "US", "GB", "HU", "BR", "UA", "AT"};
  sqlite3_stmt* ins_actor = Prepare(db, "INSERT INTO actors(id, name, norm_name, type, country) VALUES(?,?,?,?,?)");
  for (int64_t i = 1; i <= n_actors; ++i) {
    std::string name = fmt::format("Actor {}", i);
    sqlite3_bind_int64(ins_actor, 1, i);
    BindText(ins_actor, 2, name);
    BindText(ins_actor, 3, fmt::format("actor {}", i));
    BindText(ins_actor, 4, kTypes[rng() % 6]);
    BindText(ins_actor, 5, kCountries[rng() % 10]);
    if (!StepReset(db, ins_actor)) return 1;
  }
  sqlite3_finalize(ins_actor);

  std::vector<std::string> doc_ids(n_docs);
  sqlite3_stmt* ins_doc = Prepare(
      db, "INSERT INTO documents(id, source, title, url, published, ingested_at, text) VALUES(?,?,?,?,?,?,?)");
  for (int64_t i = 0; i < n_docs; ++i) {
    doc_ids[i] = fmt::format("{:016x}{:016x}", rng(), static_cast<uint64_t>(i));
    BindText(ins_doc, 1, doc_ids[i]);
    BindText(ins_doc, 2, "synthetic");
    BindText(ins_doc, 3, fmt::format("Synthetic article {}", i));
    BindText(ins_doc, 4, fmt::format("https://example.org/{}", i));
    BindText(ins_doc, 5, fmt::format("{:04d}-{:02d}-{:02d}", 2010 + rng() % 15, 1 + rng() % 12, 1 + rng() % 28));
    BindText(ins_doc, 6, "2024-01-01T00:00:00Z");
    BindText(ins_doc, 7, "synthetic text");
    if (!StepReset(db, ins_doc)) return 1;
  }
  sqlite3_finalize(ins_doc);

  // Chung-Lu endpoint sampling over a random permutation of actor ids.
  std::vector<double> cumulative(n_actors);
  double total = 0;
  for (int64_t i = 0; i < n_actors; ++i) {
    total += std::pow(static_cast<double>(i + 1), -1.0 / (gamma - 1.0));
    cumulative[i] = total;
  }
  std::vector<int64_t> ids(n_actors);
  for (int64_t i = 0; i < n_actors; ++i) ids[i] = i + 1;
  std::shuffle(ids.begin(), ids.end(), rng);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto draw = [&]() {
    size_t k = std::lower_bound(cumulative.begin(), cumulative.end(), unit(rng) * total) - cumulative.begin();
    return ids[std::min<size_t>(k, n_actors - 1)];
  };
  // Relation mix: more praise/criticize/meet/member than the rest.
  static const int kMix[] = {0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 5, 6, 6, 7, 7, 8, 9, 10, 11};
  sqlite3_stmt* ins_claim = Prepare(
      db, "INSERT INTO claims(id, document, subject, relation, object, negated, modality, time, quote, "
          "evidence_start, evidence_end, evidence, confidence, extractor) VALUES(?,?,?,?,?,?,?,?,'',0,?,?,0.9,'gen')");
  for (int64_t i = 1; i <= n_claims; ++i) {
    int64_t s = draw(), o = draw();
    while (o == s) o = draw();
    const auto relation = tiegraph::graph::RelationAt(kMix[rng() % (sizeof kMix / sizeof kMix[0])]).name;
    std::string time;
    if (rng() % 10 < 7) time = fmt::format("{:04d}-{:02d}-{:02d}", 2010 + rng() % 15, 1 + rng() % 12, 1 + rng() % 28);
    std::string evidence = fmt::format("Actor {} {} Actor {}.", s, relation, o);
    sqlite3_bind_int64(ins_claim, 1, i);
    BindText(ins_claim, 2, doc_ids[rng() % n_docs]);
    sqlite3_bind_int64(ins_claim, 3, s);
    BindText(ins_claim, 4, std::string(relation));
    sqlite3_bind_int64(ins_claim, 5, o);
    sqlite3_bind_int(ins_claim, 6, rng() % 20 == 0);
    BindText(ins_claim, 7, rng() % 5 == 0 ? "alleged" : "asserted");
    BindText(ins_claim, 8, time);
    sqlite3_bind_int(ins_claim, 9, static_cast<int>(evidence.size()));
    BindText(ins_claim, 10, evidence);
    if (!StepReset(db, ins_claim)) return 1;
  }
  sqlite3_finalize(ins_claim);
  Exec(db, "COMMIT");
  for (const auto& [name, sql] : indexes) Exec(db, sql.c_str());
  Exec(db, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
  sqlite3_close(db);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("gen_network: %lld actors, %lld claims, %lld documents -> %s in %.1f s\n",
              static_cast<long long>(n_actors), static_cast<long long>(n_claims), static_cast<long long>(n_docs),
              path.c_str(), secs);
  return 0;
}
