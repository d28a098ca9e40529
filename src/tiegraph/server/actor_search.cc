#include "tiegraph/server/actor_search.h"

#include <algorithm>
#include <cctype>

namespace tiegraph::server {
namespace {

std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

int MaxDistance(size_t query_bytes) {
  if (query_bytes < 4) return 0;
  return query_bytes < 8 ? 1 : 2;
}

struct Candidate {
  MatchKind kind = MatchKind::kNone;
  int distance = 0;
};

Candidate MatchOne(const std::string& q, const std::vector<std::string_view>& q_words, const std::string& text) {
  if (text.empty()) return {};
  if (text == q) return {MatchKind::kExact, 0};
  if (text.compare(0, q.size(), q) == 0) return {MatchKind::kPrefix, 0};
  std::vector<std::string_view> words = Words(text);
  for (size_t i = 1; i < words.size(); ++i) {
    // The query starts at a word boundary: "pen" in "marine le pen", "le pen" too.
    size_t offset = static_cast<size_t>(words[i].data() - text.data());
    if (text.compare(offset, q.size(), q) == 0) return {MatchKind::kPrefix, 0};
  }
  if (text.find(q) != std::string::npos) return {MatchKind::kSubstring, 0};
  const int max_d = MaxDistance(q.size());
  if (max_d == 0) return {};
  int best = EditDistance(q, text, max_d);
  const size_t n = q_words.size();
  for (size_t i = 0; n > 0 && i + n <= words.size(); ++i) {
    size_t begin = static_cast<size_t>(words[i].data() - text.data());
    size_t end = static_cast<size_t>(words[i + n - 1].data() - text.data()) + words[i + n - 1].size();
    best = std::min(best, EditDistance(q, std::string_view(text).substr(begin, end - begin), max_d));
  }
  if (best <= max_d) return {MatchKind::kFuzzy, best};
  return {};
}

}  // namespace

const char* MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact: return "exact";
    case MatchKind::kPrefix: return "prefix";
    case MatchKind::kSubstring: return "substring";
    case MatchKind::kFuzzy: return "fuzzy";
    case MatchKind::kNone: break;
  }
  return "none";
}

int EditDistance(std::string_view a, std::string_view b, int max_distance) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max_distance) return max_distance + 1;
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max_distance) return max_distance + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], max_distance + 1);
}

std::vector<ActorMatch> SearchActors(const graph::Network& network, const std::vector<double>& degree,
                                     std::string_view query, std::string_view type, size_t limit) {
  const std::string q = Fold(query);
  const std::vector<std::string_view> q_words = Words(q);
  std::vector<ActorMatch> out;
  for (graph::NodeId node = 0; node < static_cast<graph::NodeId>(network.node_count()); ++node) {
    const StoredActor& actor = network.actor(node);
    if (!type.empty() && actor.type != type) continue;
    ActorMatch best;
    best.node = node;
    if (q.empty()) {
      best.kind = MatchKind::kSubstring;
      best.matched = actor.name;
      out.push_back(std::move(best));
      continue;
    }
    auto consider = [&](const std::string& surface) {
      Candidate c = MatchOne(q, q_words, Fold(surface));
      if (c.kind > best.kind || (c.kind == best.kind && c.kind == MatchKind::kFuzzy && c.distance < best.distance)) {
        best.kind = c.kind;
        best.distance = c.distance;
        best.matched = surface;
      }
    };
    consider(actor.name);
    for (const std::string& alias : actor.aliases) consider(alias);
    if (best.kind != MatchKind::kNone) out.push_back(std::move(best));
  }
  auto deg = [&](graph::NodeId n) { return static_cast<size_t>(n) < degree.size() ? degree[n] : 0.0; };
  std::sort(out.begin(), out.end(), [&](const ActorMatch& a, const ActorMatch& b) {
    if (a.kind != b.kind) return a.kind > b.kind;
    if (a.distance != b.distance) return a.distance < b.distance;
    if (deg(a.node) != deg(b.node)) return deg(a.node) > deg(b.node);
    return network.actor(a.node).name < network.actor(b.node).name;
  });
  if (limit > 0 && out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace tiegraph::server
