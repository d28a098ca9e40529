// EntityRecognizer: named entities (PER, ORG, LOC) as BILOU tags, by an
// averaged perceptron over the features of NerSentence (ner_features.h:
// words, shapes, affixes, predicted POS -- run the Tagger first --,
// capitalised runs, casing in neighbouring sentences, the previous entity
// tag, Gazetteer matches, and a fixed lexicon of place names stored in the
// model). A model trained with a gazetteer still runs without one.
// Decoding is Viterbi over valid BILOU sequences (greedy for a model
// trained greedily); training is the structured perceptron (Collins 2002)
// or, with structured = false, greedy per token.
//
// Recognize is const and thread-safe (thread-local scratch). Pass s as a
// reference into doc.sentences: the features look at how words are written
// in the neighbouring sentences (a copy is read as a lone sentence). It sets
// Token::ner for the sentence's tokens and appends one Mention per entity
// (label "PER"/"ORG"/"LOC", tokens [first_token, last_token) in document
// token indexes). Model file: "TGNER002", flags, labels, the optional
// lexicon, the perceptron blob.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "tiegraph/nlp/bilou.h"
#include "tiegraph/nlp/gazetteer.h"
#include "tiegraph/nlp/ner_features.h"
#include "tiegraph/nlp/perceptron.h"
#include "tiegraph/status.h"
#include "tiegraph/text/document.h"

namespace tiegraph::nlp {

struct EntityTrainOptions {
  int epochs = 10;
  uint64_t seed = 7;            // sentence shuffling
  float min_weight = 0.0f;      // drop averaged weights smaller than this (model size)
  bool structured = true;       // sentence-level Viterbi training and decoding; false: greedy
  const Gazetteer* lexicon = nullptr;  // fixed name list stored in the model (may be null)
  std::ostream* log = nullptr;  // per-epoch progress, if set
};

class EntityRecognizer {
 public:
  // gazetteer may be null; if not, it must outlive the recognizer.
  static Result<EntityRecognizer> Load(const std::string& path, const Gazetteer* gazetteer);
  static Result<EntityRecognizer> FromBytes(std::string_view bytes, const Gazetteer* gazetteer);
  Status Save(const std::string& path) const;

  // Trains on train, whose tokens carry predicted upos/xpos; gold_bilou
  // has one BILOU tag per token of train. dev (may be null; tokens with
  // predicted POS, Token::ner = gold BILOU) is scored after each epoch.
  static Result<EntityRecognizer> Train(const Document& train, const std::vector<std::string>& gold_bilou,
                                        const Gazetteer* gazetteer, const EntityTrainOptions& options,
                                        const Document* dev = nullptr);

  void Recognize(Document& doc, const Sentence& s) const;
  void RecognizeAll(Document& doc) const;

  const std::vector<std::string>& labels() const { return labels_; }
  size_t num_features() const { return model_.num_features(); }

 private:
  // Best valid BILOU label ids for the sentence.
  void Predict(const Document& doc, const Sentence& s, std::vector<int>* labels) const;

  std::vector<std::string> labels_;  // "O", "B-LOC", ...
  std::vector<char> prefix_;         // per label: 'O', 'B', 'I', 'L', 'U'
  std::vector<int> type_;            // per label: index of its type, -1 for O
  std::vector<std::string> types_;   // "LOC", "ORG", "PER"
  bool viterbi_ = true;              // decoder: Viterbi, else greedy
  Gazetteer lexicon_;                // fixed list stored in the model; may be empty
  const Gazetteer* gazetteer_ = nullptr;
  AveragedPerceptron model_;

  friend struct EntityTrainer;
};

// Exact span+type counts of predicted vs gold BILOU tags, sentence by
// sentence, over documents with the same sentences (gold in
// gold.tokens[].ner).
SpanCounts CompareEntities(const Document& gold, const Document& predicted);

}  // namespace tiegraph::nlp
