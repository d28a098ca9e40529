// ExportNetwork: the part of a store that an export writes, read once.
//
// The whole network (every actor and claim), or the neighbourhood of one
// actor: the actors within `depth` claims of it and every claim among them.
// Actors and claims are sorted by store id, so the same store exports the same
// bytes every time. Every claim's subject and object are among the actors.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "tiegraph/status.h"
#include "tiegraph/store/records.h"
#include "tiegraph/store/store.h"

namespace tiegraph {

struct ExportScope {
  std::string actor = "";  // name, alias or "#id"; "" = the whole network
  int depth = 1;           // with actor: how many claim hops to follow
};

class ExportNetwork {
 public:
  std::vector<StoredActor> actors;  // by id
  std::vector<StoredClaim> claims;  // by id

  // The actor with store id `id`; nullptr if it is not in the export.
  const StoredActor* Actor(int64_t id) const;
  // Rebuilds the id index after actors changed.
  void Index();

 private:
  std::unordered_map<int64_t, size_t> by_id_;
};

Result<ExportNetwork> LoadExportNetwork(Store& store, const ExportScope& scope);

// "https://www.example.org/a/b" -> "www.example.org"; "" if not a URL.
std::string UrlHost(const std::string& url);

}  // namespace tiegraph
