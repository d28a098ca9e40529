// Minimal CoNLL-U reading for the parser's trainer, evaluator and tests.
//
// ReadTreebank keeps the syntactic words of each sentence (integer ids);
// multiword-token ranges ("3-4") and empty nodes ("8.1") are skipped.
// ToDocument lays the words of sentences out as one Document (words joined by
// spaces, one Sentence per tree) with gold upos/xpos but no head or deprel.
#pragma once

#include <string>
#include <vector>

#include "tiegraph/status.h"
#include "tiegraph/text/document.h"

namespace tiegraph::nlp {

struct TreebankSentence {
  std::vector<std::string> form, upos, xpos, deprel;  // index 0 = first word
  std::vector<int> head;                              // 1-based, 0 = root
  size_t size() const { return form.size(); }
};

Result<std::vector<TreebankSentence>> ReadTreebank(const std::string& path);

Document ToDocument(const std::vector<TreebankSentence>& sentences);

}  // namespace tiegraph::nlp
