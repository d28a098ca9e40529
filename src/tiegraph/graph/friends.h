// "Friends of X" and interlocks.
//
// FriendsOf ranks every actor tied to X by its signed stance toward X: the
// sum of Tie::Strength() (weight x sources, halved if alleged) over its ties
// to X where it is the subject, plus symmetric ties. X's own ties toward it
// are summed apart as `reciprocal`. Highest score first: friends on top,
// foes at the bottom; each with its ties as evidence.
//
// Interlocks of X: the other actors that share neighbours with X (ties to a
// common third actor, as LittleSis's interlocks), most shared first.
#pragma once

#include <cstddef>
#include <vector>

#include "tiegraph/graph/network.h"

namespace tiegraph::graph {

struct Friend {
  NodeId node = -1;
  double score = 0;        // stance toward X
  double reciprocal = 0;   // X's stance toward node (directed ties from X)
  std::vector<TieId> ties; // all ties between node and X
};
std::vector<Friend> FriendsOf(const Network& network, NodeId x, const TieFilter& filter = {});

struct Interlock {
  NodeId node = -1;
  std::vector<NodeId> shared;  // common neighbours, ascending NodeId
};
std::vector<Interlock> Interlocks(const Network& network, NodeId x, size_t limit = 50);

}  // namespace tiegraph::graph
