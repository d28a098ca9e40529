#include "tiegraph/resolve/actor_matcher.h"

#include <utf8proc.h>

#include <cstdlib>
#include <vector>

namespace tiegraph {
namespace {

// Decomposes, strips marks and case-folds; on invalid UTF-8 falls back to
// ASCII lower-casing byte by byte.
std::string FoldCaseAndAccents(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                                   UTF8PROC_CASEFOLD | UTF8PROC_COMPAT));
  std::string folded;
  if (n >= 0) {
    folded.assign(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  } else {
    folded.reserve(s.size());
    for (char c : s) folded.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  std::free(out);
  return folded;
}

// Word characters as Python's \w: letters, marks, digits, underscore.
bool IsWordCodepoint(utf8proc_int32_t cp) {
  if (cp == '_') return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

bool IsApostrophe(utf8proc_int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == '`'; }

std::vector<std::string_view> SplitTokens(std::string_view s) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) tokens.push_back(s.substr(i, j - i));
    i = j;
  }
  return tokens;
}

}  // namespace

std::string NormalizeActorName(std::string_view name) {
  std::string folded = FoldCaseAndAccents(name);
  // Decode to code points so that punctuation tests are per character.
  std::vector<utf8proc_int32_t> cps;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(folded.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t used = utf8proc_iterate(p, left, &cp);
    if (used <= 0) {  // invalid byte: treat as a separator
      cp = ' ';
      used = 1;
    }
    cps.push_back(cp);
    p += used;
    left -= used;
  }
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    utf8proc_int32_t cp = cps[i];
    // Possessive 's at the end of a word: "Putin's" -> "putin".
    if (IsApostrophe(cp) && i + 1 < cps.size() && cps[i + 1] == 's' &&
        (i + 2 == cps.size() || !IsWordCodepoint(cps[i + 2])) && i > 0 && IsWordCodepoint(cps[i - 1])) {
      ++i;
      pending_space = true;
      continue;
    }
    if (!IsWordCodepoint(cp)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t k = utf8proc_encode_char(cp, buf);
    out.append(reinterpret_cast<char*>(buf), static_cast<size_t>(k));
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

ActorKey MakeActorKey(std::string_view name, std::string_view type, std::string_view country,
                      std::string_view kb_ref) {
  return ActorKey{NormalizeActorName(name), std::string(type), std::string(country), std::string(kb_ref)};
}

bool SameActor(const ActorKey& a, const ActorKey& b) {
  if (!a.kb_ref.empty() && !b.kb_ref.empty()) return a.kb_ref == b.kb_ref;
  if (a.name.empty() || a.name != b.name) return false;
  if (a.type != b.type) return false;
  if (!a.country.empty() && !b.country.empty() && a.country != b.country) return false;
  return true;
}

int NameMatchScore(std::string_view normalized_query, std::string_view actor_name) {
  if (normalized_query.empty() || actor_name.empty()) return 0;
  if (normalized_query == actor_name) return 3;
  std::vector<std::string_view> q = SplitTokens(normalized_query);
  std::vector<std::string_view> a = SplitTokens(actor_name);
  if (q.empty() || q.size() > a.size()) return 0;
  bool is_suffix = true;
  for (size_t i = 0; i < q.size(); ++i) {
    if (q[q.size() - 1 - i] != a[a.size() - 1 - i]) {
      is_suffix = false;
      break;
    }
  }
  if (is_suffix) return 2;
  for (std::string_view t : q) {
    bool found = false;
    for (std::string_view u : a) found = found || t == u;
    if (!found) return 0;
  }
  return 1;
}

}  // namespace tiegraph
