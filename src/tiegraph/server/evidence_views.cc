#include "tiegraph/server/evidence_views.h"

#include <algorithm>

#include "tiegraph/graph/date_key.h"
#include "tiegraph/graph/relation_weights.h"

namespace tiegraph::server {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

nlohmann::json ActorRef(const graph::Network& net, int64_t actor_id) {
  graph::NodeId node = net.NodeOfActorId(actor_id);
  if (node < 0) return {{"id", actor_id}, {"name", "#" + std::to_string(actor_id)}};
  const StoredActor& a = net.actor(node);
  return {{"id", a.id}, {"name", a.name}, {"type", a.type}, {"country", a.country}};
}

}  // namespace

nlohmann::json ActorView(const StoredActor& a) {
  return {{"id", a.id},           {"name", a.name},       {"type", a.type},
          {"country", a.country}, {"aliases", a.aliases}, {"kb_ref", a.kb_ref}};
}

nlohmann::json NodeView(const graph::Network& net, graph::NodeId node) {
  nlohmann::json j = ActorView(net.actor(node));
  std::vector<graph::NodeId> seen;
  for (const graph::Edge* e = net.edges_begin(node); e != net.edges_end(node); ++e) {
    if (e->neighbor != node) seen.push_back(e->neighbor);
  }
  std::sort(seen.begin(), seen.end());
  j["degree"] = std::unique(seen.begin(), seen.end()) - seen.begin();
  j["ties"] = net.degree(node);
  return j;
}

nlohmann::json NodeView(const graph::Network& net, graph::NodeId node, const std::vector<double>& distinct_degree) {
  nlohmann::json j = ActorView(net.actor(node));
  j["degree"] = static_cast<int64_t>(distinct_degree[node]);
  j["ties"] = net.degree(node);
  return j;
}

nlohmann::json TieView(const graph::Network& net, graph::TieId id) {
  const graph::Tie& t = net.tie(id);
  return {{"id", "t" + std::to_string(id)},
          {"source", net.actor(t.subject).id},
          {"target", net.actor(t.object).id},
          {"relation", graph::RelationAt(t.relation).name},
          {"sign", graph::SignOf(t.weight)},
          {"weight", t.weight},
          {"strength", t.Strength()},
          {"count", t.count},
          {"sources", t.sources},
          {"modality", t.alleged ? "alleged" : "asserted"},
          {"negated", t.negated},
          {"symmetric", t.symmetric},
          {"first", graph::FormatDateKey(t.first)},
          {"last", graph::FormatDateKey(t.last)}};
}

std::string KeepEnd(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t from = text.size() - max_bytes;
  while (from < text.size() && IsContinuation(text[from])) ++from;
  size_t space = text.find(' ', from);
  if (space != std::string_view::npos && space - from < 40) from = space + 1;
  return std::string(text.substr(from));
}

std::string KeepStart(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t to = max_bytes;
  while (to > 0 && IsContinuation(text[to])) --to;
  size_t space = text.rfind(' ', to);
  if (space != std::string_view::npos && to - space < 40) to = space;
  return std::string(text.substr(0, to));
}

const EvidenceReader::Doc& EvidenceReader::Get(const std::string& id) {
  auto it = docs_.find(id);
  if (it != docs_.end()) return it->second;
  Doc d;
  Result<StoredDocument> r = store_.GetDocument(id, /*with_text=*/true);
  if (r.ok()) {
    d.found = true;
    d.doc = std::move(r.value());
  }
  return docs_.emplace(id, std::move(d)).first->second;
}

void EvidenceReader::AddDocument(nlohmann::json& j, const std::string& id, uint32_t start, uint32_t end,
                                 bool with_context) {
  const Doc& d = Get(id);
  j["document"] = {{"id", id},
                   {"title", d.doc.title},
                   {"url", d.doc.url},
                   {"published", d.doc.published},
                   {"source", d.doc.source}};
  if (!with_context) return;
  const std::string& text = d.doc.text;
  if (!d.found || start > end || end > text.size()) {
    j["context"] = {{"before", ""}, {"after", ""}};
    return;
  }
  std::string_view all(text);
  j["context"] = {{"before", KeepEnd(all.substr(0, start), kContextBytes)},
                  {"after", KeepStart(all.substr(end), kContextBytes)}};
}

nlohmann::json EvidenceReader::NetworkClaim(const graph::Network& net, graph::ClaimIndex index, bool with_context) {
  const graph::ClaimEntry& c = net.claims()[index];
  const StoredActor& s = net.actor(c.subject);
  const StoredActor& o = net.actor(c.object);
  nlohmann::json j = {{"id", c.id},
                      {"subject", {{"id", s.id}, {"name", s.name}, {"type", s.type}, {"country", s.country}}},
                      {"relation", graph::RelationAt(c.relation).name},
                      {"object", {{"id", o.id}, {"name", o.name}, {"type", o.type}, {"country", o.country}}},
                      {"negated", c.negated},
                      {"modality", c.alleged ? "alleged" : "asserted"},
                      {"date", graph::FormatDateKey(c.date)},
                      {"date_from_published", c.dated_by_published},
                      {"sign", graph::SignOf(c.weight)},
                      {"quote", c.quote},
                      {"evidence", c.evidence},
                      {"evidence_start", c.evidence_start},
                      {"evidence_end", c.evidence_end}};
  const std::string doc_id = c.document >= 0 ? net.documents()[c.document].id : std::string();
  AddDocument(j, doc_id, c.evidence_start, c.evidence_end, with_context);
  return j;
}

nlohmann::json EvidenceReader::StoredClaimView(const graph::Network& net, const StoredClaim& c, bool with_context) {
  const std::string date = !c.time.empty() ? c.time : (c.published.size() >= 10 ? c.published.substr(0, 10) : c.published);
  nlohmann::json j = {{"id", c.id},
                      {"subject", ActorRef(net, c.subject)},
                      {"relation", c.relation},
                      {"object", ActorRef(net, c.object)},
                      {"negated", c.negated},
                      {"modality", c.modality},
                      {"date", date},
                      {"date_from_published", c.time.empty() && !date.empty()},
                      {"sign", graph::SignOf(graph::ClaimWeight(c.relation, c.negated))},
                      {"quote", c.quote},
                      {"evidence", c.evidence},
                      {"evidence_start", c.evidence_start},
                      {"evidence_end", c.evidence_end},
                      {"confidence", c.confidence},
                      {"extractor", c.extractor}};
  AddDocument(j, c.document, c.evidence_start, c.evidence_end, with_context);
  return j;
}

}  // namespace tiegraph::server
