#include "tiegraph/resolve/coref_metrics.h"

#include <cstddef>
#include <unordered_map>
#include <unordered_set>

namespace tiegraph {
namespace {

// Mention id -> index of its chain.
std::unordered_map<int, int> ChainOf(const CorefClustering& chains) {
  std::unordered_map<int, int> of;
  for (std::size_t c = 0; c < chains.size(); ++c)
    for (int m : chains[c]) of.emplace(m, static_cast<int>(c));
  return of;
}

// MUC recall of `key` against `response`: links kept / links needed.
void MucDirection(const CorefClustering& key, const CorefClustering& response, double* num, double* den) {
  auto response_chain = ChainOf(response);
  for (const CorefChain& k : key) {
    if (k.empty()) continue;
    // Partition of k by the response: each response chain it meets is one
    // part; each mention the response lacks is a part of its own.
    std::unordered_set<int> parts;
    int alone = 0;
    for (int m : k) {
      auto it = response_chain.find(m);
      if (it == response_chain.end()) ++alone;
      else parts.insert(it->second);
    }
    double partition = static_cast<double>(parts.size() + alone);
    *num += static_cast<double>(k.size()) - partition;
    *den += static_cast<double>(k.size()) - 1;
  }
}

// B3 recall of `key` against `response`.
void BCubedDirection(const CorefClustering& key, const CorefClustering& response, double* num, double* den) {
  auto response_chain = ChainOf(response);
  for (const CorefChain& k : key) {
    if (k.empty()) continue;
    std::unordered_map<int, int> overlap;  // response chain -> |K & R|
    for (int m : k) {
      auto it = response_chain.find(m);
      if (it != response_chain.end()) ++overlap[it->second];
    }
    for (const auto& [chain, n] : overlap) *num += static_cast<double>(n) * n / static_cast<double>(k.size());
    *den += static_cast<double>(k.size());
  }
}

}  // namespace

CorefScore MucScore(const CorefClustering& key, const CorefClustering& response) {
  CorefScore s;
  MucDirection(key, response, &s.recall_num, &s.recall_den);
  MucDirection(response, key, &s.precision_num, &s.precision_den);
  return s;
}

CorefScore BCubedScore(const CorefClustering& key, const CorefClustering& response) {
  CorefScore s;
  BCubedDirection(key, response, &s.recall_num, &s.recall_den);
  BCubedDirection(response, key, &s.precision_num, &s.precision_den);
  return s;
}

CorefClustering WithoutSingletons(const CorefClustering& chains) {
  CorefClustering out;
  for (const CorefChain& c : chains)
    if (c.size() > 1) out.push_back(c);
  return out;
}

}  // namespace tiegraph
