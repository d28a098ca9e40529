// tiegraph merge A B / tiegraph split A : correct actor resolution by hand.
// Both are recorded in the store and applied again to documents ingested later.
#include <cstdio>

#include "tiegraph/cli/commands.h"
#include "tiegraph/cli/store_cli.h"

namespace tiegraph::cli {
namespace {

struct MergeOptions {
  std::string keep, absorb;
  bool json = false;
};

struct SplitOptions {
  std::string actor;
  bool json = false;
};

std::string Describe(const StoredActor& a) {
  return "#" + std::to_string(a.id) + " " + a.name + " (" + a.type + (a.country.empty() ? "" : ", " + a.country) + ")";
}

int RunMerge(const MergeOptions& opts, const GlobalOptions& global) {
  const char* cmd = "merge";
  Result<std::unique_ptr<Store>> store = OpenStoreFor(global, /*create_if_missing=*/false);
  if (!store.ok()) {
    PrintError(cmd, store.status());
    return 1;
  }
  Result<StoredActor> keep = FindActorArgument(**store, opts.keep);
  if (!keep.ok()) {
    PrintError(cmd, keep.status());
    return 1;
  }
  Result<StoredActor> absorb = FindActorArgument(**store, opts.absorb);
  if (!absorb.ok()) {
    PrintError(cmd, absorb.status());
    return 1;
  }
  if (keep->id == absorb->id) {
    PrintError(cmd, "\"" + opts.keep + "\" and \"" + opts.absorb + "\" are the same actor, " + Describe(*keep) +
                        " (name them by #id to pick another)");
    return 1;
  }
  if (Status s = (*store)->Merge(keep->id, absorb->id); !s.ok()) {
    PrintError(cmd, s);
    return 1;
  }
  Result<StoredActor> merged = (*store)->GetActor(keep->id);
  if (opts.json) {
    nlohmann::json j = {{"kept", ActorRefJson(merged.ok() ? *merged : *keep)}, {"absorbed", ActorRefJson(*absorb)}};
    if (merged.ok()) j["kept"]["aliases"] = merged->aliases;
    std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    std::printf("merged %s into %s (recorded; applied again to later documents)\n", Describe(*absorb).c_str(),
                Describe(*keep).c_str());
  }
  return 0;
}

int RunSplit(const SplitOptions& opts, const GlobalOptions& global) {
  const char* cmd = "split";
  Result<std::unique_ptr<Store>> store = OpenStoreFor(global, /*create_if_missing=*/false);
  if (!store.ok()) {
    PrintError(cmd, store.status());
    return 1;
  }
  Result<StoredActor> actor = FindActorArgument(**store, opts.actor);
  if (!actor.ok()) {
    PrintError(cmd, actor.status());
    return 1;
  }
  Result<std::vector<int64_t>> ids = (*store)->Split(actor->id);
  if (!ids.ok()) {
    PrintError(cmd, ids.status());
    return 1;
  }
  nlohmann::json out = nlohmann::json::array();
  if (!opts.json) {
    std::printf("split %s into %zu actor%s, one per document actor (recorded; later documents get their own):\n",
                Describe(*actor).c_str(), ids->size(), ids->size() == 1 ? "" : "s");
  }
  for (int64_t id : *ids) {
    Result<StoredActor> a = (*store)->GetActor(id);
    if (!a.ok()) continue;
    if (opts.json) {
      out.push_back(ActorRefJson(*a));
    } else {
      std::printf("  %s\n", Describe(*a).c_str());
    }
  }
  if (opts.json) std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return 0;
}

}  // namespace

void RegisterMerge(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand("merge", "Merge actor B into actor A (both by name, alias or #id)");
  cmd->fallthrough();
  cmd->add_option("A", opts->keep, "The actor to keep")->required();
  cmd->add_option("B", opts->absorb, "The actor folded into A")->required();
  cmd->add_flag("--json", opts->json, "Print JSON");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunMerge(*opts, global); });
}

void RegisterSplit(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<SplitOptions>();
  CLI::App* cmd = app.add_subcommand("split", "Split actor A into one actor per document actor that was resolved (or merged) into it");
  cmd->fallthrough();
  cmd->add_option("A", opts->actor, "The actor to split (name, alias or #id)")->required();
  cmd->add_flag("--json", opts->json, "Print JSON");
  cmd->callback([opts, &global, exit_code] { *exit_code = RunSplit(*opts, global); });
}

}  // namespace tiegraph::cli
