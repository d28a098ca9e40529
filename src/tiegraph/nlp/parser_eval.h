// Attachment scores of a Parser against gold trees, CoNLL 2018 style:
// every word counts, punctuation included. LAS compares the universal
// relation (subtype after ':' ignored, as the CoNLL 2018 scorer does);
// las_full also requires the subtype to match.
#pragma once

#include <vector>

#include "tiegraph/nlp/parser_treebank.h"
#include "tiegraph/text/document.h"

namespace tiegraph::nlp {

struct AttachmentScores {
  long words = 0, head_correct = 0, label_correct = 0, full_label_correct = 0;
  double uas() const { return words ? 100.0 * head_correct / words : 0.0; }
  double las() const { return words ? 100.0 * label_correct / words : 0.0; }
  double las_full() const { return words ? 100.0 * full_label_correct / words : 0.0; }
};

// parsed: a Document with one Sentence per gold sentence, as from ToDocument,
// whose tokens hold the predicted head and deprel.
AttachmentScores ScoreParses(const std::vector<TreebankSentence>& gold, const Document& parsed);

}  // namespace tiegraph::nlp
