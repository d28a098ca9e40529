#include "tiegraph/graph/paths.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>

namespace tiegraph::graph {

PathFinder::PathFinder(const Network& network)
    : net_(network),
      seen_fwd_(network.node_count(), 0),
      seen_bwd_(network.node_count(), 0),
      banned_(network.node_count(), 0),
      parent_fwd_(network.node_count(), -1),
      parent_bwd_(network.node_count(), -1) {}

bool PathFinder::Usable(const Edge& e, const TieFilter& filter) const {
  if (!filtered_) return true;
  return net_.TieMatches(e.tie, filter) && net_.NodeMatches(e.neighbor, filter);
}

std::vector<NodeId> PathFinder::Search(NodeId from, NodeId to, const TieFilter& filter, NodeId spur,
                                       const std::vector<NodeId>& banned_next) {
  // banned_ uses the stamp set by the caller; seen_* use a fresh one.
  const uint32_t ban_stamp = stamp_;
  if (++stamp_ == 0) {
    std::fill(seen_fwd_.begin(), seen_fwd_.end(), 0);
    std::fill(seen_bwd_.begin(), seen_bwd_.end(), 0);
    std::fill(banned_.begin(), banned_.end(), 0);
    stamp_ = 1;
  }
  const uint32_t s = stamp_;
  auto is_banned = [&](NodeId v) { return ban_stamp != 0 && banned_[v] == ban_stamp; };
  auto edge_banned = [&](NodeId u, NodeId v) {
    if (banned_next.empty()) return false;
    if (u == spur) return std::find(banned_next.begin(), banned_next.end(), v) != banned_next.end();
    if (v == spur) return std::find(banned_next.begin(), banned_next.end(), u) != banned_next.end();
    return false;
  };
  if (from == to) return {from};
  std::vector<NodeId> fwd{from}, bwd{to}, next;
  seen_fwd_[from] = s;
  parent_fwd_[from] = -1;
  seen_bwd_[to] = s;
  parent_bwd_[to] = -1;
  // Expand the smaller frontier one level at a time. The first edge that
  // meets the other side closes a shortest path: had a shorter one existed,
  // one of its edges would have met the other side earlier.
  NodeId best_u = -1, best_v = -1;
  bool best_forward = true;
  while (!fwd.empty() && !bwd.empty() && best_u < 0) {
    size_t work_fwd = 0, work_bwd = 0;
    for (NodeId u : fwd) work_fwd += net_.degree(u);
    for (NodeId u : bwd) work_bwd += net_.degree(u);
    const bool forward = work_fwd <= work_bwd;
    std::vector<NodeId>& frontier = forward ? fwd : bwd;
    std::vector<uint32_t>& seen = forward ? seen_fwd_ : seen_bwd_;
    std::vector<uint32_t>& other = forward ? seen_bwd_ : seen_fwd_;
    std::vector<NodeId>& parent = forward ? parent_fwd_ : parent_bwd_;
    next.clear();
    for (NodeId u : frontier) {
      for (const Edge* e = net_.edges_begin(u); e != net_.edges_end(u); ++e) {
        const NodeId v = e->neighbor;
        if (seen[v] == s || is_banned(v) || edge_banned(u, v) || !Usable(*e, filter)) continue;
        if (other[v] == s) {
          best_u = u;
          best_v = v;
          best_forward = forward;
          break;
        }
        seen[v] = s;
        parent[v] = u;
        next.push_back(v);
      }
      if (best_u >= 0) break;
    }
    frontier.swap(next);
  }
  if (best_u < 0) return {};
  const NodeId f_end = best_forward ? best_u : best_v;  // last node of the forward half
  const NodeId b_start = best_forward ? best_v : best_u;
  std::vector<NodeId> path;
  for (NodeId v = f_end; v >= 0; v = parent_fwd_[v]) path.push_back(v);
  std::reverse(path.begin(), path.end());
  for (NodeId v = b_start; v >= 0; v = parent_bwd_[v]) path.push_back(v);
  return path;
}

std::vector<NodeId> PathFinder::Shortest(NodeId from, NodeId to, const TieFilter& filter) {
  filtered_ = !filter.IsEmpty();
  ++stamp_;  // no banned nodes: a stamp nobody holds
  if (stamp_ == 0) stamp_ = 1;
  return Search(from, to, filter, -1, {});
}

std::vector<TieId> PathFinder::HopTies(NodeId a, NodeId b, const TieFilter& filter) const {
  std::vector<TieId> ties;
  for (const Edge* e = net_.edges_begin(a); e != net_.edges_end(a); ++e) {
    if (e->neighbor == b && Usable(*e, filter)) ties.push_back(e->tie);
  }
  std::sort(ties.begin(), ties.end(), [&](TieId x, TieId y) {
    return std::abs(net_.tie(x).Strength()) > std::abs(net_.tie(y).Strength());
  });
  return ties;
}

std::vector<Path> PathFinder::KShortest(NodeId from, NodeId to, int k, const TieFilter& filter) {
  std::vector<std::vector<NodeId>> found;
  std::vector<std::vector<NodeId>> candidates;
  std::vector<NodeId> first = Shortest(from, to, filter);
  if (!first.empty()) found.push_back(std::move(first));
  while (static_cast<int>(found.size()) < k && !found.empty() && found.back().size() > 1) {
    const std::vector<NodeId>& last = found.back();
    for (size_t i = 0; i + 1 < last.size(); ++i) {
      const NodeId spur = last[i];
      std::vector<NodeId> banned_next;
      for (const auto& p : found) {
        if (p.size() > i + 1 && std::equal(p.begin(), p.begin() + i + 1, last.begin())) banned_next.push_back(p[i + 1]);
      }
      if (++stamp_ == 0) stamp_ = 1;
      for (size_t j = 0; j < i; ++j) banned_[last[j]] = stamp_;
      std::vector<NodeId> spur_path = Search(spur, to, filter, spur, banned_next);
      if (spur_path.empty()) continue;
      std::vector<NodeId> total(last.begin(), last.begin() + i);
      total.insert(total.end(), spur_path.begin(), spur_path.end());
      if (std::find(candidates.begin(), candidates.end(), total) == candidates.end() &&
          std::find(found.begin(), found.end(), total) == found.end()) {
        candidates.push_back(std::move(total));
      }
    }
    if (candidates.empty()) break;
    auto best = std::min_element(candidates.begin(), candidates.end(),
                                 [](const auto& a, const auto& b) { return a.size() < b.size(); });
    found.push_back(std::move(*best));
    candidates.erase(best);
  }
  std::vector<Path> paths;
  for (auto& nodes : found) {
    Path p;
    for (size_t i = 0; i + 1 < nodes.size(); ++i) p.hops.push_back(HopTies(nodes[i], nodes[i + 1], filter));
    p.nodes = std::move(nodes);
    paths.push_back(std::move(p));
  }
  return paths;
}

}  // namespace tiegraph::graph
