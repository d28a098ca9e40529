// eval_parser: attachment scores and speed of a parser model on a treebank.
//
//   eval_parser --model models/parser.bin [--tagger models/tagger.bin] --test en_ewt-ud-test.conllu
//
// With --tagger the words are tagged first (predicted POS), else the gold
// tags are used. Scores count every word, punctuation included (CoNLL 2018
// style: LAS ignores relation subtypes; "full" LAS requires them).
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include <CLI/CLI.hpp>

#include "tiegraph/nlp/parser.h"
#include "tiegraph/nlp/parser_eval.h"
#include "tiegraph/nlp/parser_treebank.h"
#include "tiegraph/nlp/tagger.h"

using namespace tiegraph;
using namespace tiegraph::nlp;

int main(int argc, char** argv) {
  CLI::App app{"Evaluate the tiegraph dependency parser"};
  std::string model_path, tagger_path, test_path;
  app.add_option("--model", model_path, "parser model")->required();
  app.add_option("--tagger", tagger_path, "tagger model (predicted POS); gold tags if absent");
  app.add_option("--test", test_path, "gold treebank (CoNLL-U)")->required();
  CLI11_PARSE(app, argc, argv);

  auto parser = Parser::Load(model_path);
  if (!parser.ok()) {
    std::fprintf(stderr, "eval_parser: %s\n", parser.status().ToString().c_str());
    return 1;
  }
  auto gold = ReadTreebank(test_path);
  if (!gold.ok()) {
    std::fprintf(stderr, "eval_parser: %s\n", gold.status().ToString().c_str());
    return 1;
  }
  Document doc = ToDocument(*gold);
  using Clock = std::chrono::steady_clock;
  double tag_seconds = 0, tag_cpu = 0;
  if (!tagger_path.empty()) {
    auto tagger = Tagger::Load(tagger_path);
    if (!tagger.ok()) {
      std::fprintf(stderr, "eval_parser: %s\n", tagger.status().ToString().c_str());
      return 1;
    }
    auto t0 = Clock::now();
    const std::clock_t c0 = std::clock();
    for (const Sentence& s : doc.sentences) tagger->Tag(doc, s);
    tag_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    tag_cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  }
  auto t0 = Clock::now();
  const std::clock_t c0 = std::clock();
  for (const Sentence& s : doc.sentences) parser->Parse(doc, s);
  const double parse_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  const double parse_cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  AttachmentScores sc = ScoreParses(*gold, doc);
  const double words = static_cast<double>(doc.tokens.size());
  std::printf("%s: %ld words, %s POS\n", test_path.c_str(), sc.words, tagger_path.empty() ? "gold" : "predicted");
  std::printf("UAS %.2f\nLAS %.2f\nLAS(full labels) %.2f\n", sc.uas(), sc.las(), sc.las_full());
  // Wall-clock speed, and per CPU-second (one thread: the speed of one
  // core, unaffected by other processes sharing the machine).
  std::printf("parse words/s %.0f (per CPU second %.0f)\n", words / std::max(parse_seconds, 1e-9),
              words / std::max(parse_cpu, 1e-9));
  if (!tagger_path.empty()) {
    std::printf("tag+parse words/s %.0f (per CPU second %.0f)\n",
                words / std::max(parse_seconds + tag_seconds, 1e-9),
                words / std::max(parse_cpu + tag_cpu, 1e-9));
  }
  return 0;
}
