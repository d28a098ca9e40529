// CoNLL-U and IOB2 corpora: pre-tokenised sentences read into a Document.
//
// Document::text is the forms of the words joined by single spaces, one
// sentence per line, so every Token::span points at its form. Only word
// lines (integer ids) become Tokens; multiword-token lines ("1-2") and empty
// nodes ("1.1") are kept in ConllSentence::lines, so that WriteConllu can
// reproduce them, but never reach the models. Gold columns stay in the
// lines for evaluation; the Tokens start with empty tags.
//
// IOB2 files (UNER: id, form, tag, ...) read the same way: each line's
// columns become a CoNLL-U line with the form and "_" elsewhere, and the
// tag goes to ConllSentence::gold_ner.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "tiegraph/status.h"
#include "tiegraph/text/document.h"

namespace tiegraph::nlp {

// One token line, split into its 10 columns (ID FORM LEMMA UPOS XPOS FEATS
// HEAD DEPREL DEPS MISC).
struct ConllLine {
  std::string cols[10];
  const std::string& id() const { return cols[0]; }
  bool is_word() const;  // integer id: a syntactic word, fed to the models
};

struct ConllSentence {
  std::vector<std::string> comments;  // "# sent_id = ..." lines, without the newline
  std::vector<ConllLine> lines;       // every token line, in file order
  std::vector<int> word_lines;        // indexes into lines of the words, in order
  std::vector<std::string> gold_ner;  // per word: IOB2 tag, from an IOB2 file or MISC NER=; may be empty
  std::string SentId() const;         // value of "# sent_id = ", or ""
};

struct ConllCorpus {
  Document doc;                          // one Sentence per ConllSentence, Tokens for the words
  std::vector<ConllSentence> sentences;  // parallel to doc.sentences
};

Result<ConllCorpus> ParseConllu(std::string_view content, const std::string& name = "conllu");
Result<ConllCorpus> ParseIob2(std::string_view content, const std::string& name = "iob2");
Result<ConllCorpus> ReadConlluFile(const std::string& path);
Result<ConllCorpus> ReadIob2File(const std::string& path);

// Copies the gold columns into corpus.doc's tokens: UPOS, XPOS, HEAD,
// DEPREL ("_" stays empty / -1) and, where gold_ner is complete, Token::ner
// as BILOU. For training and evaluation.
void FillGoldLayers(ConllCorpus& corpus);

// Writes the corpus as CoNLL-U with the predicted layers of corpus.doc:
// UPOS, XPOS, HEAD, DEPREL ("_" where a layer is empty or unparsed) and
// MISC "NER=<BIO tag>" (when Token::ner is set) plus the input's
// SpaceAfter=No. Comments, ids and forms come from the input; LEMMA, FEATS
// and DEPS are "_". Multiword and empty-node lines are kept.
void WriteConllu(const ConllCorpus& corpus, std::ostream& out);

}  // namespace tiegraph::nlp
