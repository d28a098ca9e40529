// Store: where documents, actors, mentions and claims live once extracted.
//
// Back-end neutral (SQLite now, PostgreSQL later behind the same interface).
// PutDocument writes one document in ONE transaction: the document row, its
// actors resolved against the stored ones (kb_ref, else normalised name + type
// + non-conflicting country, see resolve/actor_matcher.h; aliases merged),
// its mentions and its claims (evidence kept as offsets and as text). It is
// idempotent: a document whose id is stored already adds nothing. On error
// nothing of the document is stored.
// Merge and Split are hand corrections; they are recorded (table
// `corrections`) and applied again to documents ingested later.
// Every method is safe to call from several threads (calls are serialised).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tiegraph/status.h"
#include "tiegraph/store/records.h"
#include "tiegraph/text/document.h"

namespace tiegraph {

struct StoreOptions {
  bool create_if_missing = true;  // false: opening a missing database is NotFound
};

// What PutDocument did.
struct PutResult {
  bool stored = false;     // false: the document was there already
  int actors_created = 0;  // new stored actors
  int actors_matched = 0;  // document actors resolved to stored ones
  int mentions = 0;
  int claims = 0;
};

struct ActorQuery {
  std::string text = "";  // substring of the name or an alias, any case; "" = all
  int limit = 0;          // 0 = no limit
};

// An actor with its number of ties (distinct actors it has claims with).
struct ActorSummary {
  StoredActor actor;
  int64_t ties = 0;
  int64_t claims = 0;
};

struct ClaimFilter {
  int64_t actor = 0;          // subject or object; 0 = any
  int64_t other = 0;          // with actor: the other side; 0 = any
  std::string relation = "";  // "" = any
  std::string document = "";  // "" = any
  int limit = 0;              // 0 = no limit
};

struct StoreCounts {
  int64_t documents = 0, actors = 0, mentions = 0, claims = 0, corrections = 0;
};

// A hand correction as recorded.
struct Correction {
  int64_t id = 0;
  std::string kind;     // merge | split
  int64_t actor = 0;    // merge: the actor kept; split: the actor split
  std::string detail;   // the absorbed / split actor's name
  std::string created_at;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Result<bool> HasDocument(const std::string& id) = 0;
  virtual Result<PutResult> PutDocument(const Document& doc) = 0;

  // Actors whose name or alias contains query.text; prefix matches first,
  // then by ties, most first.
  virtual Result<std::vector<ActorSummary>> ListActors(const ActorQuery& query) = 0;
  // The actor best named by name_or_alias: exact name, exact alias, then
  // surname / token-subset matches; ties broken by number of claims.
  virtual Result<StoredActor> FindActor(const std::string& name_or_alias) = 0;
  virtual Result<StoredActor> GetActor(int64_t id) = 0;
  virtual Result<std::vector<StoredClaim>> ListClaims(const ClaimFilter& filter) = 0;
  virtual Result<StoredDocument> GetDocument(const std::string& id, bool with_text) = 0;
  virtual Result<std::vector<StoredDocument>> ListDocuments() = 0;
  virtual Result<StoreCounts> Counts() = 0;

  // Folds actor `absorb` into `keep` (claims, mentions, aliases); later
  // documents whose actor matches `absorb` resolve to `keep`.
  virtual Status Merge(int64_t keep, int64_t absorb) = 0;
  // Undoes the resolution (and merges) of `actor`: each document actor that
  // was resolved to it becomes a stored actor of its own (the first keeps the
  // id); later documents with an actor of that name get a new actor each.
  // Returns the resulting actor ids.
  virtual Result<std::vector<int64_t>> Split(int64_t actor) = 0;
  virtual Result<std::vector<Correction>> ListCorrections() = 0;
};

// Opens (creating if allowed) the store at `location`: a SQLite file path, or
// a postgresql:// URL (postgres_store.h; an error if built without libpqxx).
Result<std::unique_ptr<Store>> OpenStore(const std::string& location, const StoreOptions& options = {});

}  // namespace tiegraph
