#include "tiegraph/resolve/knowledge_base.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

#include "tiegraph/resolve/kb_loaders.h"

namespace tiegraph {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}
bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }

// Replaces the non-ASCII characters that utf8proc's mark stripping leaves alone.
std::string ReplaceSpecials(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> kMap[] = {
      {"\xE2\x80\x99", "'"}, {"\xE2\x80\x98", "'"}, {"\xCA\xBC", "'"},   {"\xE2\x80\xB2", "'"}, {"`", "'"},
      {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x90", "-"}, {"\xE2\x80\x91", "-"},
      {"\xE2\x80\x93", "-"}, {"\xE2\x80\x94", "-"}, {"\xC2\xA0", " "},   {"\xC5\x82", "l"},   {"\xC5\x81", "L"},
      {"\xC3\xB8", "o"},     {"\xC3\x98", "O"},     {"\xC4\x91", "d"},   {"\xC4\x90", "D"},   {"\xC4\xB1", "i"},
      {"\xC3\x9F", "ss"},    {"\xC3\xA6", "ae"},    {"\xC3\x86", "AE"},  {"\xC5\x93", "oe"},  {"\xC5\x92", "OE"},
      {"\xC3\xB0", "d"},     {"\xC3\xBE", "th"},    {"\xC3\x9E", "Th"}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    bool replaced = false;
    if (static_cast<unsigned char>(s[i]) >= 0x80 || s[i] == '`') {
      for (const auto& [from, to] : kMap) {
        if (s.substr(i, from.size()) == from) {
          out += to;
          i += from.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

// Collapses whitespace: one space between two word characters, none next to punctuation.
std::string NormalizeSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space && IsWordByte(static_cast<unsigned char>(out.back())) && IsWordByte(c)) out += ' ';
    pending_space = false;
    out += ch;
  }
  return out;
}

std::string StripLeadingThe(std::string s) {
  if (s.size() > 4 && (s.compare(0, 4, "the ") == 0)) return s.substr(4);
  return s;
}

std::string StripLeadingTheCased(std::string s) {
  if (s.size() > 4 && (s.compare(0, 4, "the ") == 0 || s.compare(0, 4, "The ") == 0 || s.compare(0, 4, "THE ") == 0))
    return s.substr(4);
  return s;
}

// Alphanumeric runs of a folded string.
void SplitWords(std::string_view s, std::vector<std::string_view>* out) {
  out->clear();
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsWordByte(static_cast<unsigned char>(s[i]))) ++i;
    size_t start = i;
    while (i < s.size() && IsWordByte(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) out->push_back(s.substr(start, i - start));
  }
}

// The text's words must carry the alias's capitals (see the header).
bool CaseCompatible(std::string_view alias_cased, std::string_view text_cased) {
  std::vector<std::string_view> a, t;
  SplitWords(alias_cased, &a);
  SplitWords(text_cased, &t);
  if (a.size() != t.size()) return true;
  for (size_t i = 0; i < a.size(); ++i) {
    // "the New York Times" may drop the capital of its article; "The Sun" may not.
    if (i == 0 && a.size() >= 3 && a[0] == "The") continue;
    int upper = 0, lower = 0;
    for (char c : a[i]) {
      if (IsUpper(static_cast<unsigned char>(c))) ++upper;
      else if (IsLower(static_cast<unsigned char>(c))) ++lower;
    }
    if (upper >= 2 && lower == 0) {
      for (char c : t[i])
        if (IsLower(static_cast<unsigned char>(c))) return false;
    } else if (IsUpper(static_cast<unsigned char>(a[i][0]))) {
      if (IsLower(static_cast<unsigned char>(t[i][0]))) return false;
    }
  }
  return true;
}

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && IsSpace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitList(std::string_view field) {
  std::vector<std::string> out;
  for (auto part : SplitOn(field, '|')) {
    part = Trim(part);
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

const std::set<std::string, std::less<>>& OrgKinds() {
  static const std::set<std::string, std::less<>> kinds = {"party", "state_media", "media", "agency", "intl",
                                                            "company", "bank", "ngo", "government_body",
                                                            "armed_group", "org"};
  return kinds;
}

// "president@RU:2000-2008", "member@united-russia", "minister@FR:2017-05-14..2022-05-20".
bool ParseRole(std::string_view text, KbRole* role) {
  size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  role->role = std::string(Trim(text.substr(0, at)));
  std::string_view rest = text.substr(at + 1);
  size_t colon = rest.find(':');
  role->org_or_country = std::string(Trim(rest.substr(0, colon)));
  if (role->org_or_country.empty()) return false;
  if (colon == std::string_view::npos) return true;
  std::string_view range = Trim(rest.substr(colon + 1));
  size_t sep = range.find("..");
  size_t sep_len = 2;
  if (sep == std::string_view::npos) {
    sep = range.find('-');
    sep_len = 1;
  }
  if (sep == std::string_view::npos) {
    role->from = std::string(range);
  } else {
    role->from = std::string(Trim(range.substr(0, sep)));
    role->to = std::string(Trim(range.substr(sep + sep_len)));
  }
  auto valid = [](const std::string& d) {
    if (d.empty()) return true;
    if (d.size() < 4) return false;
    for (size_t i = 0; i < 4; ++i)
      if (d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  return valid(role->from) && valid(role->to) && !(role->from.empty() && role->to.empty() && sep == std::string_view::npos);
}

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  *out = buf.str();
  return Status::Ok();
}

// Calls fn(line_number, columns) for each data line of a TSV file.
template <typename Fn>
Status ForEachTsvRow(const std::string& path, const std::string& text, size_t min_columns, Fn fn) {
  size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols = SplitOn(line, '\t');
    if (cols.size() < min_columns)
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": expected " + std::to_string(min_columns) +
                                " tab-separated columns, got " + std::to_string(cols.size()));
    for (auto& c : cols) c = Trim(c);
    Status s = fn(line_no, cols);
    if (!s.ok()) return Status::Corruption(path + ":" + std::to_string(line_no) + ": " + s.message());
  }
  return Status::Ok();
}

Status LoadCountries(const std::string& path, const std::string& text, std::vector<KbEntry>* out) {
  return ForEachTsvRow(path, text, 3, [&](size_t, const std::vector<std::string_view>& c) {
    KbEntry e;
    if (c[0].size() != 2) return Status::InvalidInput("iso2 must have 2 letters: " + std::string(c[0]));
    e.id = std::string(c[0]);
    e.country = e.id;
    e.iso3 = std::string(c[1]);
    e.name = std::string(c[2]);
    if (e.name.empty()) return Status::InvalidInput("empty name");
    e.type = ActorType::kCountry;
    e.kind = "country";
    e.source = "curated";
    if (c.size() > 3) e.aliases = SplitList(c[3]);
    if (c.size() > 4) e.demonyms = SplitList(c[4]);
    if (c.size() > 5 && !c[5].empty()) e.metonyms.emplace_back(c[5]);
    if (c.size() > 6)
      for (auto& m : SplitList(c[6])) e.metonyms.push_back(std::move(m));
    out->push_back(std::move(e));
    return Status::Ok();
  });
}

Status LoadPeople(const std::string& path, const std::string& text, std::vector<KbEntry>* out) {
  return ForEachTsvRow(path, text, 4, [&](size_t, const std::vector<std::string_view>& c) {
    KbEntry e;
    e.id = std::string(c[0]);
    e.name = std::string(c[1]);
    if (e.id.empty() || e.name.empty()) return Status::InvalidInput("empty id or name");
    e.aliases = SplitList(c[2]);
    if (c[3] == "m" || c[3] == "f") e.gender = c[3][0];
    else if (!c[3].empty()) return Status::InvalidInput("gender must be m, f or empty: " + std::string(c[3]));
    if (c.size() > 4) e.country = std::string(c[4]);
    if (c.size() > 5) {
      for (auto& r : SplitList(c[5])) {
        KbRole role;
        if (!ParseRole(r, &role)) return Status::InvalidInput("bad role '" + r + "' (want role@ORG[:from-to])");
        e.roles.push_back(std::move(role));
      }
    }
    e.type = ActorType::kPerson;
    e.kind = "person";
    e.source = "curated";
    out->push_back(std::move(e));
    return Status::Ok();
  });
}

Status LoadOrganizations(const std::string& path, const std::string& text, std::vector<KbEntry>* out) {
  return ForEachTsvRow(path, text, 4, [&](size_t, const std::vector<std::string_view>& c) {
    KbEntry e;
    e.id = std::string(c[0]);
    e.name = std::string(c[1]);
    if (e.id.empty() || e.name.empty()) return Status::InvalidInput("empty id or name");
    e.aliases = SplitList(c[2]);
    e.kind = std::string(c[3]);
    if (!OrgKinds().count(e.kind)) return Status::InvalidInput("unknown kind '" + e.kind + "'");
    if (c.size() > 4) e.country = std::string(c[4]);
    e.type = ActorType::kOrganization;
    e.source = "curated";
    out->push_back(std::move(e));
    return Status::Ok();
  });
}

}  // namespace

std::string KbFold(std::string_view text, bool lower) {
  bool ascii = true;
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80 || c == '`') {
      ascii = false;
      break;
    }
  std::string s;
  if (ascii) {
    // Fast path for the common case: one ASCII word.
    bool plain = true;
    for (char c : text)
      if (IsSpace(static_cast<unsigned char>(c))) {
        plain = false;
        break;
      }
    if (plain) {
      s.assign(text);
      if (lower)
        for (char& c : s)
          if (IsUpper(static_cast<unsigned char>(c))) c = static_cast<char>(c - 'A' + 'a');
      return s;
    }
    s.assign(text);
  } else {
    s = ReplaceSpecials(text);
    utf8proc_uint8_t* mapped = nullptr;
    int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                      static_cast<utf8proc_ssize_t>(s.size()), &mapped,
                                      static_cast<utf8proc_option_t>(options));
    if (n >= 0 && mapped) s.assign(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
    std::free(mapped);
    if (lower) {
      // Case-fold what is still non-ASCII (Cyrillic, Greek, ...).
      bool still = false;
      for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) still = true;
      if (still) {
        mapped = nullptr;
        n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                         &mapped, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
        if (n >= 0 && mapped) s.assign(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
        std::free(mapped);
      }
    }
  }
  if (lower)
    for (char& c : s)
      if (IsUpper(static_cast<unsigned char>(c))) c = static_cast<char>(c - 'A' + 'a');
  return NormalizeSpaces(s);
}

std::string KbKey(std::string_view phrase) { return StripLeadingThe(KbFold(phrase, true)); }

namespace {
// An alias written with a capital "The" owns its article ("The Sun", "The
// Hague"); one written "the Kremlin" does not.
bool OwnsArticle(std::string_view alias) {
  alias = Trim(alias);
  return alias.size() > 4 && alias.compare(0, 4, "The ") == 0;
}
std::string AliasKey(std::string_view alias) {
  return OwnsArticle(alias) ? KbFold(alias, true) : KbKey(alias);
}
}  // namespace

Result<KnowledgeBase> KnowledgeBase::Load(const std::string& kb_dir, const std::vector<std::string>& extra_files) {
  std::vector<KbEntry> entries;
  int found = 0;
  struct FileSpec {
    const char* name;
    Status (*load)(const std::string&, const std::string&, std::vector<KbEntry>*);
  };
  const FileSpec specs[] = {{"countries.tsv", LoadCountries},
                            {"organizations.tsv", LoadOrganizations},
                            {"people.tsv", LoadPeople}};
  for (const auto& spec : specs) {
    std::string path = kb_dir + "/" + spec.name;
    std::string text;
    if (!ReadFile(path, &text).ok()) continue;
    ++found;
    Status s = spec.load(path, text, &entries);
    if (!s.ok()) return s;
  }
  if (found == 0) return Status::NotFound("no knowledge base files (countries.tsv, people.tsv, organizations.tsv) in " + kb_dir);

  std::unordered_map<std::string, std::string> iso3;
  for (const auto& e : entries)
    if (e.type == ActorType::kCountry && !e.iso3.empty()) iso3[e.iso3] = e.id;
  Iso3ToIso2 to_iso2 = [&iso3](std::string_view code) -> std::string {
    auto it = iso3.find(std::string(code));
    return it == iso3.end() ? std::string() : it->second;
  };
  for (const auto& path : extra_files) {
    Result<std::vector<KbEntry>> extra = ReadExtraFile(path, to_iso2);
    if (!extra.ok()) return extra.status();
    for (auto& e : extra.value()) entries.push_back(std::move(e));
  }
  return FromEntries(std::move(entries));
}

Result<KnowledgeBase> KnowledgeBase::FromEntries(std::vector<KbEntry> entries) {
  KnowledgeBase kb;
  // Curated first, in their given order; then extras, merged by id, minus any
  // that a curated entry already covers.
  std::stable_partition(entries.begin(), entries.end(), [](const KbEntry& e) { return e.curated(); });
  std::unordered_map<std::string, size_t> id_index;
  // Curated keys by (key) -> list of (type, country) that own them.
  std::unordered_map<std::string, std::vector<std::pair<ActorType, std::string>>> curated_keys;
  for (auto& e : entries) {
    if (e.curated()) {
      if (id_index.count(e.id)) return Status::Corruption("duplicate knowledge-base id '" + e.id + "'");
      id_index[e.id] = kb.entries_.size();
      auto own = [&](std::string_view a) { curated_keys[AliasKey(a)].emplace_back(e.type, e.country); };
      own(e.name);
      for (const auto& a : e.aliases) own(a);
      for (const auto& a : e.metonyms) own(a);
      for (const auto& a : e.demonyms) own(a);
      kb.entries_.push_back(std::move(e));
      continue;
    }
    if (auto it = id_index.find(e.id); it != id_index.end()) {
      KbEntry& prev = kb.entries_[it->second];
      if (prev.curated()) continue;
      for (auto& a : e.aliases)
        if (a != prev.name && std::find(prev.aliases.begin(), prev.aliases.end(), a) == prev.aliases.end())
          prev.aliases.push_back(std::move(a));
      if (prev.name.empty() && !e.name.empty()) prev.name = e.name;
      continue;
    }
    // An extra that names a curated actor of the same type and country is that actor: drop it.
    bool covered = false;
    auto check = [&](std::string_view a) {
      auto it = curated_keys.find(AliasKey(a));
      if (it == curated_keys.end()) return;
      for (const auto& [type, country] : it->second)
        if (type == e.type && (country == e.country || country.empty() || e.country.empty())) covered = true;
    };
    check(e.name);
    for (const auto& a : e.aliases) check(a);
    // Nor may an extra take a curated name of another type ("Iraq", "Labour").
    if (curated_keys.count(AliasKey(e.name))) covered = true;
    if (covered) continue;
    id_index[e.id] = kb.entries_.size();
    kb.entries_.push_back(std::move(e));
  }
  Status s = kb.Index();
  if (!s.ok()) return s;
  return kb;
}

void KnowledgeBase::AddAlias(int entry, std::string_view alias, Via via) {
  std::string cased = KbFold(alias, false);
  if (!OwnsArticle(alias)) cased = StripLeadingTheCased(std::move(cased));
  std::string key = AliasKey(alias);
  if (key.empty()) return;
  auto& node = keys_[key];
  std::string_view trimmed = Trim(alias);
  bool article = trimmed.size() > 4 && trimmed.compare(0, 4, "the ") == 0;
  for (auto& r : node.refs)
    if (r.entry == entry && r.via == via && r.cased == cased) {
      r.article = r.article || article;
      return;
    }
  node.refs.push_back(AliasRef{entry, via, std::move(cased), article});
  // Mark the prefixes that end on a token boundary.
  size_t pieces = 1;
  for (size_t p = 1; p < key.size(); ++p) {
    unsigned char prev = static_cast<unsigned char>(key[p - 1]), cur = static_cast<unsigned char>(key[p]);
    if (prev == ' ') continue;
    bool boundary = cur == ' ' || !IsWordByte(prev) || !IsWordByte(cur);
    if (!boundary) continue;
    ++pieces;
    keys_[key.substr(0, p)].prefix = true;
  }
  max_pieces_ = std::max(max_pieces_, pieces);
}

Status KnowledgeBase::Index() {
  keys_.clear();
  by_surname_.clear();
  by_id_.clear();
  iso3_to_iso2_.clear();
  max_pieces_ = 0;
  const int n = static_cast<int>(entries_.size());
  keys_.reserve(static_cast<size_t>(n) * 8);
  by_id_.reserve(static_cast<size_t>(n));
  // Pass 1: curated names, then curated demonyms and metonyms.
  for (int i = 0; i < n && entries_[i].curated(); ++i) {
    AddAlias(i, entries_[i].name, Via::kName);
    for (const auto& a : entries_[i].aliases) AddAlias(i, a, Via::kName);
  }
  for (int i = 0; i < n && entries_[i].curated(); ++i) {
    for (const auto& a : entries_[i].demonyms) AddAlias(i, a, Via::kDemonym);
    for (const auto& a : entries_[i].metonyms) AddAlias(i, a, Via::kMetonym);
  }
  // Pass 2: extras, skipping keys that curated entries own and keys that
  // several extra entries share (ambiguous).
  std::unordered_map<std::string, int> extra_owner;  // key -> entry, -2 when shared
  extra_owner.reserve(static_cast<size_t>(n) * 3);
  for (int i = 0; i < n; ++i) {
    if (entries_[i].curated()) continue;
    auto note = [&](std::string_view a) {
      std::string key = AliasKey(a);
      auto [it, inserted] = extra_owner.emplace(key, i);
      if (!inserted && it->second != i) it->second = -2;
    };
    note(entries_[i].name);
    for (const auto& a : entries_[i].aliases) note(a);
  }
  for (int i = 0; i < n; ++i) {
    if (entries_[i].curated()) continue;
    auto add = [&](std::string_view a) {
      std::string key = AliasKey(a);
      auto owner = extra_owner.find(key);
      if (owner != extra_owner.end() && owner->second != i) return;
      auto it = keys_.find(key);
      if (it != keys_.end())
        for (const auto& r : it->second.refs)
          if (entries_[r.entry].curated()) return;
      AddAlias(i, a, Via::kName);
    };
    add(entries_[i].name);
    for (const auto& a : entries_[i].aliases) add(a);
  }
  for (int i = 0; i < n; ++i) {
    const KbEntry& e = entries_[i];
    by_id_[e.id].push_back(i);
    if (e.type == ActorType::kCountry && !e.iso3.empty()) iso3_to_iso2_[e.iso3] = e.id;
    if (e.type != ActorType::kPerson) continue;
    auto index_suffixes = [&](std::string_view phrase) {
      std::string key = KbKey(phrase);
      size_t sp = key.find(' ');
      while (sp != std::string::npos) {
        auto& v = by_surname_[key.substr(sp + 1)];
        if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
        sp = key.find(' ', sp + 1);
      }
    };
    index_suffixes(e.name);
    for (const auto& a : e.aliases) {
      if (a.find(' ') == std::string::npos) {
        // A one-word alias that ends the name ("Putin") is a surname.
        std::string key = KbKey(a), name_key = KbKey(e.name);
        if (name_key.size() > key.size() && name_key.compare(name_key.size() - key.size(), key.size(), key) == 0) {
          auto& v = by_surname_[key];
          if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
        }
      } else {
        index_suffixes(a);
      }
    }
  }
  return Status::Ok();
}

const KnowledgeBase::AliasRef* KnowledgeBase::Lookup(std::string_view key, std::string_view cased,
                                                     bool require_name) const {
  auto it = keys_.find(key);
  if (it == keys_.end()) return nullptr;
  for (const auto& r : it->second.refs) {
    if (require_name && r.via != Via::kName) continue;
    if (CaseCompatible(r.cased, cased)) return &r;
  }
  return nullptr;
}

KnowledgeBase::Match KnowledgeBase::MatchFrom(const std::vector<std::string_view>& tokens, size_t start,
                                              bool* article) const {
  Match best;
  *article = false;
  std::string key, cased;
  const size_t limit = std::min(tokens.size(), start + max_pieces_);
  // The cased text is built only when a key has candidates to check.
  size_t cased_upto = start;
  auto extend_cased = [&](size_t upto) {
    for (; cased_upto < upto; ++cased_upto) {
      std::string t = KbFold(tokens[cased_upto], false);
      if (t.empty()) continue;
      if (!cased.empty() && IsWordByte(static_cast<unsigned char>(cased.back())) &&
          IsWordByte(static_cast<unsigned char>(t.front())))
        cased += ' ';
      cased += t;
    }
  };
  for (size_t i = start; i < limit; ++i) {
    std::string tok_lower = KbFold(tokens[i], true);
    if (tok_lower.empty()) break;
    if (!key.empty() && IsWordByte(static_cast<unsigned char>(key.back())) &&
        IsWordByte(static_cast<unsigned char>(tok_lower.front())))
      key += ' ';
    key += tok_lower;
    auto it = keys_.find(key);
    bool matched = false;
    bool possessive = tok_lower.size() > 2 && tok_lower.compare(tok_lower.size() - 2, 2, "'s") == 0;
    if ((it != keys_.end() && !it->second.refs.empty()) || possessive) extend_cased(i + 1);
    if (it != keys_.end()) {
      for (const auto& r : it->second.refs) {
        if (CaseCompatible(r.cased, cased)) {
          best.entry = r.entry;
          best.via = r.via;
          best.tokens = static_cast<int>(i + 1 - start);
          *article = r.article;
          matched = true;
          break;
        }
      }
    }
    // "Putin's" as one token: try it without the possessive.
    if (!matched && possessive) {
      std::string_view k(key.data(), key.size() - 2), c(cased.data(), cased.size() - 2);
      if (const AliasRef* r = Lookup(k, c, false)) {
        best.entry = r->entry;
        best.via = r->via;
        best.tokens = static_cast<int>(i + 1 - start);
        *article = r->article;
      }
      break;
    }
    if (it == keys_.end() || !it->second.prefix) break;
  }
  return best;
}

KnowledgeBase::Match KnowledgeBase::LongestMatch(const std::vector<std::string_view>& tokens, size_t first) const {
  if (first >= tokens.size()) return Match{};
  // Names that own their article ("The Sun", "The Hague") match with it.
  bool article = false;
  Match with_the = MatchFrom(tokens, first, &article);
  std::string_view t = tokens[first];
  bool is_the = t.size() == 3 && (t[0] == 't' || t[0] == 'T') && (t[1] == 'h' || t[1] == 'H') &&
                (t[2] == 'e' || t[2] == 'E');
  if (!is_the) return with_the;
  // Otherwise "the" is optional, and counted for countries and organisations
  // ("the Kremlin", "the United States"), not for people, adjectives or
  // capitals ("the London office").
  Match after = MatchFrom(tokens, first + 1, &article);
  bool takes_article = after.entry >= 0 && entries_[after.entry].type != ActorType::kPerson &&
                       (after.via == Via::kName || (after.via == Via::kMetonym && article));
  if (takes_article && after.tokens + 1 > with_the.tokens) {
    after.tokens += 1;
    return after;
  }
  return with_the;
}

const KbEntry* KnowledgeBase::FindByName(std::string_view name) const {
  for (const std::string& key : {KbFold(name, true), KbKey(name)}) {
    auto it = keys_.find(key);
    if (it == keys_.end()) continue;
    for (Via want : {Via::kName, Via::kMetonym})
      for (const auto& r : it->second.refs)
        if (r.via == want) return &entries_[r.entry];
  }
  return nullptr;
}

std::vector<const KbEntry*> KnowledgeBase::FindBySurname(std::string_view surname) const {
  std::vector<const KbEntry*> out;
  auto it = by_surname_.find(KbKey(surname));
  if (it == by_surname_.end()) return out;
  for (int i : it->second) out.push_back(&entries_[i]);
  std::stable_partition(out.begin(), out.end(), [](const KbEntry* e) { return e->curated(); });
  return out;
}

std::string KnowledgeBase::CountryOfDemonym(std::string_view word) const {
  std::string cased = StripLeadingTheCased(KbFold(word, false));
  std::string key = KbKey(word);
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto it = keys_.find(key);
    if (it != keys_.end())
      for (const auto& r : it->second.refs)
        if (r.via == Via::kDemonym && CaseCompatible(r.cased, cased)) return entries_[r.entry].country;
    // "Russians" -> "Russian".
    if (key.size() < 4 || key.back() != 's') break;
    key.pop_back();
    cased.pop_back();
  }
  return "";
}

std::string KnowledgeBase::CountryOfCapitalOrMetonym(std::string_view phrase) const {
  for (int with_article = 1; with_article >= 0; --with_article) {
    std::string cased = KbFold(phrase, false);
    std::string key = KbFold(phrase, true);
    if (!with_article) {
      cased = StripLeadingTheCased(std::move(cased));
      key = StripLeadingThe(std::move(key));
    }
    auto it = keys_.find(key);
    if (it == keys_.end()) continue;
    for (const auto& r : it->second.refs) {
      const KbEntry& e = entries_[r.entry];
      if (r.via == Via::kDemonym || !CaseCompatible(r.cased, cased)) continue;
      if (r.via == Via::kMetonym || e.type == ActorType::kCountry) return e.country;
    }
  }
  return "";
}

const KbEntry* KnowledgeBase::FindById(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() || it->second.empty() ? nullptr : &entries_[it->second.front()];
}

const KbEntry* KnowledgeBase::Country(std::string_view iso2) const {
  std::string id(iso2);
  for (char& c : id)
    if (IsLower(static_cast<unsigned char>(c))) c = static_cast<char>(c - 'a' + 'A');
  const KbEntry* e = FindById(id);
  return e && e->type == ActorType::kCountry ? e : nullptr;
}

std::string KnowledgeBase::Iso2OfIso3(std::string_view iso3) const {
  auto it = iso3_to_iso2_.find(std::string(iso3));
  return it == iso3_to_iso2_.end() ? "" : it->second;
}

size_t KnowledgeBase::CountBySource(std::string_view source) const {
  return static_cast<size_t>(
      std::count_if(entries_.begin(), entries_.end(), [&](const KbEntry& e) { return e.source == source; }));
}

std::vector<std::pair<std::string, char>> KnowledgeBase::GazetteerPhrases() const {
  std::map<std::string, char> phrases;
  auto add = [&](std::string_view phrase, char type) {
    std::string key = KbKey(phrase);
    if (key.empty()) return;
    phrases.emplace(key, type);
    // Also the lowercased form that keeps its diacritics, when it differs.
    utf8proc_uint8_t* mapped = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(phrase.data()),
                                      static_cast<utf8proc_ssize_t>(phrase.size()), &mapped,
                                      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                                     UTF8PROC_CASEFOLD));
    if (n >= 0 && mapped) {
      std::string lower = StripLeadingThe(NormalizeSpaces(std::string_view(reinterpret_cast<char*>(mapped), n)));
      if (!lower.empty()) phrases.emplace(std::move(lower), type);
    }
    std::free(mapped);
  };
  for (const auto& e : entries_) {
    char type = e.type == ActorType::kCountry ? 'L' : e.type == ActorType::kOrganization ? 'O' : 'P';
    add(e.name, type);
    for (const auto& a : e.aliases) add(a, type);
    for (const auto& m : e.metonyms) add(m, 'L');
  }
  return {phrases.begin(), phrases.end()};
}

}  // namespace tiegraph
