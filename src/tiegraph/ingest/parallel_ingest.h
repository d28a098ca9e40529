// ParallelIngest: loads input files, extracts their documents on N worker
// threads and stores them from one writer thread that owns the Store:
//
//   reader (1) --bounded queue--> workers (jobs) --queue--> writer (1, Store)
//
// - Memory: at most max_in_flight documents are between the reader and the
//   writer at any time (each at most LoadOptions::max_document_bytes of text),
//   whatever the input size; files are streamed by the loader.
// - Order: the writer stores documents in input order (a reorder buffer), so
//   the database content, actor ids included, does not depend on `jobs`.
// - Resume: a document whose id (content hash) is stored already is skipped
//   by the reader, before any extraction; the pipeline (models) is created
//   only when a first document needs it, so a rerun over stored documents
//   costs little more than reading and hashing them.
// - Stop: when *stop becomes true (Ctrl-C) the reader stops, queued documents
//   not yet extracted are dropped, those extracted are stored, and Run returns
//   Ok. Each document is one store transaction: whole or absent.
// - Errors: a failed input (load, extraction, or storing one document) goes to
//   on_error and the batch goes on; only a store that cannot be opened is fatal
//   (Run returns it after a clean shutdown).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "tiegraph/extract/pipeline.h"
#include "tiegraph/status.h"
#include "tiegraph/store/store.h"
#include "tiegraph/text/loader.h"

namespace tiegraph::ingest {

// Live counts, updated by the ingest threads, readable at any time.
struct IngestCounters {
  std::atomic<int64_t> read{0};     // documents loaded
  std::atomic<int64_t> stored{0};   // newly stored
  std::atomic<int64_t> skipped{0};  // already stored (before or during this run)
  std::atomic<int64_t> failed{0};   // inputs that failed (files, records, documents)
  std::atomic<int64_t> words{0};    // whitespace-separated words of the stored documents
  std::atomic<int64_t> actors_created{0}, claims{0};
  std::atomic<uint64_t> bytes_read{0}, bytes_total{0};  // input bytes on disk
};

// Callbacks. on_error is called from the reader and the writer thread (it
// must be thread-safe); on_stored and on_skipped from one thread each.
struct IngestCallbacks {
  std::function<void(const Status&)> on_error;                        // a failed input
  std::function<void(const Document&, const PutResult&)> on_stored;  // optional
  std::function<void(const Document&)> on_skipped;                   // optional
};

struct ParallelIngestOptions {
  int jobs = 1;               // extraction workers
  size_t max_in_flight = 0;   // 0 = 4 * jobs + 4
  bool extract = true;        // false: load and store without extraction (benchmarks only)
  LoadOptions load;           // its cancel and bytes_read are set by Run
};

// Opens the store when the first document is to be written, so that an
// ingest that stores nothing leaves no new database behind.
using StoreOpener = std::function<Result<Store*>()>;
// Gives the pipeline when the first document is to be extracted (called once).
using PipelineMaker = std::function<Result<const Pipeline*>()>;

class ParallelIngest {
 public:
  // make_pipeline may be null only if !options.extract. existing_store (may
  // be null) is used to skip known documents; open_store gives the store to
  // write. A failure of either maker is fatal.
  ParallelIngest(PipelineMaker make_pipeline, Store* existing_store, StoreOpener open_store,
                 ParallelIngestOptions options, IngestCallbacks callbacks, std::atomic<bool>* stop);

  // Ingests every path (file or folder), in order. Blocks until done.
  Status Run(const std::vector<std::string>& paths);

  const IngestCounters& counters() const { return counters_; }

 private:
  struct Item;
  struct Channels;
  void ReadAll(const std::vector<std::string>& paths, Channels& ch);
  void Work(Channels& ch);
  Status Write(Channels& ch);
  Result<const Pipeline*> GetPipeline();

  PipelineMaker make_pipeline_;
  std::mutex pipeline_mu_;
  std::optional<Result<const Pipeline*>> pipeline_;  // once made
  Store* existing_store_;
  StoreOpener open_store_;
  ParallelIngestOptions options_;
  IngestCallbacks callbacks_;
  std::atomic<bool>* stop_;
  IngestCounters counters_;
};

// Number of whitespace-separated words in text.
int64_t CountWords(std::string_view text);

}  // namespace tiegraph::ingest
