// tiegraph kb import FILE... : add a user's actor list (FollowTheMoney JSON
// Lines or CSV, io/actor_list_importer.h) to the knowledge base of this
// database. The list is kept beside the database and read by every later
// `ingest` and `extract`, so its actors are recognised and linked in new
// articles. `tiegraph kb list` prints the imported actors.
#include <cstdio>

#include "tiegraph/cli/kb_command.h"
#include "tiegraph/cli/store_cli.h"
#include "tiegraph/io/actor_list_importer.h"

namespace tiegraph::cli {
namespace {

struct KbImportOptions {
  std::vector<std::string> files;
};

int RunKbImport(const KbImportOptions& opts, const GlobalOptions& global) {
  const char* cmd = "kb import";
  const std::string list_path = UserActorListPath(StoreLocation(global));
  std::vector<KbEntry> entries;
  int failed = 0;
  for (const std::string& file : opts.files) {
    Result<ActorListImport> read = ReadActorListFile(file);
    if (!read.ok()) {
      PrintError(cmd, read.status());
      ++failed;
      continue;
    }
    std::printf("%s: %zu actors", file.c_str(), read->entries.size());
    if (read->skipped > 0) std::printf(" (%d rows or entities skipped: no name, or not a person or organisation)",
                                       read->skipped);
    std::printf("\n");
    entries.insert(entries.end(), read->entries.begin(), read->entries.end());
  }
  if (!entries.empty()) {
    Result<size_t> saved = SaveUserActorList(list_path, entries);
    if (!saved.ok()) {
      PrintError(cmd, saved.status());
      return 1;
    }
    std::printf("user actor list %s: %zu actors (read by ingest and extract)\n", list_path.c_str(), *saved);
  }
  return failed > 0 ? 1 : 0;
}

int RunKbList(const GlobalOptions& global) {
  const std::string list_path = UserActorListPath(StoreLocation(global));
  Result<std::vector<KbEntry>> list = LoadUserActorList(list_path);
  if (!list.ok()) {
    PrintError("kb list", list.status());
    return 1;
  }
  for (const KbEntry& e : *list) {
    std::string aliases;
    for (const std::string& a : e.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    std::printf("%s\t%s\t%s\t%s\t%s\n", e.id.c_str(), e.name.c_str(), ActorTypeName(e.type), e.country.c_str(),
                aliases.c_str());
  }
  std::fprintf(stderr, "%zu actors in %s\n", list->size(), list_path.c_str());
  return 0;
}

}  // namespace

std::vector<KbEntry> UserActorsFor(const GlobalOptions& global) {
  Result<std::vector<KbEntry>> list = LoadUserActorList(UserActorListPath(StoreLocation(global)));
  if (!list.ok()) {
    PrintError("kb", list.status());
    return {};
  }
  return std::move(list.value());
}

void RegisterKb(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* kb = app.add_subcommand("kb", "Manage the actor knowledge base of this database");
  kb->require_subcommand(1);
  kb->fallthrough();
  auto opts = std::make_shared<KbImportOptions>();
  CLI::App* import = kb->add_subcommand(
      "import",
      "Add actor lists (FollowTheMoney JSON Lines: *.json, *.jsonl; CSV: *.csv, *.tsv with a header\n"
      "row: name, type, aliases, country, id). Later ingests recognise and link these actors.");
  import->fallthrough();
  import->add_option("FILE", opts->files, "Actor list files")->required()->check(CLI::ExistingFile);
  import->callback([opts, &global, exit_code] { *exit_code = RunKbImport(*opts, global); });
  CLI::App* list = kb->add_subcommand("list", "Print the imported actors (id, name, type, country, aliases)");
  list->fallthrough();
  list->callback([&global, exit_code] { *exit_code = RunKbList(global); });
}

}  // namespace tiegraph::cli
