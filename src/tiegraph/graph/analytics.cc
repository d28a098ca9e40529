#include "tiegraph/graph/analytics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>
#include <igraph/igraph.h>

namespace tiegraph::graph {
namespace {

// Owns an igraph_t and the vectors handed to it.
class IGraph {
 public:
  IGraph() = default;
  IGraph(const IGraph&) = delete;
  IGraph& operator=(const IGraph&) = delete;
  ~IGraph() {
    if (built_) igraph_destroy(&graph_);
  }
  igraph_error_t Create(const std::vector<igraph_integer_t>& endpoints, igraph_integer_t n, bool directed) {
    igraph_vector_int_t edges;
    igraph_vector_int_view(&edges, endpoints.data(), static_cast<igraph_integer_t>(endpoints.size()));
    igraph_error_t rc = igraph_create(&graph_, &edges, n, directed);
    built_ = rc == IGRAPH_SUCCESS;
    return rc;
  }
  const igraph_t* get() const { return &graph_; }

 private:
  igraph_t graph_;
  bool built_ = false;
};

Status IgraphError(const char* what, igraph_error_t rc) {
  return Status::Internal(fmt::format("igraph {} failed: {}", what, igraph_strerror(rc)));
}

// Unordered pairs of distinct connected actors, with summed sources.
void PairGraph(const Network& net, std::vector<igraph_integer_t>* endpoints, std::vector<double>* weights) {
  std::vector<std::pair<uint64_t, double>> pairs;
  pairs.reserve(net.ties().size());
  for (const Tie& t : net.ties()) {
    if (t.subject == t.object) continue;
    uint64_t a = static_cast<uint32_t>(std::min(t.subject, t.object));
    uint64_t b = static_cast<uint32_t>(std::max(t.subject, t.object));
    pairs.push_back({(a << 32) | b, static_cast<double>(t.sources)});
  }
  std::sort(pairs.begin(), pairs.end());
  endpoints->clear();
  weights->clear();
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    double w = 0;
    for (; j < pairs.size() && pairs[j].first == pairs[i].first; ++j) w += pairs[j].second;
    endpoints->push_back(static_cast<igraph_integer_t>(pairs[i].first >> 32));
    endpoints->push_back(static_cast<igraph_integer_t>(pairs[i].first & 0xffffffffu));
    weights->push_back(w);
    i = j;
  }
}

std::vector<double> ToStd(const igraph_vector_t& v) {
  std::vector<double> out(igraph_vector_size(&v));
  for (size_t i = 0; i < out.size(); ++i) out[i] = VECTOR(v)[i];
  return out;
}

}  // namespace

std::vector<double> PageRank(const Network& net, double damping) {
  const size_t n = net.node_count();
  if (n == 0) return {};
  // In-arcs as CSR: for node v, sources and weight / out-weight of source.
  std::vector<double> out_weight(n, 0);
  for (const Tie& t : net.ties()) {
    out_weight[t.subject] += t.sources;
    if (t.symmetric && t.subject != t.object) out_weight[t.object] += t.sources;
  }
  std::vector<uint32_t> in_offsets(n + 1, 0);
  for (const Tie& t : net.ties()) {
    ++in_offsets[t.object + 1];
    if (t.symmetric && t.subject != t.object) ++in_offsets[t.subject + 1];
  }
  for (size_t i = 0; i < n; ++i) in_offsets[i + 1] += in_offsets[i];
  std::vector<NodeId> in_source(in_offsets[n]);
  std::vector<double> in_share(in_offsets[n]);
  {
    std::vector<uint32_t> fill(in_offsets.begin(), in_offsets.end() - 1);
    for (const Tie& t : net.ties()) {
      in_source[fill[t.object]] = t.subject;
      in_share[fill[t.object]++] = t.sources / out_weight[t.subject];
      if (t.symmetric && t.subject != t.object) {
        in_source[fill[t.subject]] = t.object;
        in_share[fill[t.subject]++] = t.sources / out_weight[t.object];
      }
    }
  }
  std::vector<NodeId> dangling;
  for (size_t v = 0; v < n; ++v) {
    if (out_weight[v] == 0) dangling.push_back(static_cast<NodeId>(v));
  }
  std::vector<double> rank(n, 1.0 / n), next(n);
  for (int iteration = 0; iteration < 200; ++iteration) {
    double dangling_rank = 0;
    for (NodeId v : dangling) dangling_rank += rank[v];
    const double base = (1.0 - damping) / n + damping * dangling_rank / n;
    double change = 0;
    for (size_t v = 0; v < n; ++v) {
      double sum = 0;
      for (uint32_t a = in_offsets[v]; a < in_offsets[v + 1]; ++a) sum += rank[in_source[a]] * in_share[a];
      next[v] = base + damping * sum;
      change += std::abs(next[v] - rank[v]);
    }
    rank.swap(next);
    if (change < 1e-10) break;
  }
  return rank;
}

Result<std::vector<double>> PageRankIgraph(const Network& net, double damping) {
  const igraph_integer_t n = static_cast<igraph_integer_t>(net.node_count());
  if (n == 0) return std::vector<double>{};
  std::vector<igraph_integer_t> endpoints;
  std::vector<double> weights;
  endpoints.reserve(net.ties().size() * 3);
  weights.reserve(net.ties().size() * 3 / 2);
  for (const Tie& t : net.ties()) {
    endpoints.push_back(t.subject);
    endpoints.push_back(t.object);
    weights.push_back(t.sources);
    if (t.symmetric && t.subject != t.object) {
      endpoints.push_back(t.object);
      endpoints.push_back(t.subject);
      weights.push_back(t.sources);
    }
  }
  IGraph g;
  if (igraph_error_t rc = g.Create(endpoints, n, true); rc != IGRAPH_SUCCESS) return IgraphError("create", rc);
  igraph_vector_t w, scores;
  igraph_vector_view(&w, weights.data(), static_cast<igraph_integer_t>(weights.size()));
  igraph_vector_init(&scores, 0);
  igraph_real_t value = 0;
  igraph_error_t rc = igraph_pagerank(g.get(), IGRAPH_PAGERANK_ALGO_PRPACK, &scores, &value, igraph_vss_all(),
                                      /*directed=*/true, damping, &w, nullptr);
  std::vector<double> out = ToStd(scores);
  igraph_vector_destroy(&scores);
  if (rc != IGRAPH_SUCCESS) return IgraphError("pagerank", rc);
  return out;
}

Result<std::vector<double>> Betweenness(const Network& net, double cutoff) {
  const igraph_integer_t n = static_cast<igraph_integer_t>(net.node_count());
  if (n == 0) return std::vector<double>{};
  std::vector<igraph_integer_t> endpoints;
  std::vector<double> weights;
  PairGraph(net, &endpoints, &weights);
  IGraph g;
  if (igraph_error_t rc = g.Create(endpoints, n, false); rc != IGRAPH_SUCCESS) return IgraphError("create", rc);
  igraph_vector_t scores;
  igraph_vector_init(&scores, 0);
  igraph_error_t rc = igraph_betweenness_cutoff(g.get(), &scores, igraph_vss_all(), /*directed=*/false,
                                                /*weights=*/nullptr, cutoff);
  std::vector<double> out = ToStd(scores);
  igraph_vector_destroy(&scores);
  if (rc != IGRAPH_SUCCESS) return IgraphError("betweenness", rc);
  return out;
}

std::vector<double> DistinctDegree(const Network& net) {
  std::vector<double> out(net.node_count(), 0);
  std::vector<NodeId> neighbours;
  for (NodeId u = 0; u < static_cast<NodeId>(net.node_count()); ++u) {
    neighbours.clear();
    for (const Edge* e = net.edges_begin(u); e != net.edges_end(u); ++e) {
      if (e->neighbor != u) neighbours.push_back(e->neighbor);
    }
    std::sort(neighbours.begin(), neighbours.end());
    out[u] = static_cast<double>(std::unique(neighbours.begin(), neighbours.end()) - neighbours.begin());
  }
  return out;
}

Result<Communities> DetectCommunities(const Network& net, uint64_t seed) {
  Communities result;
  const igraph_integer_t n = static_cast<igraph_integer_t>(net.node_count());
  if (n == 0) return result;
  std::vector<igraph_integer_t> endpoints;
  std::vector<double> weights;
  PairGraph(net, &endpoints, &weights);
  IGraph g;
  if (igraph_error_t rc = g.Create(endpoints, n, false); rc != IGRAPH_SUCCESS) return IgraphError("create", rc);
  igraph_vector_t w, modularity;
  igraph_vector_view(&w, weights.data(), static_cast<igraph_integer_t>(weights.size()));
  igraph_vector_int_t membership;
  igraph_vector_int_init(&membership, 0);
  igraph_vector_init(&modularity, 0);
  igraph_rng_seed(igraph_rng_default(), seed);
  igraph_error_t rc = igraph_community_multilevel(g.get(), weights.empty() ? nullptr : &w, /*resolution=*/1.0,
                                                  &membership, nullptr, &modularity);
  if (rc == IGRAPH_SUCCESS) {
    result.membership.assign(VECTOR(membership), VECTOR(membership) + igraph_vector_int_size(&membership));
    if (igraph_vector_size(&modularity) > 0) result.modularity = igraph_vector_max(&modularity);
  }
  igraph_vector_int_destroy(&membership);
  igraph_vector_destroy(&modularity);
  if (rc != IGRAPH_SUCCESS) return IgraphError("community_multilevel", rc);
  // Renumber communities largest first.
  int32_t count = 0;
  for (int32_t c : result.membership) count = std::max(count, c + 1);
  result.groups.assign(count, {});
  for (NodeId u = 0; u < n; ++u) result.groups[result.membership[u]].push_back(u);
  std::vector<int32_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return result.groups[a].size() != result.groups[b].size() ? result.groups[a].size() > result.groups[b].size()
                                                              : result.groups[a][0] < result.groups[b][0];
  });
  std::vector<std::vector<NodeId>> groups(count);
  std::vector<int32_t> renumber(count);
  for (int32_t i = 0; i < count; ++i) {
    renumber[order[i]] = i;
    groups[i] = std::move(result.groups[order[i]]);
  }
  for (int32_t& c : result.membership) c = renumber[c];
  result.groups = std::move(groups);
  return result;
}

std::vector<NodeId> OrderByScore(const std::vector<double>& scores) {
  std::vector<NodeId> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](NodeId a, NodeId b) { return scores[a] > scores[b]; });
  return order;
}

}  // namespace tiegraph::graph
