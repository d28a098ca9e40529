#include "tiegraph/extract/modality.h"
#include "tiegraph/text/ascii.h"

#include <cctype>
#include <string>

namespace tiegraph {
namespace {


bool IsNegator(std::string_view lower) {
  return lower == "not" || lower == "n't" || lower == "never" || lower == "no" || lower == "neither" ||
         lower == "nor" || lower == "without";
}

// Verbs whose infinitive complement did not happen: "refused to condemn", "failed to meet".
bool DeniesItsComplement(std::string_view lower) {
  return StartsWithAny(lower, {"refus", "declin", "fail"}) && lower != "failure" && lower != "failures";
}

}  // namespace

bool IsNegated(const Document& doc, const Sentence& s, uint32_t t) {
  uint32_t first = s.first_token, last = s.first_token + s.token_count;
  bool parsed = doc.tokens[t].head >= 0;
  if (parsed) {
    // Children of the trigger, and of its head when the trigger is a predicate noun/adjective or xcomp.
    auto neg_child = [&](uint32_t head_abs) {
      uint32_t head_rel = head_abs - first + 1;
      for (uint32_t k = first; k < last; ++k)
        if (static_cast<uint32_t>(doc.tokens[k].head) == head_rel && IsNegator(AsciiLower(doc.TokenText(k))) &&
            (doc.tokens[k].deprel == "advmod" || doc.tokens[k].deprel == "neg" || doc.tokens[k].deprel == "det" ||
             doc.tokens[k].deprel == "cc:preconj"))
          return true;
      return false;
    };
    if (neg_child(t)) return true;
    const Token& tok = doc.tokens[t];
    if (tok.head > 0 && (tok.deprel == "xcomp" || tok.deprel == "obj" || tok.deprel == "obl")) {
      uint32_t h = first + static_cast<uint32_t>(tok.head) - 1;
      // "did not meet" / "is not exactly standing": negation on the trigger itself is handled above;
      // "did not receive a loan": the governing verb carries it.
      if (neg_child(h)) return true;
      // "China refused to condemn Russia": the complement is denied, unless the refusal itself is.
      if (tok.deprel == "xcomp" && DeniesItsComplement(AsciiLower(doc.TokenText(h)))) return true;
    }
    return false;
  }
  for (uint32_t k = t > first + 3 ? t - 3 : first; k < t; ++k)
    if (IsNegator(AsciiLower(doc.TokenText(k)))) return true;
  return false;
}

bool HasAllegationCue(const Document& doc, const Sentence& s) {
  uint32_t first = s.first_token, last = s.first_token + s.token_count;
  for (uint32_t k = first; k < last; ++k) {
    std::string w = AsciiLower(doc.TokenText(k));
    std::string next = k + 1 < last ? AsciiLower(doc.TokenText(k + 1)) : "";
    std::string prev = k > first ? AsciiLower(doc.TokenText(k - 1)) : "";
    if (w == "allegation" || w == "allegations" || w == "alleged" || w == "allegedly" || w == "reportedly" ||
        w == "purportedly" || w == "supposedly" || w == "suspected" || w == "rumoured" || w == "rumored" ||
        w == "unconfirmed")
      return true;
    if (w == "said" && next == "to" && (prev == "is" || prev == "are" || prev == "was" || prev == "were")) return true;
    if (w == "according" && next == "to") return true;
    if (w == "evidence" && (prev == "is" || prev == "was" || prev == "some" || next == "that" || next == "of"))
      return true;
    if (w == "reports" && (next == "that" || next == "emerging" || prev == "to")) return true;
    if ((w == "claims" || w == "claimed") && next == "that") return true;
  }
  return false;
}

}  // namespace tiegraph
