// train_ner: trains the entity recognizer (models/ner.bin) on an IOB2 file
// (UNER English EWT). Its POS features come from the tagger, so that train
// and test see the same kind of tags, the training sentences are tagged by
// jackknifing: the UD treebank with the same sentences (joined on sent_id)
// is split into --folds parts and each part is tagged by a tagger trained
// on the others. With --folds 0 the given --tagger tags everything.
// Several --train files are concatenated (e.g. train and dev for a final
// model once the epochs are chosen on dev).
//   train_ner --train uner-train.iob2 --pos-train ewt-train.conllu --tagger models/tagger.bin
//             --dev uner-dev.iob2 --out models/ner.bin [--gazetteer names.tsv]
#include <chrono>
#include <fstream>
#include <iostream>
#include <unordered_map>

#include <CLI/CLI.hpp>

#include "tiegraph/nlp/conllu.h"
#include "tiegraph/nlp/entity_recognizer.h"
#include "tiegraph/nlp/features.h"
#include "tiegraph/nlp/tagger.h"

using namespace tiegraph;
using namespace tiegraph::nlp;

namespace {

int Fail(const Status& st) {
  std::cerr << "train_ner: " << st.ToString() << "\n";
  return 1;
}

// Appends src's sentences (with their gold layers) to dst.
void Append(ConllCorpus& dst, ConllCorpus&& src) {
  Document& d = dst.doc;
  if (!d.text.empty()) d.text.push_back('\n');
  const uint32_t text_shift = static_cast<uint32_t>(d.text.size());
  const uint32_t token_shift = static_cast<uint32_t>(d.tokens.size());
  d.text += src.doc.text;
  for (Token t : src.doc.tokens) {
    t.span.begin += text_shift;
    t.span.end += text_shift;
    d.tokens.push_back(std::move(t));
  }
  for (Sentence s : src.doc.sentences) {
    s.span.begin += text_shift;
    s.span.end += text_shift;
    s.first_token += token_shift;
    d.sentences.push_back(s);
  }
  for (ConllSentence& s : src.sentences) dst.sentences.push_back(std::move(s));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the PER/ORG/LOC entity recognizer on an IOB2 file"};
  std::vector<std::string> train_paths;
  std::string pos_train_path, dev_path, tagger_path, gazetteer_path, out_path, dev_out_path;
  int folds = 4, fold_epochs = 6;
  EntityTrainOptions options;
  app.add_option("--train", train_paths, "Training IOB2 file(s), concatenated")->required();
  app.add_option("--pos-train", pos_train_path, "CoNLL-U treebank of the same sentences (for jackknifed POS tags)");
  app.add_option("--tagger", tagger_path, "Tagger model (tags dev, and train when --folds 0)")->required();
  app.add_option("--dev", dev_path, "Development IOB2 file (F1 per epoch)");
  app.add_option("--gazetteer", gazetteer_path, "Optional gazetteer TSV: phrase<TAB>type (P/O/L)");
  app.add_option("--out", out_path, "Model file to write")->required();
  app.add_option("--dev-out", dev_out_path, "Write the final model's dev predictions as CoNLL-U (NER= in MISC)");
  app.add_option("--folds", folds, "Jackknife folds for the training POS tags (0 = use --tagger)")->capture_default_str();
  app.add_option("--fold-epochs", fold_epochs, "Tagger epochs per jackknife fold")->capture_default_str();
  app.add_option("--epochs", options.epochs, "Training epochs")->capture_default_str();
  app.add_option("--seed", options.seed, "Shuffling seed")->capture_default_str();
  bool greedy = false, lowercase_copy = false;
  app.add_flag("--lowercase-copy", lowercase_copy,
               "Also train on an all-lowercase copy of the training sentences that have entities");
  std::string lexicon_path;
  app.add_option("--lexicon", lexicon_path, "Fixed name list (TSV phrase<TAB>type) stored in the model");
  app.add_flag("--greedy", greedy, "Greedy per-token training and decoding (default: structured, Viterbi)");
  app.add_option("--min-weight", options.min_weight, "Drop averaged weights smaller than this (model size)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  auto t0 = std::chrono::steady_clock::now();

  auto train = ReadIob2File(train_paths[0]);
  if (!train.ok()) return Fail(train.status());
  for (size_t k = 1; k < train_paths.size(); ++k) {
    auto more = ReadIob2File(train_paths[k]);
    if (!more.ok()) return Fail(more.status());
    Append(*train, std::move(more).value());
  }
  if (lowercase_copy) {
    // Web text is often written without capitals ("hotels in kerala"):
    // the copy teaches the model the contexts and lexicon matches alone.
    ConllCorpus copy;
    for (size_t si = 0; si < train->sentences.size(); ++si) {
      const ConllSentence& cs = train->sentences[si];
      bool has_entity = false;
      for (const std::string& t : cs.gold_ner) has_entity |= t != "O";
      if (!has_entity) continue;
      const Sentence& s = train->doc.sentences[si];
      Sentence ns;
      ns.first_token = static_cast<uint32_t>(copy.doc.tokens.size());
      ns.token_count = s.token_count;
      uint32_t begin = static_cast<uint32_t>(copy.doc.text.size());
      for (uint32_t k = 0; k < s.token_count; ++k) {
        Token t;
        std::string form(train->doc.TokenText(s.first_token + k));
        for (char& c : form) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        t.span.begin = static_cast<uint32_t>(copy.doc.text.size());
        copy.doc.text += form;
        t.span.end = static_cast<uint32_t>(copy.doc.text.size());
        copy.doc.text.push_back(' ');
        copy.doc.tokens.push_back(std::move(t));
      }
      ns.span = Span{begin, static_cast<uint32_t>(copy.doc.text.size())};
      copy.doc.text.back() = '\n';
      copy.doc.sentences.push_back(ns);
      copy.sentences.push_back(cs);
    }
    std::cerr << "train_ner: lowercase copy of " << copy.sentences.size() << " sentences\n";
    Append(*train, std::move(copy));
  }
  FillGoldLayers(*train);  // Token::ner = gold BILOU
  std::vector<std::string> gold;
  for (const Token& t : train->doc.tokens) gold.push_back(t.ner);

  auto tagger = Tagger::Load(tagger_path);
  if (!tagger.ok()) return Fail(tagger.status());

  Gazetteer gazetteer;
  if (!gazetteer_path.empty()) {
    Status st = gazetteer.LoadTsv(gazetteer_path);
    if (!st.ok()) return Fail(st);
    std::cerr << "train_ner: gazetteer of " << gazetteer.size() << " phrases\n";
  }
  const Gazetteer* gaz = gazetteer_path.empty() ? nullptr : &gazetteer;

  if (folds <= 1 || pos_train_path.empty()) {
    tagger->TagAll(train->doc);
  } else {
    auto treebank = ReadConlluFile(pos_train_path);
    if (!treebank.ok()) return Fail(treebank.status());
    FillGoldLayers(*treebank);
    std::unordered_map<std::string, size_t> fold_of;
    for (size_t si = 0; si < treebank->sentences.size(); ++si) {
      fold_of[treebank->sentences[si].SentId()] = si % folds;
    }
    for (int f = 0; f < folds; ++f) {
      // Training part: every treebank sentence outside fold f.
      Document part;
      for (size_t si = 0; si < treebank->sentences.size(); ++si) {
        if (static_cast<int>(si % folds) == f) continue;
        const Sentence& s = treebank->doc.sentences[si];
        Sentence ns;
        ns.first_token = static_cast<uint32_t>(part.tokens.size());
        ns.token_count = s.token_count;
        for (uint32_t k = 0; k < s.token_count; ++k) {
          Token t = treebank->doc.tokens[s.first_token + k];
          uint32_t begin = static_cast<uint32_t>(part.text.size());
          part.text += treebank->doc.Slice(t.span);
          t.span = Span{begin, static_cast<uint32_t>(part.text.size())};
          part.text.push_back(' ');
          part.tokens.push_back(std::move(t));
        }
        part.sentences.push_back(ns);
      }
      TaggerTrainOptions topt;
      topt.epochs = fold_epochs;
      auto fold_tagger = Tagger::Train(part, topt);
      if (!fold_tagger.ok()) return Fail(fold_tagger.status());
      long tagged = 0;
      for (size_t si = 0; si < train->sentences.size(); ++si) {
        auto it = fold_of.find(train->sentences[si].SentId());
        int sf = it == fold_of.end() ? static_cast<int>(HashBytes(train->sentences[si].SentId()) % folds)
                                     : static_cast<int>(it->second);
        if (sf != f) continue;
        fold_tagger->Tag(train->doc, train->doc.sentences[si]);
        ++tagged;
      }
      std::cerr << "train_ner: jackknife fold " << f + 1 << "/" << folds << " tagged " << tagged << " sentences\n";
    }
  }

  tiegraph::Result<ConllCorpus> dev = Status::NotFound("no dev");
  if (!dev_path.empty()) {
    dev = ReadIob2File(dev_path);
    if (!dev.ok()) return Fail(dev.status());
    FillGoldLayers(*dev);
    tagger->TagAll(dev->doc);
  }
  options.log = &std::cerr;
  options.structured = !greedy;
  Gazetteer lexicon;
  if (!lexicon_path.empty()) {
    Status st = lexicon.LoadTsv(lexicon_path);
    if (!st.ok()) return Fail(st);
    std::cerr << "train_ner: lexicon of " << lexicon.size() << " phrases\n";
    options.lexicon = &lexicon;
  }
  auto ner = EntityRecognizer::Train(train->doc, gold, gaz, options, dev.ok() ? &dev->doc : nullptr);
  if (!ner.ok()) return Fail(ner.status());
  if (!dev_out_path.empty() && dev.ok()) {
    ConllCorpus predicted = *dev;
    ner->RecognizeAll(predicted.doc);
    std::ofstream out(dev_out_path);
    WriteConllu(predicted, out);
    SpanCounts counts = CompareEntities(dev->doc, predicted.doc);
    std::cerr << "train_ner: final dev P " << counts.precision() << " R " << counts.recall() << " F1 " << counts.f1()
              << "\n";
  }
  Status st = ner->Save(out_path);
  if (!st.ok()) return Fail(st);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << "train_ner: " << ner->labels().size() << " labels, " << ner->num_features() << " features, wrote "
            << out_path << " in " << secs << " s\n";
  return 0;
}
