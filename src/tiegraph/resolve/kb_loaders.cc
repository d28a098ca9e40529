#include "tiegraph/resolve/kb_loaders.h"
#include "tiegraph/text/ascii.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace tiegraph {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}


// Words too common or too generic to name one actor on their own.
const std::unordered_set<std::string_view>& CommonWords() {
  static const std::unordered_set<std::string_view> words = {
      "a", "about", "above", "across", "action", "after", "again", "against", "age", "agency", "ago", "agreement",
      "aid", "air", "all", "alliance", "also", "alternative", "always", "am", "among", "an", "and", "another", "any",
      "are", "area", "army", "around", "as", "assembly", "association", "at", "authority", "away", "back", "bank",
      "be", "because", "been", "before", "being", "best", "between", "big", "black", "bloc", "blue", "board", "body",
      "both", "bridge", "brother", "brothers", "but", "by", "call", "came", "can", "capital", "care", "case", "center",
      "central", "centre", "change", "christian", "citizens", "city", "civic", "civil", "club", "coalition", "come",
      "commission", "committee", "common", "communist", "communists", "community", "company", "congress",
      "conservative", "conservatives", "constitution", "could", "council", "country", "court", "cross", "day",
      "dawn", "democracy", "democrat", "democratic", "democrats", "development", "did", "direction", "do", "does",
      "down", "each", "east", "ecology", "economy", "either", "else", "energy", "equality", "even", "every",
      "evolution", "family", "farmers", "federal", "federation", "first", "for", "force", "forces", "forum", "forward",
      "free", "freedom", "from", "front", "fund", "future", "general", "get", "give", "go", "good", "government",
      "great", "green", "greens", "group", "had", "has", "have", "he", "health", "her", "here", "him", "his", "home",
      "hope", "house", "how", "i", "if", "in", "independence", "independent", "independents", "initiative", "into",
      "is", "it", "its", "just", "justice", "know", "labor", "labour", "land", "last", "law", "league", "left",
      "liberal", "liberals", "liberty", "life", "like", "list", "long", "made", "make", "man", "many", "march",
      "may", "me", "media", "might", "military", "ministry", "more", "most", "motherland", "move", "movement", "much",
      "must", "my", "nation", "national", "nationalist", "nationalists", "network", "new", "news", "next", "no",
      "north", "not", "now", "of", "office", "old", "on", "one", "only", "or", "order", "other", "our", "out",
      "over", "own", "parliament", "part", "party", "path", "patriots", "peace", "people", "peoples", "platform",
      "police", "popular", "power", "progress", "progressive", "progressives", "public", "radical", "rally", "red",
      "reform", "reformers", "renewal", "republic", "republican", "republicans", "resistance", "revival", "right",
      "rise", "same", "say", "security", "see", "senate", "service", "she", "should", "social", "socialist",
      "socialists", "society", "solidarity", "some", "south", "state", "still", "such", "take", "than", "that",
      "the", "their", "them", "then", "there", "these", "they", "third", "this", "those", "through", "time", "to",
      "today", "together", "too", "trade", "truth", "two", "under", "union", "unity", "up", "us", "very", "voice",
      "want", "was", "way", "we", "well", "were", "west", "what", "when", "where", "which", "while", "white",
      "who", "why", "will", "with", "women", "work", "workers", "world", "would", "year", "yes", "you", "young",
      "youth", "your", "others", "other", "none", "various", "unknown", "independent", "nonpartisan", "vote",
      "victory", "unity", "sovereignty", "homeland", "fatherland", "revolution", "revolutionary", "agrarian",
      "pirates", "pirate", "center", "centrist", "centre", "moderates", "moderate", "humanist", "ecologist",
      "ecologists", "environmental", "people's", "workers'", "king", "queen", "president", "minister", "prime",
      "secretary", "chairman", "leader", "mayor", "governor", "senator", "general", "colonel", "sheikh", "prince",
      "church", "bishop", "pope", "imam", "emir", "sultan", "officials", "official", "spokesman", "ambassador",
      "america", "europe", "africa", "asia", "god", "allah", "jesus", "islam", "muslim", "muslims", "jewish",
      "catholic", "orthodox", "gold", "oil", "gas", "water", "sun", "star", "light", "rock", "stone", "hill",
      "field", "king's", "post", "times", "mail", "daily", "tribune", "herald", "guardian", "observer", "express",
      "journal", "press", "voice", "echo", "mirror", "standard", "sun", "globe", "nation", "reporter", "start",
      "snap", "link", "accord", "growth", "frontier", "oath", "hats", "everybody", "thus", "foundation",
      "organization", "organisation", "zero", "olive", "tigers", "brown", "rice", "bush", "young", "price", "hunt",
      "cook", "rich", "little", "love", "bell", "moon", "will", "wolf", "fox", "lion", "eagle", "hawk", "dove",
      "brave", "bold", "just", "fair", "open", "clean", "safe", "strong", "smart", "happy", "real", "true",
      "christ", "sunni", "shia", "shiite", "kurds", "arabs", "inuit", "roma", "greek", "latin", "global",
      "international", "regional", "local", "urban", "rural", "modern", "liberty", "option", "choice", "alliance"};
  return words;
}

// Splits into alphanumeric words (bytes >= 0x80 count as letters).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (IsAsciiAlpha(c) || IsAsciiDigit(c) || u >= 0x80 || c == '\'') {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool IsFunctionWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> words = {
      "of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "la", "las", "los", "le", "les", "al",
      "el", "von", "van", "der", "den", "du", "des", "da", "do", "dos", "das", "y", "e", "et", "di", "bin",
      "ibn", "a", "an", "by", "with", "against", "from"};
  return words.count(lower) > 0;
}

bool HasVowel(std::string_view w) {
  for (char c : w) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y') return true;
  }
  return false;
}

bool IsSingleWord(std::string_view s) { return Words(s).size() == 1 && s.find(' ') == std::string_view::npos; }

// "NWSC", "PASOK": four or more letters, all capitals.
bool IsAcronym(std::string_view s) {
  size_t letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 4;
}

// Phoenix rows for offices rather than people: "President of the United States".
bool StartsWithTitle(std::string_view name) {
  static const std::unordered_set<std::string_view> titles = {
      "president", "prime", "minister", "secretary", "chairman", "chairwoman", "king", "queen", "prince",
      "princess", "leader", "head", "chief", "governor", "mayor", "ambassador", "spokesman", "spokeswoman",
      "deputy", "vice", "foreign", "defense", "defence", "interior", "senior", "former", "un", "u.n.", "general",
      "commander", "director", "envoy", "speaker"};
  size_t sp = name.find(' ');
  return titles.count(AsciiLower(name.substr(0, sp))) > 0;
}

// "19970101" / "970101" -> "1997-01-01"; "" if malformed.
std::string PhoenixDate(std::string_view d) {
  for (char c : d)
    if (!IsAsciiDigit(c)) return "";
  std::string year, rest;
  if (d.size() == 8) {
    year = std::string(d.substr(0, 4));
    rest = std::string(d.substr(4));
  } else if (d.size() == 6) {
    int yy = (d[0] - '0') * 10 + (d[1] - '0');
    year = (yy <= 30 ? "20" : "19") + std::string(d.substr(0, 2));
    rest = std::string(d.substr(2));
  } else {
    return "";
  }
  return year + "-" + rest.substr(0, 2) + "-" + rest.substr(2, 2);
}

struct PhoenixCode {
  std::string country;  // ISO-2 or ""
  std::string head;     // "RUS", "IGO", "NGO", "MNC", ...
  std::string sector;   // lowercase rest: "gov", "eli", "uno"
};

PhoenixCode ParsePhoenixCode(std::string_view code, const Iso3ToIso2& iso2) {
  PhoenixCode out;
  if (code.size() < 3) return out;
  out.head = std::string(code.substr(0, 3));
  std::string_view rest = code.substr(3);
  if (out.head == "IGO" || out.head == "NGO" || out.head == "MNC") {
    if (rest.size() >= 3) {
      std::string c = iso2(rest.substr(0, 3));
      if (!c.empty()) {
        out.country = c;
        rest = rest.substr(3);
      }
    }
  } else {
    out.country = iso2(out.head);
  }
  out.sector = AsciiLower(rest);
  return out;
}

bool NamesOrganization(std::string_view upper_phrase) {
  static const char* kOrgWords[] = {
      "MINISTRY", "DEPARTMENT", "COUNCIL", "ASSEMBLY", "PARLIAMENT", "PARTY", "COMMITTEE", "COMMISSION", "BUREAU",
      "AGENCY", "OFFICE", "COURT", "BANK", "RESERVE", "ARMY", "FORCE", "POLICE", "UNION", "FRONT", "MOVEMENT",
      "ALLIANCE", "ORGANIZATION", "ORGANISATION", "FEDERATION", "SERVICE", "INSTITUTE", "CORPORATION", "COMPANY",
      "GOVERNMENT", "CONGRESS", "SENATE", "CABINET", "AUTHORITY", "ASSOCIATION", "COALITION", "LEAGUE", "SOCIETY",
      "BOARD", "TRIBUNAL", "DUMA", "NAVY", "GUARD", "BRIGADE", "CHAMBER", "NETWORK", "AIRLINES", "UNIVERSITY",
      "TELEVISION", "RADIO", "NEWS", "AGENCY", "CORPS", "MILITIA", "COUNCIL", "DIRECTORATE", "ADMINISTRATION",
      "SECRETARIAT", "PRESIDENCY", "KAMMER", "BUNDES", "REPUBLIC", "STATE_", "GROUP", "INC", "CORP", "LTD"};
  for (const char* w : kOrgWords)
    if (upper_phrase.find(w) != std::string_view::npos) return true;
  return false;
}

std::string Slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAsciiAlpha(c) || IsAsciiDigit(c)) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

void AddUniqueAlias(KbEntry& e, std::string alias) {
  std::string_view t = Trim(alias);
  // Stray brackets and separators left by the sources: "[Liberal", "Anarchists,_The".
  while (!t.empty() && (t.front() == '[' || t.front() == '(' || t.front() == ',' || t.front() == '-')) t = Trim(t.substr(1));
  while (!t.empty() && (t.back() == ']' || t.back() == ',' || t.back() == '-')) t = Trim(t.substr(0, t.size() - 1));
  if (t.find('[') != std::string_view::npos || t.find(']') != std::string_view::npos) return;
  if (t.empty() || t == e.name) return;
  if (!KeepExtraAlias(t)) return;
  for (const auto& a : e.aliases)
    if (a == t) return;
  e.aliases.emplace_back(t);
}

// Splits "A / B; C" alternatives.
std::vector<std::string> SplitAlternatives(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    bool sep = i == s.size() || s[i] == ';' || (s[i] == '/' && i > 0 && i + 1 < s.size() && s[i - 1] == ' ' && s[i + 1] == ' ');
    if (sep) {
      std::string_view part = Trim(s.substr(start, i - start));
      // Drop "Pashto: ..." style language labels.
      size_t colon = part.find(": ");
      if (colon != std::string_view::npos && colon < 20) part = Trim(part.substr(colon + 2));
      if (!part.empty()) out.emplace_back(part);
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

std::string PhoenixPhraseToName(std::string_view phrase) {
  std::string s(Trim(phrase));
  for (char& c : s)
    if (c == '_') c = ' ';
  // Drop parenthesised parts.
  std::string cleaned;
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    else if (c == ')') depth = std::max(0, depth - 1);
    else if (depth == 0) cleaned += c;
  }
  std::string out;
  std::istringstream in(cleaned);
  std::string word;
  while (in >> word) {
    std::string lower = AsciiLower(word);
    std::string w;
    bool acronym = word.find('.') != std::string::npos || (!HasVowel(word) && word.size() >= 2);
    if (IsFunctionWord(lower) && !out.empty()) {
      w = lower;
    } else if (acronym) {
      w = word;
    } else {
      w = lower;
      for (char& c : w) {
        if (IsAsciiAlpha(c)) {
          c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          break;
        }
        if (static_cast<unsigned char>(c) >= 0x80) break;
      }
    }
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool KeepExtraAlias(std::string_view alias) {
  std::vector<std::string> words = Words(alias);
  if (words.empty()) return false;
  bool all_common = true;
  for (const auto& w : words) {
    std::string l = AsciiLower(w);
    bool digits = std::all_of(l.begin(), l.end(), [](char c) { return IsAsciiDigit(c); });
    if (!digits && !CommonWords().count(l) && !IsFunctionWord(l)) {
      all_common = false;
      break;
    }
  }
  if (all_common) return false;
  // A lowercase ASCII phrase ("ethnic") is a description, not a name.
  bool upper_or_foreign = false;
  for (char c : alias)
    if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) upper_or_foreign = true;
  if (!upper_or_foreign) return false;
  if (words.size() == 1) {
    size_t letters = 0;
    for (char c : words[0])
      if (IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80) ++letters;
    if (letters < 4) return false;  // "SPD", "PS", "ER": curated entries carry the well-known ones
  }
  return true;
}

std::vector<KbEntry> ReadPhoenixActors(std::string_view text, std::string_view file_name, const Iso3ToIso2& iso2) {
  const bool international = file_name.find("International") != std::string_view::npos;
  const bool armed = file_name.find("MilNonState") != std::string_view::npos;
  std::vector<KbEntry> out;
  std::unordered_map<std::string, size_t> by_id;

  struct Pending {
    std::string primary;  // raw phrase
    std::vector<std::string> synonyms;
    std::string default_code;
    std::vector<std::pair<std::string, std::string>> dated;  // code, restriction
  } cur;
  bool have = false;

  auto flush = [&]() {
    if (!have) return;
    have = false;
    std::string name = PhoenixPhraseToName(cur.primary);
    if (name.empty()) return;
    std::string upper = cur.primary;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    KbEntry e;
    e.name = name;
    e.source = "phoenix";
    std::string code = cur.default_code;
    if (code.empty() && !cur.dated.empty()) code = cur.dated.back().first;
    PhoenixCode pc = ParsePhoenixCode(code, iso2);
    // Rows whose codes are all bare country or territory codes ("IRAQ_ [IRQ]",
    // "GUADELOUPE_ [GLP]") are places; their synonyms are cities and regions.
    auto is_place_code = [&](const std::string& c) {
      PhoenixCode p = ParsePhoenixCode(c, iso2);
      return c.size() == 3 && p.head != "IGO" && p.head != "NGO" && p.head != "MNC";
    };
    bool place = !code.empty() && is_place_code(cur.default_code.empty() ? code : cur.default_code);
    for (const auto& d : cur.dated)
      if (!is_place_code(d.first)) place = false;
    if (place && !international) return;
    if (StartsWithTitle(name)) return;
    if (IsSingleWord(name) && !international) return;  // "Khalid", "Olive": first names and fragments
    e.country = pc.country;
    for (const auto& [c, restriction] : cur.dated) {
      PhoenixCode rc = ParsePhoenixCode(c, iso2);
      KbRole role;
      role.role = rc.sector.empty() ? AsciiLower(rc.head) : rc.sector;
      role.org_or_country = rc.country.empty() ? c : rc.country;
      std::string_view r = restriction;
      if (!r.empty() && r[0] == '>') role.from = PhoenixDate(r.substr(1));
      else if (!r.empty() && r[0] == '<') role.to = PhoenixDate(r.substr(1));
      else if (size_t dash = r.find('-'); dash != std::string_view::npos) {
        role.from = PhoenixDate(r.substr(0, dash));
        role.to = PhoenixDate(r.substr(dash + 1));
      }
      e.roles.push_back(std::move(role));
      if (e.country.empty() && !rc.country.empty()) e.country = rc.country;
    }
    bool has_dates = false;
    for (const auto& d : cur.dated)
      if (!d.second.empty()) has_dates = true;
    if (armed) {
      e.type = ActorType::kOrganization;
      e.kind = "armed_group";
    } else if (international) {
      bool person = has_dates && !NamesOrganization(upper);
      e.type = person ? ActorType::kPerson : ActorType::kOrganization;
      if (person) e.kind = "person";
      else if (pc.head == "IGO") e.kind = "intl";
      else if (pc.head == "NGO") e.kind = "ngo";
      else if (pc.head == "MNC") e.kind = "company";
      else e.kind = "org";
    } else {
      size_t words = Words(name).size();
      bool org = NamesOrganization(upper) || words < 2;
      e.type = org ? ActorType::kOrganization : ActorType::kPerson;
      if (!org) e.kind = "person";
      else if (pc.sector.find("med") != std::string::npos) e.kind = "media";
      else if (pc.sector.find("gov") != std::string::npos || pc.sector.find("leg") != std::string::npos)
        e.kind = "government_body";
      else if (pc.sector.find("pty") != std::string::npos) e.kind = "party";
      else e.kind = "org";
    }
    if (!KeepExtraAlias(name)) return;  // the primary phrase itself is too generic
    e.id = "phoenix:" + Slug(name);
    // One-word synonyms of people and armed groups only as the name's last word ("Medvedev").
    std::string last_word;
    if (size_t sp = name.find_last_of(' '); sp != std::string::npos) last_word = AsciiLower(name.substr(sp + 1));
    for (const auto& s : cur.synonyms) {
      std::string alias = PhoenixPhraseToName(s);
      if (!international && IsSingleWord(alias) && AsciiLower(alias) != last_word) continue;
      AddUniqueAlias(e, std::move(alias));
    }
    // A one-word parenthesised acronym: "(AAIA)".
    size_t open = cur.primary.find('('), close = cur.primary.find(')');
    if (open != std::string::npos && close != std::string::npos && close > open + 1) {
      std::string acr = cur.primary.substr(open + 1, close - open - 1);
      if (acr.find('_') == std::string::npos) AddUniqueAlias(e, acr);
    }
    if (auto it = by_id.find(e.id); it != by_id.end()) {
      KbEntry& prev = out[it->second];
      for (auto& a : e.aliases) AddUniqueAlias(prev, std::move(a));
      for (auto& r : e.roles) prev.roles.push_back(std::move(r));
      return;
    }
    by_id[e.id] = out.size();
    out.push_back(std::move(e));
  };

  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    bool indented = !line.empty() && (line[0] == '\t' || line[0] == ' ');
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    if (size_t semi = line.find(';'); semi != std::string_view::npos) line = line.substr(0, semi);
    line = Trim(line);
    if (line.empty()) continue;
    // Codes on this line: [CODE] or [CODE restriction].
    std::vector<std::pair<std::string, std::string>> codes;
    std::string_view phrase = line;
    if (size_t lb = line.find('['); lb != std::string_view::npos) {
      phrase = Trim(line.substr(0, lb));
      size_t p = lb;
      while (p != std::string_view::npos && p < line.size()) {
        size_t rb = line.find(']', p);
        if (rb == std::string_view::npos) break;
        std::string_view inner = Trim(line.substr(p + 1, rb - p - 1));
        size_t sp = inner.find(' ');
        std::string c(inner.substr(0, sp));
        std::string r = sp == std::string_view::npos ? "" : std::string(Trim(inner.substr(sp + 1)));
        if (!c.empty()) codes.emplace_back(std::move(c), std::move(r));
        p = line.find('[', rb);
      }
    }
    if (indented && phrase.empty()) {
      if (!have) continue;
      for (auto& c : codes) {
        if (c.second.empty()) cur.default_code = c.first;
        else cur.dated.push_back(std::move(c));
      }
      continue;
    }
    if (line[0] == '+') {
      if (have) cur.synonyms.emplace_back(Trim(phrase.substr(1)));
      continue;
    }
    flush();
    cur = Pending{};
    have = true;
    cur.primary = std::string(phrase);
    for (auto& c : codes) {
      if (c.second.empty()) cur.default_code = c.first;
      else cur.dated.push_back(std::move(c));
    }
  }
  flush();
  return out;
}

std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<KbEntry> ReadPartyFactsCsv(std::string_view text, const Iso3ToIso2& iso2) {
  std::vector<KbEntry> out;
  auto rows = ParseCsv(text);
  if (rows.empty()) return out;
  const auto& header = rows[0];
  auto col = [&](std::initializer_list<std::string_view> names) -> int {
    for (auto n : names)
      for (size_t i = 0; i < header.size(); ++i)
        if (Trim(header[i]) == n) return static_cast<int>(i);
    return -1;
  };
  if (col({"speaker"}) >= 0) return out;  // a list of MPs, not parties
  int c_country = col({"country_short", "country", "iso3country"});
  int c_pf = col({"partyfacts_id"});
  int c_party_id = col({"party_id"});
  int c_tech = col({"technical"});
  int c_english = col({"name_english", "party_name_english"});
  int c_name = col({"name", "party_name"});
  int c_short = col({"name_short", "party_name_short"});
  int c_other = col({"name_other"});
  int c_native = col({"name_native"});
  if (c_country < 0 || (c_name < 0 && c_english < 0)) return out;
  // parlgov and whogov have their own ids; prefer the Party Facts id when given.
  std::string id_prefix = c_pf >= 0 ? "partyfacts:" : (col({"family"}) >= 0 ? "parlgov:" : "whogov:");
  auto get = [](const std::vector<std::string>& r, int i) -> std::string_view {
    return i >= 0 && static_cast<size_t>(i) < r.size() ? Trim(r[i]) : std::string_view();
  };
  for (size_t ri = 1; ri < rows.size(); ++ri) {
    const auto& r = rows[ri];
    if (!get(r, c_tech).empty()) continue;
    std::string id;
    if (!get(r, c_pf).empty() && get(r, c_pf) != "NA") id = "partyfacts:" + std::string(get(r, c_pf));
    else if (!get(r, c_party_id).empty()) id = id_prefix + std::string(get(r, c_party_id));
    else continue;
    std::vector<std::string> names;
    for (int c : {c_english, c_name, c_native, c_other})
      for (auto& n : SplitAlternatives(get(r, c))) names.push_back(std::move(n));
    std::string short_name(get(r, c_short));
    if (names.empty()) continue;
    KbEntry e;
    e.id = id;
    e.source = "partyfacts";
    e.type = ActorType::kOrganization;
    e.kind = "party";
    e.country = iso2(get(r, c_country));
    // One-word names ("Accord", "Growth") are ordinary words too often; only
    // capitalised acronyms of four letters or more stand alone.
    auto usable = [](const std::string& n) { return KeepExtraAlias(n) && (!IsSingleWord(n) || IsAcronym(n)); };
    // The display name: the first English or native name that is specific enough.
    for (auto& n : names)
      if (usable(n)) {
        e.name = n;
        break;
      }
    if (e.name.empty()) continue;
    for (auto& n : names)
      if (usable(n)) AddUniqueAlias(e, n);
    if (!short_name.empty() && short_name != "NA" && usable(short_name)) AddUniqueAlias(e, short_name);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<KbEntry>> ReadExtraFile(const std::string& path, const Iso3ToIso2& iso2) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read KB extra file " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  std::string_view base = path;
  if (size_t slash = base.find_last_of('/'); slash != std::string_view::npos) base = base.substr(slash + 1);
  if (base.size() >= 11 && base.substr(base.size() - 11) == ".actors.txt") return ReadPhoenixActors(text, base, iso2);
  if (base.size() >= 4 && base.substr(base.size() - 4) == ".csv") return ReadPartyFactsCsv(text, iso2);
  return Status::InvalidInput("KB extra file " + path + ": expected *.actors.txt (Phoenix) or *.csv (Party Facts)");
}

}  // namespace tiegraph
