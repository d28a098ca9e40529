// tiegraph path A B [--k N] : the k shortest chains of ties between two
// actors, with the evidence of every hop.
#include <cstdio>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/graph_cli.h"
#include "tiegraph/graph/paths.h"
#include "tiegraph/server/evidence_views.h"

namespace tiegraph::cli {
namespace {

struct PathOptions {
  std::string from, to;
  int k = 3;
  int evidence = 1;
  bool json = false;
};

int RunPath(const PathOptions& opts, const GlobalOptions& global) {
  const std::string cmd = "path";
  Result<std::unique_ptr<LoadedNetwork>> loaded = LoadNetworkForCli(global);
  if (!loaded.ok()) return Fail(cmd, loaded.status());
  const graph::Network& net = (*loaded)->net;
  Result<graph::NodeId> from = ResolveActorArgument(**loaded, opts.from);
  if (!from.ok()) return Fail(cmd, from.status());
  Result<graph::NodeId> to = ResolveActorArgument(**loaded, opts.to);
  if (!to.ok()) return Fail(cmd, to.status());
  if (*from == *to) {
    return Fail(cmd, Status::Usage("'" + opts.from + "' and '" + opts.to + "' name the same actor: " +
                                       net.actor(*from).name));
  }

  graph::PathFinder finder(net);
  std::vector<graph::Path> paths = finder.KShortest(*from, *to, opts.k);
  EvidenceFormatter evidence(**loaded);
  if (opts.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const graph::Path& path : paths) {
      nlohmann::json nodes = nlohmann::json::array();
      for (graph::NodeId n : path.nodes) nodes.push_back(server::NodeView(net, n));
      nlohmann::json hops = nlohmann::json::array();
      for (size_t i = 0; i < path.hops.size(); ++i) {
        nlohmann::json ties = nlohmann::json::array();
        for (graph::TieId t : path.hops[i]) ties.push_back(evidence.TieJson(t));
        hops.push_back({{"from", server::NodeView(net, path.nodes[i])},
                        {"to", server::NodeView(net, path.nodes[i + 1])},
                        {"ties", std::move(ties)}});
      }
      out.push_back({{"length", path.length()}, {"nodes", std::move(nodes)}, {"hops", std::move(hops)}});
    }
    PrintJson({{"from", server::NodeView(net, *from)}, {"to", server::NodeView(net, *to)}, {"paths", std::move(out)}});
    return 0;
  }

  if (paths.empty()) {
    std::printf("no chain of ties connects %s and %s\n", ActorLabel(net, *from).c_str(), ActorLabel(net, *to).c_str());
    return 0;
  }
  std::printf("%zu path%s from %s to %s\n", paths.size(), paths.size() == 1 ? "" : "s", net.actor(*from).name.c_str(),
              net.actor(*to).name.c_str());
  for (size_t p = 0; p < paths.size(); ++p) {
    const graph::Path& path = paths[p];
    std::string chain;
    for (graph::NodeId n : path.nodes) chain += (chain.empty() ? "" : " -> ") + net.actor(n).name;
    std::printf("\n%zu. %s  (%zu hop%s)\n", p + 1, chain.c_str(), path.length(), path.length() == 1 ? "" : "s");
    for (size_t i = 0; i < path.hops.size(); ++i) {
      std::printf("   %s -- %s\n", net.actor(path.nodes[i]).name.c_str(), net.actor(path.nodes[i + 1]).name.c_str());
      Table table;
      for (graph::TieId t : path.hops[i]) {
        const graph::Tie& tie = net.tie(t);
        table.AddRow({SignLabel(tie.weight), net.actor(tie.subject).name,
                      TieRelationLabel(tie) + (tie.symmetric ? " <->" : " ->"), net.actor(tie.object).name,
                      std::to_string(tie.count) + (tie.count == 1 ? " claim" : " claims")});
      }
      std::vector<std::string> lines = table.Lines("     ");
      for (size_t r = 0; r < path.hops[i].size(); ++r) {
        std::printf("%s\n", lines[r].c_str());
        const graph::TieId t = path.hops[i][r];
        int shown = 0;
        for (const graph::ClaimIndex* c = net.tie_claims_begin(t); c != net.tie_claims_end(t) && shown < opts.evidence;
             ++c, ++shown) {
          std::printf("         %s\n", evidence.ClaimLine(*c).c_str());
        }
      }
    }
  }
  return 0;
}

}  // namespace

void RegisterPath(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<PathOptions>();
  CLI::App* cmd = app.add_subcommand(
      "path", "How two actors are connected: the k shortest chains of ties between A and B, with the evidence of every hop");
  cmd->fallthrough();
  cmd->footer(
      "Examples:\n"
      "  tiegraph path Salvini Putin                the 3 shortest chains, one sentence per tie\n"
      "  tiegraph path \"Le Pen\" Gazprom --k 5 --json\n"
      "Ties count in both directions and every hop costs 1; paths differ in their actors.\n"
      "Exit status: 1 unknown actor (close names are listed), 2 ambiguous name or bad option.");
  cmd->add_option("A", opts->from, "First actor (name, alias or #id)")->required();
  cmd->add_option("B", opts->to, "Second actor")->required();
  cmd->add_option("--k,-k", opts->k, "How many shortest paths (1-20)")->check(CLI::Range(1, 20))->capture_default_str();
  cmd->add_option("--evidence,-e", opts->evidence, "Evidence sentences shown per tie (the JSON has all)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_flag("--json", opts->json, "Print JSON: paths with nodes and hops, every tie with its full evidence");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunPath(*opts, global); });
}

}  // namespace tiegraph::cli
