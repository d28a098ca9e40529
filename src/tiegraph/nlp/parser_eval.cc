#include "tiegraph/nlp/parser_eval.h"

#include <string_view>

namespace tiegraph::nlp {

static std::string_view Universal(std::string_view rel) { return rel.substr(0, rel.find(':')); }

AttachmentScores ScoreParses(const std::vector<TreebankSentence>& gold, const Document& parsed) {
  AttachmentScores scores;
  for (size_t s = 0; s < gold.size() && s < parsed.sentences.size(); ++s) {
    const Sentence& sent = parsed.sentences[s];
    for (size_t i = 0; i < gold[s].size() && i < sent.token_count; ++i) {
      const Token& t = parsed.tokens[sent.first_token + i];
      ++scores.words;
      if (t.head != gold[s].head[i]) continue;
      ++scores.head_correct;
      if (Universal(t.deprel) == Universal(gold[s].deprel[i])) ++scores.label_correct;
      if (t.deprel == gold[s].deprel[i]) ++scores.full_label_correct;
    }
  }
  return scores;
}

}  // namespace tiegraph::nlp
