// KnowledgeBase: the actors tiegraph knows before reading any article.
//
// Loaded from the curated TSV files of data/kb/ (countries.tsv, people.tsv,
// organizations.tsv; format in docs/kb.md) plus optional large, noisy extra
// files (PETRARCH2 Phoenix *.actors.txt, Party Facts *.csv; kb_loaders.h).
// Curated entries always win: an extra entry never replaces one, and an alias
// that a curated entry owns is never indexed for an extra entry.
//
// Aliases are matched on a normalised key: diacritics stripped, curly quotes
// and dashes made straight, case folded, a leading "the" ignored (unless the
// alias is written with a capital "The": "The Sun", "The Hague"), spaces next
// to punctuation ignored ("U.S." == "U.S" "."). Case still matters where the
// alias has it: an all-capitals word ("US", "RT") must be all capitals in the
// text, a capitalised word ("Labour") must be capitalised. Immutable after
// Load; all lookups are const and safe from many threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tiegraph/status.h"
#include "tiegraph/text/document.h"

namespace tiegraph {

// One dated role: "president@RU:2000-2008" -> {president, RU, 2000, 2008}.
// from/to are years or ISO dates as written; "" = open.
struct KbRole {
  std::string role;
  std::string org_or_country;  // ISO-2 country code or an organisation's KB id
  std::string from, to;
};

struct KbEntry {
  std::string id;                    // unique: "RU", "vladimir-putin", "nato", "phoenix:...", "partyfacts:123"
  std::string name;                  // canonical display name
  ActorType type = ActorType::kPerson;
  std::string kind;                  // country | person | party | state_media | media | agency | intl |
                                     // company | bank | ngo | government_body | armed_group | org
  std::string country;               // ISO-2, "" for international bodies / unknown
  char gender = 0;                   // 'm', 'f', 0 unknown (people only)
  std::vector<std::string> aliases;  // other names (not including `name`)
  std::vector<KbRole> roles;
  // Countries only.
  std::string iso3;
  std::vector<std::string> demonyms;  // "Russian", "Russians"
  std::vector<std::string> metonyms;  // capital first, then "the Kremlin", ...
  std::string source;                 // "curated", "phoenix", "partyfacts"
  bool curated() const { return source == "curated"; }
};

class KnowledgeBase {
 public:
  // Reads kb_dir/{countries,people,organizations}.tsv (each optional, but at
  // least one must exist) and then each extra file (*.actors.txt = Phoenix,
  // *.csv = Party Facts). Malformed curated lines are errors naming file:line;
  // malformed extra lines are skipped.
  static Result<KnowledgeBase> Load(const std::string& kb_dir, const std::vector<std::string>& extra_files);

  // Builds from entries already in memory (tests, `tiegraph kb import`).
  // Curated entries (source "curated") must have unique ids.
  static Result<KnowledgeBase> FromEntries(std::vector<KbEntry> entries);

  // How a match was made.
  enum class Via : uint8_t { kName, kDemonym, kMetonym };
  struct Match {
    int entry = -1;   // index into entries(), -1 = none
    int tokens = 0;   // tokens consumed, including a leading "the"
    Via via = Via::kName;
  };
  // Longest alias (name, demonym, capital or metonym) that starts at
  // tokens[first]. Aliases that own their article ("The Sun") need it; else a
  // leading "the"/"The" is optional, and counted for countries
  // and organisations ("the Kremlin" = 2 tokens); at a "the" before a person or
  // a demonym there is no match (match at the next token instead). A final
  // possessive ("Putin's" as one token) is tolerated.
  Match LongestMatch(const std::vector<std::string_view>& tokens, size_t first) const;

  // Entry whose name or alias equals `name` after normalisation (any case).
  const KbEntry* FindByName(std::string_view name) const;
  // People whose last name token is `surname` (normalised), curated first.
  std::vector<const KbEntry*> FindBySurname(std::string_view surname) const;

  // "Russian", "Russians" -> "RU"; "" if not a demonym.
  std::string CountryOfDemonym(std::string_view word) const;
  // "Moscow", "the Kremlin", "Russia", "the Russian Federation" -> "RU"; "" if none.
  std::string CountryOfCapitalOrMetonym(std::string_view phrase) const;
  const KbEntry* Country(std::string_view iso2) const;
  // "RUS" -> "RU"; "" if unknown.
  std::string Iso2OfIso3(std::string_view iso3) const;
  const KbEntry* FindById(std::string_view id) const;

  const std::vector<KbEntry>& entries() const { return entries_; }
  size_t CountBySource(std::string_view source) const;

  // Lowercased phrases for the NER gazetteer: 'L' country names, aliases,
  // capitals and metonyms; 'O' organisations; 'P' people. Unique, sorted.
  std::vector<std::pair<std::string, char>> GazetteerPhrases() const;

 private:
  struct AliasRef {
    int entry;
    Via via;
    std::string cased;  // the alias, folded but with its case, for the case check
    bool article;       // written with a lowercase "the" ("the Kremlin")
  };
  struct Node {
    std::vector<AliasRef> refs;  // curated before extra
    bool prefix = false;         // some longer key starts with this one
  };
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using KeyMap = std::unordered_map<std::string, Node, StringHash, std::equal_to<>>;
  using IndexMap = std::unordered_map<std::string, std::vector<int>, StringHash, std::equal_to<>>;

  KnowledgeBase() = default;
  Status Index();
  void AddAlias(int entry, std::string_view alias, Via via);
  const AliasRef* Lookup(std::string_view key, std::string_view cased, bool require_name) const;
  Match MatchFrom(const std::vector<std::string_view>& tokens, size_t start, bool* article) const;

  std::vector<KbEntry> entries_;
  KeyMap keys_;
  IndexMap by_surname_;
  IndexMap by_id_;
  std::unordered_map<std::string, std::string> iso3_to_iso2_;
  size_t max_pieces_ = 0;
};

// The normalisation of alias keys, exposed for tests and the resolver:
// "the  Élysée’s" -> "elysee's"; "U.S ." -> "u.s."; lower = false keeps case.
std::string KbFold(std::string_view text, bool lower);
std::string KbKey(std::string_view phrase);

}  // namespace tiegraph
