// Tagger: greedy left-to-right part-of-speech tagger over two averaged
// perceptrons: a first pass predicts UPOS, a second XPOS (seeing the
// predicted UPOS of the word and its neighbours). Features: the word, its
// lowercase, prefixes and suffixes, shape, the two previous predicted tags,
// the words and suffixes within two tokens, and ambiguity classes (the tags
// a known word had in training). Frequent unambiguous words are tagged from
// a dictionary.
//
// Tag is const and thread-safe (thread-local scratch; no allocation per
// token once warm). Model file: "TGTAGGER" + classes + dictionary +
// perceptron blob (see perceptron.h); Load reads it with one read.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tiegraph/nlp/perceptron.h"
#include "tiegraph/status.h"
#include "tiegraph/text/document.h"

namespace tiegraph::nlp {

struct WordFeatures;

struct TaggerTrainOptions {
  int epochs = 8;
  uint64_t seed = 1;            // sentence shuffling
  int ambiguity_min_count = 3;  // ambiguity-class features for words seen this often
  int dict_min_count = 20;      // tag-dictionary entries: words seen this often ...
  double dict_min_share = 0.99; // ... with one tag at least this share of the time
  float min_weight = 0.0f;       // drop averaged weights smaller than this (model size)
  std::ostream* log = nullptr;  // per-epoch progress, if set
};

class Tagger {
 public:
  static Result<Tagger> Load(const std::string& path);
  static Result<Tagger> FromBytes(std::string_view bytes);
  Status Save(const std::string& path) const;

  // Trains on the tokens of train, whose upos/xpos hold the gold tags.
  // dev (may be null) is tagged after each epoch for the log.
  static Result<Tagger> Train(const Document& train, const TaggerTrainOptions& options,
                              const Document* dev = nullptr);

  // Fills Token::upos and Token::xpos of the sentence's tokens.
  void Tag(Document& doc, const Sentence& s) const;
  void TagAll(Document& doc) const;

  int num_classes() const { return static_cast<int>(upos_.size() + xpos_.size()); }
  size_t num_features() const { return upos_model_.num_features() + xpos_model_.num_features(); }

 private:
  // Predicted UPOS and XPOS class ids per token of the sentence.
  void Predict(const Document& doc, const Sentence& s, std::vector<int>* upos, std::vector<int>* xpos) const;
  // A sentence's first verb, tagged VBN with no auxiliary before it, between
  // its subject and its object, is finite: VBD ("Sarkozy attacked/VBN Putin
  // .", "Trump praised/VBN Milei ... and invited him"). Sentences ending in a
  // full stop only (headlines drop auxiliaries: "Salvini criticised for ...").
  void EnforceFiniteVerb(const std::vector<WordFeatures>& words, std::vector<int>* xpos) const;
  // Fills xpos_role_, vbd_ and vbn_ from xpos_ (once, when the classes are known).
  void IndexXposRoles();

  std::vector<std::string> upos_, xpos_;       // class names
  // What EnforceFiniteVerb needs of each XPOS class (XposRole bits), and the
  // ids of VBD and VBN (-1 when the tag set lacks them).
  std::vector<uint8_t> xpos_role_;
  int vbd_ = -1, vbn_ = -1;
  // Hash of the form -> (UPOS, XPOS) class ids.
  std::unordered_map<uint64_t, std::pair<int, int>> dict_;
  // Ambiguity classes: hash of the lowercase form -> hash of the set of
  // classes it had in training (frequent words only).
  std::unordered_map<uint64_t, uint64_t> ambiguity_;
  AveragedPerceptron upos_model_, xpos_model_;
};

// UPOS accuracy, XPOS accuracy (percent) of predicted vs gold documents
// with the same tokens.
struct TagAccuracy {
  long tokens = 0, upos_correct = 0, xpos_correct = 0;
  double upos() const { return tokens ? 100.0 * upos_correct / tokens : 0.0; }
  double xpos() const { return tokens ? 100.0 * xpos_correct / tokens : 0.0; }
};
TagAccuracy CompareTags(const Document& gold, const Document& predicted);

}  // namespace tiegraph::nlp
