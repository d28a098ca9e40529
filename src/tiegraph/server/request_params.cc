#include "tiegraph/server/request_params.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

#include <fmt/format.h>

#include "tiegraph/graph/date_key.h"
#include "tiegraph/graph/relation_weights.h"

namespace tiegraph::server {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Shows user input in an error message: bounded, control characters dropped.
std::string Shown(std::string_view value) {
  std::string out;
  for (char c : value.substr(0, 60)) {
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  if (value.size() > 60) out += "...";
  return out;
}

std::string RelationNames() {
  std::string names;
  for (int i = 0; i < graph::kRelationCount; ++i) {
    if (i) names += ", ";
    names += graph::RelationAt(i).name;
  }
  return names;
}

}  // namespace

bool RequestParams::Has(std::string_view name) const { return params_.count(std::string(name)) > 0; }

std::string RequestParams::Get(std::string_view name, std::string fallback) const {
  auto it = params_.find(std::string(name));
  if (it == params_.end()) return fallback;
  return Trim(it->second);
}

Result<int> RequestParams::GetInt(std::string_view name, int fallback, int min, int max) const {
  if (!Has(name)) return fallback;
  const std::string text = Get(name);
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return Status::InvalidInput(
        fmt::format("parameter '{}' must be an integer from {} to {}, got '{}'", name, min, max, Shown(text)));
  }
  return value;
}

Result<bool> RequestParams::GetBool(std::string_view name, bool fallback) const {
  if (!Has(name)) return fallback;
  const std::string v = Lower(Get(name));
  if (v == "true" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "no") return false;
  return Status::InvalidInput(fmt::format("parameter '{}' must be true or false, got '{}'", name, Shown(v)));
}

Status RequestParams::CheckKnown(std::initializer_list<std::string_view> allowed, bool filters) const {
  std::set<std::string_view> seen;
  for (const auto& [key, value] : params_) {
    bool known = std::find(allowed.begin(), allowed.end(), key) != allowed.end() ||
                 (filters && std::find(std::begin(kFilterParams), std::end(kFilterParams), key) != std::end(kFilterParams));
    if (!known) {
      std::string names;
      for (std::string_view a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      if (filters) {
        for (std::string_view a : kFilterParams) names += (names.empty() ? "" : ", ") + std::string(a);
      }
      return Status::InvalidInput(fmt::format("unknown parameter '{}' (accepted: {})", Shown(key),
                                              names.empty() ? "none" : names));
    }
    if (!seen.insert(key).second) return Status::InvalidInput(fmt::format("parameter '{}' given twice", key));
  }
  return Status::Ok();
}

bool IsIsoDatePrefix(std::string_view t) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= t.size() || !std::isdigit(static_cast<unsigned char>(t[i]))) return false;
    }
    return true;
  };
  if (t.size() != 4 && t.size() != 7 && t.size() != 10) return false;
  if (!digits(0, 4)) return false;
  if (t.size() >= 7 && (t[4] != '-' || !digits(5, 2))) return false;
  if (t.size() == 10 && (t[7] != '-' || !digits(8, 2))) return false;
  if (t.size() >= 7) {
    int month = (t[5] - '0') * 10 + (t[6] - '0');
    if (month < 1 || month > 12) return false;
  }
  if (t.size() == 10) {
    int day = (t[8] - '0') * 10 + (t[9] - '0');
    if (day < 1 || day > 31) return false;
  }
  return true;
}

Result<graph::TieFilter> ParseTieFilter(const RequestParams& params) {
  graph::TieFilter filter;
  if (std::string r = Lower(params.Get("relation")); !r.empty() && r != "any") {
    filter.relation = graph::RelationIndex(r);
    if (filter.relation < 0) {
      return Status::InvalidInput(
          fmt::format("parameter 'relation': unknown relation '{}' (one of: {})", Shown(r), RelationNames()));
    }
  }
  if (std::string s = Lower(params.Get("sign")); !s.empty() && s != "any") {
    if (s == "positive" || s == "+" || s == "+1" || s == "1") {
      filter.sign = 1;
    } else if (s == "negative" || s == "-" || s == "-1") {
      filter.sign = -1;
    } else {
      return Status::InvalidInput(
          fmt::format("parameter 'sign' must be positive, negative or any, got '{}'", Shown(s)));
    }
  }
  if (std::string m = Lower(params.Get("modality")); !m.empty() && m != "any") {
    if (m == "asserted") {
      filter.modality = 0;
    } else if (m == "alleged") {
      filter.modality = 1;
    } else {
      return Status::InvalidInput(
          fmt::format("parameter 'modality' must be asserted, alleged or any, got '{}'", Shown(m)));
    }
  }
  for (const char* name : {"since", "until"}) {
    std::string d = params.Get(name);
    if (d.empty()) continue;
    if (!IsIsoDatePrefix(d)) {
      return Status::InvalidInput(
          fmt::format("parameter '{}' must be an ISO date or part of one (2014, 2022-02, 2022-02-24), got '{}'",
                      name, Shown(d)));
    }
    if (std::string_view(name) == "since") {
      filter.since = graph::ParseDateKey(d);
    } else {
      filter.until = graph::UntilKey(d);
    }
  }
  if (filter.since && filter.until && filter.since > filter.until) {
    return Status::InvalidInput("parameter 'since' is after 'until'");
  }
  if (std::string c = params.Get("country"); !c.empty()) {
    if (c.size() != 2 || !std::isalpha(static_cast<unsigned char>(c[0])) ||
        !std::isalpha(static_cast<unsigned char>(c[1]))) {
      return Status::InvalidInput(
          fmt::format("parameter 'country' must be an ISO 3166 two-letter code, got '{}'", Shown(c)));
    }
    for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    filter.country = c;
  }
  return filter;
}

}  // namespace tiegraph::server
