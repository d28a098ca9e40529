// tiegraph ingest PATH... : load, extract and store articles, in parallel.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <thread>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/kb_command.h"
#include "tiegraph/cli/store_cli.h"
#include "tiegraph/extract/pipeline.h"
#include "tiegraph/ingest/parallel_ingest.h"
#include "tiegraph/ingest/progress_reporter.h"
#include "tiegraph/ingest/signal_watcher.h"
#include "tiegraph/text/loader.h"

namespace tiegraph::cli {
namespace {

constexpr int kExitInterrupted = 130;

struct IngestOptions {
  std::vector<std::string> paths;
  std::string published;
  int jobs = 0;  // 0 = every core
  bool quiet = false;
  bool json = false;
  bool verbose = false;
  double progress_interval = 0;  // seconds; 0 = 0.25 on a terminal, 5 otherwise
  double max_document_mb = static_cast<double>(kDefaultMaxDocumentBytes) / (1 << 20);
  bool no_extract = false;   // testing and benchmarks: store documents without extracting them
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
  if (opts.jobs < 0 || opts.max_document_mb <= 0 || opts.progress_interval < 0) {
    PrintError(cmd, "--jobs, --max-document-mb and --progress-interval must be positive");
    return 2;
  }
  int jobs = opts.jobs > 0 ? opts.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  // Ctrl-C from here on asks the ingest to stop cleanly (threads started later inherit the mask).
  std::atomic<bool> stop{false};
  ingest::SignalWatcher watcher(&stop, [](int) {
    std::fputs("tiegraph ingest: interrupted: storing the documents in hand, then stopping (Ctrl-C again to quit now)\n",
               stderr);
  });

  // The pipeline (models, knowledge base) is made when a first document needs
  // it: a rerun over stored documents does not load it.
  std::unique_ptr<Pipeline> pipeline;
  ingest::PipelineMaker make_pipeline = [&]() -> Result<const Pipeline*> {
    PipelineOptions pipeline_options;
    pipeline_options.models_dir = global.models_dir;
    pipeline_options.kb_dir = global.kb_dir;
    pipeline_options.kb_extra = global.kb_extra;
    pipeline_options.cameo_path = global.cameo_path;
    pipeline_options.kb_entries = UserActorsFor(global);
    Result<std::unique_ptr<Pipeline>> created = Pipeline::Create(pipeline_options);
    if (!created.ok()) return created.status();
    pipeline = std::move(created.value());
    return static_cast<const Pipeline*>(pipeline.get());
  };

  // The database is opened at once if it exists (to skip known documents
  // before extracting them), else only when there is a first document to
  // store: an ingest that stores nothing leaves no new file behind.
  std::unique_ptr<Store> store;
  const std::string location = StoreLocation(global);
  const bool is_file = global.pg.empty();
  std::error_code ec;
  if (!is_file || std::filesystem::exists(location, ec)) {
    Result<std::unique_ptr<Store>> opened = OpenStoreFor(global, /*create_if_missing=*/!is_file);
    if (!opened.ok()) {
      PrintError(cmd, opened.status());
      return 1;
    }
    store = std::move(opened.value());
  }
  Store* existing = store.get();
  auto open_store = [&]() -> Result<Store*> {
    if (!store) {
      Result<std::unique_ptr<Store>> opened = OpenStoreFor(global, /*create_if_missing=*/true);
      if (!opened.ok()) return opened.status();
      store = std::move(opened.value());
    }
    return store.get();
  };

  ingest::ProgressMode mode = ingest::ProgressMode::kQuiet;
  if (!opts.quiet) mode = isatty(STDERR_FILENO) ? ingest::ProgressMode::kTerminal : ingest::ProgressMode::kLines;
  double interval = opts.progress_interval > 0 ? opts.progress_interval
                    : mode == ingest::ProgressMode::kTerminal ? 0.25 : 5.0;

  ingest::ParallelIngestOptions ingest_options;
  ingest_options.jobs = jobs;
  ingest_options.extract = !opts.no_extract;
  ingest_options.load.published = opts.published;
  ingest_options.load.max_document_bytes = static_cast<size_t>(std::llround(opts.max_document_mb * (1 << 20)));

  auto started = std::chrono::steady_clock::now();
  ingest::ParallelIngest* running = nullptr;
  auto seconds_since_start = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  auto snapshot = [&] {
    const ingest::IngestCounters& c = running->counters();
    ingest::ProgressSnapshot s;
    s.read = c.read.load();
    s.stored = c.stored.load();
    s.skipped = c.skipped.load();
    s.failed = c.failed.load();
    s.words = c.words.load();
    s.bytes_read = c.bytes_read.load();
    s.bytes_total = c.bytes_total.load();
    s.seconds = seconds_since_start();
    return s;
  };
  ingest::ProgressReporter progress(stderr, mode, std::chrono::milliseconds(std::llround(interval * 1000)), snapshot);

  ingest::IngestCallbacks callbacks;
  callbacks.on_error = [&](const Status& s) { progress.Print("tiegraph ingest: " + s.message()); };
  if (opts.verbose && !opts.json) {
    callbacks.on_stored = [&](const Document& doc, const PutResult& put) {
      std::printf("stored  %s  (%zu actors, %d claims)\n", doc.source.c_str(), doc.actors.size(), put.claims);
    };
    callbacks.on_skipped = [&](const Document& doc) { std::printf("already stored  %s\n", doc.source.c_str()); };
  }
  ingest::ParallelIngest run(opts.no_extract ? nullptr : make_pipeline, existing, open_store, ingest_options, callbacks, &stop);
  running = &run;
  progress.Start();
  Status fatal = run.Run(opts.paths);
  progress.Stop();
  double seconds = seconds_since_start();
  const bool interrupted = watcher.received() != 0;
  if (!fatal.ok()) PrintError(cmd, fatal);

  StoreCounts total;
  if (store) {
    Result<StoreCounts> c = store->Counts();
    if (c.ok()) total = *c;
  }
  const ingest::IngestCounters& tally = run.counters();
  const int64_t words = tally.words.load();
  if (opts.json) {
    nlohmann::json j = {{"read", tally.read.load()},
                        {"stored", tally.stored.load()},
                        {"duplicates", tally.skipped.load()},
                        {"failed", tally.failed.load()},
                        {"actors_created", tally.actors_created.load()},
                        {"claims", tally.claims.load()},
                        {"words", words},
                        {"jobs", jobs},
                        {"interrupted", interrupted},
                        {"seconds", seconds},
                        {"words_per_second", seconds > 0 ? static_cast<double>(words) / seconds : 0.0},
                        {"database",
                         {{"location", location},
                          {"documents", total.documents},
                          {"actors", total.actors},
                          {"claims", total.claims}}}};
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else if (!opts.quiet) {
    std::printf(
        "documents: %lld read, %lld stored, %lld already stored, %lld failed (%.1f s, %s words/s, %d jobs)\n"
        "added: %lld actors, %lld claims\n"
        "database %s: %lld documents, %lld actors, %lld claims\n",
        static_cast<long long>(tally.read.load()), static_cast<long long>(tally.stored.load()),
        static_cast<long long>(tally.skipped.load()), static_cast<long long>(tally.failed.load()), seconds,
        ingest::WithThousands(seconds > 0 ? static_cast<int64_t>(static_cast<double>(words) / seconds) : 0).c_str(),
        jobs, static_cast<long long>(tally.actors_created.load()), static_cast<long long>(tally.claims.load()),
        location.c_str(), static_cast<long long>(total.documents), static_cast<long long>(total.actors),
        static_cast<long long>(total.claims));
  }
  std::fflush(stdout);
  if (interrupted) {
    PrintError(cmd, "interrupted: every stored document is complete; run the same command again to resume");
    return kExitInterrupted;
  }
  if (!fatal.ok() || tally.failed.load() > 0) return 1;
  return 0;
}

}  // namespace

void RegisterIngest(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Load articles (text, HTML, JSON Lines, .gz/.zst, folders), extract actors and claims, store them.\n"
      "Documents already stored (same text) are skipped before extraction, so rerunning an\n"
      "interrupted ingest resumes it. Ctrl-C stores the documents in hand and stops cleanly.\n"
      "Plain-text files over --max-document-mb are split into parts at paragraph boundaries;\n"
      "longer JSON records, HTML pages and HTML nested deeper than 4096 levels are refused.\n"
      "Progress goes to stderr: one updating line on a terminal, a line every 5 s otherwise.\n"
      "Exit status: 0 all inputs stored, 1 some inputs failed (each named on stderr),\n"
      "2 usage error, 130 interrupted.");
  cmd->fallthrough();
  cmd->add_option("PATH", opts->paths, "Files or folders to ingest")->required();
  cmd->add_option("--published", opts->published,
                  "Publication date (YYYY[-MM[-DD]]) for inputs that carry none");
  cmd->add_option("--jobs,-j", opts->jobs, "Extraction threads (default: every core)");
  cmd->add_flag("--quiet,-q", opts->quiet, "Print only errors");
  cmd->add_flag("--verbose,-v", opts->verbose, "Print a line per document stored or skipped");
  cmd->add_flag("--json", opts->json, "Print the summary as JSON");
  cmd->add_option("--max-document-mb", opts->max_document_mb, "Largest document, in MiB of text")
      ->capture_default_str();
  cmd->add_option("--progress-interval", opts->progress_interval,
                  "Seconds between progress updates (default 0.25 on a terminal, 5 otherwise)");
  cmd->add_flag("--no-extract", opts->no_extract,
                "Testing: store documents without extracting actors and claims (benchmarks)")
      ->group("");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunIngest(*opts, global); });
}

}  // namespace tiegraph::cli
