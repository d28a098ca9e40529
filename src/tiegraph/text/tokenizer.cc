#include "tiegraph/text/tokenizer.h"

#include <utf8proc.h>

#include <array>
#include <cstring>

namespace tiegraph {
namespace {

constexpr std::array<std::string_view, 58> kAbbreviations = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Maj",
    "Rep", "Sen", "Gov", "Pres", "Rev", "Hon", "Amb", "Supt", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "Bros",
    "No", "Nos", "Vol", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "approx", "est", "fig", "al", "cf", "Mt", "Ft", "Ave", "Blvd", "Dept", "Univ", "Assn"};
constexpr std::array<std::string_view, 27> kTitles = {
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.", "Cmdr.", "Adm.", "Maj.",
    "Rep.", "Sen.", "Gov.", "Pres.", "Rev.", "Hon.", "Amb.", "Supt.", "No.", "Mt.", "Ft.", "vs.", "cf."};

// Decodes the code point at s[i]; sets len. Invalid bytes count as one byte.
int32_t Decode(std::string_view s, size_t i, size_t* len) {
  utf8proc_int32_t cp;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) { *len = 1; return -1; }
  *len = static_cast<size_t>(n);
  return cp;
}

bool IsSpace(int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x200B ||
      cp == 0xFEFF || cp == 0x200E || cp == 0x200F || cp == 0x202A || cp == 0x202B || cp == 0x202C ||
      cp == 0x202D || cp == 0x202E || cp == 0x2066 || cp == 0x2067 || cp == 0x2068 || cp == 0x2069)
    return true;
  if (cp < 0) return false;
  auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

bool IsWordChar(int32_t cp) {
  if (cp < 0) return true;
  auto cat = utf8proc_category(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

bool IsDigit(int32_t cp) { return cp >= '0' && cp <= '9'; }
bool IsApostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

struct Piece {
  size_t begin, end;
};

}  // namespace

bool IsKnownAbbreviation(std::string_view word) {
  for (auto a : kAbbreviations)
    if (a == word) return true;
  return false;
}

bool IsTitleAbbreviation(std::string_view w) {
  for (auto t : kTitles)
    if (t == w) return true;
  return false;
}

namespace {

// Splits one whitespace-free chunk [b, e) of text into tokens.
void SplitChunk(const std::string& text, size_t b, size_t e, std::vector<Token>& out) {
  std::string_view s(text);
  size_t i = b;
  auto emit = [&](size_t from, size_t to) {
    Token t;
    t.span = Span{static_cast<uint32_t>(from), static_cast<uint32_t>(to)};
    out.push_back(std::move(t));
  };
  while (i < e) {
    size_t len;
    int32_t cp = Decode(s, i, &len);
    if (IsWordChar(cp)) {
      // A word: letters/digits, with inner hyphens, periods in numbers and
      // acronyms, inner apostrophes handled as clitics below, '&' in "AT&T".
      size_t j = i;
      while (j < e) {
        size_t l;
        int32_t c = Decode(s, j, &l);
        if (IsWordChar(c)) { j += l; continue; }
        if ((c == '-' || c == 0x2011 || c == '&' || c == '/') && j + l < e) {
          size_t l2;
          int32_t n = Decode(s, j + l, &l2);
          if (IsWordChar(n) && c != '/') { j += l; continue; }
          if (c == '/' && IsDigit(n) && j > i && IsDigit(static_cast<unsigned char>(s[j - 1]))) { j += l; continue; }
        }
        if ((c == '.' || c == ',' || c == ':') && j + 1 < e && IsDigit(static_cast<unsigned char>(s[j + 1])) &&
            j > i && IsDigit(static_cast<unsigned char>(s[j - 1]))) {
          j += 1;  // 9.5, 1,000, 10:30
          continue;
        }
        if (c == '.' && j + 1 < e) {
          // Acronym with inner periods: U.S.A, e.g
          size_t l2;
          int32_t n = Decode(s, j + 1, &l2);
          if (IsWordChar(n) && (j - i) <= 3 && l2 == 1 && (j + 1 + l2 == e || s[j + 1 + l2] == '.')) {
            j += 1;
            continue;
          }
          // A name with an inner period and no space: "Leave.EU", "Amazon.com".
          if (IsWordChar(n) && !IsDigit(n) && !IsDigit(static_cast<unsigned char>(s[j - 1]))) {
            j += 1;
            continue;
          }
        }
        break;
      }
      std::string_view word = s.substr(i, j - i);
      // Clitics: "n't" and "'s", "'re", "'ll", "'ve", "'d", "'m".
      size_t word_end = j;
      if (j < e) {
        size_t l;
        int32_t c = Decode(s, j, &l);
        if (IsApostrophe(c)) {
          size_t k = j + l;
          size_t m = k;
          while (m < e) {
            size_t l3;
            int32_t d = Decode(s, m, &l3);
            if (!IsWordChar(d)) break;
            m += l3;
          }
          std::string_view rest = s.substr(k, m - k);
          bool clitic = rest == "s" || rest == "S" || rest == "re" || rest == "ll" || rest == "ve" || rest == "d" ||
                        rest == "m" || rest == "t";
          if (rest == "t" && word.size() >= 2 && (word.back() == 'n' || word.back() == 'N')) {
            // don't -> do n't
            emit(i, word_end - 1);
            emit(word_end - 1, m);
            i = m;
            continue;
          }
          if (clitic && rest != "t") {
            emit(i, word_end);
            emit(j, m);
            i = m;
            continue;
          }
          if (rest.empty() && word_end == j && (word.back() == 's' || word.back() == 'S')) {
            // plural possessive: "parties'" -> "parties" "'"
            emit(i, word_end);
            emit(j, j + l);
            i = j + l;
            continue;
          }
          if (!rest.empty()) {
            // O'Brien, d'Alema: keep whole
            j = m;
            word_end = m;
            word = s.substr(i, j - i);
          }
        }
      }
      // Abbreviation or initial keeps its period.
      if (word_end < e && s[word_end] == '.') {
        bool acronym = word.find('.') != std::string_view::npos;
        size_t l0;
        int32_t first = Decode(s, i, &l0);
        bool initial = l0 == word.size() && utf8proc_category(first) == UTF8PROC_CATEGORY_LU;
        if (acronym || initial || IsKnownAbbreviation(word)) word_end += 1;
      }
      emit(i, word_end);
      i = word_end;
      continue;
    }
    // Punctuation and symbols: runs of the same ASCII char ("...", "--") stay whole.
    size_t j = i + len;
    if (cp == '.' || cp == '-' || cp == '!' || cp == '?' || cp == '*' || cp == '=') {
      while (j < e && static_cast<unsigned char>(s[j]) == static_cast<unsigned char>(s[i])) ++j;
    }
    emit(i, j);
    i = j;
  }
}

}  // namespace

void Tokenize(Document& doc) {
  doc.tokens.clear();
  std::string_view s(doc.text);
  size_t i = 0, n = s.size();
  while (i < n) {
    size_t len;
    int32_t cp = Decode(s, i, &len);
    if (IsSpace(cp)) { i += len; continue; }
    size_t j = i;
    while (j < n) {
      size_t l;
      int32_t c = Decode(s, j, &l);
      if (IsSpace(c)) break;
      j += l;
    }
    SplitChunk(doc.text, i, j, doc.tokens);
    i = j;
  }
}

}  // namespace tiegraph
