#include "tiegraph/graph/ego.h"

#include <algorithm>

namespace tiegraph::graph {

EgoSearch::EgoSearch(const Network& network)
    : net_(network), node_seen_(network.node_count(), 0), node_pos_(network.node_count(), 0) {}

EgoNetwork EgoSearch::Run(NodeId centre, int depth, const TieFilter& filter) {
  if (++stamp_ == 0) {  // wrapped: clear
    std::fill(node_seen_.begin(), node_seen_.end(), 0);
    stamp_ = 1;
  }
  const bool filtered = !filter.IsEmpty();
  EgoNetwork ego;
  ego.nodes.push_back(centre);
  ego.depth.push_back(0);
  node_seen_[centre] = stamp_;
  node_pos_[centre] = 0;
  for (size_t head = 0; head < ego.nodes.size(); ++head) {
    const NodeId u = ego.nodes[head];
    const int d = ego.depth[head];
    if (d >= depth) break;  // breadth-first: every later node is as deep
    for (const Edge* e = net_.edges_begin(u); e != net_.edges_end(u); ++e) {
      const NodeId v = e->neighbor;
      if (filtered && (!net_.TieMatches(e->tie, filter) || !net_.NodeMatches(v, filter))) continue;
      if (node_seen_[v] != stamp_) {
        node_seen_[v] = stamp_;
        node_pos_[v] = static_cast<uint32_t>(ego.nodes.size());
        ego.nodes.push_back(v);
        ego.depth.push_back(d + 1);
        ego.ties.push_back(e->tie);
      } else if (node_pos_[v] > head || v == u) {
        // A tie to an already expanded node was taken when that node was expanded.
        ego.ties.push_back(e->tie);
      }
    }
  }
  return ego;
}

}  // namespace tiegraph::graph
