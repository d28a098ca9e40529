// tiegraph rank [--by pagerank|betweenness|degree] [--limit N]
// tiegraph rank --toward ACTOR [--limit N] : actors by centrality, or the
// "friends of ACTOR" ranking (signed stance toward ACTOR, with evidence).
#include <cstdio>

#include <fmt/format.h>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/graph_cli.h"
#include "tiegraph/graph/analytics.h"
#include "tiegraph/graph/friends.h"
#include "tiegraph/graph/relation_weights.h"
#include "tiegraph/server/evidence_views.h"

namespace tiegraph::cli {
namespace {

struct RankOptions {
  std::string toward;
  std::string by = "pagerank";
  std::string type;
  int limit = 20;
  int evidence = 1;
  bool json = false;
};

bool TypeAllowed(const RankOptions& opts, const StoredActor& actor) {
  return opts.type.empty() || actor.type == opts.type;
}

int RunFriends(const RankOptions& opts, const LoadedNetwork& loaded) {
  const std::string cmd = "rank";
  const graph::Network& net = loaded.net;
  Result<graph::NodeId> x = ResolveActorArgument(loaded, opts.toward);
  if (!x.ok()) return Fail(cmd, x.status());
  std::vector<graph::Friend> friends;
  for (graph::Friend& f : graph::FriendsOf(net, *x)) {
    if (TypeAllowed(opts, net.actor(f.node))) friends.push_back(std::move(f));
  }
  // FriendsOf puts friends on top and foes at the bottom: with a limit, keep
  // the strongest of both ends (the middle, near zero, is dropped).
  const size_t limit = static_cast<size_t>(opts.limit);
  std::vector<size_t> shown;
  if (friends.size() <= limit) {
    for (size_t i = 0; i < friends.size(); ++i) shown.push_back(i);
  } else {
    size_t positives = 0;
    while (positives < friends.size() && friends[positives].score > 0) ++positives;
    size_t negatives = 0;
    while (negatives < friends.size() - positives && friends[friends.size() - 1 - negatives].score < 0) ++negatives;
    size_t take_neg = std::min(negatives, limit / 2);
    size_t take_pos = std::min(friends.size() - take_neg, limit - take_neg);
    for (size_t i = 0; i < take_pos; ++i) shown.push_back(i);
    for (size_t i = friends.size() - take_neg; i < friends.size(); ++i) shown.push_back(i);
  }

  EvidenceFormatter evidence(loaded);
  if (opts.json) {
    nlohmann::json out = nlohmann::json::array();
    for (size_t i : shown) {
      const graph::Friend& f = friends[i];
      nlohmann::json ties = nlohmann::json::array();
      for (graph::TieId t : f.ties) ties.push_back(evidence.TieJson(t));
      out.push_back({{"rank", i + 1},
                     {"actor", server::NodeView(net, f.node)},
                     {"score", f.score},
                     {"reciprocal", f.reciprocal},
                     {"ties", std::move(ties)}});
    }
    PrintJson({{"toward", server::NodeView(net, *x)}, {"total", friends.size()}, {"friends", std::move(out)}});
    return 0;
  }
  if (friends.empty()) {
    std::printf("no actor is tied to %s\n", ActorLabel(net, *x).c_str());
    return 0;
  }
  std::printf("Stance toward %s: %zu actor%s, friends first, foes last%s\n", ActorLabel(net, *x).c_str(),
              friends.size(), friends.size() == 1 ? "" : "s",
              shown.size() < friends.size() ? fmt::format(" ({} shown)", shown.size()).c_str() : "");
  std::printf("(score: signed weight of its ties toward %s; reciprocal: %s's ties toward it)\n\n",
              net.actor(*x).name.c_str(), net.actor(*x).name.c_str());
  Table table({"rank", "score", "recip.", "actor", "ties"});
  for (size_t i : shown) {
    const graph::Friend& f = friends[i];
    std::string ties;
    for (graph::TieId t : f.ties) {
      const graph::Tie& tie = net.tie(t);
      std::string dir = tie.symmetric ? "<->" : (tie.subject == f.node ? "->" : "<-");
      ties += fmt::format("{}{} {}({}) x{}", ties.empty() ? "" : ", ", dir, TieRelationLabel(tie),
                          SignLabel(tie.weight), tie.count);
    }
    table.AddRow({std::to_string(i + 1), fmt::format("{:+.2f}", f.score), fmt::format("{:+.2f}", f.reciprocal),
                  ActorLabel(net, f.node), ties});
  }
  std::vector<std::string> lines = table.Lines("  ");
  std::printf("%s\n", lines[0].c_str());
  for (size_t r = 0; r < shown.size(); ++r) {
    std::printf("%s\n", lines[r + 1].c_str());
    const graph::Friend& f = friends[shown[r]];
    for (graph::TieId t : f.ties) {
      const graph::Tie& tie = net.tie(t);
      std::string dir = tie.symmetric ? "<->" : (tie.subject == f.node ? "->" : "<-");
      int n = 0;
      for (const graph::ClaimIndex* c = net.tie_claims_begin(t); c != net.tie_claims_end(t) && n < opts.evidence;
           ++c, ++n) {
        std::printf("        %s %s: %s\n", dir.c_str(), TieRelationLabel(tie).c_str(), evidence.ClaimLine(*c).c_str());
      }
    }
    if (r + 1 < shown.size() && shown[r + 1] != shown[r] + 1) {
      std::printf("  ... %zu actors near zero left out (raise --limit)\n", shown[r + 1] - shown[r] - 1);
    }
  }
  return 0;
}

int RunCentrality(const RankOptions& opts, const LoadedNetwork& loaded) {
  const std::string cmd = "rank";
  const graph::Network& net = loaded.net;
  std::vector<double> scores;
  if (opts.by == "pagerank") {
    scores = graph::PageRank(net);
  } else if (opts.by == "degree") {
    scores = loaded.degree;
  } else {
    Result<std::vector<double>> b = graph::Betweenness(net);
    if (!b.ok()) return Fail(cmd, b.status());
    scores = std::move(b.value());
  }
  std::vector<graph::NodeId> order;
  for (graph::NodeId n : graph::OrderByScore(scores)) {
    if (order.size() >= static_cast<size_t>(opts.limit)) break;
    if (TypeAllowed(opts, net.actor(n))) order.push_back(n);
  }
  if (opts.json) {
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < order.size(); ++i) {
      out.push_back({{"rank", i + 1}, {"actor", server::NodeView(net, order[i])}, {"score", scores[order[i]]}});
    }
    PrintJson({{"by", opts.by}, {"actors", net.node_count()}, {"scores", std::move(out)}});
    return 0;
  }
  if (order.empty()) {
    std::printf("no actors\n");
    return 0;
  }
  std::printf("Actors by %s (%zu of %zu)\n\n", opts.by.c_str(), order.size(), net.node_count());
  Table table({"rank", opts.by, "neighbours", "ties", "actor"});
  for (size_t i = 0; i < order.size(); ++i) {
    const graph::NodeId n = order[i];
    std::string score = opts.by == "pagerank" ? fmt::format("{:.4f}", scores[n]) : fmt::format("{:.0f}", scores[n]);
    if (opts.by == "betweenness") score = fmt::format("{:.1f}", scores[n]);
    table.AddRow({std::to_string(i + 1), score, fmt::format("{:.0f}", loaded.degree[n]), std::to_string(net.degree(n)),
                  ActorLabel(net, n)});
  }
  table.Print("  ");
  return 0;
}

int RunRank(const RankOptions& opts, const GlobalOptions& global) {
  Result<std::unique_ptr<LoadedNetwork>> loaded = LoadNetworkForCli(global);
  if (!loaded.ok()) return Fail("rank", loaded.status());
  return opts.toward.empty() ? RunCentrality(opts, **loaded) : RunFriends(opts, **loaded);
}

}  // namespace

void RegisterRank(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<RankOptions>();
  CLI::App* cmd = app.add_subcommand(
      "rank", "Rank actors by centrality, or with --toward X rank X's friends and foes by their signed stance toward X");
  cmd->fallthrough();
  cmd->footer(
      "Examples:\n"
      "  tiegraph rank                               most central actors (PageRank)\n"
      "  tiegraph rank --by betweenness --limit 10   brokers between groups\n"
      "  tiegraph rank --toward Putin                his friends on top, his foes at the bottom, with evidence\n"
      "  tiegraph rank --toward Russia --type Person --json\n"
      "Stance weights per relation: docs/relations.md (praise +, criticize -, ...).\n"
      "Exit status: 1 unknown actor (close names are listed), 2 ambiguous name or bad option.");
  CLI::Option* toward = cmd->add_option("--toward,-t", opts->toward, "Rank the actors tied to this one by stance toward it");
  cmd->add_option("--by", opts->by, "Centrality measure")
      ->check(CLI::IsMember({"pagerank", "betweenness", "degree"}))
      ->capture_default_str()
      ->excludes(toward);
  cmd->add_option("--type", opts->type, "Only actors of this type")
      ->check(CLI::IsMember({"Person", "Organization", "Country"}));
  cmd->add_option("--limit,-n", opts->limit, "Show at most N actors")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--evidence,-e", opts->evidence, "With --toward: evidence sentences per tie (the JSON has all)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_flag("--json", opts->json, "Print JSON");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunRank(*opts, global); });
}

}  // namespace tiegraph::cli
