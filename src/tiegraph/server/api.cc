#include "tiegraph/server/api.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "tiegraph/graph/analytics.h"
#include "tiegraph/graph/date_key.h"
#include "tiegraph/graph/ego.h"
#include "tiegraph/graph/friends.h"
#include "tiegraph/graph/load_network.h"
#include "tiegraph/graph/paths.h"
#include "tiegraph/graph/relation_weights.h"
#include "tiegraph/graph/timeline.h"
#include "tiegraph/server/actor_search.h"
#include "tiegraph/server/evidence_views.h"
#include "tiegraph/server/openapi.h"
#include "tiegraph/server/request_params.h"
#include "tiegraph/text/loader.h"

namespace tiegraph::server {

using nlohmann::json;

struct Api::Snapshot {
  graph::Network net;
  std::vector<double> degree;  // distinct neighbours, by NodeId
};

struct Api::Reply {
  int status = 200;
  json body;
};

namespace {

int HttpStatusOf(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidInput:
    case Status::Code::kUsage: return 400;
    case Status::Code::kNotFound: return 404;
    default: return 500;
  }
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

bool AllDigits(std::string_view s) {
  return !s.empty() && s.size() < 19 &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Constant-time comparison of the request's token with the server's.
bool TokenMatches(const std::string& expected, const std::string& given) {
  if (expected.empty() || given.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < expected.size(); ++i) diff |= static_cast<unsigned char>(expected[i] ^ given[i]);
  return diff == 0;
}

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

Status CheckType(const std::string& type) {
  if (type.empty() || type == "Person" || type == "Organization" || type == "Country") return Status::Ok();
  return Status::InvalidInput(fmt::format("parameter 'type' must be Person, Organization or Country, got '{}'",
                                          type.substr(0, 40)));
}

}  // namespace

std::string ErrorBody(int status, const std::string& message) {
  return Dump(json{{"error", message}, {"status", status}});
}

Api::Api(std::unique_ptr<Store> store, ApiOptions options) : store_(std::move(store)), options_(std::move(options)) {}
Api::~Api() = default;

Result<std::unique_ptr<Api>> Api::Create(std::unique_ptr<Store> store, ApiOptions options) {
  if (!store) return Status::InvalidInput("Api::Create: no store");
  std::unique_ptr<Api> api(new Api(std::move(store), std::move(options)));
  Status s = api->Reload();
  if (!s.ok()) return s;
  return api;
}

Status Api::Reload() {
  Result<graph::Network> net = options_.store_location.empty() ? graph::LoadNetwork(*store_)
                                                               : graph::LoadNetworkFrom(options_.store_location);
  if (!net.ok() && !options_.store_location.empty()) net = graph::LoadNetwork(*store_);
  if (!net.ok()) return net.status();
  auto snap = std::make_shared<Snapshot>();
  snap->net = std::move(net.value());
  snap->degree = graph::DistinctDegree(snap->net);
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  snapshot_ = std::move(snap);
  return Status::Ok();
}

std::shared_ptr<const Api::Snapshot> Api::Current() const {
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  return snapshot_;
}

size_t Api::actor_count() const { return Current()->net.node_count(); }
size_t Api::tie_count() const { return Current()->net.ties().size(); }

ApiResponse Api::Handle(const ApiRequest& request) {
  ApiResponse response;
  Result<Reply> reply = Status::Internal("unhandled");
  try {
    reply = Route(request, &response.allow);
  } catch (const std::exception& e) {
    reply = Status::Internal(std::string("internal error: ") + e.what());
  }
  if (!response.allow.empty()) {
    response.status = 405;
    response.body = ErrorBody(405, fmt::format("method {} not allowed on {} (allowed: {})", request.method.substr(0, 10),
                                               request.path.substr(0, 100), response.allow));
    return response;
  }
  if (!reply.ok()) {
    response.status = HttpStatusOf(reply.status());
    response.body = ErrorBody(response.status, reply.status().message());
    return response;
  }
  response.status = reply->status;
  response.body = Dump(reply->body);
  return response;
}

Result<Api::Reply> Api::Route(const ApiRequest& request, std::string* allow) {
  const std::vector<std::string_view> seg = Segments(request.path);
  const bool get = request.method == "GET" || request.method == "HEAD";
  auto only_get = [&]() -> bool {
    if (get) return true;
    *allow = "GET, HEAD";
    return false;
  };
  if (seg.size() < 2 || seg[0] != "api") return Status::NotFound("no such endpoint: " + request.path.substr(0, 100));
  const std::string_view name = seg[1];
  if (seg.size() == 2) {
    if (name == "health") return only_get() ? Health() : Result<Reply>(Reply{});
    if (name == "openapi.json") return only_get() ? Result<Reply>(Reply{200, OpenApiDocument()}) : Reply{};
    if (name == "relations") return only_get() ? Relations() : Reply{};
    if (name == "actors") return only_get() ? Actors(request) : Reply{};
    if (name == "ego") return only_get() ? Ego(request) : Reply{};
    if (name == "path") return only_get() ? Path(request) : Reply{};
    if (name == "ties") return only_get() ? Ties(request) : Reply{};
    if (name == "claims") return only_get() ? Claims(request) : Reply{};
    if (name == "timeline") return only_get() ? Timeline(request) : Reply{};
    if (name == "rank") return only_get() ? Rank(request) : Reply{};
    if (name == "communities") return only_get() ? Communities(request) : Reply{};
    if (name == "documents") {
      if (get) return Documents(request);
      if (request.method == "POST") return PostDocument(request);
      *allow = "GET, HEAD, POST";
      return Reply{};
    }
  }
  if (seg.size() == 3 && name == "actors") return only_get() ? ActorDetail(request, std::string(seg[2])) : Reply{};
  if (seg.size() == 3 && name == "documents") {
    return only_get() ? DocumentDetail(request, std::string(seg[2])) : Reply{};
  }
  return Status::NotFound("no such endpoint: " + request.path.substr(0, 100));
}

namespace {

// An actor named by a parameter: "123" / "#123" (store id) or a name or alias.
Result<graph::NodeId> ResolveActor(const graph::Network& net, const std::vector<double>& degree, Store& store,
                                   const std::string& param, const std::string& ref) {
  if (ref.empty()) return Status::InvalidInput(fmt::format("parameter '{}' is required (an actor name or id)", param));
  if (ref.size() > 200) return Status::InvalidInput(fmt::format("parameter '{}' is too long", param));
  std::string_view digits = ref;
  if (!digits.empty() && digits.front() == '#') digits.remove_prefix(1);
  if (AllDigits(digits)) {
    graph::NodeId node = net.NodeOfActorId(std::stoll(std::string(digits)));
    if (node < 0) return Status::NotFound(fmt::format("no actor with id {}", digits));
    return node;
  }
  Result<graph::NodeId> found = net.FindActor(ref);
  if (found.ok()) return found;
  if (found.status().code() == Status::Code::kUsage) {
    // Ambiguous: the store's ranking (exact name, alias, surname, most claims) decides.
    Result<StoredActor> best = store.FindActor(ref);
    if (best.ok()) {
      graph::NodeId node = net.NodeOfActorId(best->id);
      if (node >= 0) return node;
    }
    return Status::InvalidInput(found.status().message());
  }
  std::vector<ActorMatch> near = SearchActors(net, degree, ref, "", 3);
  std::string hint;
  for (const ActorMatch& m : near) hint += (hint.empty() ? "; did you mean: " : ", ") + net.actor(m.node).name;
  return Status::NotFound(fmt::format("no actor named '{}'{}", ref, hint + (hint.empty() ? "" : "?")));
}

}  // namespace

Result<Api::Reply> Api::Health() {
  auto snap = Current();
  Result<StoreCounts> counts = store_->Counts();
  if (!counts.ok()) return counts.status();
  return Reply{200, json{{"status", "ok"},
                         {"documents", counts->documents},
                         {"actors", counts->actors},
                         {"claims", counts->claims},
                         {"ties", snap->net.ties().size()},
                         {"ingest", ingest_enabled()}}};
}

Result<Api::Reply> Api::Relations() {
  json out = json::array();
  for (int i = 0; i < graph::kRelationCount; ++i) {
    const graph::RelationInfo& r = graph::RelationAt(i);
    out.push_back({{"name", r.name},
                   {"symmetric", r.symmetric},
                   {"weight", r.weight},
                   {"sign", graph::SignOf(r.weight)},
                   {"cameo", r.cameo},
                   {"ftm", r.ftm}});
  }
  return Reply{200, json{{"relations", out}}};
}

Result<Api::Reply> Api::Actors(const ApiRequest& request) {
  RequestParams p(request.params);
  if (Status s = p.CheckKnown({"q", "limit", "type"}); !s.ok()) return s;
  Result<int> limit = p.GetInt("limit", 20, 1, 1000);
  if (!limit.ok()) return limit.status();
  const std::string type = p.Get("type");
  if (Status s = CheckType(type); !s.ok()) return s;
  const std::string q = p.Get("q");
  if (q.size() > 200) return Status::InvalidInput("parameter 'q' is too long (200 bytes at most)");
  auto snap = Current();
  json out = json::array();
  for (const ActorMatch& m : SearchActors(snap->net, snap->degree, q, type, static_cast<size_t>(*limit))) {
    json j = NodeView(snap->net, m.node);
    j["match"] = MatchKindName(m.kind);
    j["matched"] = m.matched;
    out.push_back(std::move(j));
  }
  return Reply{200, json{{"query", q}, {"actors", out}}};
}

Result<Api::Reply> Api::ActorDetail(const ApiRequest& request, const std::string& ref) {
  RequestParams p(request.params);
  if (Status s = p.CheckKnown({}); !s.ok()) return s;
  auto snap = Current();
  const graph::Network& net = snap->net;
  Result<graph::NodeId> node = ResolveActor(net, snap->degree, *store_, "actor", ref);
  if (!node.ok()) return node.status();
  json j = NodeView(net, *node);
  json by_relation = json::object();
  int64_t claims = 0;
  for (const graph::Edge* e = net.edges_begin(*node); e != net.edges_end(*node); ++e) {
    const graph::Tie& t = net.tie(e->tie);
    std::string rel(graph::RelationAt(t.relation).name);
    by_relation[rel] = by_relation.value(rel, 0) + t.count;
    claims += t.count;
  }
  j["claims"] = claims;
  j["claims_by_relation"] = by_relation;
  return Reply{200, j};
}

Result<Api::Reply> Api::Ego(const ApiRequest& request) {
  RequestParams p(request.params);
  if (Status s = p.CheckKnown({"actor", "depth", "max_nodes"}, true); !s.ok()) return s;
  Result<int> depth = p.GetInt("depth", 1, 1, 3);
  if (!depth.ok()) return depth.status();
  Result<int> max_nodes = p.GetInt("max_nodes", 150, 1, 2000);
  if (!max_nodes.ok()) return max_nodes.status();
  Result<graph::TieFilter> filter = ParseTieFilter(p);
  if (!filter.ok()) return filter.status();
  auto snap = Current();
  const graph::Network& net = snap->net;
  Result<graph::NodeId> centre = ResolveActor(net, snap->degree, *store_, "actor", p.Get("actor"));
  if (!centre.ok()) return centre.status();
  graph::EgoSearch search(net);
  graph::EgoNetwork ego = search.Run(*centre, *depth, *filter);
  const bool truncated = ego.nodes.size() > static_cast<size_t>(*max_nodes);
  std::vector<graph::NodeId> kept;  // sorted; at most max_nodes, so no table of every node per request
  json nodes = json::array();
  for (size_t i = 0; i < ego.nodes.size() && i < static_cast<size_t>(*max_nodes); ++i) {
    kept.push_back(ego.nodes[i]);
    json n = NodeView(net, ego.nodes[i], snap->degree);
    n["depth"] = ego.depth[i];
    nodes.push_back(std::move(n));
  }
  std::sort(kept.begin(), kept.end());
  auto is_kept = [&kept](graph::NodeId n) { return std::binary_search(kept.begin(), kept.end(), n); };
  json edges = json::array();
  for (graph::TieId t : ego.ties) {
    if (is_kept(net.tie(t).subject) && is_kept(net.tie(t).object)) edges.push_back(TieView(net, t));
  }
  return Reply{200, json{{"centre", NodeView(net, *centre, snap->degree)},
                         {"depth", *depth},
                         {"nodes", nodes},
                         {"edges", edges},
                         {"truncated", truncated},
                         {"total_nodes", ego.nodes.size()}}};
}

Result<Api::Reply> Api::Path(const ApiRequest& request) {
  RequestParams p(request.params);
  if (Status s = p.CheckKnown({"from", "to", "k"}, true); !s.ok()) return s;
  Result<int> k = p.GetInt("k", 3, 1, 10);
  if (!k.ok()) return k.status();
  Result<graph::TieFilter> filter = ParseTieFilter(p);
  if (!filter.ok()) return filter.status();
  auto snap = Current();
  const graph::Network& net = snap->net;
  Result<graph::NodeId> from = ResolveActor(net, snap->degree, *store_, "from", p.Get("from"));
  if (!from.ok()) return from.status();
  Result<graph::NodeId> to = ResolveActor(net, snap->degree, *store_, "to", p.Get("to"));
  if (!to.ok()) return to.status();
  if (*from == *to) return Status::InvalidInput("parameters 'from' and 'to' name the same actor");
  graph::PathFinder finder(net);
  json paths = json::array();
  for (const graph::Path& path : finder.KShortest(*from, *to, *k, *filter)) {
    json nodes = json::array();
    for (graph::NodeId n : path.nodes) nodes.push_back(NodeView(net, n));
    json hops = json::array();
    for (size_t i = 0; i < path.hops.size(); ++i) {
      json ties = json::array();
      for (graph::TieId t : path.hops[i]) ties.push_back(TieView(net, t));
      hops.push_back({{"from", net.actor(path.nodes[i]).id}, {"to", net.actor(path.nodes[i + 1]).id}, {"ties", ties}});
    }
    paths.push_back({{"length", path.length()}, {"nodes", nodes}, {"hops", hops}});
  }
  return Reply{200, json{{"from", NodeView(net, *from)}, {"to", NodeView(net, *to)}, {"paths", paths}}};
}

Result<Api::Reply> Api::Ties(const ApiRequest& request) {
  RequestParams p(request.params);
  if (Status s = p.CheckKnown({"a", "b", "limit", "max_claims", "context"}, true); !s.ok()) return s;
  Result<int> limit = p.GetInt("limit", 100, 1, 1000);
  if (!limit.ok()) return limit.status();
  Result<int> max_claims = p.GetInt("max_claims", 50, 0, 1000);
  if (!max_claims.ok()) return max_claims.status();
  Result<bool> context = p.GetBool("context", true);
  if (!context.ok()) return context.status();
  Result<graph::TieFilter> filter = ParseTieFilter(p);
  if (!filter.ok()) return filter.status();
  auto snap = Current();
  const graph::Network& net = snap->net;
  Result<graph::NodeId> a = ResolveActor(net, snap->degree, *store_, "a", p.Get("a"));
  if (!a.ok()) return a.status();
  graph::NodeId b = -1;
  if (p.Has("b")) {
    Result<graph::NodeId> rb = ResolveActor(net, snap->degree, *store_, "b", p.Get("b"));
    if (!rb.ok()) return rb.status();
    b = *rb;
  }
  std::vector<graph::TieId> ties;
  for (const graph::Edge* e = net.edges_begin(*a); e != net.edges_end(*a); ++e) {
    if (b >= 0 && e->neighbor != b) continue;
    if (!net.TieMatches(e->tie, *filter) || !net.NodeMatches(e->neighbor, *filter)) continue;
    ties.push_back(e->tie);
  }
  std::sort(ties.begin(), ties.end());
  ties.erase(std::unique(ties.begin(), ties.end()), ties.end());  // a self-tie appears twice
  std::stable_sort(ties.begin(), ties.end(), [&](graph::TieId x, graph::TieId y) {
    if (net.tie(x).sources != net.tie(y).sources) return net.tie(x).sources > net.tie(y).sources;
    return std::abs(net.tie(x).Strength()) > std::abs(net.tie(y).Strength());
  });
  const size_t total = ties.size();
  if (ties.size() > static_cast<size_t>(*limit)) ties.resize(*limit);
  EvidenceReader reader(*store_);
  json out = json::array();
  for (graph::TieId t : ties) {
    json j = TieView(net, t);
    j["subject"] = NodeView(net, net.tie(t).subject);
    j["object"] = NodeView(net, net.tie(t).object);
    json claims = json::array();
    int n = 0;
    for (const graph::ClaimIndex* c = net.tie_claims_begin(t); c != net.tie_claims_end(t) && n < *max_claims; ++c, ++n) {
      claims.push_back(reader.NetworkClaim(net, *c, *context));
    }
    j["claims"] = std::move(claims);
    out.push_back(std::move(j));
  }
  json reply = {{"a", NodeView(net, *a)}, {"ties", out}, {"total", total}};
  if (b >= 0) reply["b"] = NodeView(net, b);
  return Reply{200, reply};
}

Result<Api::Reply> Api::Claims(const ApiRequest& request) {
  RequestParams p(request.params);
  if (Status s = p.CheckKnown({"actor", "other", "relation", "document", "limit", "offset", "context"}); !s.ok()) {
    return s;
  }
  Result<int> limit = p.GetInt("limit", 100, 1, 1000);
  if (!limit.ok()) return limit.status();
  Result<int> offset = p.GetInt("offset", 0, 0, 1000000);
  if (!offset.ok()) return offset.status();
  Result<bool> context = p.GetBool("context", false);
  if (!context.ok()) return context.status();
  auto snap = Current();
  const graph::Network& net = snap->net;
  ClaimFilter filter;
  if (p.Has("actor")) {
    Result<graph::NodeId> n = ResolveActor(net, snap->degree, *store_, "actor", p.Get("actor"));
    if (!n.ok()) return n.status();
    filter.actor = net.actor(*n).id;
  }
  if (p.Has("other")) {
    if (!p.Has("actor")) return Status::InvalidInput("parameter 'other' needs 'actor'");
    Result<graph::NodeId> n = ResolveActor(net, snap->degree, *store_, "other", p.Get("other"));
    if (!n.ok()) return n.status();
    filter.other = net.actor(*n).id;
  }
  if (p.Has("relation")) {
    filter.relation = p.Get("relation");
    if (graph::RelationIndex(filter.relation) < 0) {
      return Status::InvalidInput(fmt::format("parameter 'relation': unknown relation '{}'", filter.relation.substr(0, 40)));
    }
  }
  filter.document = p.Get("document");
  filter.limit = *offset + *limit + 1;
  Result<std::vector<StoredClaim>> claims = store_->ListClaims(filter);
  if (!claims.ok()) return claims.status();
  EvidenceReader reader(*store_);
  json out = json::array();
  for (size_t i = *offset; i < claims->size() && i < static_cast<size_t>(*offset + *limit); ++i) {
    out.push_back(reader.StoredClaimView(net, (*claims)[i], *context));
  }
  const bool more = claims->size() > static_cast<size_t>(*offset + *limit);
  return Reply{200, json{{"claims", out}, {"offset", *offset}, {"limit", *limit}, {"more", more}}};
}

Result<Api::Reply> Api::Documents(const ApiRequest& request) {
  RequestParams p(request.params);
  if (Status s = p.CheckKnown({"limit", "offset"}); !s.ok()) return s;
  Result<int> limit = p.GetInt("limit", 100, 1, 1000);
  if (!limit.ok()) return limit.status();
  Result<int> offset = p.GetInt("offset", 0, 0, 100000000);
  if (!offset.ok()) return offset.status();
  Result<std::vector<StoredDocument>> docs = store_->ListDocuments();
  if (!docs.ok()) return docs.status();
  json out = json::array();
  for (size_t i = *offset; i < docs->size() && i < static_cast<size_t>(*offset + *limit); ++i) {
    const StoredDocument& d = (*docs)[i];
    out.push_back({{"id", d.id},
                   {"title", d.title},
                   {"url", d.url},
                   {"published", d.published},
                   {"ingested_at", d.ingested_at},
                   {"source", d.source}});
  }
  return Reply{200, json{{"documents", out}, {"total", docs->size()}, {"offset", *offset}, {"limit", *limit}}};
}

Result<Api::Reply> Api::DocumentDetail(const ApiRequest& request, const std::string& id) {
  RequestParams p(request.params);
  if (Status s = p.CheckKnown({}); !s.ok()) return s;
  if (id.empty() || id.size() > 128 ||
      !std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; })) {
    return Status::InvalidInput("a document id is letters, digits, '-' and '_' (at most 128)");
  }
  Result<StoredDocument> doc = store_->GetDocument(id, /*with_text=*/true);
  if (!doc.ok()) {
    if (doc.status().code() == Status::Code::kNotFound) return Status::NotFound("no document with id " + id);
    return doc.status();
  }
  ClaimFilter filter;
  filter.document = id;
  Result<std::vector<StoredClaim>> claims = store_->ListClaims(filter);
  if (!claims.ok()) return claims.status();
  auto snap = Current();
  EvidenceReader reader(*store_);
  json spans = json::array();
  for (const StoredClaim& c : *claims) {
    json j = reader.StoredClaimView(snap->net, c, /*with_context=*/false);
    j.erase("document");
    spans.push_back(std::move(j));
  }
  std::stable_sort(spans.begin(), spans.end(), [](const json& x, const json& y) {
    return x["evidence_start"].get<uint32_t>() < y["evidence_start"].get<uint32_t>();
  });
  return Reply{200, json{{"id", doc->id},
                         {"title", doc->title},
                         {"url", doc->url},
                         {"published", doc->published},
                         {"ingested_at", doc->ingested_at},
                         {"source", doc->source},
                         {"text", doc->text},
                         {"claims", spans}}};
}

Result<Api::Reply> Api::PostDocument(const ApiRequest& request) {
  if (options_.token.empty()) {
    return Reply{403, json{{"error", "this server is read-only: start it with --token to allow ingest"}, {"status", 403}}};
  }
  if (!TokenMatches(options_.token, request.token)) {
    return Reply{401, json{{"error", "missing or wrong token (send 'Authorization: Bearer TOKEN')"}, {"status", 401}}};
  }
  if (!options_.processor) {
    return Reply{503, json{{"error", "ingest is unavailable: the extraction pipeline could not be loaded"}, {"status", 503}}};
  }
  if (request.body.size() > options_.max_document_bytes) {
    return Reply{413, json{{"error", "document too large"}, {"status", 413}}};
  }
  std::string text, title, url, published;
  if (request.content_type.rfind("application/json", 0) == 0) {
    json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object()) return Status::InvalidInput("body is not a JSON object");
    for (auto& [key, value] : body.items()) {
      if (key != "text" && key != "title" && key != "url" && key != "published") {
        return Status::InvalidInput(fmt::format("unknown field '{}' (accepted: text, title, url, published)", key.substr(0, 40)));
      }
      if (!value.is_string()) return Status::InvalidInput(fmt::format("field '{}' must be a string", key));
    }
    text = body.value("text", "");
    title = body.value("title", "");
    url = body.value("url", "");
    published = body.value("published", "");
  } else if (request.content_type.empty() || request.content_type.rfind("text/plain", 0) == 0) {
    text = request.body;
  } else {
    return Status::InvalidInput("send the document as application/json {text,title,url,published} or text/plain");
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return Status::InvalidInput("the document text is empty");
  if (!published.empty() && !IsIsoDatePrefix(published.substr(0, 10))) {
    return Status::InvalidInput("field 'published' must be an ISO date (YYYY-MM-DD)");
  }
  LoadOptions load;
  load.published = published;
  Result<Document> doc = LoadText(std::move(text), "api", load);
  if (!doc.ok()) return Status::InvalidInput(doc.status().message());
  if (!title.empty()) doc->title = title;
  if (!url.empty()) doc->url = url;
  if (!published.empty()) doc->published = published;
  std::lock_guard<std::mutex> lock(ingest_mu_);
  if (Status s = options_.processor(*doc); !s.ok()) return Status::Internal("extraction failed: " + s.message());
  Result<PutResult> put = store_->PutDocument(*doc);
  if (!put.ok()) return put.status();
  if (put->stored) {
    if (Status s = Reload(); !s.ok()) return s;
  }
  return Reply{put->stored ? 201 : 200, json{{"id", doc->id},
                                             {"stored", put->stored},
                                             {"actors_created", put->actors_created},
                                             {"actors_matched", put->actors_matched},
                                             {"mentions", put->mentions},
                                             {"claims", put->claims}}};
}

Result<Api::Reply> Api::Timeline(const ApiRequest& request) {
  RequestParams p(request.params);
  if (Status s = p.CheckKnown({"actor", "toward", "pivot", "widen"}); !s.ok()) return s;
  Result<bool> widen = p.GetBool("widen", false);
  if (!widen.ok()) return widen.status();
  auto snap = Current();
  const graph::Network& net = snap->net;
  Result<graph::NodeId> actor = ResolveActor(net, snap->degree, *store_, "actor", p.Get("actor"));
  if (!actor.ok()) return actor.status();
  graph::TimelineOptions options;
  options.widen_to_country = *widen;
  if (p.Has("toward")) {
    Result<graph::NodeId> toward = ResolveActor(net, snap->degree, *store_, "toward", p.Get("toward"));
    if (!toward.ok()) return toward.status();
    options.toward = *toward;
  }
  if (p.Has("pivot")) {
    std::string pivot = p.Get("pivot");
    if (!IsIsoDatePrefix(pivot)) {
      return Status::InvalidInput("parameter 'pivot' must be an ISO date or part of one (2022-02-24, 2022-02, 2022)");
    }
    options.pivot = graph::ParseDateKey(pivot);
  }
  graph::Timeline tl = graph::BuildTimeline(net, *actor, options);
  EvidenceReader reader(*store_);
  json entries = json::array();
  for (const graph::TimelineEntry& e : tl.entries) {
    entries.push_back({{"date", graph::FormatDateKey(e.date)},
                       {"dated_by_published", e.dated_by_published},
                       {"sign", e.sign},
                       {"toward", e.toward >= 0 ? json(NodeView(net, e.toward)) : json(nullptr)},
                       {"claim", reader.NetworkClaim(net, e.claim, false)}});
  }
  json undated = json::array();
  for (graph::ClaimIndex c : tl.undated) undated.push_back(reader.NetworkClaim(net, c, false));
  json targets = json::array();
  for (graph::NodeId t : tl.targets) targets.push_back(NodeView(net, t));
  json flip = nullptr;
  if (tl.flip) {
    auto ids = [&](const std::vector<graph::ClaimIndex>& v) {
      json a = json::array();
      for (graph::ClaimIndex c : v) a.push_back(net.claims()[c].id);
      return a;
    };
    flip = {{"pivot", graph::FormatDateKey(tl.flip->pivot)},
            {"pivot_given", tl.flip->pivot_given},
            {"mean_before", tl.flip->mean_before},
            {"mean_after", tl.flip->mean_after},
            {"flipped", tl.flip->flipped},
            {"before", ids(tl.flip->before)},
            {"after", ids(tl.flip->after)}};
  }
  return Reply{200, json{{"actor", NodeView(net, *actor)},
                         {"targets", targets},
                         {"entries", entries},
                         {"undated", undated},
                         {"flip", flip}}};
}

Result<Api::Reply> Api::Rank(const ApiRequest& request) {
  RequestParams p(request.params);
  if (Status s = p.CheckKnown({"by", "toward", "limit", "type"}, true); !s.ok()) return s;
  Result<int> limit = p.GetInt("limit", 25, 1, 1000);
  if (!limit.ok()) return limit.status();
  const std::string type = p.Get("type");
  if (Status s = CheckType(type); !s.ok()) return s;
  auto snap = Current();
  const graph::Network& net = snap->net;
  if (p.Has("toward")) {
    if (p.Has("by")) return Status::InvalidInput("give either 'by' or 'toward'");
    Result<graph::TieFilter> filter = ParseTieFilter(p);
    if (!filter.ok()) return filter.status();
    Result<graph::NodeId> x = ResolveActor(net, snap->degree, *store_, "toward", p.Get("toward"));
    if (!x.ok()) return x.status();
    json friends = json::array();
    for (const graph::Friend& f : graph::FriendsOf(net, *x, *filter)) {
      if (!type.empty() && net.actor(f.node).type != type) continue;
      if (friends.size() >= static_cast<size_t>(*limit)) break;
      json ties = json::array();
      for (graph::TieId t : f.ties) ties.push_back(TieView(net, t));
      friends.push_back(
          {{"actor", NodeView(net, f.node)}, {"score", f.score}, {"reciprocal", f.reciprocal}, {"ties", ties}});
    }
    return Reply{200, json{{"toward", NodeView(net, *x)}, {"friends", friends}}};
  }
  for (std::string_view f : kFilterParams) {
    if (p.Has(f)) return Status::InvalidInput(fmt::format("parameter '{}' applies only with 'toward'", f));
  }
  const std::string by = p.Get("by", "pagerank");
  std::vector<double> scores;
  if (by == "pagerank") {
    scores = graph::PageRank(net);
  } else if (by == "degree") {
    scores = snap->degree;
  } else if (by == "betweenness") {
    Result<std::vector<double>> b = graph::Betweenness(net);
    if (!b.ok()) return b.status();
    scores = std::move(b.value());
  } else {
    return Status::InvalidInput(fmt::format("parameter 'by' must be pagerank, degree or betweenness, got '{}'", by.substr(0, 40)));
  }
  json out = json::array();
  for (graph::NodeId n : graph::OrderByScore(scores)) {
    if (!type.empty() && net.actor(n).type != type) continue;
    if (out.size() >= static_cast<size_t>(*limit)) break;
    out.push_back({{"actor", NodeView(net, n)}, {"score", scores[n]}, {"rank", out.size() + 1}});
  }
  return Reply{200, json{{"by", by}, {"scores", out}}};
}

Result<Api::Reply> Api::Communities(const ApiRequest& request) {
  RequestParams p(request.params);
  if (Status s = p.CheckKnown({"limit", "members"}); !s.ok()) return s;
  Result<int> limit = p.GetInt("limit", 20, 1, 1000);
  if (!limit.ok()) return limit.status();
  Result<int> members = p.GetInt("members", 30, 1, 1000);
  if (!members.ok()) return members.status();
  auto snap = Current();
  const graph::Network& net = snap->net;
  Result<graph::Communities> found = graph::DetectCommunities(net);
  if (!found.ok()) return found.status();
  json groups = json::array();
  for (size_t g = 0; g < found->groups.size() && g < static_cast<size_t>(*limit); ++g) {
    std::vector<graph::NodeId> group = found->groups[g];
    std::stable_sort(group.begin(), group.end(),
                     [&](graph::NodeId a, graph::NodeId b) { return snap->degree[a] > snap->degree[b]; });
    json m = json::array();
    for (size_t i = 0; i < group.size() && i < static_cast<size_t>(*members); ++i) m.push_back(NodeView(net, group[i]));
    groups.push_back({{"size", group.size()}, {"members", m}});
  }
  return Reply{200, json{{"modularity", found->modularity}, {"communities", groups}}};
}

}  // namespace tiegraph::server
