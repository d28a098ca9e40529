// Entity tag schemes: BILOU (what the recognizer predicts and Token::ner
// holds) and IOB2/BIO (what corpora and the CoNLL-U output use), and
// entity spans over a sentence's tags.
//   BILOU: B-X begin, I-X inside, L-X last, U-X unit (one token), O outside.
//   BIO:   B-X begin, I-X inside, O outside.
// Conversions are tolerant: an I- that cannot continue an entity starts one
// (the conlleval convention), so any tag sequence gives well-formed spans.
#pragma once

#include <string>
#include <vector>

namespace tiegraph::nlp {

struct EntitySpan {
  int begin = 0;  // first token (0-based, within the sentence)
  int end = 0;    // one past the last token
  std::string type;
  bool operator==(const EntitySpan& o) const { return begin == o.begin && end == o.end && type == o.type; }
};

std::vector<EntitySpan> SpansFromBio(const std::vector<std::string>& tags);
std::vector<EntitySpan> SpansFromBilou(const std::vector<std::string>& tags);
std::vector<std::string> SpansToBio(const std::vector<EntitySpan>& spans, int n);
std::vector<std::string> SpansToBilou(const std::vector<EntitySpan>& spans, int n);
std::vector<std::string> BioToBilou(const std::vector<std::string>& tags);
std::vector<std::string> BilouToBio(const std::vector<std::string>& tags);

// Exact-match (span and type) precision/recall/F1 counts.
struct SpanCounts {
  long gold = 0, predicted = 0, correct = 0;
  void Add(const std::vector<EntitySpan>& gold_spans, const std::vector<EntitySpan>& predicted_spans);
  double precision() const { return predicted ? static_cast<double>(correct) / predicted : 0.0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

}  // namespace tiegraph::nlp
