// HttpServer over real loopback sockets with httplib's client: routing,
// static files only from the web root, JSON errors, body cap, Host check,
// security headers and token-guarded ingest.
#include "tiegraph/server/http_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "server_fixture.h"

namespace tiegraph::server {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

Status OneActorPair(Document& doc) {
  for (const char* name : {"Carol Tester", "Dan Tester"}) {
    Actor a;
    a.name = name;
    a.type = ActorType::kPerson;
    doc.actors.push_back(a);
  }
  Claim c;
  c.subject = 0;
  c.relation = "meet";
  c.object = 1;
  c.evidence = Span{0, static_cast<uint32_t>(doc.text.size())};
  doc.claims.push_back(c);
  return Status::Ok();
}

class HttpServerTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    root_ = dir_ / "www";
    WriteFile(root_ / "index.html", "<!doctype html><title>tiegraph</title>");
    WriteFile(root_ / "app.js", "console.log('ok');");
    WriteFile(root_ / "css" / "style.css", "body{}");
    WriteFile(root_ / ".hidden", "hidden");
    WriteFile(dir_ / "secret.txt", "TOP-SECRET");
    fs::create_symlink(dir_ / "secret.txt", root_ / "link.txt");
    ApiOptions api_options;
    api_options.token = "tok";
    api_options.processor = OneActorPair;
    api_ = MakeApi(api_options);
    ASSERT_NE(api_, nullptr);
    ServerOptions options;
    options.port = 0;
    options.web_root = root_.string();
    options.max_body_bytes = 4096;
    server_ = std::make_unique<HttpServer>(*api_, options);
    ASSERT_TRUE(server_->Bind().ok());
    ASSERT_GT(server_->port(), 0);
    thread_ = std::thread([this] { served_ = server_->Serve(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_connection_timeout(5, 0);
    client_->set_read_timeout(5, 0);
    for (int i = 0; i < 100; ++i) {  // wait until it answers
      if (client_->Get("/api/health")) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    EXPECT_TRUE(served_.ok()) << served_.ToString();
    StoreFixture::TearDown();
  }
  static json Body(const httplib::Result& r) { return json::parse(r->body, nullptr, false); }
  static void ExpectJsonError(const httplib::Result& r, int status) {
    ASSERT_TRUE(r) << "no response";
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
    json j = Body(r);
    ASSERT_TRUE(j.is_object()) << r->body;
    EXPECT_EQ(j.value("status", 0), status);
    EXPECT_TRUE(j.contains("error"));
  }

  fs::path root_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  Status served_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(HttpServerTest, ServesTheApiAsJson) {
  auto r = client_->Get("/api/actors?q=Le%20Pen");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(Body(r)["actors"][0]["name"], "Marine Le Pen");
  r = client_->Get("/api/actors/Marine%20Le%20Pen");
  ASSERT_TRUE(r);
  EXPECT_EQ(Body(r)["name"], "Marine Le Pen");
  client_->set_url_encode(false);  // send "+" as a browser's form encoding does
  r = client_->Get("/api/ties?a=Le+Pen&b=Putin");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(Body(r)["ties"][0]["claims"][0]["evidence"].get<std::string>().find("9 million euro loan"), std::string::npos);
}

TEST_F(HttpServerTest, ErrorsAreJson) {
  ExpectJsonError(client_->Get("/api/ego?actor=Le%20Pen&depth=zero"), 400);
  ExpectJsonError(client_->Get("/api/ego?actor=Nobody"), 404);
  ExpectJsonError(client_->Get("/api/no-such-thing"), 404);
  auto r = client_->Delete("/api/actors");
  ExpectJsonError(r, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "GET, HEAD");
  ExpectJsonError(client_->Post("/index.html", "x", "text/plain"), 405);
}

TEST_F(HttpServerTest, StaticFilesOnlyFromTheWebRoot) {
  auto r = client_->Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->body.find("<title>tiegraph</title>"), std::string::npos);
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  r = client_->Get("/app.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  r = client_->Get("/css/style.css");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/css/../../secret.txt", "/..%2fsecret.txt",
                           "/link.txt", "/.hidden", "/css/..", "/nothing.js", "/%00", "/..\\secret.txt"}) {
    r = client_->Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_NE(r->status, 200) << path;
    EXPECT_EQ(r->body.find("TOP-SECRET"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("hidden\n"), std::string::npos) << path;
  }
}

TEST_F(HttpServerTest, LargeBodiesAreRefused) {
  httplib::Headers headers = {{"Authorization", "Bearer tok"}};
  auto r = client_->Post("/api/documents", headers, std::string(10000, 'a'), "text/plain");
  ExpectJsonError(r, 413);
}

TEST_F(HttpServerTest, RequestsForOtherHostsAreRefused) {
  httplib::Headers headers = {{"Host", "attacker.example"}};
  ExpectJsonError(client_->Get("/api/health", headers), 403);
  headers = {{"Host", "localhost:" + std::to_string(server_->port())}};
  auto r = client_->Get("/api/health", headers);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(HttpServerTest, IngestWithTheBearerToken) {
  const std::string body = json{{"text", "Carol Tester met Dan Tester."}, {"title", "Meeting"}}.dump();
  ExpectJsonError(client_->Post("/api/documents", body, "application/json"), 401);
  httplib::Headers wrong = {{"Authorization", "Bearer nope"}};
  ExpectJsonError(client_->Post("/api/documents", wrong, body, "application/json"), 401);
  httplib::Headers right = {{"Authorization", "Bearer tok"}};
  auto r = client_->Post("/api/documents", right, body, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
  r = client_->Get("/api/ties?a=Carol%20Tester&b=Dan%20Tester");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(Body(r)["ties"][0]["relation"], "meet");
}

TEST(HttpServerBindTest, PortInUseIsAnError) {
  ApiOptions none;
  auto dir = fs::temp_directory_path() / ("tiegraph_bind_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto store = OpenStore((dir / "t.db").string());
  ASSERT_TRUE(store.ok());
  auto api = Api::Create(std::move(store.value()), none);
  ASSERT_TRUE(api.ok());
  ServerOptions options;
  options.port = 0;
  HttpServer first(**api, options);
  ASSERT_TRUE(first.Bind().ok());
  options.port = first.port();
  HttpServer second(**api, options);
  Status s = second.Bind();
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(std::to_string(first.port())), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tiegraph::server
