// eval_nlp: scores the tagger and the entity recognizer on held-out files
// and measures their speed. Prints "metric<TAB>value" lines (for
// scripts/eval-nlp.sh) and, with --verbose, per-type entity scores.
//   eval_nlp --tagger models/tagger.bin --ner models/ner.bin
//            --ud-test en_ewt-ud-test.conllu --uner-test en_ewt-ud-test.iob2
//            --gum en_gum-ud-train.conllu --gum en_gum-ud-dev.conllu --gum en_gum-ud-test.conllu
//
// GUM news: GUM has no flat NER layer; its Entity= coreference annotation
// marks every mention (pronouns and common nouns too). A gold named entity
// is a person/organization/place mention of a GUM_news_* document whose
// tokens, after dropping leading determiners and edge punctuation, are
// proper nouns (PROPN), with only "of", "and", "&", "for", "de", "the" or
// "-"/"." allowed between them and a PROPN at both ends; nested ones inside
// another kept mention are dropped. person/organization/place map to
// PER/ORG/LOC. GUM is licensed for non-commercial use: evaluation only.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <cctype>

#include <CLI/CLI.hpp>

#include "tiegraph/nlp/bilou.h"
#include "tiegraph/nlp/conllu.h"
#include "tiegraph/nlp/entity_recognizer.h"
#include "tiegraph/nlp/tagger.h"

using namespace tiegraph;
using namespace tiegraph::nlp;

namespace {

int Fail(const Status& st) {
  std::cerr << "eval_nlp: " << st.ToString() << "\n";
  return 1;
}

void PrintMetric(const std::string& name, double value) {
  std::cout << name << "\t" << std::fixed << std::setprecision(4) << value << "\n";
}

// Per-type counts for --verbose.
void AddPerType(std::map<std::string, SpanCounts>& per_type, const std::vector<EntitySpan>& gold,
                const std::vector<EntitySpan>& pred) {
  std::map<std::string, std::pair<std::vector<EntitySpan>, std::vector<EntitySpan>>> split;
  for (const auto& s : gold) split[s.type].first.push_back(s);
  for (const auto& s : pred) split[s.type].second.push_back(s);
  for (auto& [type, gp] : split) per_type[type].Add(gp.first, gp.second);
}

// Gold named entities of one GUM sentence (see the file comment).
std::vector<EntitySpan> GumEntities(const ConllSentence& s) {
  struct Open {
    std::string id, type;
    int begin;
  };
  std::vector<Open> open;
  std::vector<EntitySpan> mentions;
  const int n = static_cast<int>(s.word_lines.size());
  std::vector<std::string> upos(n), form(n);
  for (int k = 0; k < n; ++k) {
    const ConllLine& l = s.lines[s.word_lines[k]];
    upos[k] = l.cols[3];
    form[k] = l.cols[1];
    std::string misc = l.cols[9];
    size_t at = misc.find("Entity=");
    if (at == std::string::npos) continue;
    size_t end = misc.find('|', at);
    std::string value = misc.substr(at + 7, end == std::string::npos ? std::string::npos : end - at - 7);
    // Items: "(id-type-...)" one-token mention, "(id-type-..." opens, "id)" closes.
    size_t i = 0;
    while (i < value.size()) {
      if (value[i] == '(') {
        size_t j = i + 1;
        while (j < value.size() && value[j] != '(' && value[j] != ')') ++j;
        std::string content = value.substr(i + 1, j - i - 1);
        size_t d1 = content.find('-');
        size_t d2 = d1 == std::string::npos ? std::string::npos : content.find('-', d1 + 1);
        std::string id = content.substr(0, d1);
        std::string type = d1 == std::string::npos ? "" : content.substr(d1 + 1, d2 == std::string::npos ? std::string::npos : d2 - d1 - 1);
        if (j < value.size() && value[j] == ')') {
          mentions.push_back(EntitySpan{k, k + 1, type});
          ++j;
        } else {
          open.push_back(Open{id, type, k});
        }
        i = j;
      } else if (std::isdigit(static_cast<unsigned char>(value[i]))) {
        size_t j = i;
        while (j < value.size() && std::isdigit(static_cast<unsigned char>(value[j]))) ++j;
        std::string id = value.substr(i, j - i);
        for (size_t o = open.size(); o-- > 0;) {
          if (open[o].id == id) {
            mentions.push_back(EntitySpan{open[o].begin, k + 1, open[o].type});
            open.erase(open.begin() + static_cast<long>(o));
            break;
          }
        }
        i = j < value.size() && value[j] == ')' ? j + 1 : j;
      } else {
        ++i;
      }
    }
  }
  static const std::map<std::string, std::string> kTypes = {
      {"person", "PER"}, {"organization", "ORG"}, {"place", "LOC"}};
  static const std::vector<std::string> kInside = {"of", "and", "&", "for", "de", "the", "-", "."};
  std::vector<EntitySpan> named;
  for (EntitySpan m : mentions) {
    auto t = kTypes.find(m.type);
    if (t == kTypes.end()) continue;
    while (m.begin < m.end && (upos[m.begin] == "DET" || upos[m.begin] == "PUNCT")) ++m.begin;
    while (m.end > m.begin && (upos[m.end - 1] == "PUNCT" || upos[m.end - 1] == "PART")) --m.end;
    if (m.begin >= m.end || upos[m.begin] != "PROPN" || upos[m.end - 1] != "PROPN") continue;
    bool ok = true;
    for (int k = m.begin; k < m.end && ok; ++k) {
      if (upos[k] == "PROPN") continue;
      ok = std::find(kInside.begin(), kInside.end(), form[k]) != kInside.end();
    }
    if (ok) named.push_back(EntitySpan{m.begin, m.end, t->second});
  }
  // Keep the outermost; drop nested and crossing ones.
  std::sort(named.begin(), named.end(), [](const EntitySpan& a, const EntitySpan& b) {
    return a.end - a.begin != b.end - b.begin ? a.end - a.begin > b.end - b.begin : a.begin < b.begin;
  });
  std::vector<EntitySpan> kept;
  for (const EntitySpan& m : named) {
    bool overlaps = false;
    for (const EntitySpan& k : kept) overlaps |= m.begin < k.end && k.begin < m.end;
    if (!overlaps) kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
  return kept;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Score the tagger and entity recognizer; measure words/s"};
  std::string tagger_path, ner_path, ud_test, uner_test, gazetteer_path, gum_conll03;
  std::vector<std::string> gum_files;
  bool verbose = false;
  int speed_rounds = 3;
  app.add_option("--tagger", tagger_path, "Tagger model")->required();
  app.add_option("--ner", ner_path, "Entity recognizer model");
  app.add_option("--gazetteer", gazetteer_path, "Gazetteer TSV given to the recognizer");
  app.add_option("--ud-test", ud_test, "CoNLL-U test file: UPOS/XPOS accuracy and words/s");
  app.add_option("--uner-test", uner_test, "IOB2 test file: entity F1");
  app.add_option("--gum", gum_files, "GUM CoNLL-U file(s): entity F1 on the GUM_news_* documents");
  app.add_option("--write-gum-conll03", gum_conll03,
                 "Also write the GUM news gold entities as CoNLL-03 columns (for other systems)");
  app.add_option("--speed-rounds", speed_rounds, "Passes over the test text for words/s")->capture_default_str();
  app.add_flag("--verbose", verbose, "Per-type entity scores");
  CLI11_PARSE(app, argc, argv);

  auto tagger = Tagger::Load(tagger_path);
  if (!tagger.ok()) return Fail(tagger.status());
  Gazetteer gazetteer;
  if (!gazetteer_path.empty()) {
    Status st = gazetteer.LoadTsv(gazetteer_path);
    if (!st.ok()) return Fail(st);
  }
  tiegraph::Result<EntityRecognizer> ner = Status::NotFound("no --ner");
  if (!ner_path.empty()) {
    ner = EntityRecognizer::Load(ner_path, gazetteer_path.empty() ? nullptr : &gazetteer);
    if (!ner.ok()) return Fail(ner.status());
  }

  if (!ud_test.empty()) {
    auto gold = ReadConlluFile(ud_test);
    if (!gold.ok()) return Fail(gold.status());
    FillGoldLayers(*gold);
    Document predicted = gold->doc;
    tagger->TagAll(predicted);
    TagAccuracy acc = CompareTags(gold->doc, predicted);
    PrintMetric("upos_accuracy", acc.upos());
    PrintMetric("xpos_accuracy", acc.xpos());
    // Speed: tag (+ entities) on one thread, best of the rounds; wall
    // clock and this thread's CPU time (robust on a shared machine).
    for (int with_ner = 0; with_ner <= (ner.ok() ? 1 : 0); ++with_ner) {
      double best_wall = 0, best_cpu = 0;
      for (int round = 0; round < speed_rounds; ++round) {
        Document doc = gold->doc;
        timespec c0, c1;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
        auto t0 = std::chrono::steady_clock::now();
        for (const Sentence& s : doc.sentences) {
          tagger->Tag(doc, s);
          if (with_ner) ner->Recognize(doc, s);
        }
        double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
        double cpu = (c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) * 1e-9;
        best_wall = std::max(best_wall, doc.tokens.size() / wall);
        best_cpu = std::max(best_cpu, doc.tokens.size() / cpu);
      }
      PrintMetric(with_ner ? "words_per_second_tag_ner" : "words_per_second_tag", best_wall);
      PrintMetric(with_ner ? "words_per_cpu_second_tag_ner" : "words_per_cpu_second_tag", best_cpu);
    }
  }

  if (ner.ok() && !uner_test.empty()) {
    auto gold = ReadIob2File(uner_test);
    if (!gold.ok()) return Fail(gold.status());
    FillGoldLayers(*gold);
    Document predicted = gold->doc;
    tagger->TagAll(predicted);
    ner->RecognizeAll(predicted);
    SpanCounts counts = CompareEntities(gold->doc, predicted);
    PrintMetric("uner_precision", counts.precision());
    PrintMetric("uner_recall", counts.recall());
    PrintMetric("uner_f1", counts.f1());
    if (verbose) {
      std::map<std::string, SpanCounts> per_type;
      for (size_t si = 0; si < gold->doc.sentences.size(); ++si) {
        const Sentence& s = gold->doc.sentences[si];
        std::vector<std::string> g, p;
        for (uint32_t k = 0; k < s.token_count; ++k) {
          g.push_back(gold->doc.tokens[s.first_token + k].ner);
          p.push_back(predicted.tokens[s.first_token + k].ner);
        }
        AddPerType(per_type, SpansFromBilou(g), SpansFromBilou(p));
      }
      for (auto& [type, c] : per_type) {
        std::cout << "uner_" << type << "\tP " << c.precision() << " R " << c.recall() << " F1 " << c.f1()
                  << " (gold " << c.gold << ")\n";
      }
    }
  }

  if (ner.ok() && !gum_files.empty()) {
    SpanCounts counts;
    std::map<std::string, SpanCounts> per_type;
    long docs = 0, words = 0;
    std::ofstream conll03;
    if (!gum_conll03.empty()) {
      conll03.open(gum_conll03);
      if (!conll03) return Fail(Status::IOError(gum_conll03 + ": cannot write"));
    }
    for (const std::string& path : gum_files) {
      auto corpus = ReadConlluFile(path);
      if (!corpus.ok()) return Fail(corpus.status());
      bool in_news = false;
      for (size_t si = 0; si < corpus->sentences.size(); ++si) {
        const ConllSentence& cs = corpus->sentences[si];
        for (const std::string& c : cs.comments) {
          if (c.rfind("# newdoc id = ", 0) == 0) {
            in_news = c.rfind("# newdoc id = GUM_news_", 0) == 0;
            docs += in_news;
          }
        }
        if (!in_news) continue;
        const Sentence& s = corpus->doc.sentences[si];
        tagger->Tag(corpus->doc, s);
        ner->Recognize(corpus->doc, s);
        std::vector<std::string> p;
        for (uint32_t k = 0; k < s.token_count; ++k) p.push_back(corpus->doc.tokens[s.first_token + k].ner);
        std::vector<EntitySpan> gold = GumEntities(cs), pred = SpansFromBilou(p);
        if (conll03.is_open()) {
          std::vector<std::string> bio = SpansToBio(gold, static_cast<int>(s.token_count));
          for (uint32_t k = 0; k < s.token_count; ++k) {
            std::string form(corpus->doc.TokenText(s.first_token + k));
            std::replace(form.begin(), form.end(), ' ', '_');
            conll03 << form << " X X " << bio[k] << "\n";
          }
          conll03 << "\n";
        }
        counts.Add(gold, pred);
        AddPerType(per_type, gold, pred);
        words += s.token_count;
      }
    }
    PrintMetric("gum_news_documents", static_cast<double>(docs));
    PrintMetric("gum_news_words", static_cast<double>(words));
    PrintMetric("gum_news_gold_entities", static_cast<double>(counts.gold));
    PrintMetric("gum_news_precision", counts.precision());
    PrintMetric("gum_news_recall", counts.recall());
    PrintMetric("gum_news_f1", counts.f1());
    if (verbose) {
      for (auto& [type, c] : per_type) {
        std::cout << "gum_news_" << type << "\tP " << c.precision() << " R " << c.recall() << " F1 " << c.f1()
                  << " (gold " << c.gold << ")\n";
      }
    }
  }
  return 0;
}
