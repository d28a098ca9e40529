// tiegraph serve : the HTTP JSON API and the web UI over a database.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/store_cli.h"
#include "tiegraph/extract/pipeline.h"
#include "tiegraph/server/api.h"
#include "tiegraph/server/http_server.h"

namespace tiegraph::cli {
namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;
  std::string web_root;
  size_t max_body_kb = 8192;
  int timeout_s = 10;
};

std::string DefaultWebRoot() {
  const char* home = std::getenv("TIEGRAPH_HOME");
  if (home != nullptr && *home != '\0') return std::string(home) + "/web/dist";
#ifdef TIEGRAPH_SOURCE_DIR
  return std::string(TIEGRAPH_SOURCE_DIR) + "/web/dist";
#else
  return "web/dist";
#endif
}

int RunServe(ServeOptions opts, const GlobalOptions& global) {
  // SIGINT / SIGTERM stop the server cleanly: blocked before any thread starts (threads inherit the mask), and
  // awaited by one.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  if (opts.token.empty()) {
    const char* env = std::getenv("TIEGRAPH_TOKEN");
    if (env != nullptr) opts.token = env;
  }
  // Without a token the server only reads: the database must exist.
  Result<std::unique_ptr<Store>> store = OpenStoreFor(global, /*create_if_missing=*/!opts.token.empty());
  if (!store.ok()) {
    PrintError("serve", store.status());
    return 1;
  }
  server::ApiOptions api_options;
  api_options.token = opts.token;
  if (global.pg.empty()) api_options.store_location = global.db;
  std::unique_ptr<Pipeline> pipeline;
  if (!opts.token.empty()) {
    PipelineOptions pipeline_options;
    pipeline_options.models_dir = global.models_dir;
    pipeline_options.kb_dir = global.kb_dir;
    pipeline_options.kb_extra = global.kb_extra;
    pipeline_options.cameo_path = global.cameo_path;
    Result<std::unique_ptr<Pipeline>> created = Pipeline::Create(pipeline_options);
    if (created.ok()) {
      pipeline = std::move(created.value());
      const Pipeline* p = pipeline.get();
      api_options.processor = [p](Document& doc) { return p->Process(doc); };
    } else {
      PrintError("serve", "ingest disabled, the pipeline did not load: " + created.status().ToString());
    }
  }
  Result<std::unique_ptr<server::Api>> api = server::Api::Create(std::move(store.value()), std::move(api_options));
  if (!api.ok()) {
    PrintError("serve", api.status());
    return 1;
  }
  server::ServerOptions server_options;
  server_options.host = opts.host;
  server_options.port = opts.port;
  server_options.max_body_bytes = opts.max_body_kb * 1024;
  server_options.read_timeout_s = opts.timeout_s;
  server_options.write_timeout_s = opts.timeout_s;
  server_options.web_root = opts.web_root.empty() ? DefaultWebRoot() : opts.web_root;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(server_options.web_root + "/index.html", ec)) {
    std::fprintf(stderr,
                 "tiegraph serve: no web UI at %s (build it with `make web`, or pass --web-root); serving the API only\n",
                 server_options.web_root.c_str());
    server_options.web_root.clear();
  }
  if (!server::IsLoopbackHost(opts.host)) {
    std::fprintf(stderr, "tiegraph serve: warning: listening on %s, reachable from other machines\n", opts.host.c_str());
  }

  server::HttpServer http(**api, server_options);
  if (Status s = http.Bind(); !s.ok()) {
    PrintError("serve", s);
    return 1;
  }
  std::thread waiter([&signals, &http] {
    int sig = 0;
    sigwait(&signals, &sig);
    http.Stop();
  });
  const std::string shown_host = opts.host.find(':') != std::string::npos ? "[" + opts.host + "]" : opts.host;
  std::printf("tiegraph serve: http://%s:%d/  (%zu actors, %zu ties; %s)\n", shown_host.c_str(), http.port(),
              (*api)->actor_count(), (*api)->tie_count(),
              (*api)->ingest_enabled() ? "ingest enabled: POST /api/documents with the token" : "read-only");
  std::fflush(stdout);
  Status served = http.Serve();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if the server stopped by itself
  waiter.join();
  if (!served.ok()) {
    PrintError("serve", served);
    return 1;
  }
  return 0;
}

}  // namespace

void RegisterServe(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the HTTP JSON API (/api/, described at /api/openapi.json) and the web UI on 127.0.0.1");
  cmd->fallthrough();
  cmd->add_option("--host", opts->host, "Address to listen on (loopback by default)")->capture_default_str();
  cmd->add_option("--port", opts->port, "Port (0 = any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--token", opts->token,
                  "Allow ingest (POST /api/documents) for requests with 'Authorization: Bearer TOKEN' "
                  "(or set TIEGRAPH_TOKEN); without it the server is read-only");
  cmd->add_option("--web-root", opts->web_root, "Folder of the built web UI (default: web/dist of the source tree)");
  cmd->add_option("--max-body-kb", opts->max_body_kb, "Largest request body accepted, in KiB")
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 20));
  cmd->add_option("--timeout", opts->timeout_s, "Read and write timeout, seconds")
      ->capture_default_str()
      ->check(CLI::Range(1, 600));
  cmd->callback([opts, &global, exit_code] { *exit_code = RunServe(*opts, global); });
}

}  // namespace tiegraph::cli
