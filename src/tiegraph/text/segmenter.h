// Sentence segmentation over the tokens of a Document.
//
// A sentence ends after ".", "!", "?" or "…" (with any closing quotes and
// brackets that follow), at a blank line, and at a line break that ends a
// line which is not hard-wrapped mid-sentence (headings, list items).
// It does not end after titles ("Mr.", "Dr."), initials ("J."), decimals,
// or an abbreviation followed by a lower-case word or a digit.
#pragma once

#include "tiegraph/text/document.h"

namespace tiegraph {

// Replaces doc.sentences; requires doc.tokens (see Tokenize).
void Segment(Document& doc);

// Tokenize then Segment.
void SegmentAndTokenize(Document& doc);

}  // namespace tiegraph
