// NerSentence: the entity recognizer's features for one sentence.
//
// Prepare() computes once per sentence, without allocating once warm, each
// token's word hashes (WordFeatures), POS hashes, capitalised run (a
// maximal stretch of capitalised words, "of"/"and"/"&"/"for"/"de"/"the"
// allowed inside: "Housing Authority of New Orleans"), the sentence's
// casing style, the Gazetteer and lexicon matches, and how each word is
// written in the neighbouring sentences of the document (kDocumentWindow
// sentences either side, when s is one of doc.sentences): capitalised
// inside a sentence, lowercase. Then:
//   StaticFeatures(i)       features of token i that do not depend on labels
//   LabelFeatures(i, prev)  features conjoined with the previous token's
//                           label id (prev = kStart before the first token)
// Feature hashes are part of the model format (ner.bin): never renumber a
// template. Tokens must carry upos/xpos (run the Tagger first).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "tiegraph/nlp/gazetteer.h"
#include "tiegraph/nlp/word_features.h"
#include "tiegraph/text/document.h"

namespace tiegraph::nlp {

class NerSentence {
 public:
  static constexpr size_t kMaxStatic = 80;
  static constexpr size_t kMaxLabel = 8;
  static constexpr uint64_t kStart = 1000;  // "previous label" of the first token
  static constexpr int kDocumentWindow = 8;

  // gazetteer: the run-time list (the knowledge base's names); lexicon: a
  // fixed list stored in the model (place names). Either may be null.
  void Prepare(const Document& doc, const Sentence& s, const Gazetteer* gazetteer,
               const Gazetteer* lexicon = nullptr);
  int size() const { return n_; }

  // Writes at most kMaxStatic / kMaxLabel hashes to out; returns the count.
  size_t StaticFeatures(int i, uint64_t* out) const;
  size_t LabelFeatures(int i, uint64_t prev_label, uint64_t* out) const;

  // Capitalised run of token i: [run_begin, run_end), or empty (begin ==
  // end == i) when token i is in none. Exposed for tests.
  int run_begin(int i) const { return runs_[i].begin; }
  int run_end(int i) const { return runs_[i].end; }

 private:
  static constexpr int kPad = 3;
  void FillDocumentUse(const Document& doc, const Sentence& s);
  struct Run {
    int begin = 0, end = 0;
  };

  int n_ = 0;
  uint64_t style_ = 0;
  std::vector<WordFeatures> words_;  // padded by kPad on each side
  std::vector<uint64_t> upos_, xpos_;  // padded
  std::vector<uint64_t> lowers_;     // unpadded, for the gazetteer
  std::vector<Run> runs_;            // unpadded
  std::vector<Gazetteer::Match> matches_;
  std::vector<std::vector<uint64_t>> gaz_;  // per token: gazetteer values
  std::vector<uint8_t> elsewhere_;          // per token: DocumentUse bits
  std::vector<uint64_t> lexicon_;           // per token: lexicon value of the longest match, 0 = none
  std::vector<std::pair<uint64_t, uint8_t>> doc_table_;  // open addressing: lowercase hash -> bits
};

}  // namespace tiegraph::nlp
