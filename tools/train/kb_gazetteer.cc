// kb_gazetteer: writes the knowledge base's gazetteer for the NER trainer.
//
//   kb_gazetteer --kb data/kb [--extra FILE]... --out gazetteer.tsv
//
// Output: one `phrase<TAB>type` line per unique lowercased phrase, type P
// (person), O (organisation) or L (country, capital, government metonym).
// Prints entry counts and the load time to stderr.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "tiegraph/resolve/knowledge_base.h"

int main(int argc, char** argv) {
  CLI::App app{"Write the knowledge-base gazetteer (phrase<TAB>P|O|L) for the NER trainer"};
  std::string kb_dir = std::string(TIEGRAPH_SOURCE_DIR) + "/data/kb";
  std::vector<std::string> extras;
  std::string out_path;
  app.add_option("--kb", kb_dir, "curated knowledge-base folder")->check(CLI::ExistingDirectory);
  app.add_option("--extra", extras, "extra sources: Phoenix *.actors.txt, Party Facts *.csv")->check(CLI::ExistingFile);
  app.add_option("--out", out_path, "output file")->required();
  CLI11_PARSE(app, argc, argv);

  auto start = std::chrono::steady_clock::now();
  auto kb = tiegraph::KnowledgeBase::Load(kb_dir, extras);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!kb.ok()) {
    std::cerr << "kb_gazetteer: " << kb.status().ToString() << "\n";
    return 1;
  }
  size_t people = 0, orgs = 0, countries = 0;
  for (const auto& e : kb->entries()) {
    if (e.type == tiegraph::ActorType::kPerson) ++people;
    else if (e.type == tiegraph::ActorType::kOrganization) ++orgs;
    else ++countries;
  }
  std::fprintf(stderr,
               "loaded %zu entries (%zu curated, %zu phoenix, %zu partyfacts; %zu countries, %zu people, %zu "
               "organisations) in %.1f ms\n",
               kb->entries().size(), kb->CountBySource("curated"), kb->CountBySource("phoenix"),
               kb->CountBySource("partyfacts"), countries, people, orgs, ms);

  auto phrases = kb->GazetteerPhrases();
  std::ofstream out(out_path);
  if (!out) {
    std::cerr << "kb_gazetteer: cannot write " << out_path << "\n";
    return 1;
  }
  for (const auto& [phrase, type] : phrases) out << phrase << '\t' << type << '\n';
  out.close();
  if (!out) {
    std::cerr << "kb_gazetteer: write failed: " << out_path << "\n";
    return 1;
  }
  std::fprintf(stderr, "wrote %zu phrases to %s\n", phrases.size(), out_path.c_str());
  return 0;
}
