// tiegraph timeline ACTOR [--toward B] [--pivot DATE] : ACTOR's signed claims
// in date order, the pivot date (given or found) and whether the stance
// flipped there, with the evidence on both sides.
#include <cstdio>

#include <fmt/format.h>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/graph_cli.h"
#include "tiegraph/graph/date_key.h"
#include "tiegraph/graph/relation_weights.h"
#include "tiegraph/graph/timeline.h"
#include "tiegraph/server/evidence_views.h"

namespace tiegraph::cli {
namespace {

struct TimelineCliOptions {
  std::string actor;
  std::string toward;
  std::string pivot;
  bool widen = false;
  bool side = false;
  int evidence = 3;
  bool json = false;
};

const char* StanceWord(double mean) { return mean > 0 ? "positive" : (mean < 0 ? "negative" : "neutral"); }

std::string ClaimRelationLabel(const graph::Network& net, const graph::ClaimEntry& c, graph::NodeId actor) {
  const graph::RelationInfo& info = graph::RelationAt(c.relation);
  std::string label = std::string(c.negated ? "not " : "") + std::string(info.name);
  if (info.symmetric) return label + " <->";
  return label + (c.subject == actor ? " ->" : " <-");
}

int RunTimeline(const TimelineCliOptions& opts, const GlobalOptions& global) {
  const std::string cmd = "timeline";
  Result<std::unique_ptr<LoadedNetwork>> loaded = LoadNetworkForCli(global);
  if (!loaded.ok()) return Fail(cmd, loaded.status());
  const graph::Network& net = (*loaded)->net;
  Result<graph::NodeId> actor = ResolveActorArgument(**loaded, opts.actor);
  if (!actor.ok()) return Fail(cmd, actor.status());
  graph::TimelineOptions options;
  options.widen_to_country = opts.widen;
  options.side = opts.side;
  if (!opts.toward.empty()) {
    Result<graph::NodeId> toward = ResolveActorArgument(**loaded, opts.toward);
    if (!toward.ok()) return Fail(cmd, toward.status());
    if (*toward == *actor) return Fail(cmd, Status::Usage("--toward names the actor itself: " + net.actor(*actor).name));
    options.toward = *toward;
  }
  if (!opts.pivot.empty()) options.pivot = graph::ParseDateKey(opts.pivot);
  graph::Timeline tl = graph::BuildTimeline(net, *actor, options);

  EvidenceFormatter evidence(**loaded);
  if (opts.json) {
    nlohmann::json entries = nlohmann::json::array();
    for (const graph::TimelineEntry& e : tl.entries) {
      entries.push_back({{"date", graph::FormatDateKey(e.date)},
                         {"dated_by_published", e.dated_by_published},
                         {"sign", e.sign},
                         {"via_adversary", e.via_adversary},
                         {"toward", e.toward >= 0 ? server::NodeView(net, e.toward) : nlohmann::json(nullptr)},
                         {"claim", evidence.ClaimJson(e.claim)}});
    }
    nlohmann::json undated = nlohmann::json::array();
    for (graph::ClaimIndex c : tl.undated) undated.push_back(evidence.ClaimJson(c));
    nlohmann::json targets = nlohmann::json::array();
    for (graph::NodeId t : tl.targets) targets.push_back(server::NodeView(net, t));
    nlohmann::json flip = nullptr;
    if (tl.flip) {
      auto claims = [&](const std::vector<graph::ClaimIndex>& v) {
        nlohmann::json a = nlohmann::json::array();
        for (graph::ClaimIndex c : v) a.push_back(evidence.ClaimJson(c));
        return a;
      };
      flip = {{"pivot", graph::FormatDateKey(tl.flip->pivot)},
              {"pivot_given", tl.flip->pivot_given},
              {"mean_before", tl.flip->mean_before},
              {"mean_after", tl.flip->mean_after},
              {"stance_before", StanceWord(tl.flip->mean_before)},
              {"stance_after", StanceWord(tl.flip->mean_after)},
              {"flipped", tl.flip->flipped},
              {"before", claims(tl.flip->before)},
              {"after", claims(tl.flip->after)}};
    }
    PrintJson({{"actor", server::NodeView(net, *actor)},
               {"targets", std::move(targets)},
               {"entries", std::move(entries)},
               {"undated", std::move(undated)},
               {"flip", std::move(flip)}});
    return 0;
  }

  std::string target = "everyone";
  if (!tl.targets.empty()) {
    target = ActorLabel(net, tl.targets[0]);
    if (tl.targets.size() > 1) target += fmt::format(" and {} actors of its country", tl.targets.size() - 1);
  }
  std::printf("Stance of %s toward %s: %zu dated claim%s, %zu undated\n", ActorLabel(net, *actor).c_str(),
              target.c_str(), tl.entries.size(), tl.entries.size() == 1 ? "" : "s", tl.undated.size());
  if (tl.entries.empty() && tl.undated.empty()) {
    std::printf("no claims\n");
    return 0;
  }
  Table table({"date", "sign", "relation", "toward", "evidence"});
  bool pivot_marked = false;
  size_t pivot_row = tl.entries.size();
  for (size_t i = 0; i < tl.entries.size(); ++i) {
    const graph::TimelineEntry& e = tl.entries[i];
    const graph::ClaimEntry& c = net.claims()[e.claim];
    if (tl.flip && !pivot_marked && e.date >= tl.flip->pivot) {
      pivot_row = i;
      pivot_marked = true;
    }
    std::string date = graph::FormatDateKey(e.date) + (e.dated_by_published ? "*" : "");
    table.AddRow({date, e.sign > 0 ? "+" : (e.sign < 0 ? "-" : "0"), ClaimRelationLabel(net, c, *actor),
                  e.toward >= 0 ? net.actor(e.toward).name + (e.via_adversary ? " (adversary)" : "") : "?", "\"" + Shorten(c.evidence) + "\"" +
                  (c.alleged ? " [alleged]" : "")});
  }
  std::vector<std::string> lines = table.Lines("  ");
  for (size_t i = 0; i < lines.size(); ++i) {
    if (tl.flip && i == pivot_row + 1) {
      std::printf("  ---------- pivot %s ----------\n", graph::FormatDateKey(tl.flip->pivot).c_str());
    }
    std::printf("%s\n", lines[i].c_str());
  }
  if (tl.flip && pivot_row == tl.entries.size()) {
    std::printf("  ---------- pivot %s ----------\n", graph::FormatDateKey(tl.flip->pivot).c_str());
  }
  bool any_published = false;
  for (const graph::TimelineEntry& e : tl.entries) any_published |= e.dated_by_published;
  if (any_published) std::printf("  (* no date in the text: the document's publication date)\n");
  if (!tl.undated.empty()) {
    std::printf("\nUndated:\n");
    for (graph::ClaimIndex c : tl.undated) std::printf("  %s\n", evidence.ClaimLine(c).c_str());
  }

  std::printf("\n");
  if (!tl.flip) {
    std::printf("No pivot: fewer than two dates carry signed claims.\n");
    return 0;
  }
  const graph::StanceFlip& f = *tl.flip;
  const std::string pivot = graph::FormatDateKey(f.pivot);
  std::printf("Pivot %s (%s): before, mean sign %+.2f (%s, %zu claim%s); from then on, %+.2f (%s, %zu claim%s)\n",
              pivot.c_str(), f.pivot_given ? "given" : "found: the date that best splits the stance", f.mean_before,
              StanceWord(f.mean_before), f.before.size(), f.before.size() == 1 ? "" : "s", f.mean_after,
              StanceWord(f.mean_after), f.after.size(), f.after.size() == 1 ? "" : "s");
  if (!f.flipped) {
    std::printf("No flip: the stance does not change from one sign to the other at %s.\n", pivot.c_str());
    return 0;
  }
  std::printf("FLIP: %s -> %s at %s\n", StanceWord(f.mean_before), StanceWord(f.mean_after), pivot.c_str());
  auto side = [&](const char* title, const std::vector<graph::ClaimIndex>& claims, bool latest) {
    std::printf("  %s (%zu):\n", title, claims.size());
    const size_t n = std::min(claims.size(), static_cast<size_t>(opts.evidence));
    // Before the pivot the latest claims matter most; after it the earliest.
    for (size_t i = 0; i < n; ++i) {
      graph::ClaimIndex c = latest ? claims[claims.size() - n + i] : claims[i];
      const graph::ClaimEntry& e = net.claims()[c];
      std::printf("    %s %s %s: %s\n", SignLabel(e.weight).c_str(), ClaimRelationLabel(net, e, *actor).c_str(),
                  net.actor(e.subject == *actor ? e.object : e.subject).name.c_str(), evidence.ClaimLine(c).c_str());
    }
    if (n < claims.size()) std::printf("    ... %zu more (--evidence N, or --json)\n", claims.size() - n);
  };
  side("before", f.before, /*latest=*/true);
  side("after", f.after, /*latest=*/false);
  return 0;
}

}  // namespace

void RegisterTimeline(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<TimelineCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "timeline",
      "Stance over time: ACTOR's signed claims (toward B, or everyone) in date order, the pivot date, and a flip "
      "from friendly to hostile (or back) with the evidence on both sides");
  cmd->fallthrough();
  cmd->footer(
      "Examples:\n"
      "  tiegraph timeline Pompeo --pivot 2022-02-24     did he turn after the invasion?\n"
      "  tiegraph timeline \"Le Pen\" --toward Putin       her claims about him only; pivot found\n"
      "  tiegraph timeline Salvini --toward Russia       a country also covers its government's people\n"
      "Without --pivot the date that best splits the stance is used. A claim without a date takes\n"
      "its document's publication date (marked *).\n"
      "Exit status: 1 unknown actor (close names are listed), 2 ambiguous name or bad option.");
  cmd->add_option("ACTOR", opts->actor, "Actor name, alias or #id")->required();
  cmd->add_option("--toward,-t", opts->toward, "Only claims between ACTOR and this actor");
  cmd->add_option("--pivot,-p", opts->pivot, "Split the stance at DATE (2022-02-24, 2022-02 or 2022)")
      ->check(IsoDateValidator());
  cmd->add_flag("--widen", opts->widen, "With --toward: also count the actors of the target's country");
  cmd->add_flag("--side", opts->side,
                "With --toward: also count claims toward the target's adversaries (whom it criticises or "
                "opposes), sign inverted: the stance toward the target's side of a conflict");
  cmd->add_option("--evidence,-e", opts->evidence, "Evidence sentences per side of a flip (the JSON has all)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_flag("--json", opts->json, "Print JSON: entries, undated claims and the flip, with full evidence");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunTimeline(*opts, global); });
}

}  // namespace tiegraph::cli
