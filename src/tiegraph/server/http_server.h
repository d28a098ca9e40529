// HttpServer: binds an Api (api.h) and the web UI's static files to a
// socket with cpp-httplib.
//   /api/...  -> Api::Handle (JSON; any method, the Api answers 405 itself)
//   other GET -> files under options.web_root only (static_files.h); other
//                methods 405. Without a built UI, "/" says how to build it.
// Defaults are for a researcher's laptop: 127.0.0.1 only, request bodies
// capped (413 beyond), read/write timeouts, and on a loopback bind the Host
// header must name a loopback host (against DNS rebinding). Every response
// carries a strict Content-Security-Policy (scripts only from the server)
// and nosniff. Errors from httplib itself (413, 400) are JSON too.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "tiegraph/server/api.h"
#include "tiegraph/status.h"

namespace tiegraph::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                  // 0 = any free port (see port())
  std::string web_root;             // folder of the built UI; "" = API only
  size_t max_body_bytes = 8 << 20;  // larger request bodies get 413
  int read_timeout_s = 10;
  int write_timeout_s = 10;
  // Connections served at once. A stalled client holds one for up to the read
  // timeout plus httplib's 5 s keep-alive wait, so more than httplib's default
  // of 8, or a few slow clients would starve the rest.
  int worker_threads = 64;
};

bool IsLoopbackHost(const std::string& host);

class HttpServer {
 public:
  HttpServer(Api& api, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; afterwards port() is the bound port.
  Status Bind();
  int port() const;
  // Serves until Stop() (from another thread). Bind() first.
  Status Serve();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiegraph::server
