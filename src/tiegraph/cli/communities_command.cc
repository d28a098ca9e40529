// tiegraph communities [--limit N] [--members M] : groups of closely tied
// actors (Louvain on the pair graph weighted by sources; analytics.h).
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/graph_cli.h"
#include "tiegraph/graph/analytics.h"
#include "tiegraph/server/evidence_views.h"

namespace tiegraph::cli {
namespace {

struct CommunitiesOptions {
  int limit = 10;
  int members = 12;
  int min_size = 2;
  bool json = false;
};

int RunCommunities(const CommunitiesOptions& opts, const GlobalOptions& global) {
  const std::string cmd = "communities";
  Result<std::unique_ptr<LoadedNetwork>> loaded = LoadNetworkForCli(global);
  if (!loaded.ok()) return Fail(cmd, loaded.status());
  const graph::Network& net = (*loaded)->net;
  const std::vector<double>& degree = (*loaded)->degree;
  Result<graph::Communities> found = graph::DetectCommunities(net);
  if (!found.ok()) return Fail(cmd, found.status());

  // Groups are largest first; isolated actors form groups of one.
  std::vector<std::vector<graph::NodeId>> groups;
  size_t smaller = 0;
  for (const std::vector<graph::NodeId>& g : found->groups) {
    if (g.size() < static_cast<size_t>(opts.min_size)) {
      ++smaller;
      continue;
    }
    if (groups.size() >= static_cast<size_t>(opts.limit)) continue;
    std::vector<graph::NodeId> members = g;
    std::stable_sort(members.begin(), members.end(),
                     [&](graph::NodeId a, graph::NodeId b) { return degree[a] > degree[b]; });
    groups.push_back(std::move(members));
  }
  size_t eligible = found->groups.size() - smaller;

  if (opts.json) {
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < groups.size(); ++i) {
      nlohmann::json m = nlohmann::json::array();
      for (size_t j = 0; j < groups[i].size() && j < static_cast<size_t>(opts.members); ++j) {
        m.push_back(server::NodeView(net, groups[i][j]));
      }
      out.push_back({{"community", i + 1}, {"size", groups[i].size()}, {"members", std::move(m)}});
    }
    PrintJson({{"modularity", found->modularity},
               {"total", eligible},
               {"smaller_left_out", smaller},
               {"communities", std::move(out)}});
    return 0;
  }
  if (groups.empty()) {
    std::printf("no communities of %d or more actors\n", opts.min_size);
    return 0;
  }
  std::printf("%zu communit%s of %d or more actors (Louvain, modularity %.3f); %zu shown, most tied members first\n\n",
              eligible, eligible == 1 ? "y" : "ies", opts.min_size, found->modularity, groups.size());
  Table table({"#", "size", "members"});
  for (size_t i = 0; i < groups.size(); ++i) {
    std::string names;
    size_t shown = std::min(groups[i].size(), static_cast<size_t>(opts.members));
    for (size_t j = 0; j < shown; ++j) names += (j ? ", " : "") + net.actor(groups[i][j]).name;
    if (shown < groups[i].size()) names += fmt::format(", ... {} more", groups[i].size() - shown);
    table.AddRow({std::to_string(i + 1), std::to_string(groups[i].size()), names});
  }
  table.Print("  ");
  if (smaller > 0) std::printf("\n(%zu smaller groups left out: --min-size 1 shows them)\n", smaller);
  return 0;
}

}  // namespace

void RegisterCommunities(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<CommunitiesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "communities", "Groups of closely tied actors (Louvain communities of the tie network), largest first");
  cmd->fallthrough();
  cmd->footer(
      "Examples:\n"
      "  tiegraph communities                        the 10 largest groups\n"
      "  tiegraph communities --limit 3 --members 30 --json\n"
      "Then look inside a group with `tiegraph ties NAME` or `tiegraph path A B`.");
  cmd->add_option("--limit,-n", opts->limit, "Show at most N communities")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--members,-m", opts->members, "Members listed per community")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--min-size", opts->min_size, "Leave out communities with fewer actors")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_flag("--json", opts->json, "Print JSON");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunCommunities(*opts, global); });
}

}  // namespace tiegraph::cli
