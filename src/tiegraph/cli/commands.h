// The `tiegraph` subcommands. Each Register* adds one subcommand to the app;
// its callback stores the process exit status in *exit_code
// (0 all done, 1 some inputs failed, 2 usage error).
// To add a command: declare its Register function here and call it in main.cc.
#pragma once

#include <CLI/CLI.hpp>

namespace tiegraph::cli {

// Options every command shares.
struct GlobalOptions {
  std::string db = "tiegraph.db";   // --db FILE
  std::string pg;                   // --pg URL (PostgreSQL), empty = SQLite
  std::string models_dir;           // --models DIR (default: models/ next to the source tree)
  std::string kb_dir;               // --kb DIR (default: data/kb)
  std::vector<std::string> kb_extra;// --kb-extra PATH (Phoenix / Party Facts files)
  std::string cameo_path;           // --cameo FILE (CAMEO verb dictionary; "" = default, "none" = off)
};

void RegisterExtract(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterParse(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterIngest(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterActors(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterClaims(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterExport(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterReport(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterMerge(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterSplit(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterKb(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterServe(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterTies(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterPath(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterRank(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterTimeline(CLI::App& app, GlobalOptions& global, int* exit_code);
void RegisterCommunities(CLI::App& app, GlobalOptions& global, int* exit_code);

}  // namespace tiegraph::cli
