// Relation weights: the ONE table that gives each of the 12 claim relations
// of GUIDELINES.md its direction (symmetric or not) and a signed weight in
// the spirit of CAMEO's Goldstein scale (-10 hostile .. +10 cooperative).
// docs/relations.md explains every value. Negation: a denied cooperative
// relation weighs -0.5 x its weight (distance, not hostility); a denied
// hostile relation weighs 0 (not doing harm is no friendship); neutral stays 0.
#pragma once

#include <string_view>

namespace tiegraph::graph {

struct RelationInfo {
  std::string_view name;       // "praise"
  bool symmetric;              // meet, business, social, aligned, linked
  double weight;               // Goldstein-like, affirmative claim
  std::string_view cameo;      // CAMEO code family it maps to
  std::string_view ftm;        // FollowTheMoney schema
  // A standing tie (membership, collaboration, business, friendship,
  // alignment, a link) rather than an act at a moment (praise, a meeting,
  // a loan): an article's publication date does not date it.
  bool standing;
};

// All 12 relations, in GUIDELINES.md order.
constexpr int kRelationCount = 12;
const RelationInfo& RelationAt(int index);

// Index of relation `name` into the table, or -1 if unknown.
int RelationIndex(std::string_view name);

// Signed weight of one claim: the table's weight, changed by negation as
// stated above. Unknown relations weigh 0.
double ClaimWeight(int relation_index, bool negated);
double ClaimWeight(std::string_view relation, bool negated);

// -1, 0 or +1.
int SignOf(double weight);

}  // namespace tiegraph::graph
