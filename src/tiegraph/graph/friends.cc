#include "tiegraph/graph/friends.h"

#include <algorithm>
#include <unordered_map>

namespace tiegraph::graph {

std::vector<Friend> FriendsOf(const Network& net, NodeId x, const TieFilter& filter) {
  const bool filtered = !filter.IsEmpty();
  std::unordered_map<NodeId, size_t> index;
  std::vector<Friend> out;
  for (const Edge* e = net.edges_begin(x); e != net.edges_end(x); ++e) {
    if (e->neighbor == x) continue;
    if (filtered && (!net.TieMatches(e->tie, filter) || !net.NodeMatches(e->neighbor, filter))) continue;
    auto [it, inserted] = index.try_emplace(e->neighbor, out.size());
    if (inserted) out.push_back(Friend{e->neighbor, 0, 0, {}});
    Friend& f = out[it->second];
    const Tie& t = net.tie(e->tie);
    f.ties.push_back(e->tie);
    if (t.symmetric || t.subject == e->neighbor) f.score += t.Strength();
    if (!t.symmetric && t.subject == x) f.reciprocal += t.Strength();
  }
  std::stable_sort(out.begin(), out.end(), [](const Friend& a, const Friend& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.reciprocal != b.reciprocal) return a.reciprocal > b.reciprocal;
    return a.node < b.node;
  });
  return out;
}

std::vector<Interlock> Interlocks(const Network& net, NodeId x, size_t limit) {
  std::unordered_map<NodeId, std::vector<NodeId>> shared;
  std::vector<NodeId> neighbours;
  for (const Edge* e = net.edges_begin(x); e != net.edges_end(x); ++e) {
    if (e->neighbor != x) neighbours.push_back(e->neighbor);
  }
  std::sort(neighbours.begin(), neighbours.end());
  neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
  for (NodeId mid : neighbours) {
    NodeId last = -1;
    // edges of mid are grouped by tie, not by neighbour: dedupe per mid with a small set.
    std::vector<NodeId> others;
    for (const Edge* e = net.edges_begin(mid); e != net.edges_end(mid); ++e) {
      if (e->neighbor != x && e->neighbor != mid) others.push_back(e->neighbor);
    }
    std::sort(others.begin(), others.end());
    for (NodeId y : others) {
      if (y == last) continue;
      last = y;
      shared[y].push_back(mid);
    }
  }
  std::vector<Interlock> out;
  out.reserve(shared.size());
  for (auto& [node, mids] : shared) out.push_back(Interlock{node, std::move(mids)});
  std::sort(out.begin(), out.end(), [](const Interlock& a, const Interlock& b) {
    return a.shared.size() != b.shared.size() ? a.shared.size() > b.shared.size() : a.node < b.node;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace tiegraph::graph
