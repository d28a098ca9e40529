// Paths: how two actors are connected. Ties are taken as undirected and
// every hop costs 1; the k shortest loopless paths come from Yen's algorithm
// over a bidirectional breadth-first search. A hop between two actors stands
// for all the passing ties between them (its evidence); paths differ in
// their sequence of actors. Paths of equal length come in discovery order.
#pragma once

#include <vector>

#include "tiegraph/graph/network.h"

namespace tiegraph::graph {

struct Path {
  std::vector<NodeId> nodes;              // from ... to
  std::vector<std::vector<TieId>> hops;   // hops[i]: ties between nodes[i] and nodes[i+1], strongest first
  size_t length() const { return hops.size(); }
};

// Reusable scratch for many queries on one network (one PathFinder per thread).
class PathFinder {
 public:
  explicit PathFinder(const Network& network);

  // Shortest path's nodes from `from` to `to`, or empty if none.
  std::vector<NodeId> Shortest(NodeId from, NodeId to, const TieFilter& filter = {});

  // Up to k shortest loopless paths, shortest first, with their evidence.
  std::vector<Path> KShortest(NodeId from, NodeId to, int k, const TieFilter& filter = {});

 private:
  // Bidirectional BFS avoiding banned nodes and, from `spur`, banned next nodes.
  std::vector<NodeId> Search(NodeId from, NodeId to, const TieFilter& filter, NodeId spur,
                             const std::vector<NodeId>& banned_next);
  bool Usable(const Edge& e, const TieFilter& filter) const;
  std::vector<TieId> HopTies(NodeId a, NodeId b, const TieFilter& filter) const;

  const Network& net_;
  std::vector<uint32_t> seen_fwd_, seen_bwd_, banned_;
  std::vector<NodeId> parent_fwd_, parent_bwd_;
  uint32_t stamp_ = 0;
  bool filtered_ = false;
};

}  // namespace tiegraph::graph
