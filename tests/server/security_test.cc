// The HTTP server under attack (issue 8), over real loopback sockets:
// SQL injection in every query parameter of every endpoint leaves the
// database unchanged and never answers 500; markup in article text, titles
// and actor names comes back as JSON data (never HTML); static files never
// leave the web root; oversized and slow requests are cut off by limits and
// timeouts while other clients are still served; unknown methods get JSON
// errors; write endpoints refuse requests without the right token.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "server_fixture.h"
#include "tiegraph/server/http_server.h"

namespace tiegraph::server {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kScriptTitle = "<script>alert('title')</script>";
constexpr const char* kImgActor = "Evil <img src=x onerror=alert(1)> Actor";

// Every row of every table, and the schema, as one string: equal before and
// after means the requests changed nothing.
std::string Fingerprint(const std::string& db_path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return "cannot open";
  std::string out;
  std::vector<std::string> tables;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_master ORDER BY name", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    const char* sql = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
    std::string name = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    out += name + ":" + (sql ? sql : "") + "\n";
    if (sql != nullptr && std::string(sql).rfind("CREATE TABLE", 0) == 0) tables.push_back(name);
  }
  sqlite3_finalize(s);
  for (const std::string& t : tables) {
    std::string query = "SELECT * FROM \"" + t + "\" ORDER BY 1";
    if (sqlite3_prepare_v2(db, query.c_str(), -1, &s, nullptr) != SQLITE_OK) continue;
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        const unsigned char* v = sqlite3_column_text(s, i);
        out += v ? reinterpret_cast<const char*>(v) : "NULL";
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

// A raw TCP connection to the server, for requests httplib's client will not send.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connected_ = fd_ >= 0 && connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  }
  ~RawConnection() {
    if (fd_ >= 0) close(fd_);
  }
  bool connected() const { return connected_; }
  bool Send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
  }
  // Reads one whole response (head and Content-Length body), or until the
  // peer closes, or timeout.
  std::string ReadResponse(std::chrono::milliseconds timeout) {
    bool closed = false;
    return Read(timeout, &closed, /*one_response=*/true);
  }
  // Reads until the peer closes or timeout; *closed says whether it closed.
  std::string ReadAll(std::chrono::milliseconds timeout, bool* closed) { return Read(timeout, closed, false); }

 private:
  static bool IsWholeResponse(const std::string& r) {
    size_t head_end = r.find("\r\n\r\n");
    if (head_end == std::string::npos) return false;
    size_t length = 0;
    size_t at = r.find("Content-Length: ");
    if (at != std::string::npos && at < head_end) length = std::strtoul(r.c_str() + at + 16, nullptr, 10);
    return r.size() >= head_end + 4 + length;
  }
  std::string Read(std::chrono::milliseconds timeout, bool* closed, bool one_response) {
    std::string out;
    *closed = false;
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline && !(one_response && IsWholeResponse(out))) {
      pollfd p{fd_, POLLIN, 0};
      int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
      if (poll(&p, 1, left > 0 ? left : 0) <= 0) break;
      char buf[4096];
      ssize_t n = recv(fd_, buf, sizeof(buf), 0);
      if (n <= 0) {
        *closed = true;
        break;
      }
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }

  int fd_ = -1;
  bool connected_ = false;
};

// Every byte but unreserved ASCII as %XX.
std::string PercentEncode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

int StatusOfRawReply(const std::string& reply) {
  if (reply.rfind("HTTP/1.", 0) != 0 || reply.size() < 12) return -1;
  return std::atoi(reply.c_str() + 9);
}

class SecurityTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    // A document whose title and actor names are markup.
    {
      auto store = OpenStore(db_);
      ASSERT_TRUE(store.ok());
      Document doc = testing::DocBuilder("docmarkup", std::string(kImgActor) + " met Nigel Farage. <b>Bold</b> end.",
                                         "2022-04-01")
                         .Actor(kImgActor, ActorType::kPerson, "", {"Evil"})
                         .Actor("Nigel Farage", ActorType::kPerson, "GB", {"Farage"})
                         .Claim(0, "meet", 1, "met Nigel", "2022")
                         .Build();
      doc.title = kScriptTitle;
      doc.url = "javascript:alert(1)";
      ASSERT_TRUE((*store)->PutDocument(doc).ok());
    }
    root_ = dir_ / "www";
    fs::create_directories(root_ / "sub");
    std::ofstream(root_ / "index.html") << "<!doctype html><title>ui</title>";
    std::ofstream(dir_ / "secret.txt") << "TOP-SECRET";
    fs::create_directories(dir_ / "outside");
    std::ofstream(dir_ / "outside" / "secret.js") << "TOP-SECRET";
    fs::create_symlink(dir_ / "outside", root_ / "linkdir");
    fs::create_symlink(dir_ / "secret.txt", root_ / "sub" / "link.txt");
    fs::create_symlink("/etc/passwd", root_ / "passwd");
    ApiOptions api_options;
    api_options.token = "s3cret-token";
    api_options.processor = [](Document& doc) { return Status::Ok(); };
    api_ = MakeApi(api_options);
    ASSERT_NE(api_, nullptr);
    ServerOptions options;
    options.port = 0;
    options.web_root = root_.string();
    options.max_body_bytes = 64 << 10;
    options.read_timeout_s = 1;
    options.write_timeout_s = 1;
    server_ = std::make_unique<HttpServer>(*api_, options);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { served_ = server_->Serve(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_connection_timeout(5, 0);
    client_->set_read_timeout(5, 0);
    for (int i = 0; i < 100 && !client_->Get("/api/health"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  void TearDown() override {
    client_.reset();
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    EXPECT_TRUE(served_.ok()) << served_.ToString();
    StoreFixture::TearDown();
  }

  static void ExpectJson(const httplib::Result& r, const std::string& what) {
    ASSERT_TRUE(r) << what << ": no response";
    EXPECT_NE(r->status, 500) << what << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << what;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << what;
    json j = json::parse(r->body, nullptr, false);
    EXPECT_TRUE(j.is_object()) << what << ": " << r->body.substr(0, 200);
  }

  fs::path root_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  Status served_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(SecurityTest, SqlInjectionInEveryParameterChangesNothing) {
  const std::string before = Fingerprint(db_);
  ASSERT_NE(before.find("docmarkup"), std::string::npos);
  const std::map<std::string, std::vector<std::string>> endpoints = {
      {"/api/actors", {"q", "limit", "type"}},
      {"/api/ego", {"actor", "depth", "max_nodes", "relation", "sign", "modality", "since", "until", "country"}},
      {"/api/path", {"from", "to", "k", "relation", "since", "country"}},
      {"/api/ties", {"a", "b", "limit", "max_claims", "context", "relation", "sign", "modality", "until"}},
      {"/api/claims", {"actor", "other", "relation", "document", "limit", "offset", "context"}},
      {"/api/documents", {"limit", "offset"}},
      {"/api/timeline", {"actor", "toward", "pivot", "widen"}},
      {"/api/rank", {"by", "toward", "limit", "type", "sign"}},
      {"/api/communities", {"limit", "members"}},
  };
  // Valid values for the other parameters, so the injected one is the one read.
  const std::map<std::string, std::string> valid = {{"actor", "Vladimir Putin"}, {"a", "Vladimir Putin"},
                                                    {"from", "Marine Le Pen"},  {"to", "Mike Pompeo"}};
  const std::vector<std::string> payloads = {
      "' OR '1'='1",
      "Putin'; DROP TABLE claims; --",
      "\"; DELETE FROM documents; --",
      "1; UPDATE actors SET name='pwned'",
      "%' UNION SELECT sql, sql, sql FROM sqlite_master --",
      "Robert'); DROP TABLE actors;--",
      "1 OR 1=1",
      "'; ATTACH DATABASE '/tmp/tiegraph_pwned.db' AS pwned; --",
      std::string("nul\0byte'--", 11),
      "\xff\xfe invalid utf-8 '",
  };
  int requests = 0;
  for (const auto& [path, params] : endpoints) {
    for (const std::string& param : params) {
      for (const std::string& payload : payloads) {
        httplib::Params query;
        for (const auto& [k, v] : valid) {
          if (k != param && std::find(params.begin(), params.end(), k) != params.end()) query.emplace(k, v);
        }
        query.emplace(param, payload);
        auto r = client_->Get(path, query, httplib::Headers{});
        ExpectJson(r, path + "?" + param + "=" + payload);
        ++requests;
      }
    }
  }
  // Path segments too.
  for (const std::string& payload : payloads) {
    for (const std::string base : {"/api/actors/", "/api/documents/"}) {
      auto r = client_->Get(base + PercentEncode(payload));
      ExpectJson(r, base + payload);
      if (r) {
        EXPECT_TRUE(r->status == 404 || r->status == 400) << base << payload << " " << r->status;
      }
      ++requests;
    }
  }
  EXPECT_GT(requests, 400);
  EXPECT_EQ(Fingerprint(db_), before) << "the database changed";
  EXPECT_FALSE(fs::exists("/tmp/tiegraph_pwned.db"));
  // Still serving correct answers afterwards.
  auto r = client_->Get("/api/ties?a=Marine%20Le%20Pen&b=Vladimir%20Putin");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(SecurityTest, InjectedActorNamesMatchNothingExtra) {
  // A quote trick must not widen a search to every actor.
  auto all = client_->Get("/api/actors?limit=1000");
  ASSERT_TRUE(all);
  const size_t total = json::parse(all->body)["actors"].size();
  ASSERT_GT(total, 3u);
  auto r = client_->Get("/api/actors?q=%27%20OR%20%271%27%3D%271&limit=1000");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_LT(json::parse(r->body)["actors"].size(), total);
  r = client_->Get("/api/claims?actor=%27%20OR%20%271%27%3D%271");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404) << r->body;
}

TEST_F(SecurityTest, MarkupInTitlesNamesAndTextComesBackAsJsonData) {
  auto r = client_->Get("/api/documents/docmarkup");
  ExpectJson(r, "document");
  ASSERT_EQ(r->status, 200) << r->body;
  json doc = json::parse(r->body);
  EXPECT_EQ(doc["title"], kScriptTitle);
  EXPECT_NE(doc["text"].get<std::string>().find("<img src=x onerror=alert(1)>"), std::string::npos);
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);

  r = client_->Get("/api/actors", httplib::Params{{"q", "Evil"}}, httplib::Headers{});
  ExpectJson(r, "actor search");
  ASSERT_EQ(r->status, 200);
  json actors = json::parse(r->body)["actors"];
  ASSERT_FALSE(actors.empty());
  EXPECT_EQ(actors[0]["name"], kImgActor);

  r = client_->Get("/api/ego", httplib::Params{{"actor", kImgActor}}, httplib::Headers{});
  ExpectJson(r, "ego of the markup actor");
  EXPECT_EQ(r->status, 200) << r->body;

  // The hostile fixture document: markup in the evidence sentence is data.
  r = client_->Get("/api/ties?a=Nigel%20Farage&b=Vladimir%20Putin");
  ExpectJson(r, "ties");
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<script>window.__pwned = 1</script>"), std::string::npos);

  // Reflected input in errors: JSON, never HTML.
  for (const std::string path : {"/api/ego?actor=%3Cscript%3Ealert(1)%3C/script%3E", "/api/%3Cscript%3E",
                                 "/%3Cscript%3Ealert(1)%3C/script%3E.html", "/api/actors?%3Cb%3E=1"}) {
    r = client_->Get(path);
    ExpectJson(r, path);
    EXPECT_GE(r->status, 400) << path;
    EXPECT_EQ(r->get_header_value("Content-Type").find("html"), std::string::npos) << path;
  }
}

TEST_F(SecurityTest, StaticFilesNeverLeaveTheWebRoot) {
  for (const char* path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd", "/..%2fsecret.txt", "/..%2Fsecret.txt",
        "/sub/../../secret.txt", "/sub/%2e%2e/%2e%2e/secret.txt", "/%2fetc%2fpasswd", "//etc/passwd", "/etc/passwd",
        "/passwd", "/linkdir/secret.js", "/sub/link.txt", "/....//secret.txt", "/..;/secret.txt",
        "/%c0%ae%c0%ae/secret.txt", "/sub/..%5c..%5csecret.txt", "/index.html%00.js", "/.%2e/secret.txt"}) {
    auto r = client_->Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_NE(r->status, 200) << path;
    EXPECT_NE(r->status, 500) << path;
    EXPECT_EQ(r->body.find("TOP-SECRET"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
  }
  // Absolute-form request targets and raw ".." that a client would normalise.
  for (const std::string target : {"/../../../../etc/passwd", "http://127.0.0.1/../secret.txt", "../secret.txt",
                                   "/sub/../../secret.txt", "/linkdir/../../secret.txt"}) {
    RawConnection c(server_->port());
    ASSERT_TRUE(c.connected());
    ASSERT_TRUE(c.Send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    std::string reply = c.ReadResponse(std::chrono::milliseconds(3000));
    EXPECT_NE(StatusOfRawReply(reply), 200) << target << "\n" << reply.substr(0, 200);
    EXPECT_NE(StatusOfRawReply(reply), 500) << target;
    EXPECT_EQ(reply.find("TOP-SECRET"), std::string::npos) << target;
    EXPECT_EQ(reply.find("root:"), std::string::npos) << target;
  }
  auto r = client_->Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(SecurityTest, OversizedRequestsAreRefused) {
  httplib::Headers token = {{"Authorization", "Bearer s3cret-token"}};
  auto r = client_->Post("/api/documents", token, std::string(200 << 10, 'a'), "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  // A long request target.
  r = client_->Get("/api/actors?q=" + std::string(20000, 'a'));
  ASSERT_TRUE(r);
  EXPECT_GE(r->status, 400);
  EXPECT_LT(r->status, 500);
  // Huge headers.
  {
    RawConnection c(server_->port());
    ASSERT_TRUE(c.connected());
    std::string request = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(100000, 'b') + "\r\n\r\n";
    c.Send(request);
    std::string reply = c.ReadResponse(std::chrono::milliseconds(3000));
    EXPECT_NE(StatusOfRawReply(reply), 200);
    EXPECT_NE(StatusOfRawReply(reply), 500);
  }
  // A Content-Length far over the cap is refused before the body is read.
  {
    RawConnection c(server_->port());
    ASSERT_TRUE(c.connected());
    c.Send("POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer s3cret-token\r\n"
           "Content-Type: text/plain\r\nContent-Length: 10000000000\r\n\r\nabc");
    std::string reply = c.ReadResponse(std::chrono::milliseconds(3000));
    EXPECT_EQ(StatusOfRawReply(reply), 413) << reply.substr(0, 200);
  }
  r = client_->Get("/api/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(SecurityTest, SlowRequestsTimeOutWhileOthersAreServed) {
  // Slow-loris: more stalled connections than httplib's default 8 workers,
  // half sending half a request head, half sending half a body.
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 16; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server_->port()));
    ASSERT_TRUE(slow.back()->connected());
    if (i % 2 == 0) {
      slow.back()->Send("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    } else {
      slow.back()->Send("POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer s3cret-token\r\n"
                        "Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\nonly a little");
    }
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // Meanwhile others are answered at once.
  const auto start = Clock::now();
  for (int i = 0; i < 3; ++i) {
    auto r = client_->Get("/api/actors?q=Putin");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(900));
  // The stalled connections are answered 400 (or 413) after the 1 s read
  // timeout and closed after httplib's 5 s keep-alive wait at the latest.
  for (auto& c : slow) {
    bool closed = false;
    std::string reply = c->ReadAll(std::chrono::milliseconds(9000), &closed);
    EXPECT_TRUE(closed) << "a stalled connection was kept open";
    EXPECT_GE(StatusOfRawReply(reply), 400) << reply.substr(0, 100);
    EXPECT_LT(StatusOfRawReply(reply), 500) << reply.substr(0, 100);
  }
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(9000));
}

TEST_F(SecurityTest, KeepAliveResponsesAreNotDelayed) {
  // Without TCP_NODELAY each keep-alive response waits ~40 ms for the client's
  // delayed ACK (headers and body are separate writes): 20 requests >= 800 ms.
  httplib::Client keep_alive("127.0.0.1", server_->port());
  keep_alive.set_keep_alive(true);
  ASSERT_TRUE(keep_alive.Get("/api/health"));
  const auto start = Clock::now();
  for (int i = 0; i < 20; ++i) {
    auto r = keep_alive.Get("/api/ego?actor=Vladimir%20Putin");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
  }
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(400));
}

TEST_F(SecurityTest, DefaultLimitsAreSet) {
  ServerOptions defaults;
  EXPECT_EQ(defaults.host, "127.0.0.1");
  EXPECT_GT(defaults.max_body_bytes, 0u);
  EXPECT_LE(defaults.max_body_bytes, size_t{64} << 20);
  EXPECT_GT(defaults.read_timeout_s, 0);
  EXPECT_LE(defaults.read_timeout_s, 60);
  EXPECT_GT(defaults.write_timeout_s, 0);
  EXPECT_LE(defaults.write_timeout_s, 60);
}

TEST_F(SecurityTest, UnknownMethodsGetJsonErrors) {
  for (const std::string method : {"BREW", "TRACE", "CONNECT", "PROPFIND", "FOO", "get"}) {
    for (const std::string target : {"/api/health", "/index.html", "/"}) {
      RawConnection c(server_->port());
      ASSERT_TRUE(c.connected());
      ASSERT_TRUE(c.Send(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
      std::string reply = c.ReadResponse(std::chrono::milliseconds(3000));
      int status = StatusOfRawReply(reply);
      EXPECT_GE(status, 400) << method << " " << target << "\n" << reply.substr(0, 300);
      EXPECT_LT(status, 500) << method << " " << target << "\n" << reply.substr(0, 300);
    }
  }
  for (const std::string path : {"/api/health", "/api/actors", "/api/ego", "/index.html"}) {
    auto r = client_->Delete(path);
    ExpectJson(r, "DELETE " + path);
    EXPECT_EQ(r->status, 405) << path;
    r = client_->Put(path, "x", "text/plain");
    ExpectJson(r, "PUT " + path);
    EXPECT_EQ(r->status, 405) << path;
  }
  auto r = client_->Head("/api/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(SecurityTest, WriteEndpointsNeedTheToken) {
  const std::string before = Fingerprint(db_);
  const std::string body = json{{"text", "Carol Tester met Dan Tester."}}.dump();
  const std::vector<httplib::Headers> bad_tokens = {
      {},
      {{"Authorization", "Bearer wrong"}},
      {{"Authorization", "Bearer "}},
      {{"Authorization", "Basic czNjcmV0LXRva2Vu"}},
      {{"Authorization", "Bearer s3cret-token-and-more"}},
      {{"Authorization", "Bearer s3cret-toke"}},
      {{"X-Tiegraph-Token", "nope"}},
      {{"Cookie", "token=s3cret-token"}},
  };
  for (const httplib::Headers& headers : bad_tokens) {
    auto r = client_->Post("/api/documents", headers, body, "application/json");
    ExpectJson(r, "POST without the token");
    EXPECT_TRUE(r->status == 401 || r->status == 403) << r->status;
  }
  auto r = client_->Post("/api/documents?token=s3cret-token", body, "application/json");
  ExpectJson(r, "token in the query");
  EXPECT_TRUE(r->status == 401 || r->status == 403 || r->status == 400) << r->status;
  for (const std::string path : {"/api/actors", "/api/actors/1", "/api/documents/doclepen", "/api/claims"}) {
    for (const std::string method : {"POST", "PUT", "PATCH", "DELETE"}) {
      httplib::Request req;
      req.method = method;
      req.path = path;
      req.body = body;
      req.set_header("Content-Type", "application/json");
      auto res = client_->send(req);
      ExpectJson(res, method + " " + path);
      EXPECT_GE(res->status, 400) << method << " " << path;
    }
  }
  EXPECT_EQ(Fingerprint(db_), before);
  // A read-only server refuses even with a token.
  auto read_only = MakeApi();
  ApiRequest post;
  post.method = "POST";
  post.path = "/api/documents";
  post.body = body;
  post.content_type = "application/json";
  post.token = "s3cret-token";
  EXPECT_EQ(read_only->Handle(post).status, 403);
}

}  // namespace
}  // namespace tiegraph::server
