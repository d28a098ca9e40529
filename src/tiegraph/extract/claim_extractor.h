// ClaimExtractor: finds the claims of a resolved Document.
//
// For each trigger (triggers.h) in a sentence it finds the subject and object
// actors on the dependency parse: active and passive voice, nominal triggers
// with their prepositions, possessors and demonyms ("Russian financial
// support for X"), predicate nouns ("X is an admirer of Y"), coordination,
// appositions, relative clauses, control ("helped him defeat X"), and
// "between X and Y". Without a parse it falls back to the nearest actors on
// either side. Office-holder patterns ("the Brazilian president, Bolsonaro",
// "CIA director") give `member` claims. Each claim gets negation, modality
// (alleged inside allegations and inside another speaker's reported speech),
// the nearest time expression, the quote that carries it and its sentence.
// Const and thread-safe.
#pragma once

#include "tiegraph/text/document.h"

namespace tiegraph {

class CameoVerbs;

class ClaimExtractor {
 public:
  ClaimExtractor() = default;
  // With a CAMEO verb dictionary (cameo_dictionary.h): a VERB the trigger
  // lexicon lacks whose CAMEO code maps to a relation is a verb trigger too.
  explicit ClaimExtractor(const CameoVerbs* cameo) : cameo_(cameo) {}
  void Extract(Document& doc) const;

 private:
  const CameoVerbs* cameo_ = nullptr;
};

}  // namespace tiegraph
