#include "tiegraph/graph/relation_weights.h"

#include <array>

namespace tiegraph::graph {
namespace {

// Values follow the Goldstein (1992) weights of the CAMEO root codes named in
// the cameo column, rounded; see docs/relations.md.
constexpr std::array<RelationInfo, kRelationCount> kRelations = {{
    {"praise", false, 3.4, "051 praise or endorse", "UnknownLink", false},
    {"criticize", false, -2.0, "111 criticize or denounce", "UnknownLink", false},
    {"meet", true, 1.9, "043/044 make a visit, meet", "UnknownLink", false},
    {"fund", false, 7.4, "071 provide economic aid", "Payment/Debt", false},
    {"business", true, 6.4, "061 cooperate economically", "UnknownLink", true},
    {"collaborate", false, 6.0, "06 engage in material cooperation", "Employment/Representation", true},
    {"member", false, 0.0, "(none: affiliation)", "Membership/Directorship", true},
    {"support", false, 5.0, "05/07 diplomatic cooperation, provide aid", "UnknownLink", false},
    {"oppose", false, -7.0, "16/17 reduce relations, coerce", "UnknownLink", false},
    {"social", true, 3.0, "(none: personal tie)", "Associate", true},
    {"aligned", true, 2.0, "(none: shared goals)", "UnknownLink", true},
    {"linked", true, 0.0, "(none: unspecified tie)", "UnknownLink", true},
}};

}  // namespace

const RelationInfo& RelationAt(int index) { return kRelations.at(index); }

int RelationIndex(std::string_view name) {
  for (int i = 0; i < kRelationCount; ++i) {
    if (kRelations[i].name == name) return i;
  }
  return -1;
}

double ClaimWeight(int relation_index, bool negated) {
  if (relation_index < 0 || relation_index >= kRelationCount) return 0.0;
  double w = kRelations[relation_index].weight;
  if (!negated) return w;
  return w > 0 ? -0.5 * w : 0.0;
}

double ClaimWeight(std::string_view relation, bool negated) {
  return ClaimWeight(RelationIndex(relation), negated);
}

int SignOf(double weight) { return weight > 0 ? 1 : (weight < 0 ? -1 : 0); }

}  // namespace tiegraph::graph
