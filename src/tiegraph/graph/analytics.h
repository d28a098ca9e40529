// Whole-network analytics through igraph (0.10):
//  - PageRank: directed, one arc per tie (both ways for symmetric ties),
//    arc weight = the tie's sources; damping 0.85; dangling nodes spread
//    their rank evenly. PageRank iterates on the CSR itself (power method,
//    until the L1 change is under 1e-10, at most 200 rounds); PageRankIgraph asks igraph's
//    PRPACK for the same quantity (slower to set up on large graphs; the
//    tests check that both agree).
//  - Betweenness: undirected, one unweighted edge per connected pair of
//    actors; optional cutoff on path length (-1 = exact, all paths).
//  - Degree: number of distinct neighbours (computed directly on the CSR).
//  - Communities: Louvain (igraph_community_multilevel) on the undirected
//    pair graph weighted by summed sources; seeded so runs repeat.
// Scores are indexed by NodeId. igraph errors come back as Status::Internal.
#pragma once

#include <cstdint>
#include <vector>

#include "tiegraph/graph/network.h"
#include "tiegraph/status.h"

namespace tiegraph::graph {

std::vector<double> PageRank(const Network& network, double damping = 0.85);
Result<std::vector<double>> PageRankIgraph(const Network& network, double damping = 0.85);
Result<std::vector<double>> Betweenness(const Network& network, double cutoff = -1);
std::vector<double> DistinctDegree(const Network& network);

struct Communities {
  std::vector<int32_t> membership;            // by NodeId; community index
  std::vector<std::vector<NodeId>> groups;    // members per community, largest first
  double modularity = 0;
};
Result<Communities> DetectCommunities(const Network& network, uint64_t seed = 42);

// Node ids ordered by score, highest first (ties broken by lower NodeId).
std::vector<NodeId> OrderByScore(const std::vector<double>& scores);

}  // namespace tiegraph::graph
