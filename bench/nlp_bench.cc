// nlp_bench: words per second on one core of the statistical NLP stage on
// the UD English EWT test text (pre-tokenised): tagging, tagging + entity
// recognition, and tagging + entities + parsing when models/parser.bin
// exists. items_per_second in the output is words/s.
//   build/bench/nlp_bench [--benchmark_min_time=2]
// Environment: TIEGRAPH_MODELS_DIR (default <source>/models),
// TIEGRAPH_SHARED (default <source>/../shared).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "tiegraph/nlp/conllu.h"
#include "tiegraph/nlp/entity_recognizer.h"
#include "tiegraph/nlp/parser.h"
#include "tiegraph/nlp/tagger.h"

namespace {

using namespace tiegraph;
using namespace tiegraph::nlp;

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

struct Fixture {
  std::optional<ConllCorpus> corpus;
  std::optional<Tagger> tagger;
  std::optional<EntityRecognizer> ner;
  std::optional<Parser> parser;
  std::string error;
};

const Fixture& Load() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture;
    std::string models = EnvOr("TIEGRAPH_MODELS_DIR", std::string(TIEGRAPH_SOURCE_DIR) + "/models");
    std::string shared = EnvOr("TIEGRAPH_SHARED", std::string(TIEGRAPH_SOURCE_DIR) + "/../shared");
    auto corpus = ReadConlluFile(shared + "/corpora/ud_english_ewt/en_ewt-ud-test.conllu");
    auto tagger = Tagger::Load(models + "/tagger.bin");
    auto ner = EntityRecognizer::Load(models + "/ner.bin", nullptr);
    if (!corpus.ok()) f->error = corpus.status().ToString();
    if (!tagger.ok()) f->error = tagger.status().ToString();
    if (!ner.ok()) f->error = ner.status().ToString();
    if (!f->error.empty()) return f;
    f->corpus.emplace(std::move(corpus).value());
    f->tagger.emplace(std::move(tagger).value());
    f->ner.emplace(std::move(ner).value());
    if (std::filesystem::exists(models + "/parser.bin")) {
      auto parser = Parser::Load(models + "/parser.bin");
      if (parser.ok()) f->parser.emplace(std::move(parser).value());
    }
    return f;
  }();
  return *fixture;
}

enum Stages { kTag = 1, kNer = 2, kParse = 4 };

void Run(benchmark::State& state, int stages) {
  const Fixture& f = Load();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  if ((stages & kParse) && !f.parser) {
    state.SkipWithError("no models/parser.bin");
    return;
  }
  Document doc = f.corpus->doc;
  int64_t words = 0;
  for (auto _ : state) {
    doc.mentions.clear();
    for (const Sentence& s : doc.sentences) {
      f.tagger->Tag(doc, s);
      if (stages & kParse) f.parser->Parse(doc, s);
      if (stages & kNer) f.ner->Recognize(doc, s);
    }
    words += static_cast<int64_t>(doc.tokens.size());
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetItemsProcessed(words);
  state.counters["words"] = static_cast<double>(doc.tokens.size());
}

void BM_Tag(benchmark::State& state) { Run(state, kTag); }
void BM_TagEntities(benchmark::State& state) { Run(state, kTag | kNer); }
void BM_TagEntitiesParse(benchmark::State& state) { Run(state, kTag | kNer | kParse); }

BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagEntities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagEntitiesParse)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
