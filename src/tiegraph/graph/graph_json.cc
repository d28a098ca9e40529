#include "tiegraph/graph/graph_json.h"

#include "tiegraph/graph/relation_weights.h"

namespace tiegraph::graph {

nlohmann::json ActorJson(const Network& net, NodeId node) {
  const StoredActor& a = net.actor(node);
  return {{"id", a.id}, {"name", a.name}, {"type", a.type}, {"country", a.country}};
}

nlohmann::json ClaimJson(const Network& net, ClaimIndex index) {
  const ClaimEntry& c = net.claims()[index];
  const DocumentRef& d = net.documents()[c.document];
  nlohmann::json j = {{"id", c.id},
                      {"subject", net.actor(c.subject).name},
                      {"relation", RelationAt(c.relation).name},
                      {"object", net.actor(c.object).name},
                      {"negated", c.negated},
                      {"modality", c.alleged ? "alleged" : "asserted"},
                      {"date", FormatDateKey(c.date)},
                      {"date_from_published", c.dated_by_published},
                      {"weight", c.weight},
                      {"evidence", c.evidence},
                      {"document", d.id},
                      {"url", d.url}};
  if (!c.quote.empty()) j["quote"] = c.quote;
  return j;
}

nlohmann::json TieJson(const Network& net, TieId id, size_t max_claims) {
  const Tie& t = net.tie(id);
  nlohmann::json j = {{"subject", ActorJson(net, t.subject)},
                      {"relation", RelationAt(t.relation).name},
                      {"object", ActorJson(net, t.object)},
                      {"symmetric", t.symmetric},
                      {"negated", t.negated},
                      {"modality", t.alleged ? "alleged" : "asserted"},
                      {"count", t.count},
                      {"sources", t.sources},
                      {"first", FormatDateKey(t.first)},
                      {"last", FormatDateKey(t.last)},
                      {"weight", t.weight},
                      {"strength", t.Strength()}};
  if (max_claims > 0) {
    nlohmann::json claims = nlohmann::json::array();
    size_t n = 0;
    for (const ClaimIndex* c = net.tie_claims_begin(id); c != net.tie_claims_end(id) && n < max_claims; ++c, ++n) {
      claims.push_back(ClaimJson(net, *c));
    }
    j["claims"] = std::move(claims);
  }
  return j;
}

}  // namespace tiegraph::graph
