#include "tiegraph/ingest/parallel_ingest.h"

#include <cctype>
#include <memory>
#include <optional>
#include <semaphore>
#include <thread>

#include <fmt/format.h>

#include "tiegraph/ingest/reorder_buffer.h"
#include "tiegraph/ingest/work_queue.h"

namespace tiegraph::ingest {

int64_t CountWords(std::string_view text) {
  int64_t words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// One document on its way from the reader to the writer.
struct ParallelIngest::Item {
  uint64_t seq = 0;
  Document doc;
  Status status;          // extraction result
  bool dropped = false;   // stopped before extraction: not to be stored
  bool fatal = false;     // status is a failure of the whole ingest (no pipeline)
  int64_t words = 0;
};

struct ParallelIngest::Channels {
  explicit Channels(size_t in_flight)
      : slots(static_cast<std::ptrdiff_t>(in_flight)), to_workers(in_flight), to_writer(in_flight) {}
  std::counting_semaphore<> slots;  // documents between reader and writer
  BoundedQueue<std::unique_ptr<Item>> to_workers;
  BoundedQueue<std::unique_ptr<Item>> to_writer;
  std::atomic<int> workers_left{0};
};

ParallelIngest::ParallelIngest(PipelineMaker make_pipeline, Store* existing_store, StoreOpener open_store,
                               ParallelIngestOptions options, IngestCallbacks callbacks, std::atomic<bool>* stop)
    : make_pipeline_(std::move(make_pipeline)),
      existing_store_(existing_store),
      open_store_(std::move(open_store)),
      options_(std::move(options)),
      callbacks_(std::move(callbacks)),
      stop_(stop) {
  if (options_.jobs < 1) options_.jobs = 1;
  if (options_.max_in_flight == 0) options_.max_in_flight = 4 * static_cast<size_t>(options_.jobs) + 4;
  options_.load.cancel = stop_;
  options_.load.bytes_read = &counters_.bytes_read;
}

Result<const Pipeline*> ParallelIngest::GetPipeline() {
  std::lock_guard<std::mutex> lock(pipeline_mu_);
  if (!pipeline_) {
    if (make_pipeline_) pipeline_.emplace(make_pipeline_());
    else pipeline_.emplace(Status::Internal("no pipeline to extract with"));
  }
  return *pipeline_;
}

Status ParallelIngest::Run(const std::vector<std::string>& paths) {
  Channels ch(options_.max_in_flight);
  ch.workers_left = options_.jobs;
  std::vector<std::thread> workers;
  for (int i = 0; i < options_.jobs; ++i) workers.emplace_back([this, &ch] { Work(ch); });
  std::thread reader([this, &paths, &ch] { ReadAll(paths, ch); });
  Status fatal = Write(ch);
  reader.join();
  for (auto& w : workers) w.join();
  return fatal;
}

void ParallelIngest::ReadAll(const std::vector<std::string>& paths, Channels& ch) {
  auto fail = [&](const Status& s) {
    counters_.failed.fetch_add(1);
    if (callbacks_.on_error) callbacks_.on_error(s);
  };
  // List everything first: the total size gives the progress an end.
  std::vector<InputFile> files;
  for (const std::string& path : paths) {
    Status s = ListInputs(path, &files, fail);
    if (!s.ok()) fail(s);
  }
  uint64_t total = 0;
  for (const InputFile& f : files) total += f.size;
  counters_.bytes_total.store(total);

  uint64_t seq = 0;
  auto on_document = [&](Document&& doc) {
    counters_.read.fetch_add(1);
    if (stop_->load()) return;
    if (existing_store_) {
      Result<bool> known = existing_store_->HasDocument(doc.id);
      if (!known.ok()) {
        fail(Status::IOError(fmt::format("{}: {}", doc.source, known.status().message())));
        return;
      }
      if (*known) {
        counters_.skipped.fetch_add(1);
        if (callbacks_.on_skipped) callbacks_.on_skipped(doc);
        return;
      }
    }
    ch.slots.acquire();  // released by the writer once the document is handled
    auto item = std::make_unique<Item>();
    item->seq = seq++;
    item->doc = std::move(doc);
    if (!ch.to_workers.Push(std::move(item))) ch.slots.release();
  };
  for (const InputFile& f : files) {
    if (stop_->load()) break;
    LoadFile(f.path, options_.load, on_document, fail);
  }
  ch.to_workers.Close();
}

void ParallelIngest::Work(Channels& ch) {
  while (std::optional<std::unique_ptr<Item>> next = ch.to_workers.Pop()) {
    Item& item = **next;
    if (stop_->load()) {
      item.dropped = true;
    } else {
      item.words = CountWords(item.doc.text);
      if (options_.extract) {
        Result<const Pipeline*> pipeline = GetPipeline();
        if (pipeline.ok()) {
          item.status = (*pipeline)->Process(item.doc);
        } else {
          item.status = pipeline.status();
          item.fatal = true;
        }
      }
    }
    ch.to_writer.Push(std::move(*next));
  }
  if (ch.workers_left.fetch_sub(1) == 1) ch.to_writer.Close();
}

Status ParallelIngest::Write(Channels& ch) {
  Store* store = existing_store_;
  Status fatal;
  ReorderBuffer<std::unique_ptr<Item>> in_order;
  auto fail = [&](const Status& s) {
    counters_.failed.fetch_add(1);
    if (callbacks_.on_error) callbacks_.on_error(s);
  };
  auto handle = [&](Item& item) {
    const std::string& name = item.doc.source.empty() ? item.doc.id : item.doc.source;
    if (item.dropped || !fatal.ok()) return;
    if (item.fatal) {
      fatal = item.status;
      stop_->store(true);
      return;
    }
    if (!item.status.ok()) {
      const std::string& m = item.status.message();
      fail(m.find(name) == std::string::npos ? Status::InvalidInput(name + ": " + item.status.ToString()) : item.status);
      return;
    }
    if (!store) {
      Result<Store*> opened = open_store_();
      if (!opened.ok()) {
        fatal = opened.status();
        stop_->store(true);  // nothing more can be stored: shut down
        return;
      }
      store = *opened;
    }
    Result<PutResult> put = store->PutDocument(item.doc);
    if (!put.ok()) {
      const std::string& m = put.status().message();
      fail(m.find(name) == std::string::npos ? Status::IOError(name + ": " + put.status().ToString()) : put.status());
      return;
    }
    if (!put->stored) {
      counters_.skipped.fetch_add(1);
      if (callbacks_.on_skipped) callbacks_.on_skipped(item.doc);
      return;
    }
    counters_.stored.fetch_add(1);
    counters_.words.fetch_add(item.words);
    counters_.actors_created.fetch_add(put->actors_created);
    counters_.claims.fetch_add(put->claims);
    if (callbacks_.on_stored) callbacks_.on_stored(item.doc, *put);
  };
  while (std::optional<std::unique_ptr<Item>> next = ch.to_writer.Pop()) {
    uint64_t seq = (*next)->seq;
    in_order.Put(seq, std::move(*next));
    while (std::optional<std::unique_ptr<Item>> ready = in_order.PopReady()) {
      handle(**ready);
      ready->reset();  // free the document before taking the next one in
      ch.slots.release();
    }
  }
  return fatal;
}

}  // namespace tiegraph::ingest
