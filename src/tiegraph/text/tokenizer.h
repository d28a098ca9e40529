// Tokenizer: splits Document::text into Tokens (byte spans), in the style of
// the Universal Dependencies English treebanks: punctuation and quotes apart,
// clitics split ("Putin's" -> "Putin" "'s", "don't" -> "do" "n't"), numbers
// with separators kept whole ("9.5", "1,000"), abbreviations and initials keep
// their period ("Mr.", "U.S.", "J."), hyphenated words kept whole.
#pragma once

#include <string_view>

#include "tiegraph/text/document.h"

namespace tiegraph {

// Replaces doc.tokens with the tokens of doc.text. Sentences are not touched.
void Tokenize(Document& doc);

// True if `word` (without its final period) is a known abbreviation that takes
// a period: titles (Mr, Dr, Gen), months (Jan), Latin (e.g, etc), corporate (Inc).
bool IsKnownAbbreviation(std::string_view word);

// True for titles that always precede a name (Mr., Dr., Gen.): never sentence ends.
bool IsTitleAbbreviation(std::string_view word_with_period);

}  // namespace tiegraph
