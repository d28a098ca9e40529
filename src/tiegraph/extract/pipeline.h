// Pipeline: runs every stage on a loaded Document, in order:
//   Segment + Tokenize (text/) -> Tagger, Parser, EntityRecognizer (nlp/)
//   -> Resolver (resolve/) -> ClaimExtractor (extract/).
// Create() loads models and the knowledge base once; Process() is const and
// thread-safe, so one Pipeline serves many worker threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tiegraph/resolve/knowledge_base.h"
#include "tiegraph/status.h"
#include "tiegraph/text/document.h"

namespace tiegraph {

class CameoVerbs;

struct PipelineOptions {
  std::string models_dir;             // "" = DefaultModelsDir()
  std::string kb_dir;                 // "" = DefaultKbDir()
  std::vector<std::string> kb_extra;  // Phoenix / Party Facts files read at run time
  std::vector<KbEntry> kb_entries;    // more actors, e.g. the user's list (`tiegraph kb import`)
  std::string published;              // if set, overrides Document::published
  // CAMEO verb dictionary (cameo_dictionary.h) read at run time:
  // "" = DefaultCameoPath(), "none" = no dictionary.
  std::string cameo_path;
};

// The bundled folders: $TIEGRAPH_HOME/{models,data/kb} if set, else the source tree's.
std::string DefaultModelsDir();
std::string DefaultKbDir();
// <home>/../shared/corpora/petrarch2_dictionaries/CAMEO.2.0.txt if that file
// exists, else "".
std::string DefaultCameoPath();

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);
  ~Pipeline();

  // Adds sentences, tokens, tags, parse, mentions, actors and claims to doc.
  Status Process(Document& doc) const;
  // As Process, but keeps doc's sentences and tokens (a treebank's gold
  // tokenisation, for evaluation) and runs the stages from tagging on.
  Status ProcessTokenized(Document& doc) const;
  // The two halves of ProcessTokenized, for benchmarks: the NLP layers
  // (tags, parse, entity mentions), then actors and claims.
  void Annotate(Document& doc) const;
  void ResolveAndExtract(Document& doc) const;
  // The CAMEO verb dictionary loaded at Create, or nullptr.
  const CameoVerbs* cameo_verbs() const;

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiegraph
