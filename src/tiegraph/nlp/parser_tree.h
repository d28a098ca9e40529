// Checks and repairs on dependency trees given as head arrays.
//
// A tree of n words is heads[0..n]: heads[i] is the head of word i (1-based,
// 0 = root); heads[0] is ignored. IsWellFormedTree: every word has a head in
// 0..n, there are no cycles and exactly one word hangs from the root.
// Projectivize lifts non-projective arcs (the shortest first) to the head's
// head until the tree is projective (pseudo-projective lifting, labels kept).
#pragma once

#include <vector>

namespace tiegraph::nlp {

bool IsWellFormedTree(const std::vector<int>& heads);
bool IsProjective(const std::vector<int>& heads);
// Returns the number of arcs lifted (0 when the tree was projective).
int Projectivize(std::vector<int>& heads);

}  // namespace tiegraph::nlp
