// tiegraph claims [--actor NAME] [--relation R] : stored claims with evidence.
#include <cstdio>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/store_cli.h"

namespace tiegraph::cli {
namespace {

struct ClaimsOptions {
  std::string actor;
  std::string other;
  std::string relation;
  std::string document;
  int limit = 0;
  bool json = false;
};

int RunClaims(const ClaimsOptions& opts, const GlobalOptions& global) {
  const char* cmd = "claims";
  if (!opts.relation.empty() && !IsRelation(opts.relation)) {
    PrintError(cmd, "unknown relation \"" + opts.relation + "\" (one of: " + RelationList() + ")");
    return 2;
  }
  if (!opts.other.empty() && opts.actor.empty()) {
    PrintError(cmd, "--with needs --actor");
    return 2;
  }
  Result<std::unique_ptr<Store>> store = OpenStoreFor(global, /*create_if_missing=*/false);
  if (!store.ok()) {
    PrintError(cmd, store.status());
    return 1;
  }
  ClaimFilter filter;
  filter.relation = opts.relation;
  filter.document = opts.document;
  filter.limit = opts.limit;
  for (auto [arg, id] : {std::pair{&opts.actor, &filter.actor}, std::pair{&opts.other, &filter.other}}) {
    if (arg->empty()) continue;
    Result<StoredActor> actor = FindActorArgument(**store, *arg);
    if (!actor.ok()) {
      PrintError(cmd, actor.status());
      return 1;
    }
    *id = actor->id;
  }
  Result<std::vector<StoredClaim>> claims = (*store)->ListClaims(filter);
  if (!claims.ok()) {
    PrintError(cmd, claims.status());
    return 1;
  }
  // A claim whose two ends became one actor by a merge is kept in the store
  // (a split restores it) but is no tie: leave it out.
  std::erase_if(*claims, [](const StoredClaim& c) { return c.subject == c.object; });
  ActorCache actors(**store);
  if (opts.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const StoredClaim& c : *claims) out.push_back(ClaimJson(c, actors));
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return 0;
  }
  if (claims->empty()) {
    std::printf("no claims\n");
    return 0;
  }
  for (const StoredClaim& c : *claims) {
    std::string when = c.time.empty() ? (c.published.empty() ? "undated" : "published " + c.published) : c.time;
    std::printf("#%lld  %s --%s%s--> %s   [%s, %s]\n", static_cast<long long>(c.id), actors.Get(c.subject).name.c_str(),
                c.negated ? "not " : "", c.relation.c_str(), actors.Get(c.object).name.c_str(), c.modality.c_str(),
                when.c_str());
    std::printf("    \"%s\"\n", c.evidence.c_str());
    if (!c.quote.empty()) std::printf("    quote: \"%s\"\n", c.quote.c_str());
    std::printf("    source: %s%s%s\n", c.source.c_str(), c.url.empty() ? "" : "  ", c.url.c_str());
  }
  return 0;
}

}  // namespace

void RegisterClaims(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ClaimsOptions>();
  CLI::App* cmd = app.add_subcommand("claims", "List stored claims with their evidence sentence, modality, time and source");
  cmd->fallthrough();
  cmd->add_option("--actor,-a", opts->actor, "Only claims of this actor (name, alias or #id)");
  cmd->add_option("--with,-w", opts->other, "With --actor: only claims between the two");
  cmd->add_option("--relation,-r", opts->relation, "Only this relation (" + RelationList() + ")");
  cmd->add_option("--document", opts->document, "Only claims of this document id");
  cmd->add_option("--limit,-n", opts->limit, "Show at most N claims")->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", opts->json, "Print JSON");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunClaims(*opts, global); });
}

}  // namespace tiegraph::cli
