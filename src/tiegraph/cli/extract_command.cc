// `tiegraph extract FILE...`: claims as JSON Lines in the scorer's format.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/kb_command.h"
#include "tiegraph/extract/pipeline.h"
#include "tiegraph/text/loader.h"

namespace tiegraph::cli {
namespace {

struct ExtractOptions {
  std::vector<std::string> paths;
  std::string published;
  bool with_offsets = false;
  bool explain = false;
};

// Writes each sentence's tokens with tags, parse and resolved actors to stderr.
void Explain(const Document& doc) {
  for (const auto& s : doc.sentences) {
    std::fprintf(stderr, "# %.*s\n", static_cast<int>(s.span.size()), doc.text.data() + s.span.begin);
    for (uint32_t i = 0; i < s.token_count; ++i) {
      uint32_t t = s.first_token + i;
      const Token& tok = doc.tokens[t];
      std::string actor;
      for (const auto& m : doc.mentions)
        if (m.first_token <= t && t < m.last_token && m.actor >= 0) actor = m.label + ":" + doc.actors[m.actor].name;
      auto w = doc.TokenText(t);
      std::fprintf(stderr, "%u\t%.*s\t%s\t%d\t%s\t%s\t%s\n", i + 1, static_cast<int>(w.size()), w.data(),
                   tok.upos.c_str(), tok.head, tok.deprel.c_str(), tok.ner.c_str(), actor.c_str());
    }
  }
}

nlohmann::json ActorJson(const Actor& a) {
  return {{"name", a.name}, {"type", ActorTypeName(a.type)}, {"country", a.country.empty() ? nullptr : nlohmann::json(a.country)}};
}

int RunExtract(const GlobalOptions& global, const ExtractOptions& opts) {
  PipelineOptions po;
  po.models_dir = global.models_dir;
  po.kb_dir = global.kb_dir;
  po.kb_extra = global.kb_extra;
  po.cameo_path = global.cameo_path;
  po.kb_entries = UserActorsFor(global);
  auto pipeline = Pipeline::Create(po);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "tiegraph extract: %s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  int failed = 0, ok = 0;
  for (const auto& path : opts.paths) {
    std::string stem = std::filesystem::path(path).stem().string();
    LoadOptions lo{opts.published};
    Status st = LoadPath(
        path, lo,
        [&](Document&& doc) {
          if (!opts.published.empty()) doc.published = opts.published;
          Status s = (*pipeline)->Process(doc);
          if (!s.ok()) {
            std::fprintf(stderr, "tiegraph extract: %s: %s\n", doc.source.c_str(), s.ToString().c_str());
            ++failed;
            return;
          }
          ++ok;
          if (opts.explain) Explain(doc);
          std::string doc_name = std::filesystem::is_directory(path) ? std::filesystem::path(doc.source).stem().string() : stem;
          for (const auto& c : doc.claims) {
            nlohmann::json j = {
                {"doc", doc_name},
                {"subject", ActorJson(doc.actors[c.subject])},
                {"relation", c.relation},
                {"object", ActorJson(doc.actors[c.object])},
                {"negated", c.negated},
                {"modality", c.modality == Modality::kAlleged ? "alleged" : "asserted"},
                {"time", c.time.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.time)},
                {"quote", c.quote.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.quote)},
                {"evidence", std::string(doc.Slice(c.evidence))},
                {"confidence", c.confidence},
                {"extractor", c.extractor},
            };
            if (opts.with_offsets) j["evidence_span"] = {c.evidence.begin, c.evidence.end};
            std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
          }
        },
        [&](const Status& s) {
          std::fprintf(stderr, "tiegraph extract: %s\n", s.message().c_str());
          ++failed;
        });
    if (!st.ok()) {
      std::fprintf(stderr, "tiegraph extract: %s\n", st.message().c_str());
      ++failed;
    }
  }
  std::cout.flush();
  return failed > 0 ? 1 : 0;
}

}  // namespace

void RegisterExtract(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Print the claims of articles as JSON Lines (the scorer's format: doc, subject, relation, object,\n"
      "negated, modality, time, quote, evidence). `doc` is the file name without extension.\n"
      "Example: tiegraph extract data/examples/putins-international-friends.jsonl");
  cmd->add_option("paths", opts->paths, "Article files or folders (text, HTML, JSON Lines)")->required();
  cmd->add_option("--published", opts->published, "Publication date (YYYY-MM-DD) for relative dates");
  cmd->add_flag("--offsets", opts->with_offsets, "Add evidence byte offsets to each line");
  cmd->add_flag("--explain", opts->explain,
                "Write each sentence's tokens, tags, parse, entity tags and actors to stderr");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunExtract(global, *opts); });
}

}  // namespace tiegraph::cli
