#include "tiegraph/io/export_network.h"

#include <algorithm>
#include <unordered_set>

namespace tiegraph {

const StoredActor* ExportNetwork::Actor(int64_t id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &actors[it->second];
}

void ExportNetwork::Index() {
  by_id_.clear();
  for (size_t i = 0; i < actors.size(); ++i) by_id_[actors[i].id] = i;
}

namespace {

Result<StoredActor> FindScopeActor(Store& store, const std::string& arg) {
  if (!arg.empty() && (arg[0] == '#' || std::all_of(arg.begin(), arg.end(), ::isdigit))) {
    std::string digits = arg[0] == '#' ? arg.substr(1) : arg;
    if (!digits.empty() && std::all_of(digits.begin(), digits.end(), ::isdigit)) {
      Result<StoredActor> a = store.GetActor(std::stoll(digits));
      if (a.ok()) return a;
    }
  }
  return store.FindActor(arg);
}

}  // namespace

Result<ExportNetwork> LoadExportNetwork(Store& store, const ExportScope& scope) {
  if (scope.depth < 0) return Status::Usage("--depth must be 0 or more");
  ExportNetwork net;
  Result<std::vector<StoredClaim>> claims = store.ListClaims({});
  if (!claims.ok()) return claims.status();

  std::unordered_set<int64_t> keep;  // actor ids in the export; empty = all
  if (!scope.actor.empty()) {
    Result<StoredActor> center = FindScopeActor(store, scope.actor);
    if (!center.ok()) return center.status();
    std::unordered_map<int64_t, std::vector<int64_t>> neighbours;
    for (const StoredClaim& c : *claims) {
      neighbours[c.subject].push_back(c.object);
      neighbours[c.object].push_back(c.subject);
    }
    keep.insert(center->id);
    std::vector<int64_t> frontier = {center->id};
    for (int hop = 0; hop < scope.depth && !frontier.empty(); ++hop) {
      std::vector<int64_t> next;
      for (int64_t id : frontier) {
        for (int64_t other : neighbours[id]) {
          if (keep.insert(other).second) next.push_back(other);
        }
      }
      frontier = std::move(next);
    }
  }

  for (StoredClaim& c : *claims) {
    if (keep.empty() || (keep.count(c.subject) && keep.count(c.object))) net.claims.push_back(std::move(c));
  }
  if (keep.empty()) {
    Result<std::vector<ActorSummary>> all = store.ListActors({});
    if (!all.ok()) return all.status();
    for (ActorSummary& s : *all) net.actors.push_back(std::move(s.actor));
  } else {
    for (int64_t id : keep) {
      Result<StoredActor> a = store.GetActor(id);
      if (!a.ok()) return a.status();
      net.actors.push_back(std::move(a.value()));
    }
  }
  std::sort(net.actors.begin(), net.actors.end(),
            [](const StoredActor& a, const StoredActor& b) { return a.id < b.id; });
  std::sort(net.claims.begin(), net.claims.end(),
            [](const StoredClaim& a, const StoredClaim& b) { return a.id < b.id; });
  net.Index();
  // A claim whose actor could not be read is dropped rather than dangling.
  std::erase_if(net.claims, [&](const StoredClaim& c) { return !net.Actor(c.subject) || !net.Actor(c.object); });
  return net;
}

std::string UrlHost(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  size_t begin = scheme + 3;
  size_t end = url.find_first_of("/?#", begin);
  std::string host = url.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  if (size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  if (size_t colon = host.rfind(':'); colon != std::string::npos && host.find(']') == std::string::npos)
    host = host.substr(0, colon);
  return host;
}

}  // namespace tiegraph
