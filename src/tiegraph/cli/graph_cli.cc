#include "tiegraph/cli/graph_cli.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <utf8proc.h>

#include "tiegraph/cli/store_cli.h"
#include "tiegraph/graph/analytics.h"
#include "tiegraph/graph/date_key.h"
#include "tiegraph/graph/graph_json.h"
#include "tiegraph/graph/load_network.h"
#include "tiegraph/graph/relation_weights.h"
#include "tiegraph/server/actor_search.h"
#include "tiegraph/server/request_params.h"

namespace tiegraph::cli {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return !IsContinuation(c); }));
}

std::vector<std::string> RelationNames() {
  std::vector<std::string> names;
  for (int i = 0; i < graph::kRelationCount; ++i) names.emplace_back(graph::RelationAt(i).name);
  return names;
}

// Case-folded, accents stripped, compatibility forms unified: "Mélenchon" ->
// "melenchon". Invalid UTF-8 is kept as it is.
std::string Fold(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                                      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  if (n < 0) return std::string(text);
  std::string folded(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return folded;
}

// Network::FindActor's last two steps (whole name or alias, then a part of
// one) again with accents and case folded away. -1 when nothing matches.
Result<graph::NodeId> FindFolded(const graph::Network& net, std::string_view query) {
  const std::string q = Fold(query);
  if (q.empty()) return graph::NodeId{-1};
  for (bool whole : {true, false}) {
    std::vector<graph::NodeId> found;
    for (graph::NodeId n = 0; n < static_cast<graph::NodeId>(net.node_count()); ++n) {
      const StoredActor& a = net.actor(n);
      bool match = false;
      auto test = [&](const std::string& name) {
        const std::string f = Fold(name);
        match |= whole ? f == q : f.find(q) != std::string::npos;
      };
      test(a.name);
      for (const std::string& alias : a.aliases) test(alias);
      if (match) found.push_back(n);
    }
    if (found.size() == 1) return found[0];
    if (found.size() > 1) {
      std::string names;
      for (size_t i = 0; i < found.size() && i < 10; ++i) names += "\n  " + ActorLabel(net, found[i]);
      return Status::Usage(fmt::format("actor name '{}' is ambiguous ({} actors match it ignoring accents); candidates:{}",
                                       query, found.size(), names));
    }
  }
  return graph::NodeId{-1};
}

}  // namespace

Result<std::unique_ptr<LoadedNetwork>> LoadNetworkForCli(const GlobalOptions& global) {
  const std::string location = StoreLocation(global);
  if (global.pg.empty() && !std::filesystem::exists(location)) {
    return Status::NotFound(fmt::format("no database at {} (create one with `tiegraph ingest PATH --db {}`)",
                                        location, location));
  }
  Result<graph::Network> net = graph::LoadNetworkFrom(location);
  if (!net.ok()) return net.status();
  Result<std::unique_ptr<Store>> store = OpenStoreFor(global, /*create_if_missing=*/false);
  if (!store.ok()) return store.status();
  auto loaded = std::make_unique<LoadedNetwork>();
  loaded->net = std::move(net.value());
  loaded->store = std::move(store.value());
  loaded->degree = graph::DistinctDegree(loaded->net);
  return loaded;
}

Result<graph::NodeId> ResolveActorArgument(const LoadedNetwork& loaded, const std::string& arg) {
  const graph::Network& net = loaded.net;
  std::string_view digits = arg;
  if (!digits.empty() && digits.front() == '#') digits.remove_prefix(1);
  const bool numeric = !digits.empty() && digits.size() < 18 &&
                       digits.find_first_not_of("0123456789") == std::string_view::npos;
  if (numeric) {
    graph::NodeId node = net.NodeOfActorId(std::stoll(std::string(digits)));
    if (node >= 0) return node;
    if (arg.front() == '#') return Status::NotFound(fmt::format("no actor with id {}", digits));
  }
  Result<graph::NodeId> found = net.FindActor(arg);
  if (found.ok() || found.status().code() != Status::Code::kNotFound) return found;
  Result<graph::NodeId> folded = FindFolded(net, arg);
  if (!folded.ok() || *folded >= 0) return folded;
  std::vector<server::ActorMatch> near = server::SearchActors(net, loaded.degree, arg, "", 5);
  std::string hint;
  for (const server::ActorMatch& m : near) hint += "\n  " + ActorLabel(net, m.node);
  if (hint.empty()) {
    return Status::NotFound(fmt::format("no actor named '{}' (list them with `tiegraph actors`)", arg));
  }
  return Status::NotFound(fmt::format("no actor named '{}'; close candidates:{}", arg, hint));
}

int ExitCodeOf(const Status& status) {
  if (status.ok()) return 0;
  return status.code() == Status::Code::kUsage || status.code() == Status::Code::kInvalidInput ? 2 : 1;
}

int Fail(const std::string& command, const Status& status) {
  PrintError(command, status.message());
  return ExitCodeOf(status);
}

CLI::Validator IsoDateValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (server::IsIsoDatePrefix(value)) return "";
        return "must be an ISO date or part of one (2014, 2022-02, 2022-02-24), got '" + value + "'";
      },
      "DATE", "IsoDate");
}

void AddTieFilterOptions(CLI::App* cmd, TieFilterOptions* options) {
  cmd->add_option("--relation,-r", options->relations, "Only these relations (repeat the option for several)")
      ->allow_extra_args(false)
      ->check(CLI::IsMember(RelationNames()));
  cmd->add_option("--sign", options->sign, "Only cooperative (+) or hostile (-) ties")
      ->check(CLI::IsMember({"+", "-", "positive", "negative"}));
  cmd->add_option("--modality", options->modality, "Only asserted ties, or only alleged ones")
      ->check(CLI::IsMember({"asserted", "alleged"}));
  cmd->add_option("--since", options->since, "Only ties with a claim dated on or after DATE")->check(IsoDateValidator());
  cmd->add_option("--until", options->until, "Only ties with a claim dated on or before DATE (2022 = end of 2022)")
      ->check(IsoDateValidator());
  cmd->add_option("--country", options->country, "Only actors of this country (ISO-2, e.g. IT); the centre always stays")
      ->check(CLI::Validator(
          [](std::string& v) -> std::string {
            bool ok = v.size() == 2 && std::isalpha(static_cast<unsigned char>(v[0])) &&
                      std::isalpha(static_cast<unsigned char>(v[1]));
            if (!ok) return "must be a two-letter ISO country code, got '" + v + "'";
            std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::toupper(c); });
            return "";
          },
          "CC", "Iso2"));
}

graph::TieFilter MakeTieFilter(const TieFilterOptions& o) {
  graph::TieFilter f;
  if (o.relations.size() == 1) f.relation = graph::RelationIndex(o.relations[0]);
  if (o.sign == "+" || o.sign == "positive") f.sign = 1;
  if (o.sign == "-" || o.sign == "negative") f.sign = -1;
  if (o.modality == "asserted") f.modality = 0;
  if (o.modality == "alleged") f.modality = 1;
  if (!o.since.empty()) f.since = graph::ParseDateKey(o.since);
  if (!o.until.empty()) f.until = graph::UntilKey(o.until);
  f.country = o.country;
  return f;
}

bool RelationAllowed(const TieFilterOptions& o, int relation) {
  if (o.relations.empty()) return true;
  for (const std::string& r : o.relations) {
    if (graph::RelationIndex(r) == relation) return true;
  }
  return false;
}

nlohmann::json TieFilterJson(const TieFilterOptions& o) {
  nlohmann::json j = nlohmann::json::object();
  if (!o.relations.empty()) j["relations"] = o.relations;
  if (!o.sign.empty()) j["sign"] = (o.sign == "+" || o.sign == "positive") ? "positive" : "negative";
  if (!o.modality.empty()) j["modality"] = o.modality;
  if (!o.since.empty()) j["since"] = o.since;
  if (!o.until.empty()) j["until"] = o.until;
  if (!o.country.empty()) j["country"] = o.country;
  return j;
}

nlohmann::json EvidenceFormatter::ClaimJson(graph::ClaimIndex claim) {
  return reader_.NetworkClaim(net_, claim, /*with_context=*/false);
}

nlohmann::json EvidenceFormatter::TieJson(graph::TieId tie) {
  nlohmann::json j = graph::TieJson(net_, tie, 0);
  j["sign"] = graph::SignOf(net_.tie(tie).weight);
  nlohmann::json evidence = nlohmann::json::array();
  for (const graph::ClaimIndex* c = net_.tie_claims_begin(tie); c != net_.tie_claims_end(tie); ++c) {
    evidence.push_back(ClaimJson(*c));
  }
  j["evidence"] = std::move(evidence);
  return j;
}

std::string EvidenceFormatter::ClaimLine(graph::ClaimIndex claim) {
  const graph::ClaimEntry& c = net_.claims()[claim];
  nlohmann::json j = ClaimJson(claim);
  const nlohmann::json& doc = j["document"];
  // Plain-text documents take their first line as title: keep it short.
  std::string source = Shorten(doc.value("title", ""), 60);
  if (source.empty()) source = DocName(doc.value("source", ""));
  std::string url = doc.value("url", "");
  if (!url.empty()) source += source.empty() ? url : ", " + url;
  std::string date = graph::FormatDateKey(c.date);
  if (date.empty()) date = "undated";
  if (c.dated_by_published) date += " (published)";
  std::string line = fmt::format("{}  \"{}\"", date, Shorten(c.evidence));
  if (c.alleged) line += "  [alleged]";
  if (!source.empty()) line += "  (" + source + ")";
  return line;
}

std::string Shorten(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t to = max_bytes;
  while (to > 0 && IsContinuation(text[to])) --to;
  size_t space = text.rfind(' ', to);
  if (space != std::string_view::npos && to - space < 30) to = space;
  while (to > 0 && (text[to - 1] == ' ' || text[to - 1] == ',')) --to;
  return std::string(text.substr(0, to)) + "…";
}

std::string ActorLabel(const graph::Network& net, graph::NodeId node) {
  const StoredActor& a = net.actor(node);
  std::string label = a.name + " [" + (a.type.empty() ? "?" : a.type);
  if (!a.country.empty()) label += ", " + a.country;
  return label + "]";
}

std::string TieRelationLabel(const graph::Tie& tie) {
  std::string label = std::string(tie.negated ? "not " : "") + std::string(graph::RelationAt(tie.relation).name);
  if (tie.alleged) label += " (alleged)";
  return label;
}

std::string SignLabel(double weight) {
  int s = graph::SignOf(weight);
  return s > 0 ? "+" : (s < 0 ? "-" : "0");
}

std::vector<std::string> Table::Lines(const std::string& indent) const {
  std::vector<size_t> widths;
  auto measure = [&](const std::vector<std::string>& row) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], CodePoints(row[i]));
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);
  std::vector<std::string> lines;
  auto format = [&](const std::vector<std::string>& row) {
    std::string line = indent;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - CodePoints(row[i]) + 2, ' ');
    }
    lines.push_back(std::move(line));
  };
  if (!header_.empty()) format(header_);
  for (const auto& row : rows_) format(row);
  return lines;
}

void Table::Print(const std::string& indent) const {
  for (const std::string& line : Lines(indent)) std::printf("%s\n", line.c_str());
}

void PrintJson(const nlohmann::json& j) {
  std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace tiegraph::cli
