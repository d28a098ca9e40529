// LoadNetwork: reads every actor and claim of a Store and builds the
// in-memory Network (network.h) from them.
#pragma once

#include <string>

#include "tiegraph/graph/network.h"
#include "tiegraph/status.h"
#include "tiegraph/store/store.h"

namespace tiegraph::graph {

Result<Network> LoadNetwork(Store& store);

}  // namespace tiegraph::graph

namespace tiegraph::graph {

// Loads an existing database: a SQLite file of the current schema through
// the fast reader (sqlite_network_reader.h), anything else (postgresql://
// URLs, other schema versions) through the Store. A missing file is NotFound.
Result<Network> LoadNetworkFrom(const std::string& location);

}  // namespace tiegraph::graph
