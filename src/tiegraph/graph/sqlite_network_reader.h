// ReadSqliteNetwork: the fast path of LoadNetworkFrom for SQLite files.
// Streams the store's tables (schema_version 1 of store/sqlite_store.cc:
// actors, actor_aliases, documents, claims) read-only, straight into a
// NetworkAssembler, without the per-row objects and the claims-documents
// join of Store::ListClaims. Returns Status::NotFound for a missing file and
// Status::InvalidInput if the file's schema is not version 1 (the caller
// then goes through the Store interface).
#pragma once

#include <string>

#include "tiegraph/graph/network.h"
#include "tiegraph/status.h"

namespace tiegraph::graph {

Result<Network> ReadSqliteNetwork(const std::string& path);

}  // namespace tiegraph::graph
