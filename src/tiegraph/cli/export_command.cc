// tiegraph export --format jsonl [--out FILE] : every stored claim, one JSON
// object a line, in the scorer's format (GUIDELINES.md) plus store fields.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/store_cli.h"
#include "tiegraph/io/exporter.h"

namespace tiegraph::cli {
namespace {

struct ExportOptions {
  std::string format = "jsonl";
  std::string out;
  ExportScope scope;  // --actor, --depth (network formats)
};

// The network formats (io/exporter.h).
int RunNetworkExport(const std::string& format, const std::string& out, const ExportScope& scope,
                     const GlobalOptions& global) {
  Result<std::unique_ptr<Store>> store = OpenStoreFor(global, /*create_if_missing=*/false);
  if (!store.ok()) {
    PrintError("export", store.status());
    return 1;
  }
  std::string summary;
  Status s = ExportNetworkTo(**store, ExportRequest{format, out, scope}, std::cout, &summary);
  if (!s.ok()) {
    PrintError("export", s);
    return s.code() == Status::Code::kUsage ? 2 : 1;
  }
  if (!out.empty()) std::fprintf(stderr, "wrote %s\n", summary.c_str());
  return 0;
}

int RunExport(const ExportOptions& opts, const GlobalOptions& global) {
  const char* cmd = "export";
  if (opts.format != "jsonl" && !IsNetworkExportFormat(opts.format)) {
    PrintError(cmd, "unknown format \"" + opts.format + "\" (supported: ftm, gexf, graphml, neo4j, csv, dot, jsonl)");
    return 2;
  }
  if (opts.format != "jsonl") return RunNetworkExport(opts.format, opts.out, opts.scope, global);
  Result<std::unique_ptr<Store>> store = OpenStoreFor(global, /*create_if_missing=*/false);
  if (!store.ok()) {
    PrintError(cmd, store.status());
    return 1;
  }
  Result<std::vector<StoredClaim>> claims = (*store)->ListClaims({});
  if (!claims.ok()) {
    PrintError(cmd, claims.status());
    return 1;
  }
  // Written to a temporary file renamed at the end, so a failed export never
  // leaves a half-written FILE.
  std::ofstream file;
  std::string tmp = opts.out + ".tmp";
  if (!opts.out.empty()) {
    file.open(tmp, std::ios::binary | std::ios::trunc);
    if (!file) {
      PrintError(cmd, opts.out + ": cannot write");
      return 1;
    }
  }
  std::ostream& out = opts.out.empty() ? std::cout : file;
  ActorCache actors(**store);
  size_t written = 0;
  for (const StoredClaim& c : *claims) {
    if (c.subject == c.object) continue;  // both ends merged into one actor: no tie
    ++written;
    out << ClaimJson(c, actors).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  out.flush();
  if (!out) {
    PrintError(cmd, (opts.out.empty() ? std::string("stdout") : opts.out) + ": write failed");
    return 1;
  }
  if (!opts.out.empty()) {
    file.close();
    if (std::rename(tmp.c_str(), opts.out.c_str()) != 0) {
      PrintError(cmd, opts.out + ": cannot write");
      return 1;
    }
    std::fprintf(stderr, "wrote %zu claims to %s\n", written, opts.out.c_str());
  }
  return 0;
}

}  // namespace

void RegisterExport(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Export the stored claims (jsonl: the scorer's JSON Lines format)");
  cmd->fallthrough();
  cmd->add_option("--format,-f", opts->format,
                  "Output format: jsonl (claims, the scorer's format), ftm (FollowTheMoney), gexf (Gephi), graphml,\n"
                  "neo4j (a folder for neo4j-admin import / LOAD CSV; needs --out), csv (claims table), dot")
      ->capture_default_str();
  cmd->add_option("--actor", opts->scope.actor, "Network formats: only the neighbourhood of this actor");
  cmd->add_option("--depth", opts->scope.depth, "With --actor: how many claim hops to include")->capture_default_str();
  cmd->add_option("--out,-o", opts->out, "Output file (default: standard output)");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunExport(*opts, global); });
}

}  // namespace tiegraph::cli
