// Helpers shared by the network commands (ties, path, rank, timeline,
// communities): loading the in-memory network named by --db / --pg,
// naming an actor on the command line (exit 1 unknown, with close
// candidates; exit 2 ambiguous, with the candidates), the tie filter
// options, claim evidence as JSON (with its document's title and url) and
// as shortened text, and aligned columns for human-readable output.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "tiegraph/cli/commands.h"
#include "tiegraph/graph/network.h"
#include "tiegraph/server/evidence_views.h"
#include "tiegraph/status.h"
#include "tiegraph/store/store.h"

namespace tiegraph::cli {

// Evidence sentences are cut to this many bytes in human-readable output.
inline constexpr size_t kShortEvidenceBytes = 160;

// The network of the store named by --db / --pg, the store itself (for
// document titles) and each node's number of distinct neighbours.
struct LoadedNetwork {
  graph::Network net;
  std::unique_ptr<Store> store;
  std::vector<double> degree;
};

// A missing SQLite file is NotFound telling the user to ingest first.
Result<std::unique_ptr<LoadedNetwork>> LoadNetworkForCli(const GlobalOptions& global);

// "#12" or "12" (store id), else a name or alias (Network::FindActor).
// Unknown: NotFound whose message lists close candidates. Ambiguous: Usage
// listing the candidates.
Result<graph::NodeId> ResolveActorArgument(const LoadedNetwork& loaded, const std::string& arg);

// Exit status of a failed command: 2 for Usage and InvalidInput, else 1.
int ExitCodeOf(const Status& status);

// Prints "tiegraph <command>: <message>" and returns ExitCodeOf(status).
int Fail(const std::string& command, const Status& status);

// The filter options of `ties` (--relation R... --sign --modality --since
// --until --country), validated by CLI11 (bad values exit 2).
struct TieFilterOptions {
  std::vector<std::string> relations;  // empty = any
  std::string sign;                    // "+", "-", "positive", "negative" or ""
  std::string modality;                // "asserted", "alleged" or ""
  std::string since, until;            // ISO dates or parts of one
  std::string country;                 // ISO-2
};
void AddTieFilterOptions(CLI::App* cmd, TieFilterOptions* options);

// The graph filter for everything but the relations (TieFilter holds one
// relation: callers check RelationAllowed for the list).
graph::TieFilter MakeTieFilter(const TieFilterOptions& options);
bool RelationAllowed(const TieFilterOptions& options, int relation);
nlohmann::json TieFilterJson(const TieFilterOptions& options);

// A CLI11 validator for ISO dates or parts of one (2014, 2022-02, 2022-02-24).
CLI::Validator IsoDateValidator();

// Reads each document's title once.
class EvidenceFormatter {
 public:
  explicit EvidenceFormatter(const LoadedNetwork& loaded) : net_(loaded.net), reader_(*loaded.store) {}

  // The claim with its full evidence sentence and document {id,title,url,...}.
  nlohmann::json ClaimJson(graph::ClaimIndex claim);
  // A tie (graph::TieJson's fields) with every claim as evidence.
  nlohmann::json TieJson(graph::TieId tie);
  // One line: "2017  "shortened sentence"  (Title, url)".
  std::string ClaimLine(graph::ClaimIndex claim);

 private:
  const graph::Network& net_;
  server::EvidenceReader reader_;
};

// The text cut at about max_bytes on a UTF-8 and word boundary, with "…".
std::string Shorten(std::string_view text, size_t max_bytes = kShortEvidenceBytes);

// "Name [Type, CC]".
std::string ActorLabel(const graph::Network& net, graph::NodeId node);

// "praise", "not praise", with "(alleged)" when every claim is alleged.
std::string TieRelationLabel(const graph::Tie& tie);

// "+", "-" or "0".
std::string SignLabel(double weight);

// Rows printed as left-aligned columns (widths in code points), two spaces
// apart; a header row first when given; `indent` before each row.
class Table {
 public:
  explicit Table(std::vector<std::string> header = {}) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  size_t size() const { return rows_.size(); }
  // Each row as aligned text (header first when given), for callers that
  // print other lines between the rows.
  std::vector<std::string> Lines(const std::string& indent = "") const;
  void Print(const std::string& indent = "") const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Prints JSON as the other commands do (2-space indent, bad UTF-8 replaced).
void PrintJson(const nlohmann::json& j);

}  // namespace tiegraph::cli
