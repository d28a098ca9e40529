#include "tiegraph/text/segmenter.h"

#include <utf8proc.h>

#include "tiegraph/text/tokenizer.h"

namespace tiegraph {
namespace {

int32_t FirstCodePoint(std::string_view s) {
  utf8proc_int32_t cp = -1;
  if (!s.empty())
    utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                     &cp);
  return cp;
}

bool IsUpper(int32_t cp) { return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU; }
bool IsLower(int32_t cp) { return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL; }

bool IsClosing(std::string_view t) {
  return t == "\"" || t == "'" || t == "\u201D" || t == "\u2019" || t == ")" || t == "]" || t == "\u00BB";
}
bool IsTerminal(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "..." || t == "\u2026" || t == "?!" || t == "!!" || t == "??";
}

// Newlines between two byte offsets.
int NewlinesBetween(std::string_view text, uint32_t from, uint32_t to) {
  int n = 0;
  for (uint32_t i = from; i < to; ++i)
    if (text[i] == '\n') ++n;
  return n;
}

}  // namespace

void Segment(Document& doc) {
  doc.sentences.clear();
  const auto& toks = doc.tokens;
  std::string_view text(doc.text);
  size_t n = toks.size();
  size_t start = 0;
  auto close = [&](size_t end_excl) {
    if (end_excl <= start) return;
    Sentence s;
    s.first_token = static_cast<uint32_t>(start);
    s.token_count = static_cast<uint32_t>(end_excl - start);
    s.span = Span{toks[start].span.begin, toks[end_excl - 1].span.end};
    doc.sentences.push_back(s);
    start = end_excl;
  };
  for (size_t i = 0; i < n; ++i) {
    std::string_view t = doc.TokenText(static_cast<uint32_t>(i));
    bool last = i + 1 == n;
    if (last) { close(n); break; }
    std::string_view next = doc.TokenText(static_cast<uint32_t>(i + 1));
    int newlines = NewlinesBetween(text, toks[i].span.end, toks[i + 1].span.begin);
    if (newlines >= 2) { close(i + 1); continue; }
    int32_t next_cp = FirstCodePoint(next);
    if (newlines == 1) {
      // A single line break ends the sentence unless the line is hard-wrapped
      // mid-sentence (it ends in a word or comma and the next line goes on in lower case).
      int32_t last_cp = FirstCodePoint(t);
      bool wrapped = IsLower(next_cp) && (IsLower(last_cp) || t == "," || IsUpper(last_cp));
      if (!wrapped) { close(i + 1); continue; }
    }
    bool ends = false;
    if (IsTerminal(t)) {
      ends = true;
    } else if (t.size() > 1 && t.back() == '.') {
      // Token with its own period: abbreviation, initial or acronym.
      if (IsTitleAbbreviation(t)) ends = false;
      else if (t.size() == 2 && IsUpper(FirstCodePoint(t))) ends = false;  // initial "J."
      else ends = IsUpper(next_cp) || next == "\"" || next == "\u201C";  // "in the U.S. The ..."
    }
    if (!ends) continue;
    // Swallow closing quotes/brackets.
    size_t j = i + 1;
    while (j < n && IsClosing(doc.TokenText(static_cast<uint32_t>(j))) &&
           NewlinesBetween(text, toks[j - 1].span.end, toks[j].span.begin) == 0)
      ++j;
    if (j >= n) { close(n); break; }
    int32_t after = FirstCodePoint(doc.TokenText(static_cast<uint32_t>(j)));
    if (IsLower(after) && NewlinesBetween(text, toks[j - 1].span.end, toks[j].span.begin) == 0) continue;
    close(j);
    i = j - 1;
  }
  if (start < n) close(n);
}

void SegmentAndTokenize(Document& doc) {
  Tokenize(doc);
  Segment(doc);
}

}  // namespace tiegraph
