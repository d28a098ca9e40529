#include "tiegraph/io/ftm_exporter.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "tiegraph/resolve/actor_matcher.h"

namespace tiegraph {
namespace {

using nlohmann::json;

bool HasWord(const std::string& text, std::initializer_list<const char*> words) {
  std::string lower = text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Whole words only: "bank" in "Sberbank"? no; in "Bank of China": yes.
  for (const char* w : words) {
    std::string word = w;
    for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
      bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]));
      size_t end = at + word.size();
      bool right = end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end]));
      if (left && right) return true;
    }
  }
  return false;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void Add(json& props, const char* name, const std::string& value) {
  if (value.empty()) return;
  json& list = props[name];
  if (!list.is_array()) list = json::array();
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

bool IsPartyOrOrg(const std::string& schema) {
  return schema == "Organization" || schema == "Company" || schema == "PublicBody";
}

}  // namespace

std::string StableHash(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string FtmActorId(const StoredActor& actor) {
  if (!actor.kb_ref.empty()) return "tg-" + StableHash("kb:" + actor.kb_ref);
  return "tg-" + StableHash(actor.type + ":" + NormalizeActorName(actor.name));
}

std::string FtmActorSchema(const StoredActor& actor) {
  if (actor.type == "Person") return "Person";
  if (actor.type == "Country") return "PublicBody";
  if (HasWord(actor.name, {"bank", "ltd", "llc", "inc", "plc", "gmbh", "ag", "sa", "corp", "corporation", "company",
                           "holding", "holdings", "group", "limited", "oao", "ooo", "pao", "jsc"}))
    return "Company";
  if (HasWord(actor.name, {"ministry", "agency", "government", "parliament", "duma", "senate", "council",
                           "commission", "department", "service", "directorate", "court", "police", "army",
                           "embassy", "kremlin", "presidency", "office"}))
    return "PublicBody";
  return "Organization";
}

FtmLinkSchema FtmClaimSchema(const StoredClaim& claim, const std::string& subject_schema,
                             const std::string& object_schema) {
  const std::string& r = claim.relation;
  const bool negated = claim.negated;
  if (!negated && r == "fund") {
    if (HasWord(claim.evidence, {"loan", "loans", "lent", "lend", "lending", "credit", "debt", "borrowed"}))
      return {"Debt", "creditor", "debtor"};
    return {"Payment", "payer", "beneficiary"};
  }
  if (!negated && r == "member" && IsPartyOrOrg(object_schema)) {
    if (HasWord(claim.evidence, {"leader", "led", "leads", "head", "heads", "headed", "director", "chair", "chairman",
                                 "chairwoman", "president", "founder", "founded", "ceo", "chief", "secretary",
                                 "boss", "board"}))
      return {"Directorship", "director", "organization"};
    return {"Membership", "member", "organization"};
  }
  if (!negated && r == "collaborate") {
    if (subject_schema == "Person" && IsPartyOrOrg(object_schema)) return {"Employment", "employee", "employer"};
    return {"Representation", "agent", "client"};
  }
  if (!negated && r == "social" && subject_schema == "Person" && object_schema == "Person")
    return {"Associate", "person", "associate"};
  return {"UnknownLink", "subject", "object"};
}

Status WriteFtm(const ExportNetwork& net, std::ostream& out) {
  auto dump = [&](const json& j) { out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n'; };
  // Actors that share an FtM id (one kb_ref, several store actors) are one entity.
  std::vector<std::string> written;
  for (const StoredActor& a : net.actors) {
    std::string id = FtmActorId(a);
    if (std::find(written.begin(), written.end(), id) != written.end()) continue;
    written.push_back(id);
    std::string schema = FtmActorSchema(a);
    json props = json::object();
    Add(props, "name", a.name);
    for (const std::string& alias : a.aliases) {
      if (alias != a.name) Add(props, "alias", alias);
    }
    if (!a.country.empty()) {
      Add(props, "country", Lower(a.country));
      if (schema == "Person") Add(props, "nationality", Lower(a.country));
      if (a.type == "Country") Add(props, "jurisdiction", Lower(a.country));
    }
    dump(json{{"id", id}, {"schema", schema}, {"properties", props}});
  }
  std::vector<std::string> claim_ids;
  for (const StoredClaim& c : net.claims) {
    const StoredActor* s = net.Actor(c.subject);
    const StoredActor* o = net.Actor(c.object);
    if (!s || !o) continue;
    const std::string sid = FtmActorId(*s), oid = FtmActorId(*o);
    FtmLinkSchema link = FtmClaimSchema(c, FtmActorSchema(*s), FtmActorSchema(*o));
    json props = json::object();
    Add(props, link.subject_prop.c_str(), sid);
    Add(props, link.object_prop.c_str(), oid);
    std::string role = (c.negated ? "not " : "") + c.relation;
    if (link.schema == "UnknownLink" || link.schema == "Membership" || link.schema == "Directorship" ||
        link.schema == "Employment" || link.schema == "Representation")
      Add(props, "role", role);
    if (link.schema == "Associate") Add(props, "relationship", role);
    if (link.schema == "Payment" || link.schema == "Debt") Add(props, "purpose", role);
    Add(props, "startDate", c.time);
    Add(props, "summary", c.evidence);
    Add(props, "sourceUrl", c.url);
    Add(props, "publisher", UrlHost(c.url));
    Add(props, "recordId", c.document);
    if (c.modality == "alleged") Add(props, "description", "alleged");
    std::string id = "tg-" + StableHash("claim:" + c.document + ":" + sid + ":" + c.relation + ":" + oid + ":" +
                                        (c.negated ? "1" : "0") + ":" + std::to_string(c.evidence_start));
    if (std::find(claim_ids.begin(), claim_ids.end(), id) != claim_ids.end()) continue;  // same fact twice
    claim_ids.push_back(id);
    dump(json{{"id", id}, {"schema", link.schema}, {"properties", props}});
  }
  out.flush();
  if (!out) return Status::IOError("write failed");
  return Status::Ok();
}

}  // namespace tiegraph
