#include "tiegraph/graph/load_network.h"

#include "tiegraph/graph/sqlite_network_reader.h"

#include <utility>
#include <vector>

namespace tiegraph::graph {

Result<Network> LoadNetwork(Store& store) {
  auto summaries = store.ListActors(ActorQuery{});
  if (!summaries.ok()) return summaries.status();
  std::vector<StoredActor> actors;
  actors.reserve(summaries->size());
  for (ActorSummary& s : *summaries) actors.push_back(std::move(s.actor));
  auto claims = store.ListClaims(ClaimFilter{});
  if (!claims.ok()) return claims.status();
  return Network::Build(std::move(actors), std::move(*claims));
}

}  // namespace tiegraph::graph

namespace tiegraph::graph {

Result<Network> LoadNetworkFrom(const std::string& location) {
  const bool is_url = location.find("://") != std::string::npos;
  if (!is_url) {
    auto fast = ReadSqliteNetwork(location);
    if (fast.ok() || fast.status().code() != Status::Code::kInvalidInput) return fast;
  }
  StoreOptions options;
  options.create_if_missing = false;
  auto store = OpenStore(location, options);
  if (!store.ok()) return store.status();
  return LoadNetwork(**store);
}

}  // namespace tiegraph::graph
