// train_tagger: trains the part-of-speech tagger (models/tagger.bin) on a
// CoNLL-U treebank and reports dev accuracy after each epoch.
//   train_tagger --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu --out models/tagger.bin
#include <chrono>
#include <iostream>

#include <CLI/CLI.hpp>

#include "tiegraph/nlp/conllu.h"
#include "tiegraph/nlp/tagger.h"

using namespace tiegraph::nlp;

int main(int argc, char** argv) {
  CLI::App app{"Train the UPOS/XPOS tagger on a CoNLL-U treebank"};
  std::string train_path, dev_path, out_path;
  TaggerTrainOptions options;
  app.add_option("--train", train_path, "Training CoNLL-U file")->required();
  app.add_option("--dev", dev_path, "Development CoNLL-U file (accuracy per epoch)");
  app.add_option("--out", out_path, "Model file to write")->required();
  app.add_option("--epochs", options.epochs, "Training epochs")->capture_default_str();
  app.add_option("--seed", options.seed, "Shuffling seed")->capture_default_str();
  app.add_option("--min-weight", options.min_weight, "Drop averaged weights smaller than this (model size)")
      ->capture_default_str();
  app.add_option("--dict-min-count", options.dict_min_count, "Tag dictionary: minimum word count")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  auto t0 = std::chrono::steady_clock::now();
  auto train = ReadConlluFile(train_path);
  if (!train.ok()) {
    std::cerr << "train_tagger: " << train.status().ToString() << "\n";
    return 1;
  }
  FillGoldLayers(*train);
  tiegraph::Result<ConllCorpus> dev = tiegraph::Status::NotFound("no dev");
  if (!dev_path.empty()) {
    dev = ReadConlluFile(dev_path);
    if (!dev.ok()) {
      std::cerr << "train_tagger: " << dev.status().ToString() << "\n";
      return 1;
    }
    FillGoldLayers(*dev);
  }
  options.log = &std::cerr;
  auto tagger = Tagger::Train(train->doc, options, dev.ok() ? &dev->doc : nullptr);
  if (!tagger.ok()) {
    std::cerr << "train_tagger: " << tagger.status().ToString() << "\n";
    return 1;
  }
  auto st = tagger->Save(out_path);
  if (!st.ok()) {
    std::cerr << "train_tagger: " << st.ToString() << "\n";
    return 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << "train_tagger: " << tagger->num_classes() << " classes, " << tagger->num_features()
            << " features, wrote " << out_path << " in " << secs << " s\n";
  return 0;
}
