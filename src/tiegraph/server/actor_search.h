// Actor search for the API's search box: prefix and fuzzy matching of a
// typed query against every actor's name and aliases (ASCII case-folded).
// Each actor gets its best match over name and aliases, in this order:
//   exact   the whole name or alias
//   prefix  the name/alias, or one of its words, starts with the query
//   substring  the query occurs inside
//   fuzzy   edit distance (Levenshtein with transpositions) to the whole
//           name/alias, or to a run of as many words as the query has, is
//           at most 1 for queries of 4-7 bytes, 2 for 8 or more (none below 4)
// Results: best kind first, then most ties, then name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tiegraph/graph/network.h"

namespace tiegraph::server {

enum class MatchKind { kNone = 0, kFuzzy = 1, kSubstring = 2, kPrefix = 3, kExact = 4 };
const char* MatchKindName(MatchKind kind);  // "exact", "prefix", ...

struct ActorMatch {
  graph::NodeId node = -1;
  MatchKind kind = MatchKind::kNone;
  std::string matched;  // the name or alias that matched
  int distance = 0;     // edit distance (fuzzy only)
};

// Empty query: every actor, most ties first. `type` ("" = any) restricts to
// Person, Organization or Country. `degree` is indexed by NodeId.
std::vector<ActorMatch> SearchActors(const graph::Network& network, const std::vector<double>& degree,
                                     std::string_view query, std::string_view type, size_t limit);

// Optimal string alignment distance (Damerau-Levenshtein, adjacent
// transpositions), stopping early above max_distance (returns max_distance + 1).
int EditDistance(std::string_view a, std::string_view b, int max_distance);

}  // namespace tiegraph::server
