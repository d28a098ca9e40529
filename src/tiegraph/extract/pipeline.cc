#include "tiegraph/extract/pipeline.h"

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "tiegraph/extract/cameo_dictionary.h"
#include "tiegraph/extract/claim_extractor.h"
#include "tiegraph/nlp/entity_recognizer.h"
#include "tiegraph/nlp/gazetteer.h"
#include "tiegraph/nlp/parser.h"
#include "tiegraph/nlp/tagger.h"
#include "tiegraph/resolve/knowledge_base.h"
#include "tiegraph/resolve/resolver.h"
#include "tiegraph/text/segmenter.h"

namespace tiegraph {
namespace fs = std::filesystem;

namespace {
std::string Home() {
  const char* home = std::getenv("TIEGRAPH_HOME");
  if (home != nullptr && *home != '\0') return home;
#ifdef TIEGRAPH_SOURCE_DIR
  return TIEGRAPH_SOURCE_DIR;
#else
  return ".";
#endif
}
}  // namespace

std::string DefaultModelsDir() { return (fs::path(Home()) / "models").string(); }
std::string DefaultKbDir() { return (fs::path(Home()) / "data" / "kb").string(); }
std::string DefaultCameoPath() {
  fs::path p = fs::path(Home()) / ".." / "shared" / "corpora" / "petrarch2_dictionaries" / "CAMEO.2.0.txt";
  std::error_code ec;
  return fs::exists(p, ec) ? p.lexically_normal().string() : "";
}

struct Pipeline::Impl {
  std::string published;
  std::optional<KnowledgeBase> kb;
  std::optional<nlp::Tagger> tagger;
  std::optional<nlp::Parser> parser;
  std::optional<nlp::Gazetteer> gazetteer;
  std::optional<nlp::EntityRecognizer> ner;
  std::optional<Resolver> resolver;
  std::optional<CameoVerbs> cameo;
  ClaimExtractor extractor;
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->published = options.published;
  std::string models = options.models_dir.empty() ? DefaultModelsDir() : options.models_dir;
  std::string kb_dir = options.kb_dir.empty() ? DefaultKbDir() : options.kb_dir;
  auto kb = KnowledgeBase::Load(kb_dir, options.kb_extra);
  if (!kb.ok()) return kb.status();
  if (!options.kb_entries.empty()) {
    std::vector<KbEntry> all = kb->entries();
    all.insert(all.end(), options.kb_entries.begin(), options.kb_entries.end());
    kb = KnowledgeBase::FromEntries(std::move(all));
    if (!kb.ok()) return kb.status();
  }
  impl->kb.emplace(std::move(kb.value()));
  auto model = [&](const char* name) { return (fs::path(models) / name).string(); };
  if (fs::exists(model("tagger.bin"))) {
    auto t = nlp::Tagger::Load(model("tagger.bin"));
    if (!t.ok()) return t.status();
    impl->tagger.emplace(std::move(t.value()));
  }
  if (impl->tagger && fs::exists(model("parser.bin"))) {
    auto p = nlp::Parser::Load(model("parser.bin"));
    if (!p.ok()) return p.status();
    impl->parser.emplace(std::move(p.value()));
  }
  if (impl->tagger && fs::exists(model("ner.bin"))) {
    nlp::Gazetteer gaz;
    for (const auto& [phrase, type] : impl->kb->GazetteerPhrases()) gaz.Add(phrase, type);
    impl->gazetteer.emplace(std::move(gaz));
    auto r = nlp::EntityRecognizer::Load(model("ner.bin"), &*impl->gazetteer);
    if (!r.ok()) return r.status();
    impl->ner.emplace(std::move(r.value()));
  }
  impl->resolver.emplace(&*impl->kb);
  std::string cameo_path = options.cameo_path.empty() ? DefaultCameoPath() : options.cameo_path;
  if (!cameo_path.empty() && cameo_path != "none") {
    auto cameo = CameoVerbs::Load(cameo_path);
    if (!cameo.ok()) return cameo.status();
    impl->cameo.emplace(std::move(cameo.value()));
    impl->extractor = ClaimExtractor(&*impl->cameo);
  }
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

Status Pipeline::Process(Document& doc) const {
  SegmentAndTokenize(doc);
  return ProcessTokenized(doc);
}

const CameoVerbs* Pipeline::cameo_verbs() const { return impl_->cameo ? &*impl_->cameo : nullptr; }

Status Pipeline::ProcessTokenized(Document& doc) const {
  Annotate(doc);
  ResolveAndExtract(doc);
  return Status::Ok();
}

void Pipeline::Annotate(Document& doc) const {
  if (!impl_->published.empty()) doc.published = impl_->published;
  doc.mentions.clear();
  for (const auto& s : doc.sentences) {
    if (impl_->tagger) impl_->tagger->Tag(doc, s);
    if (impl_->parser) impl_->parser->Parse(doc, s);
    if (impl_->ner) impl_->ner->Recognize(doc, s);
  }
}

void Pipeline::ResolveAndExtract(Document& doc) const {
  impl_->resolver->Resolve(doc);
  impl_->extractor.Extract(doc);
}

}  // namespace tiegraph
