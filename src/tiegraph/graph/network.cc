#include "tiegraph/graph/network.h"
#include "tiegraph/text/ascii.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "tiegraph/graph/relation_weights.h"

namespace tiegraph::graph {
namespace {


bool SameCountry(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

// Aggregation key of a claim: (low node, high node) and (relation, negated).
struct TieKey {
  uint64_t pair;
  uint32_t kind;
  bool operator<(const TieKey& o) const { return pair != o.pair ? pair < o.pair : kind < o.kind; }
  bool operator==(const TieKey& o) const { return pair == o.pair && kind == o.kind; }
};

}  // namespace

bool TieFilter::IsEmpty() const {
  return relation < 0 && sign == 0 && modality < 0 && since == 0 && until == 0 && country.empty();
}

DateKey UntilKey(std::string_view iso) {
  DateKey k = ParseDateKey(iso);
  if (k == 0) return 0;
  if (k % 10000 == 0) return k + 1231;
  if (k % 100 == 0) return k + 31;
  return k;
}

NetworkAssembler::NetworkAssembler(std::vector<StoredActor> actors) : net_(std::make_unique<Network>()) {
  Network& net = *net_;
  net.actors_ = std::move(actors);
  const size_t n = net.actors_.size();
  // Actor id -> node, by binary search over the sorted ids.
  std::vector<NodeId> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](NodeId a, NodeId b) { return net.actors_[a].id < net.actors_[b].id; });
  net.sorted_actor_ids_.reserve(n);
  net.id_nodes_.reserve(n);
  for (NodeId node : order) {
    net.sorted_actor_ids_.push_back(net.actors_[node].id);
    net.id_nodes_.push_back(node);
  }
  // Store ids are mostly 1..n: then a direct table beats the binary search.
  if (n > 0 && net.sorted_actor_ids_.front() >= 0 && net.sorted_actor_ids_.back() < static_cast<int64_t>(4 * n + 1024)) {
    net.dense_nodes_.assign(net.sorted_actor_ids_.back() + 1, -1);
    for (size_t i = 0; i < n; ++i) net.dense_nodes_[net.sorted_actor_ids_[i]] = net.id_nodes_[i];
  }
}

NetworkAssembler::~NetworkAssembler() = default;

void NetworkAssembler::Reserve(size_t documents, size_t claims) {
  net_->documents_.reserve(documents);
  net_->claims_.reserve(claims);
}

int32_t NetworkAssembler::AddDocument(std::string id, std::string url, std::string published) {
  net_->documents_.push_back({std::move(id), std::move(url), std::move(published)});
  return static_cast<int32_t>(net_->documents_.size() - 1);
}

void NetworkAssembler::AddClaim(int64_t id, int64_t subject, std::string_view relation_name, int64_t object,
                                bool negated, bool alleged, std::string_view time, int32_t document,
                                uint32_t evidence_start, uint32_t evidence_end, std::string evidence,
                                std::string quote) {
  Network& net = *net_;
  ++net.stats_.claims_read;
  const int relation = RelationIndex(relation_name);
  if (relation < 0) {
    ++net.stats_.skipped_unknown_relation;
    return;
  }
  const NodeId s = net.NodeOfActorId(subject), o = net.NodeOfActorId(object);
  if (s < 0 || o < 0) {
    ++net.stats_.skipped_unknown_actor;
    return;
  }
  ClaimEntry& e = net.claims_.emplace_back();
  e.id = id;
  e.subject = s;
  e.object = o;
  e.relation = static_cast<int8_t>(relation);
  e.negated = negated;
  e.alleged = alleged;
  e.date = ParseDateKey(time);
  if (e.date == 0 && document >= 0) {
    e.date = ParseDateKey(net.documents_[document].published);
    e.dated_by_published = e.date != 0;
  }
  e.document = document;
  e.weight = static_cast<float>(ClaimWeight(relation, negated));
  e.evidence_start = evidence_start;
  e.evidence_end = evidence_end;
  e.evidence = std::move(evidence);
  e.quote = std::move(quote);
}

Network NetworkAssembler::Finish() {
  const size_t n = net_->actors_.size();
  net_->stats_.claims_used = net_->claims_.size();
  // Sort claim indices by tie key, then cut into ties.
  const size_t m = net_->claims_.size();
  std::vector<std::pair<TieKey, ClaimIndex>> keyed(m);
  for (size_t i = 0; i < m; ++i) {
    const ClaimEntry& e = net_->claims_[i];
    bool symmetric = RelationAt(e.relation).symmetric;
    uint32_t a = static_cast<uint32_t>(e.subject), b = static_cast<uint32_t>(e.object);
    if (symmetric && b < a) std::swap(a, b);
    keyed[i] = {TieKey{(uint64_t{a} << 32) | b, (uint32_t(e.relation) << 1) | uint32_t(e.negated)},
                static_cast<ClaimIndex>(i)};
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) {
    return x.first == y.first ? x.second < y.second : x.first < y.first;
  });
  net_->tie_claims_.resize(m);
  std::vector<int32_t> docs;
  for (size_t i = 0; i < m;) {
    size_t j = i;
    while (j < m && keyed[j].first == keyed[i].first) ++j;
    Tie t;
    t.subject = static_cast<NodeId>(keyed[i].first.pair >> 32);
    t.object = static_cast<NodeId>(keyed[i].first.pair & 0xffffffffu);
    t.relation = static_cast<int8_t>(keyed[i].first.kind >> 1);
    t.negated = keyed[i].first.kind & 1;
    t.symmetric = RelationAt(t.relation).symmetric;
    t.weight = static_cast<float>(ClaimWeight(t.relation, t.negated));
    t.alleged = true;
    t.count = static_cast<int32_t>(j - i);
    t.claims_begin = static_cast<uint32_t>(i);
    t.claims_end = static_cast<uint32_t>(j);
    docs.clear();
    const TieId id = static_cast<TieId>(net_->ties_.size());
    for (size_t k = i; k < j; ++k) {
      ClaimIndex ci = keyed[k].second;
      net_->tie_claims_[k] = ci;
      ClaimEntry& e = net_->claims_[ci];
      e.tie = id;
      if (!e.alleged) t.alleged = false;
      docs.push_back(e.document);
      if (e.date != 0) {
        if (t.first == 0 || e.date < t.first) t.first = e.date;
        if (e.date > t.last) t.last = e.date;
      }
    }
    std::sort(docs.begin(), docs.end());
    t.sources = static_cast<int32_t>(std::unique(docs.begin(), docs.end()) - docs.begin());
    net_->ties_.push_back(t);
    i = j;
  }

  // CSR adjacency: every tie at both ends (once for a self-tie).
  net_->offsets_.assign(n + 1, 0);
  for (const Tie& t : net_->ties_) {
    ++net_->offsets_[t.subject + 1];
    if (t.object != t.subject) ++net_->offsets_[t.object + 1];
  }
  for (size_t i = 0; i < n; ++i) net_->offsets_[i + 1] += net_->offsets_[i];
  net_->edges_.resize(net_->offsets_[n]);
  std::vector<uint32_t> fill(net_->offsets_.begin(), net_->offsets_.end() - 1);
  for (TieId id = 0; id < static_cast<TieId>(net_->ties_.size()); ++id) {
    const Tie& t = net_->ties_[id];
    net_->edges_[fill[t.subject]++] = {t.object, id};
    if (t.object != t.subject) net_->edges_[fill[t.object]++] = {t.subject, id};
  }
  Network out = std::move(*net_);
  net_.reset();
  return out;
}

Network Network::Build(std::vector<StoredActor> actors, std::vector<StoredClaim> claims) {
  NetworkAssembler assembler(std::move(actors));
  std::unordered_map<std::string_view, int32_t> doc_index;
  std::vector<int32_t> claim_docs(claims.size());
  size_t docs = 0;
  for (size_t i = 0; i < claims.size(); ++i) {
    auto [it, inserted] = doc_index.try_emplace(claims[i].document, static_cast<int32_t>(docs));
    if (inserted) ++docs;
    claim_docs[i] = it->second;
  }
  assembler.Reserve(docs, claims.size());
  std::vector<char> added(docs, 0);
  for (size_t i = 0; i < claims.size(); ++i) {
    if (!added[claim_docs[i]]) {
      added[claim_docs[i]] = 1;
      assembler.AddDocument(claims[i].document, claims[i].url, claims[i].published);
    }
  }
  doc_index.clear();
  for (size_t i = 0; i < claims.size(); ++i) {
    StoredClaim& c = claims[i];
    assembler.AddClaim(c.id, c.subject, c.relation, c.object, c.negated, c.modality == "alleged", c.time,
                       claim_docs[i], c.evidence_start, c.evidence_end, std::move(c.evidence), std::move(c.quote));
  }
  return assembler.Finish();
}

NodeId Network::NodeOfActorId(int64_t actor_id) const {
  if (!dense_nodes_.empty()) {
    return actor_id >= 0 && actor_id < static_cast<int64_t>(dense_nodes_.size()) ? dense_nodes_[actor_id] : -1;
  }
  auto it = std::lower_bound(sorted_actor_ids_.begin(), sorted_actor_ids_.end(), actor_id);
  if (it == sorted_actor_ids_.end() || *it != actor_id) return -1;
  return id_nodes_[it - sorted_actor_ids_.begin()];
}

Result<NodeId> Network::FindActor(std::string_view query) const {
  const NodeId n = static_cast<NodeId>(actors_.size());
  for (NodeId i = 0; i < n; ++i) {
    if (actors_[i].name == query) return i;
  }
  std::vector<NodeId> found;
  auto unique_or_ambiguous = [&](const char* how) -> Result<NodeId> {
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    if (found.size() == 1) return found[0];
    std::string names;
    for (size_t i = 0; i < found.size() && i < 10; ++i) {
      names += fmt::format("\n  {} ({}{}{})", actors_[found[i]].name, actors_[found[i]].type,
                           actors_[found[i]].country.empty() ? "" : ", ", actors_[found[i]].country);
    }
    if (found.size() > 10) names += fmt::format("\n  ... and {} more", found.size() - 10);
    return Status::Usage(fmt::format("actor name '{}' is ambiguous ({} {}); candidates:{}", query,
                                     found.size(), how, names));
  };
  for (NodeId i = 0; i < n; ++i) {
    for (const std::string& alias : actors_[i].aliases) {
      if (alias == query) found.push_back(i);
    }
  }
  if (!found.empty()) return unique_or_ambiguous("actors have this alias");
  const std::string q = AsciiLower(query);
  if (q.empty()) return Status::Usage("empty actor name");
  for (NodeId i = 0; i < n; ++i) {
    if (AsciiLower(actors_[i].name) == q) found.push_back(i);
    for (const std::string& alias : actors_[i].aliases) {
      if (AsciiLower(alias) == q) found.push_back(i);
    }
  }
  if (!found.empty()) return unique_or_ambiguous("actors match ignoring case");
  for (NodeId i = 0; i < n; ++i) {
    if (AsciiLower(actors_[i].name).find(q) != std::string::npos) found.push_back(i);
    for (const std::string& alias : actors_[i].aliases) {
      if (AsciiLower(alias).find(q) != std::string::npos) found.push_back(i);
    }
  }
  if (!found.empty()) return unique_or_ambiguous("actors contain it");
  return Status::NotFound(fmt::format("no actor named '{}' (try `tiegraph actors {}`)", query, query));
}

bool Network::TieMatches(TieId id, const TieFilter& f) const {
  const Tie& t = ties_[id];
  if (f.relation >= 0 && t.relation != f.relation) return false;
  if (f.sign != 0 && (t.weight > 0 ? 1 : (t.weight < 0 ? -1 : 0)) != f.sign) return false;
  if (f.modality == 0 && t.alleged) return false;
  if (f.modality == 1 && !t.alleged) return false;
  if (f.since != 0 || f.until != 0) {
    if (t.first == 0) return false;
    const DateKey until = f.until == 0 ? INT32_MAX : f.until;
    if (t.last < f.since || t.first > until) return false;
    if (t.first >= f.since && t.last <= until) return true;
    for (const ClaimIndex* c = tie_claims_begin(id); c != tie_claims_end(id); ++c) {
      DateKey d = claims_[*c].date;
      if (d != 0 && d >= f.since && d <= until) return true;
    }
    return false;
  }
  return true;
}

bool Network::NodeMatches(NodeId n, const TieFilter& f) const {
  return f.country.empty() || SameCountry(actors_[n].country, f.country);
}

}  // namespace tiegraph::graph
