// Export dispatch for `tiegraph export --format F [--actor X --depth K] [--out PATH]`.
//
// Formats: ftm (FollowTheMoney JSON Lines), gexf (GEXF 1.3), graphml, neo4j
// (a folder: nodes.csv, rels.csv, load.cypher; needs --out), csv (claims
// table), dot (Graphviz). jsonl stays with the export command (the scorer's
// format). A file is written to PATH.tmp and renamed at the end, so a failed
// export never leaves a half-written file.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "tiegraph/io/export_network.h"
#include "tiegraph/status.h"
#include "tiegraph/store/store.h"

namespace tiegraph {

struct ExportRequest {
  std::string format;
  std::string out;     // file (folder for neo4j); "" = `stdout`
  ExportScope scope;
};

// The formats ExportNetworkTo writes.
const std::vector<std::string>& NetworkExportFormats();
bool IsNetworkExportFormat(const std::string& format);

// Writes the network of `store` as asked; *summary says what was written
// ("12 actors, 30 claims to net.gexf").
Status ExportNetworkTo(Store& store, const ExportRequest& request, std::ostream& stdout_stream, std::string* summary);

// Writes an already loaded network.
Status WriteNetwork(const ExportNetwork& net, const std::string& format, std::ostream& out);

}  // namespace tiegraph
