#include "tiegraph/io/exporter.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "tiegraph/io/csv_exporter.h"
#include "tiegraph/io/dot_exporter.h"
#include "tiegraph/io/ftm_exporter.h"
#include "tiegraph/io/gexf_exporter.h"
#include "tiegraph/io/graphml_exporter.h"
#include "tiegraph/io/neo4j_exporter.h"

namespace tiegraph {

const std::vector<std::string>& NetworkExportFormats() {
  static const std::vector<std::string> kFormats = {"ftm", "gexf", "graphml", "neo4j", "csv", "dot"};
  return kFormats;
}

bool IsNetworkExportFormat(const std::string& format) {
  const auto& f = NetworkExportFormats();
  return std::find(f.begin(), f.end(), format) != f.end();
}

Status WriteNetwork(const ExportNetwork& net, const std::string& format, std::ostream& out) {
  if (format == "ftm") return WriteFtm(net, out);
  if (format == "gexf") return WriteGexf(net, out);
  if (format == "graphml") return WriteGraphml(net, out);
  if (format == "csv") return WriteClaimsCsv(net, out);
  if (format == "dot") return WriteDot(net, out);
  return Status::Usage("format \"" + format + "\" is not a stream format");
}

Status ExportNetworkTo(Store& store, const ExportRequest& request, std::ostream& stdout_stream, std::string* summary) {
  if (!IsNetworkExportFormat(request.format)) return Status::Usage("unknown export format \"" + request.format + "\"");
  if (request.format == "neo4j" && request.out.empty())
    return Status::Usage("--format neo4j writes a folder: give it with --out DIR");
  Result<ExportNetwork> net = LoadExportNetwork(store, request.scope);
  if (!net.ok()) return net.status();
  std::string what = std::to_string(net->actors.size()) + " actors, " + std::to_string(net->claims.size()) + " claims";
  if (request.format == "neo4j") {
    if (Status s = WriteNeo4j(*net, request.out); !s.ok()) return s;
    if (summary) *summary = what + " to " + request.out + "/{nodes.csv,rels.csv,load.cypher}";
    return Status::Ok();
  }
  if (request.out.empty()) {
    Status s = WriteNetwork(*net, request.format, stdout_stream);
    if (!s.ok()) return Status::IOError("stdout: " + s.message());
    if (summary) *summary = what;
    return Status::Ok();
  }
  const std::string tmp = request.out + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) return Status::IOError(request.out + ": cannot write");
    Status s = WriteNetwork(*net, request.format, file);
    if (!s.ok()) {
      file.close();
      std::remove(tmp.c_str());
      return Status::IOError(request.out + ": " + s.message());
    }
  }
  if (std::rename(tmp.c_str(), request.out.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError(request.out + ": cannot write");
  }
  if (summary) *summary = what + " to " + request.out;
  return Status::Ok();
}

}  // namespace tiegraph
