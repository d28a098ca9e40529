// Actor lists a user brings (`tiegraph kb import FILE`), as knowledge-base
// entries (resolve/knowledge_base.h) with source "user".
//
// - FollowTheMoney JSON Lines (*.json, *.jsonl, *.ftm, *.ftm.json; sanctions
//   and PEP lists such as OpenSanctions'): Person -> Person; Organization,
//   Company, PublicBody, LegalEntity -> Organization; other schemas
//   (addresses, sanctions, links) are skipped. name (first) is the name; the
//   other names, alias and previousName are aliases; country, else
//   nationality, else jurisdiction (2 letters) is the country. id = "ftm:" +
//   the entity id.
// - CSV with a header row (*.csv, *.tsv for tab-separated): column `name`
//   (or `caption`) required; optional `type` (Person | Organization |
//   Country, FtM schema names accepted; default Person), `aliases` (separated
//   by "|" or ";"), `country`, `id`. id defaults to "user:" + the name.
// Rows or entities without a name are skipped and counted.
//
// The imported list of a database is kept beside it, in FtM JSON Lines
// (UserActorListPath): imports merge into it (same id: replaced), ingest and
// extract load it into the knowledge base (LoadUserActorList).
#pragma once

#include <string>
#include <vector>

#include "tiegraph/resolve/knowledge_base.h"
#include "tiegraph/status.h"

namespace tiegraph {

struct ActorListImport {
  std::vector<KbEntry> entries;
  int skipped = 0;  // rows or entities that are no actor or have no name
};

Result<ActorListImport> ReadActorListFile(const std::string& path);
Result<ActorListImport> ParseFtmActorList(std::string_view text, const std::string& name);
Result<ActorListImport> ParseCsvActorList(std::string_view text, const std::string& name, char separator);

// Where the user's actor list of a store lives: $TIEGRAPH_USER_KB if set,
// else "<file>.actors.ftm.jsonl" beside a SQLite file, else
// "tiegraph-actors.ftm.jsonl" in the working directory (PostgreSQL URL).
std::string UserActorListPath(const std::string& store_location);

// The entries saved at `path`; none if the file does not exist.
Result<std::vector<KbEntry>> LoadUserActorList(const std::string& path);
// Merges `entries` into the list at `path` (an entry with the same id is
// replaced); returns how many entries the list has now.
Result<size_t> SaveUserActorList(const std::string& path, const std::vector<KbEntry>& entries);

}  // namespace tiegraph
