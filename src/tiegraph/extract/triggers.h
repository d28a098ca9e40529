// Trigger lexicon: words that express one of the 12 relations of
// GUIDELINES.md, with the prepositions that introduce their arguments.
//
// A verb trigger takes its subject from nsubj (or the "by" phrase in the
// passive) and its object from obj or a listed preposition. A noun trigger
// ("admirer of", "a loan from", "meetings with") takes its object from a
// listed preposition and its subject from a possessor, a demonym, the noun it
// is predicated of, or the subject of the verb that governs it.
// Lookup is by lower-cased word with simple inflection stripping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tiegraph {

enum class TriggerPos : uint8_t { kVerb, kNoun, kAdjective };

struct Trigger {
  std::string_view lemma;
  TriggerPos pos;
  std::string_view relation;
  // Prepositions that introduce the object ("of", "with", "to", ...).
  std::vector<std::string_view> object_preps;
  // Prepositions that introduce the subject ("from" in "a loan from X").
  std::vector<std::string_view> subject_preps;
  // The noun names its subject ("an admirer of X", "leader of X"): the
  // subject is what the noun is predicated of.
  bool agent_noun = false;
  // The grammatical subject receives rather than gives ("X received a loan from Y").
  bool reversed = false;
};

// All triggers whose lemma matches `lower_word` (after inflection stripping).
std::vector<const Trigger*> FindTriggers(std::string_view lower_word);

// The CAMEO event code families mapped to relations ("051" -> "praise").
// Empty if the code maps to none.
std::string_view RelationOfCameoCode(std::string_view code);

// True for symmetric relations (meet, business, social, aligned, linked).
bool IsSymmetricRelation(std::string_view relation);

}  // namespace tiegraph
