#include "tiegraph/server/openapi.h"

#include <string>

namespace tiegraph::server {
namespace {

using nlohmann::json;

json Param(const std::string& name, const std::string& type, const std::string& description, bool required = false,
           const std::string& in = "query") {
  return {{"name", name}, {"in", in}, {"required", required || in == "path"}, {"description", description},
          {"schema", {{"type", type}}}};
}

json IntParam(const std::string& name, int def, int min, int max, const std::string& description) {
  return {{"name", name},
          {"in", "query"},
          {"required", false},
          {"description", description},
          {"schema", {{"type", "integer"}, {"default", def}, {"minimum", min}, {"maximum", max}}}};
}

json EnumParam(const std::string& name, const json& values, const std::string& description) {
  return {{"name", name}, {"in", "query"}, {"required", false}, {"description", description},
          {"schema", {{"type", "string"}, {"enum", values}}}};
}

json Filters() {
  return json::array({
      EnumParam("relation",
                {"praise", "criticize", "meet", "fund", "business", "collaborate", "member", "support", "oppose",
                 "social", "aligned", "linked"},
                "Only ties of this relation"),
      EnumParam("sign", {"positive", "negative", "any"}, "Only cooperative (positive) or hostile (negative) ties"),
      EnumParam("modality", {"asserted", "alleged", "any"}, "Only asserted or alleged ties"),
      Param("since", "string", "ISO date or part (2014, 2022-02, 2022-02-24): a tie passes if one claim is dated on or after"),
      Param("until", "string", "ISO date or part, inclusive (a partial date means its end)"),
      Param("country", "string", "ISO 3166 alpha-2: other actors must have this country"),
  });
}

json Responses(const std::string& ok) {
  json error = {{"$ref", "#/components/schemas/Error"}};
  return {{"200", {{"description", ok}, {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}}},
          {"400", {{"description", "Bad parameter"}, {"content", {{"application/json", {{"schema", error}}}}}}},
          {"404", {{"description", "Unknown actor or document"}, {"content", {{"application/json", {{"schema", error}}}}}}},
          {"405", {{"description", "Method not allowed"}, {"content", {{"application/json", {{"schema", error}}}}}}}};
}

json Get(const std::string& summary, json params, const std::string& ok) {
  return {{"get", {{"summary", summary}, {"parameters", std::move(params)}, {"responses", Responses(ok)}}}};
}

json Concat(json a, const json& b) {
  for (const json& x : b) a.push_back(x);
  return a;
}

}  // namespace

json OpenApiDocument() {
  json paths = json::object();
  paths["/api/health"] = Get("Server status and store counts", json::array(), "{status, documents, actors, claims, ties, ingest}");
  paths["/api/openapi.json"] = Get("This description", json::array(), "OpenAPI 3.0 document");
  paths["/api/relations"] = Get("The 12 relations: direction, signed weight, CAMEO family, FollowTheMoney schema",
                                json::array(), "{relations: [...]}");
  paths["/api/actors"] = Get(
      "Search actors by name or alias: exact, then prefix (of the name or of a word), substring, then fuzzy (1-2 typos)",
      json::array({Param("q", "string", "Query; empty lists every actor, most tied first"),
                   IntParam("limit", 20, 1, 1000, "At most this many actors"),
                   EnumParam("type", {"Person", "Organization", "Country"}, "Only actors of this type")}),
      "{query, actors: [{id, name, type, country, aliases, degree, ties, match, matched}]}");
  paths["/api/actors/{ref}"] = Get("One actor by store id or name, with claim counts by relation",
                                   json::array({Param("ref", "string", "Store id (12 or #12) or a name/alias", true, "path")}),
                                   "{id, name, type, country, aliases, degree, ties, claims, claims_by_relation}");
  paths["/api/ego"] = Get("Ego network: actors within `depth` ties of the centre and the ties between them",
                          Concat(json::array({Param("actor", "string", "Centre: name, alias or id", true),
                                              IntParam("depth", 1, 1, 3, "Ties away from the centre"),
                                              IntParam("max_nodes", 150, 1, 2000, "Keep at most this many actors (nearest first)")}),
                                 Filters()),
                          "{centre, depth, nodes: [actor + depth], edges: [tie], truncated, total_nodes}");
  paths["/api/path"] = Get("The k shortest paths between two actors (ties taken as undirected)",
                           Concat(json::array({Param("from", "string", "Actor name, alias or id", true),
                                               Param("to", "string", "Actor name, alias or id", true),
                                               IntParam("k", 3, 1, 10, "How many paths")}),
                                  Filters()),
                           "{from, to, paths: [{length, nodes, hops: [{from, to, ties}]}]}");
  paths["/api/ties"] = Get(
      "Ties of actor a (with b: between a and b), each with its claims and their evidence sentence in context",
      Concat(json::array({Param("a", "string", "Actor name, alias or id", true),
                          Param("b", "string", "The other actor (optional)"),
                          IntParam("limit", 100, 1, 1000, "At most this many ties"),
                          IntParam("max_claims", 50, 0, 1000, "Claims per tie"),
                          Param("context", "boolean", "Include the text around each evidence sentence (default true)")}),
             Filters()),
      "{a, b, total, ties: [tie + {subject, object, claims: [claim + {context: {before, after}}]}]}");
  paths["/api/claims"] = Get("Stored claims with evidence, newest documents first",
                             json::array({Param("actor", "string", "Subject or object"),
                                          Param("other", "string", "With actor: the other side"),
                                          Param("relation", "string", "One of the 12 relations"),
                                          Param("document", "string", "Document id"),
                                          IntParam("limit", 100, 1, 1000, "Page size"),
                                          IntParam("offset", 0, 0, 1000000, "Skip this many"),
                                          Param("context", "boolean", "Include the text around the evidence")}),
                             "{claims, offset, limit, more}");
  json documents = Get("Stored documents (without text)",
                       json::array({IntParam("limit", 100, 1, 1000, "Page size"), IntParam("offset", 0, 0, 100000000, "Skip this many")}),
                       "{documents: [{id, title, url, published, ingested_at, source}], total, offset, limit}");
  documents["post"] = {
      {"summary", "Ingest one document (only on a server started with --token; send Authorization: Bearer TOKEN)"},
      {"security", json::array({{{"bearer", json::array()}}})},
      {"requestBody",
       {{"required", true},
        {"content",
         {{"application/json",
           {{"schema",
             {{"type", "object"},
              {"required", {"text"}},
              {"properties",
               {{"text", {{"type", "string"}}},
                {"title", {{"type", "string"}}},
                {"url", {{"type", "string"}}},
                {"published", {{"type", "string"}, {"description", "ISO date"}}}}}}}}},
          {"text/plain", {{"schema", {{"type", "string"}}}}}}}}},
      {"responses",
       {{"201", {{"description", "Stored: {id, stored, actors_created, actors_matched, mentions, claims}"}}},
        {"200", {{"description", "Already stored (same text): nothing added"}}},
        {"400", {{"description", "Bad body"}}},
        {"401", {{"description", "Missing or wrong token"}}},
        {"403", {{"description", "Read-only server"}}},
        {"413", {{"description", "Body too large"}}},
        {"503", {{"description", "Extraction pipeline unavailable"}}}}}};
  paths["/api/documents"] = documents;
  paths["/api/documents/{id}"] = Get("One document: its text and the claims found in it, as byte spans into the text",
                                     json::array({Param("id", "string", "Document id (content hash)", true, "path")}),
                                     "{id, title, url, published, source, text, claims: [claim with evidence_start, evidence_end]}");
  paths["/api/timeline"] = Get(
      "Stance timeline: the actor's signed claims in date order, and whether the stance flipped at a pivot",
      json::array({Param("actor", "string", "Actor name, alias or id", true),
                   Param("toward", "string", "Only claims toward this actor (a country: also its nationals with widen)"),
                   Param("pivot", "string", "Pivot date (ISO); default: the date of the largest change"),
                   Param("widen", "boolean", "With toward: include actors of toward's country")}),
      "{actor, targets, entries: [{date, dated_by_published, sign, toward, claim}], undated, flip: {pivot, mean_before, mean_after, flipped, before, after} | null}");
  paths["/api/rank"] = Get(
      "Centrality ranking (pagerank, degree, betweenness), or with toward: the 'friends of' ranking by signed stance",
      Concat(json::array({EnumParam("by", {"pagerank", "degree", "betweenness"}, "Score (default pagerank)"),
                          Param("toward", "string", "Rank actors by their stance toward this actor"),
                          IntParam("limit", 25, 1, 1000, "At most this many"),
                          EnumParam("type", {"Person", "Organization", "Country"}, "Only actors of this type")}),
             Filters()),
      "{by, scores: [{actor, score, rank}]} or {toward, friends: [{actor, score, reciprocal, ties}]}");
  paths["/api/communities"] = Get("Groups of closely tied actors (Louvain)",
                                  json::array({IntParam("limit", 20, 1, 1000, "At most this many groups"),
                                               IntParam("members", 30, 1, 1000, "Members listed per group")}),
                                  "{modularity, communities: [{size, members}]}");
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "tiegraph API"},
            {"version", "1"},
            {"description",
             "Actors and the claims that tie them, each backed by the sentence of a source. Read-only unless the "
             "server was started with --token. Errors: {\"error\": message, \"status\": code}."}}},
          {"servers", json::array({{{"url", "/"}}})},
          {"paths", paths},
          {"components",
           {{"schemas",
             {{"Error",
               {{"type", "object"},
                {"required", {"error", "status"}},
                {"properties", {{"error", {{"type", "string"}}}, {"status", {{"type", "integer"}}}}}}}}},
            {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
}

}  // namespace tiegraph::server
