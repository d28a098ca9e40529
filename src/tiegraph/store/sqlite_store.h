// SqliteStore: the embedded Store back end (one SQLite file).
//
// WAL journal (readers never block the writer), foreign keys on, a busy
// timeout so that concurrent processes wait instead of failing, prepared
// statements cached per connection, indexes for every Store query. The schema
// (documents, actors, actor_aliases, document_actors, mentions, claims,
// corrections) is created on first open. Calls are serialised by a mutex.
#pragma once

#include <memory>
#include <string>

#include "tiegraph/store/store.h"

namespace tiegraph {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const StoreOptions& options);

}  // namespace tiegraph
