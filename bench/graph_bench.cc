// graph_bench: the in-memory network's speed on a generated database
// (bench/gen_network.cc). Measures loading through the Store (actors,
// claims, Network::Build), ego network depth 2, shortest path, 3 shortest
// paths, PageRank and Louvain over the whole graph. Writes the sampled
// queries with their answers (--queries-out) so that bench/graph_peers.py
// runs the same ones through networkx and a SQLite recursive CTE and checks
// the answers agree. scripts/bench-graph.sh runs it all.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tiegraph/graph/analytics.h"
#include "tiegraph/graph/ego.h"
#include "tiegraph/graph/load_network.h"
#include "tiegraph/graph/paths.h"
#include "tiegraph/store/store.h"

namespace {

using Clock = std::chrono::steady_clock;
using tiegraph::graph::NodeId;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// CPU time of this process: on a shared, loaded machine it tells the cost of
// the single-threaded work apart from waiting for a core.
double CpuNow() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct Summary {
  double p50 = 0, p90 = 0, p99 = 0, mean = 0;
};

Summary Summarise(std::vector<double> v) {
  Summary s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<size_t>(q * v.size()))]; };
  s.p50 = at(0.50);
  s.p90 = at(0.90);
  s.p99 = at(0.99);
  for (double x : v) s.mean += x;
  s.mean /= v.size();
  return s;
}

nlohmann::json ToJson(const Summary& s) {
  return {{"p50_ms", s.p50 * 1e3}, {"p90_ms", s.p90 * 1e3}, {"p99_ms", s.p99 * 1e3}, {"mean_ms", s.mean * 1e3}};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Graph benchmark: load, ego, paths, PageRank on a generated database"};
  std::string db, queries_out, json_out;
  int queries = 2000, k_queries = 200;
  uint64_t seed = 11;
  app.add_option("--db", db, "database written by gen_network")->required();
  app.add_option("--queries", queries, "ego and path queries to sample")->capture_default_str();
  app.add_option("--k-queries", k_queries, "3-shortest-paths queries to sample")->capture_default_str();
  app.add_option("--seed", seed, "sampling seed")->capture_default_str();
  app.add_option("--queries-out", queries_out, "write sampled queries and answers here (JSON)");
  app.add_option("--json-out", json_out, "write results here (JSON)");
  bool store_load = false;
  app.add_flag("--store-load", store_load, "also time loading through the Store interface");
  CLI11_PARSE(app, argc, argv);

  nlohmann::json out;
  // Load as `tiegraph` does (LoadNetworkFrom: the fast SQLite reader).
  auto t0 = Clock::now();
  const double c0 = CpuNow();
  auto loaded = tiegraph::graph::LoadNetworkFrom(db);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
    return 1;
  }
  const double t_load = Seconds(t0);
  const double cpu_load = CpuNow() - c0;
  tiegraph::graph::Network net = std::move(*loaded);
  fmt::print("network: {} actors, {} claims -> {} ties, {} adjacency entries\n", net.node_count(),
             net.claims().size(), net.ties().size(), net.ties().size() * 2);
  fmt::print("load (sqlite reader + build): {:.2f} s wall, {:.2f} s cpu\n", t_load, cpu_load);
  out["load_cpu_s"] = cpu_load;
  out["actors"] = net.node_count();
  out["claims"] = net.claims().size();
  out["ties"] = net.ties().size();
  out["load_s"] = t_load;
  if (store_load) {
    // The generic path, through the Store interface (ListActors, ListClaims).
    tiegraph::StoreOptions options;
    options.create_if_missing = false;
    auto t1 = Clock::now();
    auto store = tiegraph::OpenStore(db, options);
    if (!store.ok()) return 1;
    auto via_store = tiegraph::graph::LoadNetwork(**store);
    if (!via_store.ok()) return 1;
    const double t_store = Seconds(t1);
    fmt::print("load through the Store interface: {:.2f} s ({} ties)\n", t_store, via_store->ties().size());
    out["load_via_store_s"] = t_store;
  }

  std::vector<NodeId> connected;
  for (NodeId n = 0; n < static_cast<NodeId>(net.node_count()); ++n) {
    if (net.degree(n) > 0) connected.push_back(n);
  }
  std::mt19937_64 rng(seed);
  auto pick = [&]() { return connected[rng() % connected.size()]; };
  nlohmann::json qjson;

  // Ego network, depth 2.
  tiegraph::graph::EgoSearch ego(net);
  std::vector<double> times, cpu_times;
  double mean_nodes = 0;
  nlohmann::json ego_q = nlohmann::json::array();
  for (int i = 0; i < queries; ++i) {
    NodeId centre = pick();
    auto s = Clock::now();
    const double c = CpuNow();
    auto e = ego.Run(centre, 2);
    times.push_back(Seconds(s));
    cpu_times.push_back(CpuNow() - c);
    mean_nodes += e.nodes.size();
    ego_q.push_back({{"actor", net.actor(centre).id}, {"nodes", e.nodes.size()}, {"wall_s", times.back()},
                     {"cpu_s", cpu_times.back()}});
  }
  Summary ego_s = Summarise(times), ego_cpu = Summarise(cpu_times);
  fmt::print("ego depth 2 cpu: p50 {:.3f} ms, p90 {:.3f} ms\n", ego_cpu.p50 * 1e3, ego_cpu.p90 * 1e3);
  fmt::print("ego depth 2: p50 {:.3f} ms, p90 {:.3f} ms, p99 {:.3f} ms, mean {:.3f} ms; mean {:.0f} nodes ({} queries)\n",
             ego_s.p50 * 1e3, ego_s.p90 * 1e3, ego_s.p99 * 1e3, ego_s.mean * 1e3, mean_nodes / queries, queries);
  out["ego2"] = ToJson(ego_s);
  out["ego2"]["queries"] = queries;
  out["ego2"]["cpu"] = ToJson(ego_cpu);
  out["ego2"]["mean_nodes"] = mean_nodes / queries;
  qjson["ego"] = std::move(ego_q);

  // Shortest path.
  tiegraph::graph::PathFinder finder(net);
  times.clear();
  cpu_times.clear();
  double mean_len = 0;
  int found = 0;
  nlohmann::json path_q = nlohmann::json::array();
  for (int i = 0; i < queries; ++i) {
    NodeId a = pick(), b = pick();
    auto s = Clock::now();
    const double c = CpuNow();
    auto p = finder.Shortest(a, b);
    times.push_back(Seconds(s));
    cpu_times.push_back(CpuNow() - c);
    int len = p.empty() ? -1 : static_cast<int>(p.size()) - 1;
    if (len >= 0) {
      mean_len += len;
      ++found;
    }
    path_q.push_back({{"from", net.actor(a).id}, {"to", net.actor(b).id}, {"length", len}, {"wall_s", times.back()},
                      {"cpu_s", cpu_times.back()}});
  }
  Summary path_s = Summarise(times), path_cpu = Summarise(cpu_times);
  fmt::print("shortest path cpu: p50 {:.3f} ms, p90 {:.3f} ms\n", path_cpu.p50 * 1e3, path_cpu.p90 * 1e3);
  fmt::print("shortest path: p50 {:.3f} ms, p90 {:.3f} ms, p99 {:.3f} ms, mean {:.3f} ms; {} of {} connected, mean {:.2f} hops\n",
             path_s.p50 * 1e3, path_s.p90 * 1e3, path_s.p99 * 1e3, path_s.mean * 1e3, found, queries,
             found ? mean_len / found : 0.0);
  out["path"] = ToJson(path_s);
  out["path"]["queries"] = queries;
  out["path"]["cpu"] = ToJson(path_cpu);
  out["path"]["mean_hops"] = found ? mean_len / found : 0.0;
  qjson["path"] = std::move(path_q);

  // 3 shortest paths with their evidence.
  times.clear();
  for (int i = 0; i < k_queries; ++i) {
    NodeId a = pick(), b = pick();
    auto s = Clock::now();
    auto paths = finder.KShortest(a, b, 3);
    times.push_back(Seconds(s));
  }
  Summary k_s = Summarise(times);
  fmt::print("3 shortest paths (Yen): p50 {:.3f} ms, p90 {:.3f} ms ({} queries)\n", k_s.p50 * 1e3, k_s.p90 * 1e3,
             k_queries);
  out["kpaths3"] = ToJson(k_s);
  out["kpaths3"]["queries"] = k_queries;

  // Whole-graph analytics.
  auto s = Clock::now();
  double c = CpuNow();
  auto pr = tiegraph::graph::PageRank(net);
  const double t_pr = Seconds(s);
  out["pagerank_cpu_s"] = CpuNow() - c;
  fmt::print("pagerank (power method on the CSR): {:.3f} s wall, {:.3f} s cpu\n", t_pr, CpuNow() - c);
  out["pagerank_s"] = t_pr;
  s = Clock::now();
  c = CpuNow();
  auto pr_igraph = tiegraph::graph::PageRankIgraph(net);
  const double t_pr_igraph = Seconds(s);
  out["pagerank_igraph_cpu_s"] = CpuNow() - c;
  if (!pr_igraph.ok()) return 1;
  double max_diff = 0;
  for (size_t i = 0; i < pr.size(); ++i) max_diff = std::max(max_diff, std::abs(pr[i] - (*pr_igraph)[i]));
  fmt::print("pagerank (igraph PRPACK, incl. building the igraph graph): {:.3f} s; max |difference| {:.2e}\n",
             t_pr_igraph, max_diff);
  out["pagerank_igraph_s"] = t_pr_igraph;
  out["pagerank_max_diff"] = max_diff;
  s = Clock::now();
  auto comm = tiegraph::graph::DetectCommunities(net);
  const double t_comm = Seconds(s);
  if (!comm.ok()) return 1;
  fmt::print("communities (igraph Louvain): {:.3f} s, {} communities, modularity {:.3f}\n", t_comm,
             comm->groups.size(), comm->modularity);
  out["louvain_s"] = t_comm;

  if (!queries_out.empty()) std::ofstream(queries_out) << qjson.dump() << "\n";
  if (!json_out.empty()) std::ofstream(json_out) << out.dump(2) << "\n";
  return 0;
}
