// Readers for the large, noisy actor lists that extend the curated KB at run
// time (never copied into the repository):
//
//  - PETRARCH2 / Phoenix CAMEO actor dictionaries (*.actors.txt): a primary
//    phrase ("VLADIMIR_PUTIN_"), "+" synonym lines, tab-indented dated codes
//    "[RUSGOV 991231-080507]". The code's first three letters are an ISO-3
//    country (RUS -> RU) or IGO/NGO/MNC; the rest is the sector, which becomes
//    the role ("gov", "eli", "govbus"). YYMMDD dates become "YYYY-MM-DD".
//    Country rows ("RUSSIA_ [RUS]") are skipped: curated countries cover them.
//  - Party Facts CSVs (core parties, wikidata, wikipedia, parlgov, whogov
//    extracts): one party per row, with its native, short and English names.
//    Rows flagged `technical` are skipped. Files of MPs are ignored.
//
// Readers return entries with source "phoenix" / "partyfacts"; aliases that
// are ambiguous on their own (short or common single words) are dropped
// (KeepExtraAlias). Malformed lines are skipped, never fatal.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "tiegraph/resolve/knowledge_base.h"
#include "tiegraph/status.h"

namespace tiegraph {

// "RUS" -> "RU", "" if unknown.
using Iso3ToIso2 = std::function<std::string(std::string_view)>;

// Parses a Phoenix actors file's text. `file_name` picks the default type:
// "International" -> organisations, "MilNonState" -> armed groups, else people
// unless the phrase names an organisation (ministry, party, council, ...).
std::vector<KbEntry> ReadPhoenixActors(std::string_view text, std::string_view file_name, const Iso3ToIso2& iso2);

// Parses a Party Facts family CSV (header row decides the columns).
std::vector<KbEntry> ReadPartyFactsCsv(std::string_view text, const Iso3ToIso2& iso2);

// Reads `path` and dispatches on its name: *.actors.txt or *.csv.
Result<std::vector<KbEntry>> ReadExtraFile(const std::string& path, const Iso3ToIso2& iso2);

// False for aliases too ambiguous to index from an extra source: a single word
// of fewer than 4 letters, a number, or a common English / generic political
// word ("Union", "Labour", "Party"); a phrase made only of such words.
bool KeepExtraAlias(std::string_view alias);

// "VLADIMIR_PUTIN_" -> "Vladimir Putin"; "U.S._FEDERAL_RESERVE" -> "U.S. Federal Reserve".
std::string PhoenixPhraseToName(std::string_view phrase);

// Splits one CSV line-aware record set into rows of fields (RFC 4180 quotes).
std::vector<std::vector<std::string>> ParseCsv(std::string_view text);

}  // namespace tiegraph
