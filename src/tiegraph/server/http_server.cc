#include "tiegraph/server/http_server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <httplib.h>

#include "tiegraph/server/static_files.h"

namespace tiegraph::server {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

std::string ReasonFor(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    case 500: return "internal server error";
    default: return "HTTP error";
  }
}

// The host part of a Host header: "127.0.0.1:8080" -> "127.0.0.1", "[::1]:80" -> "::1".
std::string HostPart(const std::string& header) {
  if (!header.empty() && header.front() == '[') {
    size_t close = header.find(']');
    return close == std::string::npos ? header : header.substr(1, close - 1);
  }
  size_t colon = header.find(':');
  return colon == std::string::npos ? header : header.substr(0, colon);
}

std::string TokenOf(const httplib::Request& req) {
  std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
  return req.get_header_value("X-Tiegraph-Token");
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded decoding: "+" is a space, %XX a byte.
std::string FormDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The query parameters of a request target ("/api/x?a=b+c&d"), decoded as a
// browser's form encoding (httplib leaves "+" as is).
std::multimap<std::string, std::string> QueryParams(const std::string& target) {
  std::multimap<std::string, std::string> params;
  size_t q = target.find('?');
  if (q == std::string::npos) return params;
  std::string_view query = std::string_view(target).substr(q + 1);
  size_t hash = query.find('#');
  if (hash != std::string_view::npos) query = query.substr(0, hash);
  size_t i = 0;
  while (i <= query.size()) {
    size_t amp = query.find('&', i);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(i, amp - i);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      if (eq == std::string_view::npos) {
        params.emplace(FormDecode(pair), "");
      } else {
        params.emplace(FormDecode(pair.substr(0, eq)), FormDecode(pair.substr(eq + 1)));
      }
    }
    i = amp + 1;
  }
  return params;
}

// httplib binds with SO_REUSEPORT, so a second server could share a port in
// use; probe it first with a plain socket, which fails with EADDRINUSE.
Status ProbePort(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || found == nullptr) {
    return Status::InvalidInput("cannot resolve host " + host);
  }
  Status result = Status::Ok();
  int fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  if (fd >= 0) {
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    if (bind(fd, found->ai_addr, found->ai_addrlen) != 0) {
      result = Status::IOError("cannot bind " + host + ":" + std::to_string(port) + ": " + std::strerror(errno));
    }
    close(fd);
  }
  freeaddrinfo(found);
  return result;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

struct HttpServer::Impl {
  Impl(Api& a, ServerOptions o) : api(a), options(std::move(o)) {}
  Api& api;
  ServerOptions options;
  httplib::Server svr;
  int port = -1;

  void HandleApi(const httplib::Request& req, httplib::Response& res) {
    ApiRequest request;
    request.method = req.method;
    request.path = req.path;
    request.params = QueryParams(req.target);
    request.body = req.body;
    request.content_type = req.get_header_value("Content-Type");
    request.token = TokenOf(req);
    ApiResponse response = api.Handle(request);
    res.status = response.status;
    if (!response.allow.empty()) res.set_header("Allow", response.allow);
    res.set_header("Cache-Control", "no-store");
    res.set_content(response.body, kJson);
  }

  void HandleStatic(const httplib::Request& req, httplib::Response& res) {
    if (options.web_root.empty()) {
      res.status = 404;
      res.set_content(ErrorBody(404, "the web UI is not served (no --web-root, or it is not built: run `make web`); "
                                     "the JSON API is at /api/ (see /api/openapi.json)"),
                      kJson);
      return;
    }
    Result<std::string> file = ResolveStaticPath(options.web_root, req.path);
    std::string body;
    if (!file.ok() || !ReadFile(*file, &body)) {
      res.status = 404;
      res.set_content(ErrorBody(404, "no such file: " + req.path.substr(0, 100)), kJson);
      return;
    }
    res.status = 200;
    res.set_header("Cache-Control", "no-cache");
    res.set_content(body, ContentTypeFor(*file).c_str());
  }

  void Setup() {
    svr.set_payload_max_length(options.max_body_bytes);
    svr.set_read_timeout(options.read_timeout_s, 0);
    svr.set_write_timeout(options.write_timeout_s, 0);
    svr.set_keep_alive_timeout(5);
    // Headers and body go out in separate writes: without TCP_NODELAY, Nagle and
    // the client's delayed ACK add ~40 ms to every keep-alive response.
    svr.set_tcp_nodelay(true);
    const size_t workers = static_cast<size_t>(std::max(1, options.worker_threads));
    svr.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
    const bool check_host = IsLoopbackHost(options.host);
    svr.set_pre_routing_handler([check_host](const httplib::Request& req, httplib::Response& res) {
      if (check_host && !IsLoopbackHost(HostPart(req.get_header_value("Host")))) {
        res.status = 403;
        res.set_content(ErrorBody(403, "this server answers only requests addressed to a loopback host"), kJson);
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    auto api = [this](const httplib::Request& req, httplib::Response& res) { HandleApi(req, res); };
    const char* api_pattern = R"(/api(/.*)?)";
    svr.Get(api_pattern, api);
    svr.Post(api_pattern, api);
    svr.Put(api_pattern, api);
    svr.Patch(api_pattern, api);
    svr.Delete(api_pattern, api);
    svr.Options(api_pattern, api);
    svr.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) { HandleStatic(req, res); });
    auto not_allowed = [](const httplib::Request& req, httplib::Response& res) {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      res.set_content(ErrorBody(405, "method " + req.method + " not allowed on static files"), kJson);
    };
    svr.Post(R"(/.*)", not_allowed);
    svr.Put(R"(/.*)", not_allowed);
    svr.Patch(R"(/.*)", not_allowed);
    svr.Delete(R"(/.*)", not_allowed);
    svr.Options(R"(/.*)", not_allowed);
    svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (res.body.empty()) res.set_content(ErrorBody(res.status, ReasonFor(res.status)), kJson);
    });
    svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      res.status = 500;
      res.set_content(ErrorBody(500, "internal server error"), kJson);
    });
    svr.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Security-Policy", kContentSecurityPolicy);
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Referrer-Policy", "no-referrer");
      res.set_header("X-Frame-Options", "DENY");
    });
  }
};

HttpServer::HttpServer(Api& api, ServerOptions options) : impl_(std::make_unique<Impl>(api, std::move(options))) {
  impl_->Setup();
}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Bind() {
  const std::string& host = impl_->options.host;
  if (impl_->options.port == 0) {
    impl_->port = impl_->svr.bind_to_any_port(host);
    if (impl_->port < 0) return Status::IOError("cannot bind " + host + " to a free port");
  } else {
    if (impl_->options.port < 0 || impl_->options.port > 65535) {
      return Status::InvalidInput("port must be 0-65535");
    }
    if (Status s = ProbePort(host, impl_->options.port); !s.ok()) return s;
    if (!impl_->svr.bind_to_port(host, impl_->options.port)) {
      return Status::IOError("cannot bind " + host + ":" + std::to_string(impl_->options.port) +
                             " (in use, or not an address of this machine)");
    }
    impl_->port = impl_->options.port;
  }
  return Status::Ok();
}

int HttpServer::port() const { return impl_->port; }

Status HttpServer::Serve() {
  if (impl_->port < 0) return Status::Usage("HttpServer::Serve before Bind");
  if (!impl_->svr.listen_after_bind()) return Status::IOError("the server stopped listening with an error");
  return Status::Ok();
}

void HttpServer::Stop() {
  if (impl_->svr.is_running()) impl_->svr.stop();
}

}  // namespace tiegraph::server
