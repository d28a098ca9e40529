// Helpers shared by the commands that read or write the store (ingest,
// actors, claims, export, report, merge, split): opening the store named by
// --db / --pg, naming an actor on the command line, printing errors, and a
// claim as the scorer's JSON record (GUIDELINES.md) plus store fields.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "tiegraph/cli/commands.h"
#include "tiegraph/status.h"
#include "tiegraph/store/store.h"

namespace tiegraph::cli {

// The --pg URL if given, else the --db file.
std::string StoreLocation(const GlobalOptions& global);

// Opens the store; with create_if_missing false a missing database is an error
// telling the user to ingest first.
Result<std::unique_ptr<Store>> OpenStoreFor(const GlobalOptions& global, bool create_if_missing);

// "12" or "#12" -> that actor id (if it exists), else the best name/alias match.
Result<StoredActor> FindActorArgument(Store& store, const std::string& arg);

// One stderr line: "tiegraph <command>: <message>".
void PrintError(const std::string& command, const Status& status);
void PrintError(const std::string& command, const std::string& message);

// The scorer's `doc` for a document source: "dir/a.txt" -> "a",
// "dir/b.jsonl#rec-7" -> "rec-7", "dir/b.jsonl:3" -> "b:3".
std::string DocName(const std::string& source);

// Reads actors once each.
class ActorCache {
 public:
  explicit ActorCache(Store& store) : store_(store) {}
  // An actor by id; a placeholder named "#id" if it cannot be read.
  const StoredActor& Get(int64_t id);

 private:
  Store& store_;
  std::unordered_map<int64_t, StoredActor> actors_;
};

// {"name","type","id","country","kb_ref"}
nlohmann::json ActorRefJson(const StoredActor& actor);
// The scorer's fields (doc, subject, relation, object, negated, modality,
// time, quote, evidence) plus claim_id, document_id, source, published, url,
// evidence_start, evidence_end, confidence, extractor.
nlohmann::json ClaimJson(const StoredClaim& claim, ActorCache& actors);

// The 12 relations of GUIDELINES.md.
bool IsRelation(const std::string& relation);
std::string RelationList();

}  // namespace tiegraph::cli
