// tiegraph ingest PATH... : load, extract and store articles.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <regex>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/kb_command.h"
#include "tiegraph/cli/store_cli.h"
#include "tiegraph/extract/pipeline.h"
#include "tiegraph/text/loader.h"

namespace tiegraph::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> paths;
  std::string published;
  bool quiet = false;
  bool json = false;
};

struct IngestTally {
  int64_t read = 0, stored = 0, duplicates = 0, failed = 0;
  int64_t actors_created = 0, claims = 0;
};

bool IsIsoDateOrPart(const std::string& s) {
  static const std::regex kDate(R"(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)");
  return std::regex_match(s, kDate);
}

int RunIngest(const IngestOptions& opts, const GlobalOptions& global) {
  const char* cmd = "ingest";
  if (!opts.published.empty() && !IsIsoDateOrPart(opts.published)) {
    PrintError(cmd, "--published must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got \"" + opts.published + "\"");
    return 2;
  }
  PipelineOptions pipeline_options;
  pipeline_options.models_dir = global.models_dir;
  pipeline_options.kb_dir = global.kb_dir;
  pipeline_options.kb_extra = global.kb_extra;
  pipeline_options.kb_entries = UserActorsFor(global);
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(pipeline_options);
  if (!pipeline.ok()) {
    PrintError(cmd, pipeline.status());
    return 1;
  }

  // The database is opened at once if it exists (to skip known documents
  // before extracting them), else only when there is a first document to
  // store: an ingest that stores nothing leaves no new file behind.
  std::unique_ptr<Store> store;
  const std::string location = StoreLocation(global);
  const bool is_file = global.pg.empty();
  auto open_store = [&](bool create) -> Status {
    if (store) return Status::Ok();
    std::error_code ec;
    if (!create && is_file && !std::filesystem::exists(location, ec)) return Status::Ok();
    Result<std::unique_ptr<Store>> opened = OpenStoreFor(global, create);
    if (!opened.ok()) return opened.status();
    store = std::move(opened.value());
    return Status::Ok();
  };
  if (Status s = open_store(/*create=*/!is_file); !s.ok()) {  // a PostgreSQL database exists already: set it up
    PrintError(cmd, s);
    return 1;
  }

  IngestTally tally;
  Status fatal;
  auto started = std::chrono::steady_clock::now();
  LoadOptions load_options;
  load_options.published = opts.published;
  auto fail = [&](const std::string& message) {
    ++tally.failed;
    PrintError(cmd, message);
  };
  auto on_document = [&](Document&& doc) {
    if (!fatal.ok()) return;
    ++tally.read;
    const std::string name = doc.source.empty() ? doc.id : doc.source;
    if (store) {
      Result<bool> known = store->HasDocument(doc.id);
      if (!known.ok()) {
        fail(name + ": " + known.status().message());
        return;
      }
      if (*known) {
        ++tally.duplicates;
        if (!opts.quiet && !opts.json) std::printf("already stored  %s\n", name.c_str());
        return;
      }
    }
    if (Status s = (*pipeline)->Process(doc); !s.ok()) {
      fail(s.message().find(name) == std::string::npos ? name + ": " + s.ToString() : s.ToString());
      return;
    }
    if (Status s = open_store(true); !s.ok()) {
      fatal = s;  // no database: nothing more can be stored
      return;
    }
    Result<PutResult> put = store->PutDocument(doc);
    if (!put.ok()) {
      fail(put.status().message().find(name) == std::string::npos ? name + ": " + put.status().ToString()
                                                                    : put.status().ToString());
      return;
    }
    if (!put->stored) {
      ++tally.duplicates;
      return;
    }
    ++tally.stored;
    tally.actors_created += put->actors_created;
    tally.claims += put->claims;
    if (!opts.quiet && !opts.json) {
      std::printf("stored  %s  (%zu actors, %d claims)\n", name.c_str(), doc.actors.size(), put->claims);
    }
  };
  auto on_error = [&](const Status& s) { fail(s.ToString()); };

  for (const std::string& path : opts.paths) {
    if (!fatal.ok()) break;
    Status s = LoadPath(path, load_options, on_document, on_error);
    if (!s.ok()) fail(s.message().find(path) == std::string::npos ? path + ": " + s.ToString() : s.ToString());
  }
  if (!fatal.ok()) {
    PrintError(cmd, fatal);
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  StoreCounts total;
  if (store) {
    Result<StoreCounts> c = store->Counts();
    if (c.ok()) total = *c;
  }
  if (opts.json) {
    nlohmann::json j = {{"read", tally.read},       {"stored", tally.stored},   {"duplicates", tally.duplicates},
                        {"failed", tally.failed},   {"actors_created", tally.actors_created},
                        {"claims", tally.claims},   {"seconds", seconds},
                        {"database", {{"location", location}, {"documents", total.documents},
                                      {"actors", total.actors}, {"claims", total.claims}}}};
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else if (!opts.quiet) {
    std::printf(
        "documents: %lld read, %lld stored, %lld already stored, %lld failed (%.1f s)\n"
        "added: %lld actors, %lld claims\n"
        "database %s: %lld documents, %lld actors, %lld claims\n",
        static_cast<long long>(tally.read), static_cast<long long>(tally.stored),
        static_cast<long long>(tally.duplicates), static_cast<long long>(tally.failed), seconds,
        static_cast<long long>(tally.actors_created), static_cast<long long>(tally.claims), location.c_str(),
        static_cast<long long>(total.documents), static_cast<long long>(total.actors),
        static_cast<long long>(total.claims));
  }
  if (tally.failed > 0) return 1;
  return 0;
}

}  // namespace

void RegisterIngest(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Load articles (text, HTML, JSON Lines, folders), extract actors and claims, store them.\n"
      "Documents already stored are skipped; one failed input never stores anything.");
  cmd->fallthrough();
  cmd->add_option("PATH", opts->paths, "Files or folders to ingest")->required();
  cmd->add_option("--published", opts->published,
                  "Publication date (YYYY[-MM[-DD]]) for inputs that carry none");
  cmd->add_flag("--quiet,-q", opts->quiet, "Print only errors");
  cmd->add_flag("--json", opts->json, "Print the summary as JSON");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunIngest(*opts, global); });
}

}  // namespace tiegraph::cli
