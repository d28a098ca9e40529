// train_parser: trains the dependency parser on a CoNLL-U treebank.
//
//   train_parser --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu
//                --out models/parser.bin --iterations 12 --seed 1
//                [--tagger models/tagger.bin] [--jackknife 4 --fold-epochs 5] [--keep-best]
//
// Trains on the gold tags of the training set (or, with --jackknife K, on
// tags from K taggers each trained on the other folds). After each pass the
// averaged model parses the dev set (with the --tagger's predicted tags if
// given, else gold tags) and prints UAS/LAS. The model of the last pass is
// saved (--keep-best: the pass with the best dev LAS), so the output depends
// only on the training data, the flags and the seed: deterministic.
#include <chrono>
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "tiegraph/nlp/parser.h"
#include "tiegraph/nlp/parser_eval.h"
#include "tiegraph/nlp/parser_trainer.h"
#include "tiegraph/nlp/parser_treebank.h"
#include "tiegraph/nlp/tagger.h"

using namespace tiegraph;
using namespace tiegraph::nlp;

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Replaces the gold tags of the sentences with the tagger's predictions.
void Retag(const Tagger& tagger, std::vector<TreebankSentence>& sentences) {
  Document doc = ToDocument(sentences);
  tagger.TagAll(doc);
  for (size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (size_t i = 0; i < sentences[s].size(); ++i) {
      sentences[s].upos[i] = doc.tokens[sent.first_token + i].upos;
      sentences[s].xpos[i] = doc.tokens[sent.first_token + i].xpos;
    }
  }
}

// Jackknifing: each of k folds of the training sentences gets the tags of a
// tagger trained on the other folds, so the parser learns from tags as noisy
// as those it will see at run time.
Status JackknifeTags(std::vector<TreebankSentence>& sentences, int folds, int epochs, uint64_t seed) {
  for (int f = 0; f < folds; ++f) {
    std::vector<TreebankSentence> rest, held_out;
    std::vector<size_t> held_index;
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (static_cast<int>(i % folds) == f) {
        held_out.push_back(sentences[i]);
        held_index.push_back(i);
      } else {
        rest.push_back(sentences[i]);
      }
    }
    TaggerTrainOptions options;
    options.epochs = epochs;
    options.seed = seed;
    Result<Tagger> tagger = Tagger::Train(ToDocument(rest), options);
    if (!tagger.ok()) return tagger.status();
    Retag(*tagger, held_out);
    for (size_t k = 0; k < held_out.size(); ++k) sentences[held_index[k]] = std::move(held_out[k]);
    std::printf("jackknife fold %d/%d: tagged %zu sentences\n", f + 1, folds, held_out.size());
    std::fflush(stdout);
  }
  return Status::Ok();
}

AttachmentScores ParseAndScore(const Parser& parser, const std::vector<TreebankSentence>& gold) {
  Document doc = ToDocument(gold);
  for (const Sentence& s : doc.sentences) parser.Parse(doc, s);
  return ScoreParses(gold, doc);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the tiegraph dependency parser"};
  std::string train_path, dev_path, out_path, tagger_path;
  int iterations = 12;
  uint64_t seed = 1;
  double explore = 0.9;
  app.add_option("--train", train_path, "training treebank (CoNLL-U)")->required();
  app.add_option("--dev", dev_path, "development treebank (CoNLL-U), picks the best pass");
  app.add_option("--out", out_path, "model file to write")->required();
  app.add_option("--iterations", iterations, "training passes")->check(CLI::Range(1, 100));
  app.add_option("--seed", seed, "shuffling and exploration seed");
  app.add_option("--explore", explore, "probability of following a wrong prediction (dynamic oracle)");
  int min_feature_count = 5;
  app.add_option("--min-feature-count", min_feature_count, "drop features rarer than this on the gold paths");
  app.add_option("--tagger", tagger_path, "score the dev set on this tagger's predicted tags");
  bool keep_best = false;
  app.add_flag("--keep-best", keep_best, "save the pass with the best dev LAS instead of the last");
  int folds = 0, fold_epochs = 5;
  app.add_option("--jackknife", folds, "train on jackknifed tags from this many folds (0 = off)");
  app.add_option("--fold-epochs", fold_epochs, "tagger epochs per jackknife fold");
  CLI11_PARSE(app, argc, argv);

  auto train = ReadTreebank(train_path);
  if (!train.ok()) {
    std::fprintf(stderr, "train_parser: %s\n", train.status().ToString().c_str());
    return 1;
  }
  std::vector<TreebankSentence> dev;
  if (!dev_path.empty()) {
    auto d = ReadTreebank(dev_path);
    if (!d.ok()) {
      std::fprintf(stderr, "train_parser: %s\n", d.status().ToString().c_str());
      return 1;
    }
    dev = std::move(d).value();
  }
  if (!tagger_path.empty()) {
    auto tagger = Tagger::Load(tagger_path);
    if (!tagger.ok()) {
      std::fprintf(stderr, "train_parser: %s\n", tagger.status().ToString().c_str());
      return 1;
    }
    Retag(*tagger, dev);
  }
  if (folds >= 2) {
    Status st = JackknifeTags(*train, folds, fold_epochs, seed);
    if (!st.ok()) {
      std::fprintf(stderr, "train_parser: %s\n", st.ToString().c_str());
      return 1;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  ParserTrainingOptions options;
  options.seed = seed;
  options.explore_probability = explore;
  options.min_feature_count = min_feature_count;
  ParserTrainer trainer(*train, options);
  std::printf("train: %zu sentences, %zu labels, %d non-projective sentences (%d arcs lifted)\n",
              train->size(), trainer.labels().size(), trainer.num_nonprojective_sentences(),
              trainer.num_lifted_arcs());
  double best_las = -1;
  int best_iteration = -1;
  Result<Parser> best = Status::Internal("no model");
  for (int it = 0; it < iterations; ++it) {
    ParserIterationStats stats = trainer.TrainIteration(it);
    std::printf("pass %2d: %.2f%% transition errors, %.0fs", it + 1,
                100.0 * stats.errors / std::max<int64_t>(stats.transitions, 1), Seconds(start));
    if (!dev.empty() || it == iterations - 1) {
      Result<Parser> snapshot = trainer.Snapshot();
      if (!snapshot.ok()) {
        std::fprintf(stderr, "\ntrain_parser: %s\n", snapshot.status().ToString().c_str());
        return 1;
      }
      double las = 0;
      if (!dev.empty()) {
        AttachmentScores sc = ParseAndScore(*snapshot, dev);
        las = sc.las();
        std::printf("  dev UAS %.2f LAS %.2f (full labels %.2f)", sc.uas(), sc.las(), sc.las_full());
      }
      if (dev.empty() || !keep_best || las > best_las) {
        best_las = las;
        best_iteration = it + 1;
        best = std::move(snapshot);
      }
    }
    std::printf("\n");
    std::fflush(stdout);
  }
  Status saved = best->Save(out_path);
  if (!saved.ok()) {
    std::fprintf(stderr, "train_parser: %s\n", saved.ToString().c_str());
    return 1;
  }
  std::printf("saved pass %d (dev LAS %.2f) to %s: %zu features, %.0fs\n", best_iteration, best_las,
              out_path.c_str(), best->model().num_features(), Seconds(start));
  return 0;
}
