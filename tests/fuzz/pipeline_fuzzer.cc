// Fuzz target: the whole extract pipeline. Pipeline::Create runs once with
// the repository's models and knowledge base (models/, data/kb/, or
// $TIEGRAPH_HOME); each input becomes a plain-text Document through
// LoadText (skipped if refused) and goes through Process: tokenizer,
// segmenter, tagger, parser, entity recognizer, resolver, claim extractor.
// Inputs are cut at 8 KB to keep executions fast.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "document_invariants.h"
#include "tiegraph/extract/pipeline.h"
#include "tiegraph/text/loader.h"

namespace {

const tiegraph::Pipeline& SharedPipeline() {
  static std::unique_ptr<tiegraph::Pipeline> pipeline = [] {
    tiegraph::Result<std::unique_ptr<tiegraph::Pipeline>> created = tiegraph::Pipeline::Create({});
    if (!created.ok()) {
      std::fprintf(stderr, "pipeline_fuzzer: %s\n", created.status().ToString().c_str());
      std::abort();
    }
    return std::move(created.value());
  }();
  return *pipeline;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  SharedPipeline();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kMaxBytes = 8192;
  std::string text(reinterpret_cast<const char*>(data), size < kMaxBytes ? size : kMaxBytes);
  tiegraph::Result<tiegraph::Document> doc = tiegraph::LoadText(std::move(text), "fuzz", {});
  if (!doc.ok()) return 0;
  doc->published = "2020-01-15";
  tiegraph::Status s = SharedPipeline().Process(*doc);
  if (s.ok()) tiegraph::fuzz::CheckDocumentInvariants(*doc);
  return 0;
}
