// extract_bench: words per second on one core of claim extraction, on news
// text: the dev article(s) in <shared>/eval/articles plus our own GUM news
// test documents (tests/gold/articles), read at run time.
//   BM_WholePipeline:     segment, tokenize, tag, parse, entities, resolve, extract
//   BM_Annotate:          tag, parse, entities on segmented documents
//   BM_ResolveExtract:    resolve + extract alone on pre-parsed documents
//                         (the target: >= 30,000 words/s)
// items_per_second is words/s (per CPU second unless --benchmark_... real time
// is asked for); the wall time is printed beside the CPU time, since the
// machine may be shared.
//   build/bench/extract_bench [--benchmark_min_time=2s]
// Environment: TIEGRAPH_SHARED (default <source>/../shared).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "tiegraph/extract/pipeline.h"
#include "tiegraph/text/loader.h"
#include "tiegraph/text/segmenter.h"

namespace {

using namespace tiegraph;
namespace fs = std::filesystem;

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

struct Fixture {
  std::unique_ptr<Pipeline> pipeline;
  std::vector<Document> raw;        // loaded text only
  std::vector<Document> segmented;  // sentences and tokens
  std::vector<Document> annotated;  // + tags, parse, entity mentions
  int64_t words = 0;
  std::string error;
};

void AddFolder(const std::string& dir, std::vector<Document>& out, std::string& error) {
  if (!fs::is_directory(dir)) return;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto doc = LoadText(ss.str(), p.string(), LoadOptions{});
    if (!doc.ok()) {
      error = doc.status().ToString();
      return;
    }
    out.push_back(std::move(doc.value()));
  }
}

const Fixture& Load() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture;
    std::string shared = EnvOr("TIEGRAPH_SHARED", std::string(TIEGRAPH_SOURCE_DIR) + "/../shared");
    AddFolder(shared + "/eval/articles", f->raw, f->error);
    AddFolder(std::string(TIEGRAPH_SOURCE_DIR) + "/tests/gold/articles", f->raw, f->error);
    if (f->error.empty() && f->raw.empty()) f->error = "no articles in " + shared + "/eval/articles or tests/gold/articles";
    if (!f->error.empty()) return f;
    auto pipeline = Pipeline::Create(PipelineOptions{});
    if (!pipeline.ok()) {
      f->error = pipeline.status().ToString();
      return f;
    }
    f->pipeline = std::move(pipeline.value());
    for (const Document& d : f->raw) {
      Document seg = d;
      SegmentAndTokenize(seg);
      f->words += static_cast<int64_t>(seg.tokens.size());
      Document ann = seg;
      f->pipeline->Annotate(ann);
      f->segmented.push_back(std::move(seg));
      f->annotated.push_back(std::move(ann));
    }
    return f;
  }();
  return *fixture;
}

// Runs `stage` over copies of `docs`; the copies are made with the timer paused.
template <typename Stage>
void Run(benchmark::State& state, const std::vector<Document> Fixture::*docs, Stage stage) {
  const Fixture& f = Load();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  int64_t words = 0;
  size_t claims = 0, actors = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> batch = f.*docs;
    state.ResumeTiming();
    for (Document& d : batch) stage(*f.pipeline, d);
    state.PauseTiming();
    claims = actors = 0;
    for (const Document& d : batch) claims += d.claims.size(), actors += d.actors.size();
    batch.clear();
    state.ResumeTiming();
    words += f.words;
  }
  state.SetItemsProcessed(words);
  state.counters["words"] = static_cast<double>(f.words);
  state.counters["docs"] = static_cast<double>(f.raw.size());
  state.counters["actors"] = static_cast<double>(actors);
  state.counters["claims"] = static_cast<double>(claims);
}

void BM_WholePipeline(benchmark::State& state) {
  Run(state, &Fixture::raw, [](const Pipeline& p, Document& d) { (void)p.Process(d); });
}
void BM_Annotate(benchmark::State& state) {
  Run(state, &Fixture::segmented, [](const Pipeline& p, Document& d) { p.Annotate(d); });
}
void BM_ResolveExtract(benchmark::State& state) {
  Run(state, &Fixture::annotated, [](const Pipeline& p, Document& d) { p.ResolveAndExtract(d); });
}

BENCHMARK(BM_WholePipeline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Annotate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ResolveExtract)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
