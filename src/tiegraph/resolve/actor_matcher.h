// Cross-document actor matching: when is an actor of one document the same
// actor as one already stored? Pure functions, no state.
//
// Names are compared after NormalizeActorName (accents stripped, case folded,
// possessive 's and punctuation removed, a leading "the" dropped), the same
// normalisation the claim scorer uses. Two actors match when their kb_refs are
// equal, or (when either lacks a kb_ref) their normalised full names and types
// are equal and their countries do not conflict. A shared surname is never
// enough: "Marine Le Pen" and "Jean-Marie Le Pen" stay apart (a bare "Le Pen"
// has already been resolved to the full name inside its own document).
#pragma once

#include <string>
#include <string_view>

namespace tiegraph {

// "The Kremlin's" -> "kremlin"; "Jean-Marie Le Pen" -> "jean marie le pen";
// "Élysée" -> "elysee". Invalid UTF-8 is folded as far as possible, never fails.
std::string NormalizeActorName(std::string_view name);

// What cross-document matching looks at.
struct ActorKey {
  std::string name;     // NormalizeActorName of the actor's fullest name
  std::string type;     // Person | Organization | Country
  std::string country;  // ISO-2, "" unknown
  std::string kb_ref;   // "" none
};

ActorKey MakeActorKey(std::string_view name, std::string_view type, std::string_view country,
                      std::string_view kb_ref);

// True when a and b denote the same actor under the rules above.
bool SameActor(const ActorKey& a, const ActorKey& b);

// How well a user's query (a name or alias, any case) names an actor whose
// normalised name is `actor_name`: 3 exact, 2 the query's tokens are the
// actor's last tokens ("le pen" for "marine le pen"), 1 every query token is
// one of the actor's tokens, 0 no match. Used to pick the best FindActor hit.
int NameMatchScore(std::string_view normalized_query, std::string_view actor_name);

}  // namespace tiegraph
