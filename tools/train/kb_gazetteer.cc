// kb_gazetteer: writes the knowledge base's gazetteer for the NER trainer.
//
//   kb_gazetteer --kb data/kb [--extra FILE]... --out gazetteer.tsv
//
// Output: one `phrase<TAB>type` line per unique lowercased phrase, type P
// (person), O (organisation) or L (country, capital, government metonym).
// Prints entry counts and the load time to stderr.
//
//   kb_gazetteer --places-from Phoenix.Countries.actors.txt \
//                --orgs-from Phoenix.International.actors.txt --out lexicon.tsv
//
// Instead writes names from Phoenix actor dictionaries: from --places-from
// files, each country entry (code [XYZ]) and its "+" synonyms (cities,
// provinces, alternative names) as L, single-word demonyms (-ian, -ese,
// -ish, ...) left out; from --orgs-from files, each company, NGO or
// international body (code [MNC...], [NGO...], [IGO...]) and its synonyms
// as O. Lowercased, "_" read as a space. The entity
// recognizer's trainer stores this list in the model (train_ner --lexicon).
#include <CLI/CLI.hpp>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "tiegraph/resolve/knowledge_base.h"

namespace {

bool EndsWith(const std::string& s, const char* suffix) {
  std::string t(suffix);
  return s.size() > t.size() + 2 && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

// Place and organisation names of a Phoenix actor file (see the file
// comment), as (phrase, 'L' or 'O').
void PhoenixLexicon(std::istream& in, char want, std::set<std::pair<std::string, char>>* out) {
  char type = 0;  // of the current entry; 0 = not wanted
  std::string line;
  while (std::getline(in, line)) {
    size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    std::string name;
    if (line[0] == '+') {
      if (!type) continue;
      name = line.substr(1);
    } else if (line[0] == ' ' || line[0] == '\t' || line[0] == '[') {
      continue;  // a dated role of the current actor
    } else {
      size_t space = line.find_first_of(" \t");
      std::string code = space == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", space));
      bool country = code.size() == 5 && code[0] == '[' && code[4] == ']' &&
                     std::isupper(static_cast<unsigned char>(code[1])) &&
                     std::isupper(static_cast<unsigned char>(code[2])) && std::isupper(static_cast<unsigned char>(code[3]));
      bool org = code.rfind("[MNC", 0) == 0 || code.rfind("[NGO", 0) == 0 || code.rfind("[IGO", 0) == 0;
      type = country ? 'L' : org ? 'O' : 0;
      if (type != want) type = 0;
      if (!type) continue;
      name = line.substr(0, space);
    }
    size_t end = name.find_first_of(" \t[");
    if (end != std::string::npos) name.resize(end);
    std::string phrase;
    for (char c : name) {
      if (c == '_') {
        if (!phrase.empty() && phrase.back() != ' ') phrase.push_back(' ');
      } else {
        phrase.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      }
    }
    while (!phrase.empty() && phrase.back() == ' ') phrase.pop_back();
    if (phrase.size() < 3) continue;
    bool one_word = phrase.find(' ') == std::string::npos;
    if (one_word && type == 'L') {
      bool demonym = false;
      for (const char* suffix : {"ian", "ians", "ese", "ish", "ans", "ean", "eans", "ani", "ites"}) {
        demonym |= EndsWith(phrase, suffix);
      }
      if (demonym) continue;
    }
    out->emplace(phrase, type);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Write the knowledge-base gazetteer (phrase<TAB>P|O|L) for the NER trainer"};
  std::string kb_dir = std::string(TIEGRAPH_SOURCE_DIR) + "/data/kb";
  std::vector<std::string> extras;
  std::string out_path;
  app.add_option("--kb", kb_dir, "curated knowledge-base folder")->check(CLI::ExistingDirectory);
  app.add_option("--extra", extras, "extra sources: Phoenix *.actors.txt, Party Facts *.csv")->check(CLI::ExistingFile);
  std::vector<std::string> places_from, orgs_from;
  app.add_option("--places-from", places_from, "write the place names of these Phoenix country files instead")
      ->check(CLI::ExistingFile);
  app.add_option("--orgs-from", orgs_from, "and the organisation names of these Phoenix international files")
      ->check(CLI::ExistingFile);
  app.add_option("--out", out_path, "output file")->required();
  CLI11_PARSE(app, argc, argv);

  if (!places_from.empty() || !orgs_from.empty()) {
    std::set<std::pair<std::string, char>> names;
    for (const auto& [paths, type] : {std::make_pair(&places_from, 'L'), std::make_pair(&orgs_from, 'O')}) {
      for (const std::string& path : *paths) {
        std::ifstream in(path);
        PhoenixLexicon(in, type, &names);
        if (!in.eof()) {
          std::cerr << "kb_gazetteer: cannot read " << path << "\n";
          return 1;
        }
      }
    }
    std::ofstream out(out_path);
    size_t places = 0;
    for (const auto& [phrase, type] : names) {
      out << phrase << '\t' << type << '\n';
      places += type == 'L';
    }
    out.close();
    if (!out) {
      std::cerr << "kb_gazetteer: cannot write " << out_path << "\n";
      return 1;
    }
    std::fprintf(stderr, "wrote %zu names (%zu places, %zu organisations) to %s\n", names.size(), places,
                 names.size() - places, out_path.c_str());
    return 0;
  }

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
