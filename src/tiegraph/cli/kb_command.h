// The user's imported actor list of the database named by --db / --pg
// (`tiegraph kb import`), for the commands that build a Pipeline.
#pragma once

#include <vector>

#include "tiegraph/cli/commands.h"
#include "tiegraph/resolve/knowledge_base.h"

namespace tiegraph::cli {

// The imported actors; none (with an error printed) if the list cannot be read.
std::vector<KbEntry> UserActorsFor(const GlobalOptions& global);

}  // namespace tiegraph::cli
