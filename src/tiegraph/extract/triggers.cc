#include "tiegraph/extract/triggers.h"

#include <algorithm>
#include <unordered_map>

namespace tiegraph {
namespace {

using P = std::vector<std::string_view>;
constexpr auto V = TriggerPos::kVerb;
constexpr auto N = TriggerPos::kNoun;
constexpr auto A = TriggerPos::kAdjective;

// The reviewed trigger table. Verbs are listed by lemma.
const std::vector<Trigger>& Table() {
  static const std::vector<Trigger> kTable = {
      // praise
      {"praise", V, "praise", {}, {}}, {"hail", V, "praise", {}, {}}, {"laud", V, "praise", {}, {}},
      {"admire", V, "praise", {}, {}}, {"applaud", V, "praise", {}, {}}, {"commend", V, "praise", {}, {}},
      {"endorse", V, "praise", {}, {}}, {"defend", V, "praise", {}, {}}, {"justify", V, "praise", {}, {}},
      {"appreciate", V, "praise", {}, {}}, {"respect", V, "praise", {}, {}}, {"congratulate", V, "praise", {}, {}},
      {"thank", V, "praise", {}, {}}, {"celebrate", V, "praise", {}, {}}, {"flatter", V, "praise", {}, {}},
      {"dream", V, "praise", {"of", "about"}, {}},
      {"admirer", N, "praise", {"of"}, {}, true}, {"fan", N, "praise", {"of"}, {}, true},
      {"praise", N, "praise", {"for", "of"}, {}}, {"admiration", N, "praise", {"for", "of"}, {}},
      {"love", N, "praise", {"for", "with"}, {}}, {"genius", N, "praise", {}, {}},
      {"favourably", A, "praise", {"on"}, {}}, {"favorably", A, "praise", {"on"}, {}},
      // criticize
      {"criticize", V, "criticize", {}, {}}, {"criticise", V, "criticize", {}, {}}, {"condemn", V, "criticize", {}, {}},
      {"denounce", V, "criticize", {}, {}}, {"blame", V, "criticize", {}, {}}, {"accuse", V, "criticize", {}, {}},
      {"slam", V, "criticize", {}, {}}, {"attack", V, "criticize", {}, {}}, {"deplore", V, "criticize", {}, {}},
      {"decry", V, "criticize", {}, {}}, {"castigate", V, "criticize", {}, {}}, {"lambast", V, "criticize", {}, {}},
      {"rebuke", V, "criticize", {}, {}}, {"reject", V, "criticize", {}, {}}, {"deny", V, "criticize", {}, {}},
      {"warn", V, "criticize", {"against", "about"}, {}}, {"mock", V, "criticize", {}, {}},
      {"insult", V, "criticize", {}, {}}, {"scold", V, "criticize", {}, {}}, {"disparage", V, "criticize", {}, {}},
      {"criticism", N, "criticize", {"of"}, {"from", "by"}}, {"condemnation", N, "criticize", {"of"}, {"from", "by"}},
      {"contempt", N, "criticize", {"for"}, {}}, {"hostility", N, "criticize", {"to", "toward", "towards"}, {}},
      {"coolness", N, "criticize", {"to", "toward", "towards"}, {}}, {"critic", N, "criticize", {"of"}, {}, true},
      {"critical", A, "criticize", {"of"}, {}}, {"hostile", A, "criticize", {"to", "toward"}, {}},
      {"anathema", N, "criticize", {"to"}, {}}, {"aggressor", N, "criticize", {}, {}},
      // meet
      {"meet", V, "meet", {"with"}, {}}, {"visit", V, "meet", {}, {}}, {"host", V, "meet", {}, {}},
      {"welcome", V, "meet", {}, {}}, {"interview", V, "meet", {}, {}},
      {"phone", V, "meet", {}, {}}, {"telephone", V, "meet", {}, {}}, {"call", N, "meet", {"with", "between"}, {}},
      {"meeting", N, "meet", {"with", "between"}, {}}, {"talk", N, "meet", {"with", "between"}, {}},
      {"audience", N, "meet", {"with"}, {}}, {"visit", N, "meet", {"to", "with"}, {}},
      {"summit", N, "meet", {"with", "between"}, {}}, {"contact", N, "meet", {"with", "between"}, {}},
      {"attend", V, "meet", {}, {}}, {"congress", N, "meet", {"of"}, {}},
      // fund
      {"fund", V, "fund", {}, {}}, {"finance", V, "fund", {}, {}}, {"bankroll", V, "fund", {}, {}},
      {"donate", V, "fund", {"to"}, {}}, {"lend", V, "fund", {"to"}, {}}, {"pay", V, "fund", {}, {}},
      {"loan", N, "fund", {"to", "for"}, {"from", "by"}, false, true},
      {"donation", N, "fund", {"to", "for"}, {"from", "by"}, false, true},
      {"funding", N, "fund", {"for", "to"}, {"from", "by"}, false, true},
      {"financing", N, "fund", {"for", "to"}, {"from", "by"}, false, true},
      {"payment", N, "fund", {"to", "for"}, {"from", "by"}, false, true},
      {"cut", N, "fund", {"to", "for"}, {"from", "by"}, false, true},
      {"bribe", N, "fund", {"to", "for"}, {"from", "by"}, false, true},
      {"money", N, "fund", {"to", "for"}, {"from", "by"}, false, true},
      {"financial", A, "fund", {"for", "to"}, {"from", "by"}, false, true},
      // business
      {"trade", N, "business", {"with", "between"}, {}}, {"contract", N, "business", {"with", "between"}, {}},
      {"deal", N, "business", {"with", "between"}, {}}, {"import", N, "business", {"from", "of"}, {}},
      {"export", N, "business", {"to", "of"}, {}}, {"business", N, "business", {"in", "with"}, {}},
      {"investment", N, "business", {"in"}, {}}, {"stake", N, "business", {"in"}, {}}, {"gas", N, "business", {}, {}}, {"oil", N, "business", {}, {}},
      {"trade", V, "business", {"with"}, {}}, {"invest", V, "business", {"in"}, {}},
      {"import", V, "business", {"from"}, {}}, {"export", V, "business", {"to"}, {}},
      {"supply", V, "business", {"to", "with"}, {}}, {"buy", V, "business", {"from"}, {}},
      {"sell", V, "business", {"to"}, {}}, {"reliant", A, "business", {"on"}, {}},
      {"dependent", A, "business", {"on"}, {}},
      // collaborate
      {"collaborator", N, "collaborate", {"with", "of", "to"}, {}, true},
      {"adviser", N, "collaborate", {"to", "of"}, {}, true}, {"advisor", N, "collaborate", {"to", "of"}, {}, true},
      {"consultant", N, "collaborate", {"to", "for"}, {}, true}, {"lobbyist", N, "collaborate", {"for"}, {}, true},
      {"contributor", N, "collaborate", {"to"}, {}, true}, {"intermediary", N, "collaborate", {"for", "of"}, {}, true},
      {"manager", N, "collaborate", {"of", "for"}, {}, true}, {"aide", N, "collaborate", {"to", "of"}, {}, true},
      {"representative", N, "collaborate", {"of", "for"}, {}, true},
      {"strategist", N, "collaborate", {"to", "for", "of"}, {}, true}, {"lawyer", N, "collaborate", {"for", "of", "to"}, {}, true},
      {"attorney", N, "collaborate", {"for", "of", "to"}, {}, true},
      {"advise", V, "collaborate", {}, {}}, {"work", V, "collaborate", {"for", "with"}, {}},
      {"serve", V, "collaborate", {"under"}, {}}, {"collaborate", V, "collaborate", {"with"}, {}},
      {"lobby", V, "collaborate", {"for"}, {}}, {"cooperation", N, "collaborate", {"with", "between"}, {}},
      {"cooperate", V, "collaborate", {"with"}, {}}, {"partnership", N, "collaborate", {"with", "between"}, {}},
      // member
      {"leader", N, "member", {"of"}, {}, true}, {"member", N, "member", {"of"}, {}, true},
      {"president", N, "member", {"of"}, {}, true}, {"founder", N, "member", {"of"}, {}, true},
      {"head", N, "member", {"of"}, {}, true}, {"chairman", N, "member", {"of"}, {}, true},
      {"chair", N, "member", {"of"}, {}, true}, {"minister", N, "member", {"of"}, {}, true},
      {"director", N, "member", {"of"}, {}, true}, {"officer", N, "member", {"of"}, {}, true},
      {"agent", N, "member", {"of"}, {}, true}, {"secretary", N, "member", {"of"}, {}, true},
      {"undersecretary", N, "member", {"of"}, {}, true}, {"spokesman", N, "member", {"for", "of"}, {}, true},
      {"spokeswoman", N, "member", {"for", "of"}, {}, true}, {"candidate", N, "member", {"of", "for"}, {}, true},
      {"mp", N, "member", {"for", "of"}, {}, true}, {"chief", N, "member", {"of"}, {}, true},
      {"ceo", N, "member", {"of"}, {}, true}, {"board", N, "member", {"of"}, {}, true},
      {"lead", V, "member", {}, {}}, {"head", V, "member", {}, {}}, {"found", V, "member", {}, {}},
      {"join", V, "member", {}, {}}, {"chair", V, "member", {}, {}}, {"set", V, "member", {}, {}},
      {"participation", N, "member", {"in"}, {}}, {"accession", N, "member", {"to"}, {}},
      // support
      {"support", V, "support", {}, {}}, {"back", V, "support", {}, {}}, {"help", V, "support", {}, {}},
      {"assist", V, "support", {}, {}}, {"aid", V, "support", {}, {}}, {"facilitate", V, "support", {}, {}},
      {"benefit", V, "support", {}, {"from"}, false, true}, {"vote", V, "support", {"for"}, {}},
      {"award", V, "support", {}, {}}, {"arm", V, "support", {}, {}}, {"stand", V, "support", {"with", "by"}, {}},
      {"side", V, "support", {"with"}, {}}, {"champion", V, "support", {}, {}},
      {"campaign", V, "support", {"for"}, {}}, {"campaign", V, "oppose", {"against"}, {}},
      {"support", N, "support", {"for", "to"}, {"from", "by"}, false, true},
      {"supporter", N, "support", {"of"}, {}, true}, {"backing", N, "support", {"for", "of"}, {"from"}, false, true},
      {"help", N, "support", {"for", "to"}, {"from"}, false, true}, {"award", N, "support", {}, {"from"}, false, true},
      {"intervention", N, "support", {"for", "on"}, {}}, {"interference", N, "support", {"in", "on"}, {}},
      {"supportive", A, "support", {"of"}, {}}, {"accommodating", A, "support", {"of", "to"}, {}},
      // oppose
      {"oppose", V, "oppose", {}, {}}, {"sanction", V, "oppose", {}, {}}, {"invade", V, "oppose", {}, {}},
      {"imprison", V, "oppose", {}, {}}, {"jail", V, "oppose", {}, {}}, {"arrest", V, "oppose", {}, {}},
      {"annex", V, "oppose", {}, {}}, {"fight", V, "oppose", {"against"}, {}}, {"defeat", V, "oppose", {}, {}},
      {"bomb", V, "oppose", {}, {}}, {"threaten", V, "oppose", {}, {}}, {"expel", V, "oppose", {}, {}},
      {"ban", V, "oppose", {}, {}}, {"block", V, "oppose", {}, {}}, {"boycott", V, "oppose", {}, {}},
      {"sue", V, "oppose", {}, {}}, {"poison", V, "oppose", {}, {}}, {"fine", V, "oppose", {}, {}},
      {"opposition", N, "oppose", {"to"}, {}}, {"sanction", N, "oppose", {"against", "on"}, {}},
      {"invasion", N, "oppose", {"of"}, {}}, {"incursion", N, "oppose", {"in", "into"}, {}},
      {"attack", N, "oppose", {"on", "against"}, {}}, {"war", N, "oppose", {"on", "against", "with"}, {}},
      {"opponent", N, "oppose", {"of"}, {}, true}, {"enemy", N, "oppose", {"of"}, {}, true},
      {"objection", N, "oppose", {"to"}, {}},
      // social
      {"friend", N, "social", {"of", "with"}, {}, true}, {"friendship", N, "social", {"with", "between"}, {}},
      {"party", V, "social", {"with"}, {}}, {"holiday", N, "social", {"with"}, {}},
      // Partying, holidaying and dining together are meetings too.
      {"party", V, "meet", {"with"}, {}}, {"holiday", N, "meet", {"with"}, {}}, {"dine", V, "social", {"with"}, {}},
      {"dine", V, "meet", {"with"}, {}}, {"holiday", V, "social", {"with"}, {}}, {"holiday", V, "meet", {"with"}, {}},
      {"befriend", V, "social", {}, {}}, {"dance", V, "social", {"with"}, {}}, {"dance", V, "meet", {"with"}, {}},
      // Family ties are personal ties: "Lubov Chernukhin, the wife of X".
      {"wife", N, "social", {"of"}, {}, true}, {"husband", N, "social", {"of"}, {}, true},
      {"widow", N, "social", {"of"}, {}, true}, {"son", N, "social", {"of"}, {}, true},
      {"daughter", N, "social", {"of"}, {}, true}, {"brother", N, "social", {"of"}, {}, true},
      {"sister", N, "social", {"of"}, {}, true}, {"son-in-law", N, "social", {"of"}, {}, true},
      {"daughter-in-law", N, "social", {"of"}, {}, true},
      // aligned
      {"affinity", N, "aligned", {"with", "between"}, {}}, {"ally", N, "aligned", {"of"}, {}, true},
      {"echo", V, "aligned", {}, {}}, {"align", V, "aligned", {"with"}, {}}, {"suit", V, "aligned", {}, {}},
      {"similar", A, "aligned", {"to"}, {}}, {"sympathy", N, "aligned", {"for", "with"}, {}},
      {"sympathetic", A, "aligned", {"to"}, {}}, {"akin", A, "aligned", {"to"}, {}},
      // linked
      {"link", N, "linked", {"with", "to", "between"}, {}}, {"connection", N, "linked", {"with", "to", "between"}, {}},
      {"tie", N, "linked", {"with", "to", "between"}, {}}, {"relationship", N, "linked", {"with", "between"}, {}},
      {"relation", N, "linked", {"with", "between"}, {}}, {"close", A, "linked", {"to"}, {}},
      {"linked", A, "linked", {"to", "with"}, {}}, {"link", V, "linked", {"to", "with"}, {}}, {"cosy", V, "linked", {"to", "up"}, {}},
      {"cosying", N, "linked", {"to"}, {}},
  };
  return kTable;
}

using Index = std::unordered_multimap<std::string_view, const Trigger*>;
const Index& TriggerIndex() {
  static const Index kIndex = [] {
    Index idx;
    for (const auto& t : Table()) idx.emplace(t.lemma, &t);
    return idx;
  }();
  return kIndex;
}

void Collect(std::string_view w, std::vector<const Trigger*>& out) {
  auto range = TriggerIndex().equal_range(w);
  for (auto it = range.first; it != range.second; ++it)
    if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
}

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() > suf.size() + 1 && s.substr(s.size() - suf.size()) == suf;
}

}  // namespace

std::vector<const Trigger*> FindTriggers(std::string_view w) {
  std::vector<const Trigger*> out;
  Collect(w, out);
  std::string s(w);
  auto try_stem = [&](std::string stem) { Collect(stem, out); };
  if (EndsWith(w, "ies")) try_stem(s.substr(0, s.size() - 3) + "y");
  if (EndsWith(w, "ied")) try_stem(s.substr(0, s.size() - 3) + "y");
  if (EndsWith(w, "es")) try_stem(s.substr(0, s.size() - 2));
  if (EndsWith(w, "s")) try_stem(s.substr(0, s.size() - 1));
  if (EndsWith(w, "ed")) {
    try_stem(s.substr(0, s.size() - 2));
    try_stem(s.substr(0, s.size() - 1));
    if (s.size() > 4 && s[s.size() - 3] == s[s.size() - 4]) try_stem(s.substr(0, s.size() - 3));
  }
  if (EndsWith(w, "ing")) {
    try_stem(s.substr(0, s.size() - 3));
    try_stem(s.substr(0, s.size() - 3) + "e");
    if (s.size() > 5 && s[s.size() - 4] == s[s.size() - 5]) try_stem(s.substr(0, s.size() - 4));
  }
  if (w == "met") Collect("meet", out);
  if (w == "led") Collect("lead", out);
  if (w == "paid") Collect("pay", out);
  if (w == "lent") Collect("lend", out);
  if (w == "fought") Collect("fight", out);
  if (w == "sold") Collect("sell", out);
  if (w == "bought") Collect("buy", out);
  if (w == "founded") Collect("found", out);
  if (w == "stood") Collect("stand", out);
  return out;
}

std::string_view RelationOfCameoCode(std::string_view code) {
  if (code.size() < 2) return {};
  std::string_view two = code.substr(0, 2);
  if (code.substr(0, 3) == "051" || code.substr(0, 3) == "052") return "praise";
  if (two == "11" || two == "12") return "criticize";
  if (two == "04") return "meet";
  if (code.substr(0, 3) == "061") return "business";
  if (code.substr(0, 3) == "071") return "fund";
  if (two == "07" || two == "05" || two == "03") return "support";
  if (code.substr(0, 3) == "062" || code.substr(0, 3) == "063" || code.substr(0, 3) == "064") return "collaborate";
  if (two == "16" || two == "17" || two == "18" || two == "19" || two == "20" || two == "15" || two == "13")
    return "oppose";
  return {};
}

bool IsSymmetricRelation(std::string_view r) {
  return r == "meet" || r == "business" || r == "social" || r == "aligned" || r == "linked";
}

}  // namespace tiegraph
