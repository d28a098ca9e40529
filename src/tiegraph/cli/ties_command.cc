// tiegraph ties ACTOR [--depth k] [filters] : the ego network of ACTOR, each
// tie with the evidence (sentence, document, date) of its claims.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/graph_cli.h"
#include "tiegraph/graph/date_key.h"
#include "tiegraph/server/evidence_views.h"

namespace tiegraph::cli {
namespace {

struct TiesOptions {
  std::string actor;
  int depth = 1;
  int evidence = 2;
  TieFilterOptions filter;
  bool json = false;
};

struct Ego {
  std::vector<graph::NodeId> nodes;  // breadth-first; nodes[0] is the centre
  std::vector<int> depth;            // of nodes[i]
  std::vector<graph::TieId> ties;    // each once
  std::vector<int> tie_depth;        // 1 + the depth of the tie's nearer end
};

// Breadth-first over the ties that pass the filter and the relation list,
// with EgoSearch's contract (ego.h): every node at depth <= k and every
// passing tie incident to a node at depth < k. TieFilter holds a single
// relation, so the list of --relation values is checked here.
Ego CollectEgo(const graph::Network& net, graph::NodeId centre, int max_depth, const TiesOptions& opts) {
  const graph::TieFilter filter = MakeTieFilter(opts.filter);
  std::vector<int> pos(net.node_count(), -1);
  std::vector<char> tie_taken(net.ties().size(), 0);
  Ego ego;
  ego.nodes.push_back(centre);
  ego.depth.push_back(0);
  pos[centre] = 0;
  for (size_t head = 0; head < ego.nodes.size(); ++head) {
    const graph::NodeId u = ego.nodes[head];
    const int d = ego.depth[head];
    if (d >= max_depth) break;
    for (const graph::Edge* e = net.edges_begin(u); e != net.edges_end(u); ++e) {
      const graph::NodeId v = e->neighbor;
      if (!net.TieMatches(e->tie, filter) || !RelationAllowed(opts.filter, net.tie(e->tie).relation)) continue;
      if (v != centre && !net.NodeMatches(v, filter)) continue;
      if (pos[v] < 0) {
        pos[v] = static_cast<int>(ego.nodes.size());
        ego.nodes.push_back(v);
        ego.depth.push_back(d + 1);
      }
      if (!tie_taken[e->tie]) {
        tie_taken[e->tie] = 1;
        ego.ties.push_back(e->tie);
        ego.tie_depth.push_back(d + 1);
      }
    }
  }
  return ego;
}

int RunTies(const TiesOptions& opts, const GlobalOptions& global) {
  const std::string cmd = "ties";
  Result<std::unique_ptr<LoadedNetwork>> loaded = LoadNetworkForCli(global);
  if (!loaded.ok()) return Fail(cmd, loaded.status());
  const graph::Network& net = (*loaded)->net;
  Result<graph::NodeId> centre = ResolveActorArgument(**loaded, opts.actor);
  if (!centre.ok()) return Fail(cmd, centre.status());

  Ego ego = CollectEgo(net, *centre, opts.depth, opts);
  // Nearest first, then strongest (either sign), then most claims.
  std::vector<size_t> order(ego.ties.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (ego.tie_depth[a] != ego.tie_depth[b]) return ego.tie_depth[a] < ego.tie_depth[b];
    const graph::Tie& ta = net.tie(ego.ties[a]);
    const graph::Tie& tb = net.tie(ego.ties[b]);
    if (std::fabs(ta.Strength()) != std::fabs(tb.Strength())) return std::fabs(ta.Strength()) > std::fabs(tb.Strength());
    return ta.count > tb.count;
  });

  EvidenceFormatter evidence(**loaded);
  if (opts.json) {
    nlohmann::json nodes = nlohmann::json::array();
    for (size_t i = 0; i < ego.nodes.size(); ++i) {
      nlohmann::json n = server::NodeView(net, ego.nodes[i]);
      n["depth"] = ego.depth[i];
      nodes.push_back(std::move(n));
    }
    nlohmann::json ties = nlohmann::json::array();
    for (size_t i : order) {
      nlohmann::json t = evidence.TieJson(ego.ties[i]);
      t["depth"] = ego.tie_depth[i];
      ties.push_back(std::move(t));
    }
    PrintJson({{"centre", server::NodeView(net, *centre)},
               {"depth", opts.depth},
               {"filter", TieFilterJson(opts.filter)},
               {"nodes", std::move(nodes)},
               {"ties", std::move(ties)}});
    return 0;
  }

  std::printf("%s: %zu tie%s with %zu actor%s within %d step%s\n", ActorLabel(net, *centre).c_str(), ego.ties.size(),
              ego.ties.size() == 1 ? "" : "s", ego.nodes.size() - 1, ego.nodes.size() == 2 ? "" : "s", opts.depth,
              opts.depth == 1 ? "" : "s");
  if (ego.ties.empty()) {
    std::printf("no ties%s\n", TieFilterJson(opts.filter).empty() ? "" : " pass the filters");
    return 0;
  }
  Table table({"depth", "sign", "subject", "relation", "object", "claims", "sources", "dates"});
  for (size_t i : order) {
    const graph::Tie& t = net.tie(ego.ties[i]);
    std::string dates = graph::FormatDateKey(t.first);
    if (t.last != t.first) dates += ".." + graph::FormatDateKey(t.last);
    if (dates.empty()) dates = "-";
    table.AddRow({std::to_string(ego.tie_depth[i]), SignLabel(t.weight), net.actor(t.subject).name,
                  TieRelationLabel(t) + (t.symmetric ? " <->" : " ->"), net.actor(t.object).name,
                  std::to_string(t.count), std::to_string(t.sources), dates});
  }
  std::vector<std::string> lines = table.Lines("  ");
  std::printf("%s\n", lines[0].c_str());
  for (size_t row = 0; row < order.size(); ++row) {
    std::printf("%s\n", lines[row + 1].c_str());
    const graph::TieId tie = ego.ties[order[row]];
    int shown = 0;
    for (const graph::ClaimIndex* c = net.tie_claims_begin(tie); c != net.tie_claims_end(tie); ++c) {
      if (shown == opts.evidence) {
        std::printf("        ... %td more (see --json or `tiegraph claims`)\n", net.tie_claims_end(tie) - c);
        break;
      }
      std::printf("        %s\n", evidence.ClaimLine(*c).c_str());
      ++shown;
    }
  }
  return 0;
}

}  // namespace

void RegisterTies(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<TiesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ties",
      "Ego network of ACTOR: its ties (claims aggregated per pair and relation), each with the evidence "
      "sentences, their documents and dates");
  cmd->fallthrough();
  cmd->footer(
      "Examples:\n"
      "  tiegraph ties \"Marine Le Pen\"                       who she is tied to, and why\n"
      "  tiegraph ties Salvini --depth 2 --sign -            hostile ties up to two steps away\n"
      "  tiegraph ties Putin -r fund -r business --since 2014 --json\n"
      "A name may be part of a name or alias (any case, accents optional) or a store id (#12).\n"
      "Exit status: 1 unknown actor (close names are listed), 2 ambiguous name or bad option.");
  cmd->add_option("ACTOR", opts->actor, "Actor name, alias or #id")->required();
  cmd->add_option("--depth,-d", opts->depth, "How many steps from ACTOR (1-4)")
      ->check(CLI::Range(1, 4))
      ->capture_default_str();
  cmd->add_option("--evidence,-e", opts->evidence, "Evidence sentences shown per tie (the JSON has all)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  AddTieFilterOptions(cmd, &opts->filter);
  cmd->add_flag("--json", opts->json, "Print JSON: centre, nodes, ties with every claim's full evidence");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunTies(*opts, global); });
}

}  // namespace tiegraph::cli
