// Ego network: the actors within k ties of a centre, and the ties that reach
// them. Breadth-first over ties that pass the filter (TieFilter); with a
// country filter, nodes other than the centre must have that country. The
// result holds every node at depth <= k and every passing tie incident to a
// node at depth < k (so ties between two nodes at depth k are left out).
#pragma once

#include <vector>

#include "tiegraph/graph/network.h"

namespace tiegraph::graph {

struct EgoNetwork {
  std::vector<NodeId> nodes;   // breadth-first order; nodes[0] is the centre
  std::vector<int> depth;      // depth[i] of nodes[i]
  std::vector<TieId> ties;     // each once, in discovery order
};

// Reusable scratch for many queries on one network (not thread-safe: one
// EgoSearch per thread).
class EgoSearch {
 public:
  explicit EgoSearch(const Network& network);
  EgoNetwork Run(NodeId centre, int depth, const TieFilter& filter = {});

 private:
  const Network& net_;
  std::vector<uint32_t> node_seen_;  // stamp == current query
  std::vector<uint32_t> node_pos_;   // index into EgoNetwork::nodes
  uint32_t stamp_ = 0;
};

}  // namespace tiegraph::graph
