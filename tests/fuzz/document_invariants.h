// CheckDocumentInvariants: the promises every stage makes about the layers
// it adds to a Document (document.h), checked after a fuzz input went
// through. A broken promise aborts, which libFuzzer reports as a crash and
// the replay test as a failure.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "tiegraph/text/document.h"

namespace tiegraph::fuzz {

inline void FailInvariant(const char* what) {
  std::fprintf(stderr, "document invariant broken: %s\n", what);
  std::abort();
}

inline void CheckSpan(const Document& doc, Span s, const char* what) {
  if (s.begin > s.end || s.end > doc.text.size()) FailInvariant(what);
}

inline void CheckDocumentInvariants(const Document& doc) {
  uint32_t previous_end = 0;
  for (const Token& t : doc.tokens) {
    CheckSpan(doc, t.span, "token span outside the text");
    if (t.span.empty()) FailInvariant("empty token");
    if (t.span.begin < previous_end) FailInvariant("tokens overlap or are out of order");
    previous_end = t.span.end;
  }
  uint32_t next_token = 0;
  for (const Sentence& s : doc.sentences) {
    CheckSpan(doc, s.span, "sentence span outside the text");
    if (s.first_token + s.token_count > doc.tokens.size()) FailInvariant("sentence tokens past the end");
    if (s.first_token < next_token) FailInvariant("sentences overlap");
    next_token = s.first_token + s.token_count;
    for (uint32_t i = s.first_token; i < next_token; ++i) {
      if (!s.span.Contains(doc.tokens[i].span)) FailInvariant("a sentence's token lies outside it");
      int head = doc.tokens[i].head;
      if (head > static_cast<int>(s.token_count)) FailInvariant("head outside the sentence");
    }
  }
  for (const Mention& m : doc.mentions) {
    CheckSpan(doc, m.span, "mention span outside the text");
    if (m.first_token > m.last_token || m.last_token > doc.tokens.size()) FailInvariant("mention tokens out of range");
    if (m.actor < -1 || m.actor >= static_cast<int>(doc.actors.size())) FailInvariant("mention actor out of range");
  }
  for (const Claim& c : doc.claims) {
    CheckSpan(doc, c.evidence, "claim evidence outside the text");
    const int actors = static_cast<int>(doc.actors.size());
    if (c.subject < 0 || c.subject >= actors || c.object < 0 || c.object >= actors) {
      FailInvariant("claim actor out of range");
    }
  }
}

}  // namespace tiegraph::fuzz
