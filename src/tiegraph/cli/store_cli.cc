#include "tiegraph/cli/store_cli.h"

#include <array>
#include <cstdio>
#include <filesystem>

namespace tiegraph::cli {
namespace {

constexpr std::array<const char*, 12> kRelations = {"praise", "criticize", "meet",    "fund",   "business", "collaborate",
                                                    "member", "support",   "oppose",  "social", "aligned",  "linked"};

nlohmann::json NullIfEmpty(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

}  // namespace

std::string StoreLocation(const GlobalOptions& global) { return global.pg.empty() ? global.db : global.pg; }

Result<std::unique_ptr<Store>> OpenStoreFor(const GlobalOptions& global, bool create_if_missing) {
  StoreOptions options;
  options.create_if_missing = create_if_missing;
  return OpenStore(StoreLocation(global), options);
}

Result<StoredActor> FindActorArgument(Store& store, const std::string& arg) {
  std::string digits = !arg.empty() && arg[0] == '#' ? arg.substr(1) : arg;
  bool numeric = !digits.empty() && digits.size() < 18 &&
                 digits.find_first_not_of("0123456789") == std::string::npos;
  if (numeric) {
    Result<StoredActor> by_id = store.GetActor(std::stoll(digits));
    if (by_id.ok() || arg[0] == '#') return by_id;
  }
  return store.FindActor(arg);
}

void PrintError(const std::string& command, const Status& status) { PrintError(command, status.ToString()); }

void PrintError(const std::string& command, const std::string& message) {
  std::fprintf(stderr, "tiegraph %s: %s\n", command.c_str(), message.c_str());
}

std::string DocName(const std::string& source) {
  std::string path = source;
  std::string suffix;
  if (size_t hash = source.rfind('#'); hash != std::string::npos && hash + 1 < source.size()) {
    return source.substr(hash + 1);
  }
  if (size_t colon = source.rfind(':'); colon != std::string::npos && colon + 1 < source.size() &&
                                        source.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
    path = source.substr(0, colon);
    suffix = source.substr(colon);
  }
  std::string stem = std::filesystem::path(path).filename().string();
  // Drop compression then format extensions: "a.txt.gz" -> "a".
  for (const char* ext : {".gz", ".zst"}) {
    std::string e = ext;
    if (stem.size() > e.size() && stem.compare(stem.size() - e.size(), e.size(), e) == 0) stem.resize(stem.size() - e.size());
  }
  if (size_t dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
  return stem + suffix;
}

const StoredActor& ActorCache::Get(int64_t id) {
  auto it = actors_.find(id);
  if (it != actors_.end()) return it->second;
  Result<StoredActor> a = store_.GetActor(id);
  StoredActor actor;
  if (a.ok()) {
    actor = *a;
  } else {
    actor.id = id;
    actor.name = "#" + std::to_string(id);
  }
  return actors_.emplace(id, std::move(actor)).first->second;
}

nlohmann::json ActorRefJson(const StoredActor& actor) {
  nlohmann::json j = {{"name", actor.name}, {"type", actor.type}, {"id", actor.id}};
  j["country"] = NullIfEmpty(actor.country);
  j["kb_ref"] = NullIfEmpty(actor.kb_ref);
  return j;
}

nlohmann::json ClaimJson(const StoredClaim& c, ActorCache& actors) {
  nlohmann::json j;
  j["doc"] = DocName(c.source.empty() ? c.document : c.source);
  j["subject"] = ActorRefJson(actors.Get(c.subject));
  j["relation"] = c.relation;
  j["object"] = ActorRefJson(actors.Get(c.object));
  j["negated"] = c.negated;
  j["modality"] = c.modality;
  j["time"] = NullIfEmpty(c.time);
  j["quote"] = NullIfEmpty(c.quote);
  j["evidence"] = c.evidence;
  j["claim_id"] = c.id;
  j["document_id"] = c.document;
  j["source"] = c.source;
  j["published"] = NullIfEmpty(c.published);
  j["url"] = NullIfEmpty(c.url);
  j["evidence_start"] = c.evidence_start;
  j["evidence_end"] = c.evidence_end;
  j["confidence"] = c.confidence;
  j["extractor"] = c.extractor;
  return j;
}

bool IsRelation(const std::string& relation) {
  for (const char* r : kRelations)
    if (relation == r) return true;
  return false;
}

std::string RelationList() {
  std::string out;
  for (const char* r : kRelations) {
    if (!out.empty()) out += ", ";
    out += r;
  }
  return out;
}

}  // namespace tiegraph::cli
