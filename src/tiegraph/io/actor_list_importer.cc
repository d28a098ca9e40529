#include "tiegraph/io/actor_list_importer.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tiegraph/io/ftm_reader.h"
#include "tiegraph/resolve/kb_loaders.h"

namespace tiegraph {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "ru" -> "RU"; "" unless two letters.
std::string Iso2(const std::string& code) {
  std::string c = Trim(code);
  if (c.size() != 2 || !std::isalpha(static_cast<unsigned char>(c[0])) ||
      !std::isalpha(static_cast<unsigned char>(c[1])))
    return "";
  for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return c;
}

void AddAlias(KbEntry& e, const std::string& alias) {
  std::string a = Trim(alias);
  if (a.empty() || a == e.name) return;
  if (std::find(e.aliases.begin(), e.aliases.end(), a) == e.aliases.end()) e.aliases.push_back(a);
}

// Person | Organization (any FtM organisation schema); false for others.
bool ActorTypeOfSchema(const std::string& schema, ActorType* type) {
  std::string s = Lower(schema);
  if (s == "person" || s == "per") {
    *type = ActorType::kPerson;
    return true;
  }
  if (s == "organization" || s == "organisation" || s == "company" || s == "publicbody" || s == "legalentity" ||
      s == "org" || s == "party") {
    *type = ActorType::kOrganization;
    return true;
  }
  return false;
}

KbEntry NewEntry(std::string id, std::string name, ActorType type) {
  KbEntry e;
  e.id = std::move(id);
  e.name = Trim(name);
  e.type = type;
  e.kind = type == ActorType::kPerson ? "person" : "org";
  e.source = "user";
  return e;
}

Result<ActorListImport> FtmEntries(std::string_view text, const std::string& name, bool prefix_ids) {
  Result<std::vector<FtmEntity>> entities = ParseFtmEntities(text, name);
  if (!entities.ok()) return entities.status();
  ActorListImport out;
  for (const FtmEntity& ent : *entities) {
    ActorType type;
    const std::vector<std::string>& names = ent.All("name");
    if (!ActorTypeOfSchema(ent.schema, &type) || names.empty() || Trim(names.front()).empty() || ent.id.empty()) {
      ++out.skipped;
      continue;
    }
    KbEntry e = NewEntry(prefix_ids ? "ftm:" + ent.id : ent.id, names.front(), type);
    for (size_t i = 1; i < names.size(); ++i) AddAlias(e, names[i]);
    for (const char* prop : {"alias", "previousName"})
      for (const std::string& a : ent.All(prop)) AddAlias(e, a);
    for (const char* prop : {"country", "nationality", "jurisdiction", "mainCountry"}) {
      for (const std::string& c : ent.All(prop)) {
        if (e.country.empty()) e.country = Iso2(c);
      }
    }
    out.entries.push_back(std::move(e));
  }
  return out;
}

std::vector<std::vector<std::string>> SplitTsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
      fields.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    fields.push_back(line.substr(start));
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace

Result<ActorListImport> ParseFtmActorList(std::string_view text, const std::string& name) {
  return FtmEntries(text, name, /*prefix_ids=*/true);
}

Result<ActorListImport> ParseCsvActorList(std::string_view text, const std::string& name, char separator) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows = separator == '\t' ? SplitTsv(text) : ParseCsv(text);
  while (!rows.empty() && (rows.front().empty() || (rows.front().size() == 1 && Trim(rows.front()[0]).empty())))
    rows.erase(rows.begin());
  if (rows.empty()) return Status::InvalidInput(name + ": empty actor list");
  int col_name = -1, col_type = -1, col_aliases = -1, col_country = -1, col_id = -1;
  for (size_t i = 0; i < rows[0].size(); ++i) {
    std::string h = Lower(Trim(rows[0][i]));
    int c = static_cast<int>(i);
    if ((h == "name" || h == "caption" || h == "label") && col_name < 0) col_name = c;
    else if ((h == "type" || h == "schema" || h == "kind") && col_type < 0) col_type = c;
    else if ((h == "aliases" || h == "alias") && col_aliases < 0) col_aliases = c;
    else if ((h == "country" || h == "nationality" || h == "countries") && col_country < 0) col_country = c;
    else if ((h == "id" || h == "kb_ref") && col_id < 0) col_id = c;
  }
  if (col_name < 0)
    return Status::InvalidInput(name + ":1: no `name` column in the header (columns: name, type, aliases, country, id)");
  ActorListImport out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& row = rows[r];
    auto field = [&](int col) { return col >= 0 && static_cast<size_t>(col) < row.size() ? Trim(row[col]) : ""; };
    std::string actor_name = field(col_name);
    if (actor_name.empty()) {
      if (!(row.size() == 1 && Trim(row[0]).empty())) ++out.skipped;
      continue;
    }
    ActorType type = ActorType::kPerson;
    if (std::string t = field(col_type); !t.empty() && !ActorTypeOfSchema(t, &type)) {
      ++out.skipped;  // a country or an unknown type
      continue;
    }
    std::string id = field(col_id);
    KbEntry e = NewEntry(id.empty() ? "user:" + Lower(actor_name) : id, actor_name, type);
    std::string aliases = field(col_aliases);
    std::replace(aliases.begin(), aliases.end(), ';', '|');
    for (size_t start = 0; start <= aliases.size();) {
      size_t bar = aliases.find('|', start);
      if (bar == std::string::npos) bar = aliases.size();
      AddAlias(e, aliases.substr(start, bar - start));
      start = bar + 1;
    }
    std::string country = field(col_country);
    e.country = Iso2(country.substr(0, std::min(country.find_first_of(";|,"), country.size())));
    out.entries.push_back(std::move(e));
  }
  return out;
}

Result<ActorListImport> ReadActorListFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot read");
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  const std::string lower = Lower(path);
  if (EndsWith(lower, ".csv")) return ParseCsvActorList(text, path, ',');
  if (EndsWith(lower, ".tsv")) return ParseCsvActorList(text, path, '\t');
  if (EndsWith(lower, ".json") || EndsWith(lower, ".jsonl") || EndsWith(lower, ".ftm") || EndsWith(lower, ".ndjson"))
    return ParseFtmActorList(text, path);
  // Unknown extension: FtM if it starts like JSON.
  size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && text[first] == '{') return ParseFtmActorList(text, path);
  return Status::InvalidInput(path + ": expected FollowTheMoney JSON Lines (*.json, *.jsonl) or a CSV (*.csv, *.tsv)");
}

std::string UserActorListPath(const std::string& store_location) {
  if (const char* env = std::getenv("TIEGRAPH_USER_KB"); env != nullptr && *env != '\0') return env;
  if (store_location.rfind("postgresql://", 0) == 0 || store_location.rfind("postgres://", 0) == 0)
    return "tiegraph-actors.ftm.jsonl";
  return store_location + ".actors.ftm.jsonl";
}

Result<std::vector<KbEntry>> LoadUserActorList(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::vector<KbEntry>{};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot read");
  std::ostringstream buf;
  buf << in.rdbuf();
  Result<ActorListImport> list = FtmEntries(buf.str(), path, /*prefix_ids=*/false);
  if (!list.ok()) return list.status();
  return std::move(list->entries);
}

Result<size_t> SaveUserActorList(const std::string& path, const std::vector<KbEntry>& entries) {
  Result<std::vector<KbEntry>> existing = LoadUserActorList(path);
  if (!existing.ok()) return existing.status();
  std::vector<KbEntry> all = std::move(existing.value());
  for (const KbEntry& e : entries) {
    auto same = std::find_if(all.begin(), all.end(), [&](const KbEntry& o) { return o.id == e.id; });
    if (same != all.end()) *same = e;
    else all.push_back(e);
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError(path + ": cannot write");
    for (const KbEntry& e : all) {
      nlohmann::json props = nlohmann::json::object();
      props["name"] = {e.name};
      if (!e.aliases.empty()) props["alias"] = e.aliases;
      if (!e.country.empty()) props["country"] = {Lower(e.country)};
      nlohmann::json j = {{"id", e.id},
                          {"schema", e.type == ActorType::kPerson ? "Person" : "Organization"},
                          {"properties", props}};
      out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    out.flush();
    if (!out) return Status::IOError(path + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IOError(path + ": cannot write");
  return all.size();
}

}  // namespace tiegraph
