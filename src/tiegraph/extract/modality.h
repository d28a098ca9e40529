// Negation and modality of a claim's trigger.
//
// Negated: the trigger (or the verb or copula that governs it) has "not",
// "n't", "never", "no", or, without a parse, one of them just before it.
// Alleged: the sentence reports allegations, reports, evidence or hedges
// ("allegations of", "reportedly", "is said to", "according to reports",
// "there is evidence that", "suspected", "claims that").
#pragma once

#include "tiegraph/text/document.h"

namespace tiegraph {

bool IsNegated(const Document& doc, const Sentence& s, uint32_t trigger_token);
bool HasAllegationCue(const Document& doc, const Sentence& s);

}  // namespace tiegraph
