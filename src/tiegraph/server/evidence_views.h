// JSON views the API returns: actors, ties (an edge of the drawn network)
// and claims with their evidence in context.
//
// A claim's evidence is the sentence stored with it; `context` adds up to
// kContextBytes of the document text before and after it (cut at UTF-8 and
// word boundaries) so the UI can show the sentence highlighted in its
// paragraph. Text is returned as data, never as markup: the UI must insert
// it as text. EvidenceReader reads each document once per request.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "tiegraph/graph/network.h"
#include "tiegraph/store/store.h"

namespace tiegraph::server {

inline constexpr size_t kContextBytes = 320;

// {"id","name","type","country","aliases","kb_ref"}
nlohmann::json ActorView(const StoredActor& actor);
// ActorView plus "degree" (distinct neighbours, the node itself not counted)
// and "ties" (ties at the node).
nlohmann::json NodeView(const graph::Network& net, graph::NodeId node);
// The same with the degree taken from graph::DistinctDegree(net), computed
// once: for many nodes (ego networks), where sorting each hub's edges is slow.
nlohmann::json NodeView(const graph::Network& net, graph::NodeId node, const std::vector<double>& distinct_degree);
// An edge: {"id":"t<index>","source","target" (store actor ids),"relation",
// "sign","weight","strength","count","sources","modality","negated",
// "symmetric","first","last"}.
nlohmann::json TieView(const graph::Network& net, graph::TieId tie);

// `text` cut to at most `max_bytes` at its start or end, on a UTF-8 boundary,
// preferring a space: KeepEnd keeps the end (text before the evidence).
std::string KeepEnd(std::string_view text, size_t max_bytes);
std::string KeepStart(std::string_view text, size_t max_bytes);

class EvidenceReader {
 public:
  explicit EvidenceReader(Store& store) : store_(store) {}

  // A network claim: ids and names of both actors, relation, negated,
  // modality, date (+ date_from_published), sign, quote, evidence and its
  // offsets, document {id,title,url,published,source}, and with_context:
  // context {before, after}.
  nlohmann::json NetworkClaim(const graph::Network& net, graph::ClaimIndex claim, bool with_context);
  // The same view of a store row; actor names come from `net` when it has them.
  nlohmann::json StoredClaimView(const graph::Network& net, const StoredClaim& claim, bool with_context);

 private:
  struct Doc {
    bool found = false;
    StoredDocument doc;
  };
  const Doc& Get(const std::string& id);
  void AddDocument(nlohmann::json& j, const std::string& id, uint32_t start, uint32_t end, bool with_context);

  Store& store_;
  std::unordered_map<std::string, Doc> docs_;
};

}  // namespace tiegraph::server
