// tiegraph export --format jsonl [--out FILE] : every stored claim, one JSON
// object a line, in the scorer's format (GUIDELINES.md) plus store fields.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/store_cli.h"

namespace tiegraph::cli {
namespace {

struct ExportOptions {
  std::string format = "jsonl";
  std::string out;
};

int RunExport(const ExportOptions& opts, const GlobalOptions& global) {
  const char* cmd = "export";
  if (opts.format != "jsonl") {
    PrintError(cmd, "format \"" + opts.format + "\" is not supported yet (supported: jsonl)");
    return 2;
  }
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
  for (const StoredClaim& c : *claims) {
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
    std::fprintf(stderr, "wrote %zu claims to %s\n", claims->size(), opts.out.c_str());
  }
  return 0;
}

}  // namespace

void RegisterExport(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Export the stored claims (jsonl: the scorer's JSON Lines format)");
  cmd->fallthrough();
  cmd->add_option("--format,-f", opts->format, "Output format: jsonl")->capture_default_str();
  cmd->add_option("--out,-o", opts->out, "Output file (default: standard output)");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunExport(*opts, global); });
}

}  // namespace tiegraph::cli
