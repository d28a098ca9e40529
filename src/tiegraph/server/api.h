// Api: the HTTP JSON API of `tiegraph serve`, independent of the HTTP
// library (http_server.h binds it to sockets). Handle() takes a parsed
// request and returns the status and JSON body; it is safe to call from
// many threads at once.
//
// Read endpoints (GET; see openapi.cc for parameters and shapes):
//   /api/health  /api/openapi.json  /api/relations
//   /api/actors?q=  (prefix + fuzzy search)     /api/actors/{id or name}
//   /api/ego?actor=  /api/path?from=&to=  /api/ties?a=[&b=]  (ties with evidence)
//   /api/claims  /api/documents  /api/documents/{id}  (text + claim spans)
//   /api/timeline?actor=  /api/rank  /api/communities
// Ingest (POST /api/documents) only when the Api has a token and a document
// processor, and the request carries the same token; the network is then
// rebuilt. Errors: {"error": message, "status": code} with 400 (bad
// parameter), 401/403 (token), 404 (unknown actor, document or endpoint),
// 405 (method), 500, 503 (no processor).
// The in-memory network is a snapshot: rebuilt after each ingest, or by Reload().
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "tiegraph/graph/network.h"
#include "tiegraph/status.h"
#include "tiegraph/store/store.h"
#include "tiegraph/text/document.h"

namespace tiegraph::server {

struct ApiRequest {
  std::string method = "GET";  // GET, POST, ...
  std::string path;            // decoded, without the query: "/api/actors"
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::string body;
  std::string content_type;
  std::string token;           // from "Authorization: Bearer ..." or X-Tiegraph-Token; "" = none
};

struct ApiResponse {
  int status = 200;
  std::string body;            // JSON text
  std::string allow;           // for 405: the methods the path accepts
};

// Runs the pipeline on a loaded document (extract/pipeline.h's Process).
using DocumentProcessor = std::function<Status(Document&)>;

struct ApiOptions {
  std::string token;            // "" = read-only: POST is refused
  DocumentProcessor processor;  // null = ingest unavailable (503)
  std::string store_location;   // SQLite file for the fast network reader; "" = read through the Store
  size_t max_document_bytes = 4 << 20;
};

class Api {
 public:
  // Loads the network from the store; fails if it cannot be read.
  static Result<std::unique_ptr<Api>> Create(std::unique_ptr<Store> store, ApiOptions options);
  ~Api();

  ApiResponse Handle(const ApiRequest& request);
  // Rebuilds the in-memory network from the store.
  Status Reload();

  // Counts of the current snapshot (for the server's start-up line).
  size_t actor_count() const;
  size_t tie_count() const;
  bool ingest_enabled() const { return !options_.token.empty() && options_.processor != nullptr; }

 private:
  struct Snapshot;
  struct Reply;
  Api(std::unique_ptr<Store> store, ApiOptions options);
  std::shared_ptr<const Snapshot> Current() const;

  Result<Reply> Route(const ApiRequest& request, std::string* allow);
  Result<Reply> Health();
  Result<Reply> Relations();
  Result<Reply> Actors(const ApiRequest& request);
  Result<Reply> ActorDetail(const ApiRequest& request, const std::string& ref);
  Result<Reply> Ego(const ApiRequest& request);
  Result<Reply> Path(const ApiRequest& request);
  Result<Reply> Ties(const ApiRequest& request);
  Result<Reply> Claims(const ApiRequest& request);
  Result<Reply> Documents(const ApiRequest& request);
  Result<Reply> DocumentDetail(const ApiRequest& request, const std::string& id);
  Result<Reply> PostDocument(const ApiRequest& request);
  Result<Reply> Timeline(const ApiRequest& request);
  Result<Reply> Rank(const ApiRequest& request);
  Result<Reply> Communities(const ApiRequest& request);

  std::unique_ptr<Store> store_;
  ApiOptions options_;
  mutable std::mutex snapshot_mu_;
  std::shared_ptr<const Snapshot> snapshot_;
  std::mutex ingest_mu_;  // one ingest at a time
};

// {"error": message, "status": status} as text.
std::string ErrorBody(int status, const std::string& message);

}  // namespace tiegraph::server
