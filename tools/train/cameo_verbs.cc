// cameo_verbs: what the CAMEO verb dictionary adds to the trigger lexicon.
// Prints, per relation, the dictionary's verbs whose code maps to it and how
// many of them the trigger lexicon (triggers.h) does not already know.
//   build/tools/cameo_verbs [--cameo FILE] [--list]
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <map>
#include <set>

#include "tiegraph/extract/cameo_dictionary.h"
#include "tiegraph/extract/pipeline.h"
#include "tiegraph/extract/triggers.h"

int main(int argc, char** argv) {
  CLI::App app{"Counts the CAMEO dictionary's verbs per relation"};
  std::string path = tiegraph::DefaultCameoPath();
  bool list = false;
  app.add_option("--cameo", path, "CAMEO.2.0.txt")->capture_default_str();
  app.add_flag("--list", list, "List the verbs the trigger lexicon lacks, per relation");
  CLI11_PARSE(app, argc, argv);
  if (path.empty()) {
    fmt::print(stderr, "cameo_verbs: no CAMEO dictionary found (use --cameo FILE)\n");
    return 2;
  }
  auto dict = tiegraph::CameoVerbs::Load(path);
  if (!dict.ok()) {
    fmt::print(stderr, "cameo_verbs: {}\n", dict.status().ToString());
    return 1;
  }
  std::map<std::string, std::set<std::string>> all, added;
  size_t null_code = 0, unmapped = 0;
  for (const auto& v : dict->verbs()) {
    if (v.code.empty()) ++null_code;
    else if (v.relation.empty()) ++unmapped;
    if (v.relation.empty()) continue;
    all[std::string(v.relation)].insert(v.lemma);
    bool known = false;
    for (const tiegraph::Trigger* t : tiegraph::FindTriggers(v.lemma))
      if (t->pos == tiegraph::TriggerPos::kVerb) known = true;
    if (!known && v.lemma.find(' ') == std::string::npos) added[std::string(v.relation)].insert(v.lemma);
  }
  fmt::print("CAMEO verb dictionary {}: {} verbs ({} forms), {} patterns; {} verbs with the null code, "
             "{} with a code the table maps to no relation\n",
             path, dict->verbs().size(), dict->form_count(), dict->pattern_count(), null_code, unmapped);
  fmt::print("{:<12} {:>8} {:>16}\n", "relation", "verbs", "new (one word)");
  size_t total = 0, total_new = 0;
  for (const auto& [rel, verbs] : all) {
    fmt::print("{:<12} {:>8} {:>16}\n", rel, verbs.size(), added[rel].size());
    total += verbs.size();
    total_new += added[rel].size();
  }
  fmt::print("{:<12} {:>8} {:>16}\n", "total", total, total_new);
  if (list) {
    for (const auto& [rel, verbs] : added) {
      fmt::print("\n{}:", rel);
      for (const auto& v : verbs) fmt::print(" {}", v);
      fmt::print("\n");
    }
  }
  return 0;
}
