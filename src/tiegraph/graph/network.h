// Network: the claim graph held in memory for queries.
//
// Built once from the store's rows (StoredActor, StoredClaim). Claims are
// aggregated into ties, one per (subject, relation, object, negated); for
// symmetric relations (meet, business, social, aligned, linked) the pair is
// unordered and stored with subject < object. Each tie keeps its claim count,
// distinct sources (documents), first and last date, strongest modality
// (asserted beats alleged) and the signed weight of relation_weights.h.
// Adjacency is CSR over nodes; every tie appears at both of its ends.
// Claims whose actor or relation is unknown are skipped and counted.
// A built Network is immutable and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tiegraph/graph/date_key.h"
#include "tiegraph/status.h"
#include "tiegraph/store/records.h"

namespace tiegraph::graph {

using NodeId = int32_t;   // index into Network::actors()
using TieId = int32_t;    // index into Network::ties()
using ClaimIndex = int32_t;  // index into Network::claims()

struct DocumentRef {
  std::string id, url, published;
};

// One claim as the network keeps it.
struct ClaimEntry {
  int64_t id = 0;                  // StoredClaim::id
  NodeId subject = 0, object = 0;  // as stated (not reordered)
  int8_t relation = 0;             // index into relation_weights.h's table
  bool negated = false;
  bool alleged = false;
  bool dated_by_published = false; // no claim time: date is the document's
  DateKey date = 0;                // 0 = no date at all
  int32_t document = -1;           // index into Network::documents()
  float weight = 0;                // ClaimWeight(relation, negated)
  TieId tie = -1;
  uint32_t evidence_start = 0, evidence_end = 0;
  std::string evidence;
  std::string quote;
};

struct Tie {
  NodeId subject = 0, object = 0;  // symmetric relations: subject < object
  int8_t relation = 0;
  bool negated = false;
  bool alleged = false;            // true only if every claim is alleged
  bool symmetric = false;
  int32_t count = 0;               // claims
  int32_t sources = 0;             // distinct documents
  DateKey first = 0, last = 0;     // 0 = no dated claim
  float weight = 0;                // signed weight of one claim
  uint32_t claims_begin = 0, claims_end = 0;  // range in Network::tie_claims()
  // weight x sources, halved when alleged: the tie's signed strength.
  double Strength() const { return weight * sources * (alleged ? 0.5 : 1.0); }
};

// One entry of a node's adjacency: the tie and the node at its other end.
struct Edge {
  NodeId neighbor;
  TieId tie;
};

// Which ties a query may use. Defaults let everything through.
struct TieFilter {
  int relation = -1;          // relation index, -1 = any
  int sign = 0;               // +1 positive, -1 negative, 0 = any
  int modality = -1;          // 0 asserted, 1 alleged, -1 = any
  DateKey since = 0, until = 0;  // inclusive; 0 = open. A tie passes if one of its claims is dated inside.
  std::string country;        // ISO-2: nodes other than the query's own must have it; "" = any
  bool IsEmpty() const;
};

// Parses --since/--until style bounds: "until" is widened to the end of a
// partial date ("2022" -> 2022-12-31).
DateKey UntilKey(std::string_view iso);

class Network;

// Builds a Network row by row, for readers that stream from a database
// (Network::Build uses it too). Actors first, then documents and claims.
class NetworkAssembler {
 public:
  explicit NetworkAssembler(std::vector<StoredActor> actors);
  ~NetworkAssembler();
  NetworkAssembler(const NetworkAssembler&) = delete;
  NetworkAssembler& operator=(const NetworkAssembler&) = delete;

  void Reserve(size_t documents, size_t claims);
  // Returns the document's index for AddClaim.
  int32_t AddDocument(std::string id, std::string url, std::string published);
  // Skips (and counts) a claim whose actor or relation is unknown.
  // `time` may be "": the document's published date is used.
  void AddClaim(int64_t id, int64_t subject, std::string_view relation, int64_t object, bool negated, bool alleged,
                std::string_view time, int32_t document, uint32_t evidence_start, uint32_t evidence_end,
                std::string evidence, std::string quote);
  // Aggregates ties and builds the adjacency. The assembler is spent.
  Network Finish();

 private:
  std::unique_ptr<Network> net_;
};

class Network {
 public:
  struct BuildStats {
    size_t claims_read = 0, claims_used = 0, skipped_unknown_actor = 0, skipped_unknown_relation = 0;
  };

  Network() = default;
  // Takes the rows by value: pass with std::move to avoid copies.
  static Network Build(std::vector<StoredActor> actors, std::vector<StoredClaim> claims);

  size_t node_count() const { return actors_.size(); }
  const std::vector<StoredActor>& actors() const { return actors_; }
  const StoredActor& actor(NodeId n) const { return actors_[n]; }
  const std::vector<Tie>& ties() const { return ties_; }
  const Tie& tie(TieId t) const { return ties_[t]; }
  const std::vector<ClaimEntry>& claims() const { return claims_; }
  const std::vector<DocumentRef>& documents() const { return documents_; }
  const BuildStats& stats() const { return stats_; }

  // Claims of tie t, by index into claims().
  const ClaimIndex* tie_claims_begin(TieId t) const { return tie_claims_.data() + ties_[t].claims_begin; }
  const ClaimIndex* tie_claims_end(TieId t) const { return tie_claims_.data() + ties_[t].claims_end; }

  // Ties at node n (each with the node at the other end).
  const Edge* edges_begin(NodeId n) const { return edges_.data() + offsets_[n]; }
  const Edge* edges_end(NodeId n) const { return edges_.data() + offsets_[n + 1]; }
  size_t degree(NodeId n) const { return offsets_[n + 1] - offsets_[n]; }

  // Node of store actor id, or -1.
  NodeId NodeOfActorId(int64_t actor_id) const;

  // Resolves a user-typed name: exact name, then exact alias, then
  // case-insensitive name or alias, then a unique case-insensitive substring
  // of a name or alias. NotFound (no candidate) or Usage (ambiguous), the
  // message listing candidates.
  Result<NodeId> FindActor(std::string_view query) const;

  // Does tie t pass filter (country is not checked here: see NodeMatches)?
  bool TieMatches(TieId t, const TieFilter& filter) const;
  bool NodeMatches(NodeId n, const TieFilter& filter) const;

 private:
  std::vector<StoredActor> actors_;
  std::vector<int64_t> sorted_actor_ids_;   // with id_nodes_: actor id -> node
  std::vector<NodeId> id_nodes_;
  std::vector<NodeId> dense_nodes_;         // actor id -> node when ids are dense (else empty)
  std::vector<ClaimEntry> claims_;
  std::vector<DocumentRef> documents_;
  std::vector<Tie> ties_;
  std::vector<ClaimIndex> tie_claims_;
  std::vector<uint32_t> offsets_;           // size node_count()+1
  std::vector<Edge> edges_;
  BuildStats stats_;
  friend class NetworkAssembler;
};

}  // namespace tiegraph::graph
