// PostgresStore: the shared Store back end (PostgreSQL through libpqxx).
//
// Same contract and same resolution rules as SqliteStore (store.h), for a
// database that several machines or processes write to at once: each
// PutDocument, Merge and Split is one transaction that first takes a
// transaction-scoped advisory lock, so concurrent writers resolve actors one
// after another (no duplicate actors) while readers never wait. A document id
// stored by another writer meanwhile makes PutDocument a no-op (stored =
// false). The schema and the indexes for the API's queries are created on
// first open (under the same lock). Calls on one store are serialised.
// Built only when libpqxx is found (TIEGRAPH_HAVE_PQXX); otherwise opening a
// postgresql:// URL is a clear error.
#pragma once

#include <memory>
#include <string>

#include "tiegraph/store/store.h"

namespace tiegraph {

// `url`: a libpq connection URI, "postgresql://user@host:port/dbname".
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const StoreOptions& options);

// True when this build has the PostgreSQL back end.
bool HavePostgresStore();

}  // namespace tiegraph
