#include "tiegraph/graph/ego.h"

#include <algorithm>

namespace tiegraph::graph {

EgoSearch::EgoSearch(const Network& network)
    : net_(network), node_seen_(network.node_count(), 0), tie_seen_(network.ties().size(), 0) {}

EgoNetwork EgoSearch::Run(NodeId centre, int depth, const TieFilter& filter) {
  if (++stamp_ == 0) {  // wrapped: clear
    std::fill(node_seen_.begin(), node_seen_.end(), 0);
    std::fill(tie_seen_.begin(), tie_seen_.end(), 0);
    stamp_ = 1;
  }
  const bool filtered = !filter.IsEmpty();
  EgoNetwork ego;
  ego.nodes.push_back(centre);
  ego.depth.push_back(0);
  node_seen_[centre] = stamp_;
  for (size_t head = 0; head < ego.nodes.size(); ++head) {
    const NodeId u = ego.nodes[head];
    const int d = ego.depth[head];
    if (d >= depth) break;  // breadth-first: every later node is as deep
    for (const Edge* e = net_.edges_begin(u); e != net_.edges_end(u); ++e) {
      if (filtered && (!net_.TieMatches(e->tie, filter) || !net_.NodeMatches(e->neighbor, filter))) continue;
      if (tie_seen_[e->tie] != stamp_) {
        tie_seen_[e->tie] = stamp_;
        ego.ties.push_back(e->tie);
      }
      if (node_seen_[e->neighbor] != stamp_) {
        node_seen_[e->neighbor] = stamp_;
        ego.nodes.push_back(e->neighbor);
        ego.depth.push_back(d + 1);
      }
    }
  }
  return ego;
}

}  // namespace tiegraph::graph
