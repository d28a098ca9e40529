// Parser: labelled greedy transition-based dependency parser (arc-hybrid,
// averaged perceptron over the features of parser_features.h).
//
// Parse reads the words and Token::upos/xpos of one sentence and fills
// Token::head (1-based within the sentence, 0 = root) and Token::deprel (UD
// relation with subtype, e.g. "nsubj:pass"). Every sentence gets one complete
// tree with a single root. A loaded Parser is immutable: Parse is const and
// safe to call from many threads at once.
//
// Model file: "TGPARSE1", u32 label count, the labels, then the perceptron blob.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tiegraph/nlp/parser_features.h"
#include "tiegraph/nlp/perceptron.h"
#include "tiegraph/status.h"
#include "tiegraph/text/document.h"

namespace tiegraph::nlp {

class Parser {
 public:
  Parser() = default;
  Parser(std::vector<std::string> labels, AveragedPerceptron model);

  static Result<Parser> Load(const std::string& path);
  static Result<Parser> FromBytes(std::string_view bytes);
  Status Save(const std::string& path) const;
  Status Save(std::ostream& out) const;

  void Parse(Document& doc, const Sentence& s) const;

  // Parses one prepared sentence: heads[1..n] and labels[1..n] (label ids).
  void ParseInput(const ParserInput& input, int* heads, int* labels) const;

  const std::vector<std::string>& labels() const { return labels_; }
  const AveragedPerceptron& model() const { return model_; }

 private:
  std::vector<std::string> labels_;
  AveragedPerceptron model_;
};

// Picks the legal action with the highest score (ties: the lowest id).
int BestLegalAction(const ArcHybridState& state, const float* scores, int num_actions);

}  // namespace tiegraph::nlp
