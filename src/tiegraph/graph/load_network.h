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

// Opens an existing database (SQLite file or postgresql:// URL) read as a
// Store and loads it. A missing file is NotFound.
Result<Network> LoadNetworkFrom(const std::string& location);

}  // namespace tiegraph::graph
