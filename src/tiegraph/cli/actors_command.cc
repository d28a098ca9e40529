// tiegraph actors [QUERY] : stored actors with their tie counts.
#include <cstdio>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/store_cli.h"

namespace tiegraph::cli {
namespace {

struct ActorsOptions {
  std::string query;
  int limit = 0;
  bool json = false;
};

int RunActors(const ActorsOptions& opts, const GlobalOptions& global) {
  Result<std::unique_ptr<Store>> store = OpenStoreFor(global, /*create_if_missing=*/false);
  if (!store.ok()) {
    PrintError("actors", store.status());
    return 1;
  }
  ActorQuery query;
  query.text = opts.query;
  query.limit = opts.limit;
  Result<std::vector<ActorSummary>> actors = (*store)->ListActors(query);
  if (!actors.ok()) {
    PrintError("actors", actors.status());
    return 1;
  }
  if (opts.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const ActorSummary& a : *actors) {
      nlohmann::json j = ActorRefJson(a.actor);
      j["aliases"] = a.actor.aliases;
      j["ties"] = a.ties;
      j["claims"] = a.claims;
      out.push_back(std::move(j));
    }
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return 0;
  }
  if (actors->empty()) {
    std::printf(opts.query.empty() ? "no actors stored\n" : "no actor matches \"%s\"\n", opts.query.c_str());
    return 0;
  }
  std::printf("%6s %5s %6s  %-12s  %s\n", "id", "ties", "claims", "type", "name");
  for (const ActorSummary& a : *actors) {
    std::string aliases;
    for (const std::string& alias : a.actor.aliases) {
      if (alias == a.actor.name) continue;
      aliases += aliases.empty() ? "" : ", ";
      aliases += alias;
    }
    std::printf("%6lld %5lld %6lld  %-12s  %s%s%s%s\n", static_cast<long long>(a.actor.id),
                static_cast<long long>(a.ties), static_cast<long long>(a.claims), a.actor.type.c_str(),
                a.actor.name.c_str(), a.actor.country.empty() ? "" : (" [" + a.actor.country + "]").c_str(),
                aliases.empty() ? "" : "  aka ", aliases.c_str());
  }
  return 0;
}

}  // namespace

void RegisterActors(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ActorsOptions>();
  CLI::App* cmd = app.add_subcommand("actors", "List stored actors (name or alias contains QUERY), most tied first");
  cmd->fallthrough();
  cmd->add_option("QUERY", opts->query, "Part of a name or alias, any case");
  cmd->add_option("--limit,-n", opts->limit, "Show at most N actors")->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", opts->json, "Print JSON");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunActors(*opts, global); });
}

}  // namespace tiegraph::cli
