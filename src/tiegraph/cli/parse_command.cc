// `tiegraph parse --conllu FILE | --iob2 FILE`: tags, parses and finds the
// entities of pre-tokenised sentences and writes them as CoNLL-U (for
// evaluation against treebanks): predicted UPOS, XPOS, HEAD, DEPREL ("_"
// without a parser model) and MISC NER=<BIO tag>; comments, ids (multiword
// and empty-node lines too) and forms come from the input.
// Exit status: 0 done, 1 unreadable input or model, 2 usage error.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "tiegraph/cli/commands.h"
#include "tiegraph/extract/pipeline.h"
#include "tiegraph/nlp/conllu.h"
#include "tiegraph/nlp/entity_recognizer.h"
#include "tiegraph/nlp/gazetteer.h"
#include "tiegraph/nlp/parser.h"
#include "tiegraph/nlp/tagger.h"
#include "tiegraph/resolve/knowledge_base.h"

namespace tiegraph::cli {
namespace {

namespace fs = std::filesystem;

struct ParseOptions {
  std::string conllu;
  std::string iob2;
  bool no_gazetteer = false;
};

int Fail(const std::string& message) {
  std::fprintf(stderr, "tiegraph parse: %s\n", message.c_str());
  return 1;
}

int RunParse(const GlobalOptions& global, const ParseOptions& opts) {
  if (opts.conllu.empty() == opts.iob2.empty()) {
    std::fprintf(stderr, "tiegraph parse: give exactly one of --conllu FILE or --iob2 FILE\n");
    return 2;
  }
  auto corpus = opts.conllu.empty() ? nlp::ReadIob2File(opts.iob2) : nlp::ReadConlluFile(opts.conllu);
  if (!corpus.ok()) return Fail(corpus.status().ToString());

  std::string models = global.models_dir.empty() ? DefaultModelsDir() : global.models_dir;
  auto model = [&](const char* name) { return (fs::path(models) / name).string(); };
  auto tagger = nlp::Tagger::Load(model("tagger.bin"));
  if (!tagger.ok()) return Fail(tagger.status().ToString() + " (train the models with scripts/train-models.sh)");
  std::optional<nlp::Parser> parser;
  if (fs::exists(model("parser.bin"))) {
    auto p = nlp::Parser::Load(model("parser.bin"));
    if (!p.ok()) return Fail(p.status().ToString());
    parser.emplace(std::move(p).value());
  }
  // The recognizer sees the knowledge base's names, as in the pipeline.
  nlp::Gazetteer gazetteer;
  bool have_gazetteer = false;
  if (!opts.no_gazetteer) {
    std::string kb_dir = global.kb_dir.empty() ? DefaultKbDir() : global.kb_dir;
    auto kb = KnowledgeBase::Load(kb_dir, global.kb_extra);
    if (kb.ok()) {
      for (const auto& [phrase, type] : kb->GazetteerPhrases()) gazetteer.Add(phrase, type);
      have_gazetteer = true;
    } else {
      std::fprintf(stderr, "tiegraph parse: no gazetteer (%s)\n", kb.status().ToString().c_str());
    }
  }
  std::optional<nlp::EntityRecognizer> ner;
  if (fs::exists(model("ner.bin"))) {
    auto r = nlp::EntityRecognizer::Load(model("ner.bin"), have_gazetteer ? &gazetteer : nullptr);
    if (!r.ok()) return Fail(r.status().ToString());
    ner.emplace(std::move(r).value());
  } else {
    std::fprintf(stderr, "tiegraph parse: %s missing: no entity tags\n", model("ner.bin").c_str());
  }

  Document& doc = corpus->doc;
  for (const Sentence& s : doc.sentences) {
    tagger->Tag(doc, s);
    if (parser) parser->Parse(doc, s);
    if (ner) ner->Recognize(doc, s);
  }
  std::ios::sync_with_stdio(false);
  nlp::WriteConllu(*corpus, std::cout);
  std::cout.flush();
  if (!std::cout) return Fail("write to stdout failed");
  return 0;
}

}  // namespace

void RegisterParse(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ParseOptions>();
  CLI::App* cmd = app.add_subcommand(
      "parse", "Tag, parse and find entities in pre-tokenised sentences; write CoNLL-U (for evaluation)");
  auto* conllu = cmd->add_option("--conllu", opts->conllu, "CoNLL-U input (words from column 2)");
  auto* iob2 = cmd->add_option("--iob2", opts->iob2, "IOB2 input (id, form, tag columns)");
  conllu->excludes(iob2);
  cmd->add_flag("--no-gazetteer", opts->no_gazetteer, "Do not give the knowledge base's names to the recognizer");
  cmd->callback([&global, opts, exit_code]() { *exit_code = RunParse(global, *opts); });
}

}  // namespace tiegraph::cli
