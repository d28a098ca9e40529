// tiegraph report : the network at a glance. Actors by number of ties, then
// every tie of the most connected actor with one evidence sentence each.
#include <algorithm>
#include <cstdio>
#include <map>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/store_cli.h"

namespace tiegraph::cli {
namespace {

struct ReportOptions {
  int top = 15;
  std::string actor;  // "" = the most connected
  bool json = false;
};

// All claims between the focus actor and one other actor.
struct Tie {
  int64_t other = 0;
  std::map<std::string, int> relations;  // relation (with "not " if negated) -> claims
  const StoredClaim* evidence = nullptr; // the best one: asserted, then most confident, then earliest
  int claims = 0;
};

bool BetterEvidence(const StoredClaim& a, const StoredClaim& b) {
  if ((a.modality == "asserted") != (b.modality == "asserted")) return a.modality == "asserted";
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return a.id < b.id;
}

int RunReport(const ReportOptions& opts, const GlobalOptions& global) {
  const char* cmd = "report";
  Result<std::unique_ptr<Store>> opened = OpenStoreFor(global, /*create_if_missing=*/false);
  if (!opened.ok()) {
    PrintError(cmd, opened.status());
    return 1;
  }
  Store& store = **opened;
  Result<StoreCounts> counts = store.Counts();
  Result<std::vector<ActorSummary>> ranked = store.ListActors({});
  if (!counts.ok() || !ranked.ok()) {
    PrintError(cmd, counts.ok() ? ranked.status() : counts.status());
    return 1;
  }
  StoredActor focus;
  if (!opts.actor.empty()) {
    Result<StoredActor> a = FindActorArgument(store, opts.actor);
    if (!a.ok()) {
      PrintError(cmd, a.status());
      return 1;
    }
    focus = *a;
  } else if (!ranked->empty() && ranked->front().ties > 0) {
    focus = ranked->front().actor;
  }

  std::vector<StoredClaim> claims;
  std::vector<Tie> ties;
  if (focus.id != 0) {
    ClaimFilter filter;
    filter.actor = focus.id;
    Result<std::vector<StoredClaim>> r = store.ListClaims(filter);
    if (!r.ok()) {
      PrintError(cmd, r.status());
      return 1;
    }
    claims = std::move(r.value());
    std::map<int64_t, Tie> by_other;
    for (const StoredClaim& c : claims) {
      int64_t other = c.subject == focus.id ? c.object : c.subject;
      if (other == focus.id) continue;
      Tie& t = by_other[other];
      t.other = other;
      ++t.claims;
      ++t.relations[(c.negated ? "not " : "") + c.relation];
      if (!t.evidence || BetterEvidence(c, *t.evidence)) t.evidence = &c;
    }
    for (auto& [id, t] : by_other) ties.push_back(t);
    std::stable_sort(ties.begin(), ties.end(), [](const Tie& a, const Tie& b) { return a.claims > b.claims; });
  }

  ActorCache actors(store);
  size_t shown = std::min(ranked->size(), static_cast<size_t>(std::max(opts.top, 0)));
  if (opts.json) {
    nlohmann::json j;
    j["documents"] = counts->documents;
    j["actors"] = counts->actors;
    j["claims"] = counts->claims;
    j["ranking"] = nlohmann::json::array();
    for (size_t i = 0; i < shown; ++i) {
      const ActorSummary& a = (*ranked)[i];
      nlohmann::json e = ActorRefJson(a.actor);
      e["ties"] = a.ties;
      e["claims"] = a.claims;
      j["ranking"].push_back(std::move(e));
    }
    j["focus"] = focus.id ? ActorRefJson(focus) : nlohmann::json(nullptr);
    j["ties"] = nlohmann::json::array();
    for (const Tie& t : ties) {
      nlohmann::json e;
      e["actor"] = ActorRefJson(actors.Get(t.other));
      e["claims"] = t.claims;
      e["relations"] = t.relations;
      e["evidence"] = ClaimJson(*t.evidence, actors);
      j["ties"].push_back(std::move(e));
    }
    std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return 0;
  }

  std::printf("tiegraph report: %lld documents, %lld actors, %lld claims\n\n",
              static_cast<long long>(counts->documents), static_cast<long long>(counts->actors),
              static_cast<long long>(counts->claims));
  if (ranked->empty()) {
    std::printf("no actors stored yet: run `tiegraph ingest PATH`\n");
    return 0;
  }
  std::printf("Actors by number of ties (top %zu of %zu):\n", shown, ranked->size());
  std::printf("  %5s %6s  %-12s  %s\n", "ties", "claims", "type", "name");
  for (size_t i = 0; i < shown; ++i) {
    const ActorSummary& a = (*ranked)[i];
    std::printf("  %5lld %6lld  %-12s  %s\n", static_cast<long long>(a.ties), static_cast<long long>(a.claims),
                a.actor.type.c_str(), a.actor.name.c_str());
  }
  if (focus.id == 0) {
    std::printf("\nno ties stored yet\n");
    return 0;
  }
  std::printf("\n%s: %zu ties, %zu claims\n", focus.name.c_str(), ties.size(), claims.size());
  for (const Tie& t : ties) {
    std::string relations;
    for (const auto& [rel, n] : t.relations) {
      relations += relations.empty() ? "" : ", ";
      relations += n > 1 ? rel + " x" + std::to_string(n) : rel;
    }
    const StoredClaim& e = *t.evidence;
    std::printf("  - %s  (%s)\n", actors.Get(t.other).name.c_str(), relations.c_str());
    std::printf("      \"%s\"\n", e.evidence.c_str());
    std::printf("      (%s%s, %s%s%s; %s)\n", e.negated ? "not " : "", e.relation.c_str(), e.modality.c_str(),
                e.time.empty() ? "" : ", ", e.time.c_str(), DocName(e.source).c_str());
  }
  return 0;
}

}  // namespace

void RegisterReport(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Actors by number of ties, then each tie of the most connected actor with one evidence sentence");
  cmd->fallthrough();
  cmd->add_option("--top,-n", opts->top, "How many actors to rank")->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--actor,-a", opts->actor, "Detail this actor instead of the most connected");
  cmd->add_flag("--json", opts->json, "Print JSON");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunReport(*opts, global); });
}

}  // namespace tiegraph::cli
