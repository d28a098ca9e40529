#include "tiegraph/resolve/resolver.h"
#include "tiegraph/text/ascii.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

namespace tiegraph {
namespace {

constexpr std::array<std::string_view, 44> kRoleNouns = {
    "president", "leader", "chairman", "chairwoman", "chair", "head", "minister", "secretary", "director",
    "founder", "member", "officer", "agent", "spokesman", "spokeswoman", "spokesperson", "ambassador", "senator",
    "deputy", "mayor", "governor", "chancellor", "king", "queen", "premier", "undersecretary", "mp", "mep",
    "candidate", "chief", "commander", "envoy", "diplomat", "official", "representative", "prime", "ruler",
    "dictator", "autocrat", "strongman", "manager", "ceo", "boss", "vice"};

constexpr std::array<std::string_view, 42> kOrgWords = {
    "party", "movement", "association", "bank", "council", "union", "front", "alliance", "league", "committee",
    "company", "corporation", "group", "agency", "ministry", "foundation", "institute", "campaign", "network",
    "organisation", "organization", "parliament", "assembly", "department", "federation", "congress",
    "coalition", "society", "university", "commission", "bureau", "inc", "ltd", "corp", "forum", "senate",
    "army", "times", "post", "news", "television", "board"};

constexpr std::array<std::string_view, 30> kNotNames = {
    "The", "A", "An", "In", "On", "At", "For", "But", "And", "Or", "If", "When", "While", "After", "Before",
    "Since", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "My", "We", "I", "It", "There"};


bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  utf8proc_int32_t cp;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

bool IsAcronym(std::string_view s) {
  int upper = 0;
  for (char c : s) {
    if (std::isupper(static_cast<unsigned char>(c))) ++upper;
    else if (std::islower(static_cast<unsigned char>(c))) return false;
  }
  return upper >= 2;
}

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Common nouns that say a name is an organisation's: "the company Gazprom",
// "two state companies, Sibur and Zarubezhneft", "the newspaper Kommersant".
bool IsOrganisationNoun(std::string w) {
  static constexpr std::array<std::string_view, 30> kNouns = {
      "company", "firm", "bank", "newspaper", "party", "group", "broadcaster", "channel", "agency", "outlet",
      "organisation", "organization", "foundation", "charity", "fund", "corporation", "giant", "producer",
      "conglomerate", "tabloid", "daily", "magazine", "website", "network", "station", "union", "movement",
      "lender", "insurer", "operator"};
  if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0) w = w.substr(0, w.size() - 3) + "y";
  else if (w.size() > 3 && w.back() == 's') w.pop_back();
  return In(kNouns, w);
}

// The proper-noun run [first, last) of a sentence (absolute token indices)
// is described as an organisation by the parse: it is in apposition to an
// organisation noun (directly or as a later conjunct), or has one as its
// compound modifier.
bool DescribedAsOrganisation(const Document& doc, const Sentence& s, uint32_t first, uint32_t last) {
  auto head_of = [&](uint32_t t) -> int {
    int h = doc.tokens[t].head;
    return h > 0 ? static_cast<int>(s.first_token) + h - 1 : -1;
  };
  for (uint32_t t = first; t < last; ++t) {
    int h = head_of(t);
    if (h >= static_cast<int>(first) && h < static_cast<int>(last)) continue;  // inside the run
    uint32_t cur = t;
    for (int steps = 0; steps < 4 && doc.tokens[cur].deprel == "conj" && head_of(cur) >= 0; ++steps)
      cur = static_cast<uint32_t>(head_of(cur));
    if (doc.tokens[cur].deprel == "appos" && head_of(cur) >= 0 &&
        IsOrganisationNoun(AsciiLower(doc.TokenText(static_cast<uint32_t>(head_of(cur))))))
      return true;
  }
  for (uint32_t k = s.first_token; k < s.first_token + s.token_count; ++k) {
    int h = head_of(k);
    if (h >= static_cast<int>(first) && h < static_cast<int>(last) &&
        (doc.tokens[k].deprel == "compound" || doc.tokens[k].deprel == "nmod:desc") &&
        IsOrganisationNoun(AsciiLower(doc.TokenText(k))))
      return true;
  }
  return false;
}

std::vector<std::string> SplitOnSpaces(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::vector<std::string> NameTokens(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : name) {
    if (c == ' ' || c == '-' || c == '.') {
      if (!cur.empty()) out.push_back(AsciiLower(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(AsciiLower(cur));
  return out;
}

bool SubsetOf(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty()) return false;
  for (const auto& t : a)
    if (std::find(b.begin(), b.end(), t) == b.end()) return false;
  return true;
}

enum class Kind { kName, kDemonym, kDescription, kPronoun };

struct Candidate {
  uint32_t first, last;  // token range [first, last)
  Kind kind;
  int kb_entry = -1;
  std::string label;     // PER ORG LOC KB DEM DESC PRON
  ActorType type = ActorType::kPerson;
  std::string country;   // for demonyms/descriptions
  std::string pronoun;   // lowercased, for pronouns
  std::string alias_of;  // text of the name this one defines in parentheses
  uint32_t skip_bytes = 0;  // "anti-EU", "pro-Russian": the name starts inside the token
};

struct Builder {
  const KnowledgeBase* kb;
  Document& doc;
  std::map<std::string, int> by_key;  // "kb:<id>" / "n:<lower name>" -> actor
  std::vector<char> gender;           // per actor
  int year = 0;

  int AddActor(Actor a, const std::string& key, char g) {
    int idx = static_cast<int>(doc.actors.size());
    doc.actors.push_back(std::move(a));
    gender.push_back(g);
    by_key[key] = idx;
    return idx;
  }

  void AddAlias(int actor, std::string_view alias) {
    auto& al = doc.actors[actor].aliases;
    std::string s(alias);
    if (std::find(al.begin(), al.end(), s) == al.end()) al.push_back(s);
  }

  int ActorForKb(int entry, std::string_view surface) {
    const KbEntry& e = kb->entries()[entry];
    std::string key = "kb:" + e.id;
    auto it = by_key.find(key);
    int idx;
    if (it != by_key.end()) {
      idx = it->second;
    } else {
      // A name actor seen earlier without KB may be the same person ("Salvini" then KB "Matteo Salvini").
      idx = -1;
      auto kb_tokens = NameTokens(e.name);
      for (size_t a = 0; a < doc.actors.size(); ++a) {
        if (!doc.actors[a].kb_ref.empty() || doc.actors[a].type != e.type) continue;
        if (SubsetOf(NameTokens(doc.actors[a].name), kb_tokens)) { idx = static_cast<int>(a); break; }
      }
      if (idx < 0) {
        Actor a;
        a.name = e.type == ActorType::kCountry ? e.name : std::string(surface);
        a.type = e.type;
        a.country = e.country;
        a.kb_ref = e.id;
        idx = AddActor(std::move(a), key, e.gender);
      } else {
        doc.actors[idx].kb_ref = e.id;
        doc.actors[idx].country = e.country;
        by_key[key] = idx;
        gender[idx] = e.gender;
      }
    }
    Actor& a = doc.actors[idx];
    // Use the fullest name the article gives (for people and organisations).
    if (a.type != ActorType::kCountry && NameTokens(surface).size() > NameTokens(a.name).size() &&
        !IsAcronym(surface))
      a.name = std::string(surface);
    AddAlias(idx, surface);
    // The knowledge base's full name is an alias too, so "Putin" in one
    // article is found (and searched) as "Vladimir Putin".
    if (a.type == ActorType::kPerson) AddAlias(idx, e.name);
    return idx;
  }

  int ActorForName(std::string_view surface, ActorType type) {
    auto toks = NameTokens(surface);
    // Alias chain: same type and the tokens of one name are a subset of the other's.
    for (size_t a = 0; a < doc.actors.size(); ++a) {
      Actor& act = doc.actors[a];
      if (act.type != type) continue;
      auto at = NameTokens(act.name);
      bool same = AsciiLower(act.name) == AsciiLower(surface);
      if (!same && type == ActorType::kPerson) same = SubsetOf(toks, at) || SubsetOf(at, toks);
      if (!same && type == ActorType::kOrganization) {
        for (const auto& al : act.aliases)
          if (AsciiLower(al) == AsciiLower(surface)) { same = true; break; }
        if (!same && IsAcronym(surface)) {
          std::string initials;
          for (const auto& t : at)
            if (t != "of" && t != "the" && t != "and" && !t.empty()) initials.push_back(static_cast<char>(std::toupper(t[0])));
          same = initials == surface;
        }
      }
      if (same) {
        if (toks.size() > at.size() && !IsAcronym(surface)) act.name = std::string(surface);
        AddAlias(static_cast<int>(a), surface);
        return static_cast<int>(a);
      }
    }
    Actor a;
    a.name = std::string(surface);
    a.type = type;
    a.aliases.push_back(std::string(surface));
    return AddActor(std::move(a), "n:" + AsciiLower(surface), 0);
  }
};

bool IsGovernmentNoun(std::string_view w) {
  return w == "regime" || w == "government" || w == "administration" || w == "officials" || w == "authorities" ||
         w == "cabinet" || w == "ministers" || w == "diplomats" || w == "envoys" || w == "intermediaries";
}

// Titles that are not part of a person's name ("President Donald Trump").
std::string_view StripTitles(std::string_view s) {
  static const std::array<std::string_view, 16> kTitles = {
      "President ", "Prime Minister ", "Minister ", "Chancellor ", "Senator ", "Sen. ", "Mr. ", "Mrs. ",
      "Ms. ", "Dr. ", "Mr ", "Mrs ", "King ", "Queen ", "Governor ", "General "};
  for (bool again = true; again;) {
    again = false;
    for (auto t : kTitles)
      if (s.size() > t.size() + 1 && s.substr(0, t.size()) == t) {
        s.remove_prefix(t.size());
        again = true;
      }
  }
  return s;
}

bool IsPronoun(std::string_view lower) {
  return lower == "he" || lower == "him" || lower == "his" || lower == "himself" || lower == "she" ||
         lower == "her" || lower == "hers" || lower == "herself" || lower == "it" || lower == "its" ||
         lower == "they" || lower == "them" || lower == "their";
}

// The length of the capitalised name at words[i] when it follows a
// membership phrase ("member of", "board of", "contributor to", "founder of"
// [the]); 0 otherwise. Inner "and", "of", "&", "*" and "-" join words when
// the name ends in an organisation word ("Hackney and Stoke Newington Labour Party").
uint32_t OrganisationAfterRolePhrase(const Document& doc, const std::vector<std::string_view>& words, uint32_t i) {
  static const std::array<std::string_view, 14> kRolePhrase = {
      "member", "members", "board", "founder", "contributor", "editor", "columnist", "chair", "chairman",
      "leader", "co-founder", "correspondent", "spokesperson", "trustee"};
  uint32_t k = i;
  if (k > 0 && AsciiLower(words[k - 1]) == "the") --k;
  if (k < 2) return 0;
  std::string prep = AsciiLower(words[k - 1]);
  if (prep != "of" && prep != "to" && prep != "for") return 0;
  if (!In(kRolePhrase, AsciiLower(words[k - 2]))) return 0;
  if (!StartsUpper(words[i]) || In(kNotNames, words[i])) return 0;
  auto joiner = [](std::string_view w) { return w == "and" || w == "of" || w == "&" || w == "*" || w == "-"; };
  uint32_t j = i, last_name = i;
  while (j < words.size() && (StartsUpper(words[j]) || (joiner(words[j]) && j + 1 < words.size() && StartsUpper(words[j + 1])))) {
    if (StartsUpper(words[j])) last_name = j;
    ++j;
  }
  uint32_t end = last_name + 1;
  // Without an organisation word at its end, stop at the first "and": two names.
  if (!In(kOrgWords, AsciiLower(words[last_name])))
    for (uint32_t t = i + 1; t < end; ++t)
      if (words[t] == "and") { end = t; break; }
  (void)doc;
  return end > i && end - i <= 8 ? end - i : 0;
}

// A span the recognizer took for a place that reads as a person's name: it
// starts with a surname particle ("Di Stefano", "Le Pen"), follows a role
// noun ("the undersecretary, X"), or its words are part of the name of a
// person found earlier in the document.
bool LooksLikePersonName(const Document& doc, const std::vector<Candidate>& earlier, uint32_t first, uint32_t last,
                         uint32_t sentence_first) {
  static const std::array<std::string_view, 18> kParticles = {"di", "de", "da", "del", "della", "van", "von", "le",
                                                              "la", "du", "dos", "das", "mc", "el", "al", "bin",
                                                              "ben", "ter"};
  if (last - first >= 2 && In(kParticles, AsciiLower(doc.TokenText(first)))) return true;
  uint32_t k = first;
  if (k > sentence_first && doc.TokenText(k - 1) == ",") --k;
  if (k > sentence_first && In(kRoleNouns, AsciiLower(doc.TokenText(k - 1)))) return true;
  auto toks = NameTokens(doc.Slice(Span{doc.tokens[first].span.begin, doc.tokens[last - 1].span.end}));
  for (const Candidate& c : earlier) {
    if (c.kind != Kind::kName || c.type != ActorType::kPerson) continue;
    auto other = NameTokens(doc.Slice(Span{doc.tokens[c.first].span.begin, doc.tokens[c.last - 1].span.end}));
    if (SubsetOf(toks, other)) return true;
  }
  return false;
}

}  // namespace

bool IsRoleNoun(std::string_view w) { return In(kRoleNouns, w); }

void Resolver::Resolve(Document& doc) const {
  // Entity spans from the recognizer, if it ran, indexed by first token.
  // Day and month names at a span's edge belong to a date, not the name
  // ("Interview with founder Hugh McGuire Sunday, May 28").
  auto is_date_word = [&](uint32_t t) {
    static constexpr std::array<std::string_view, 19> kDateWords = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december", "yesterday"};
    return In(kDateWords, AsciiLower(doc.TokenText(t)));
  };
  std::unordered_map<uint32_t, Mention> ner_at;
  for (Mention m : doc.mentions) {
    if (m.label != "PER" && m.label != "ORG" && m.label != "LOC") continue;
    while (m.last_token > m.first_token + 1 && is_date_word(m.last_token - 1)) --m.last_token;
    while (m.first_token + 1 < m.last_token && is_date_word(m.first_token)) ++m.first_token;
    if (m.last_token - m.first_token == 1 && is_date_word(m.first_token)) continue;
    m.span = Span{doc.tokens[m.first_token].span.begin, doc.tokens[m.last_token - 1].span.end};
    ner_at.emplace(m.first_token, m);
  }
  bool have_ner = !doc.tokens.empty() && !doc.tokens[0].ner.empty();
  doc.mentions.clear();
  doc.actors.clear();
  Builder b{kb_, doc, {}, {}, 0};
  if (doc.published.size() >= 4) b.year = std::atoi(doc.published.substr(0, 4).c_str());

  std::vector<std::string_view> words;
  std::vector<Candidate> cands;
  for (const auto& sent : doc.sentences) {
    words.clear();
    for (uint32_t t = 0; t < sent.token_count; ++t) words.push_back(doc.TokenText(sent.first_token + t));
    uint32_t n = sent.token_count;
    uint32_t i = 0;
    while (i < n) {
      uint32_t abs = sent.first_token + i;
      auto ner = ner_at.find(abs);
      uint32_t ner_len = ner != ner_at.end() ? ner->second.last_token - ner->second.first_token : 0;
      KnowledgeBase::Match m = kb_ ? kb_->LongestMatch(words, i) : KnowledgeBase::Match{};
      if (m.entry < 0 && kb_) {
        // "anti-EU", "pro-Kremlin", "pro-Russian": the actor inside a prefixed word.
        std::string lower = AsciiLower(words[i]);
        size_t prefix = lower.rfind("anti-", 0) == 0 ? 5 : lower.rfind("pro-", 0) == 0 ? 4 : 0;
        if (prefix > 0 && words[i].size() > prefix + 1) {
          std::vector<std::string_view> rest{words[i].substr(prefix)};
          KnowledgeBase::Match km = kb_->LongestMatch(rest, 0);
          if (km.entry >= 0) {
            const KbEntry& e = kb_->entries()[km.entry];
            bool demonym = km.via == KnowledgeBase::Via::kDemonym;
            Candidate c{abs, abs + 1, demonym ? Kind::kDemonym : Kind::kName, km.entry, "PREFIX", e.type,
                        e.country, "", ""};
            c.skip_bytes = static_cast<uint32_t>(prefix);
            cands.push_back(c);
            ++i;
            continue;
          }
        }
      }
      if (m.entry >= 0 && static_cast<uint32_t>(m.tokens) >= ner_len) {
        const KbEntry& e = kb_->entries()[m.entry];
        Candidate c{abs, abs + static_cast<uint32_t>(m.tokens), Kind::kName, m.entry, "KB", e.type, e.country, "", ""};
        // Skip a leading "the" in the span.
        if (AsciiLower(words[i]) == "the" && m.tokens > 1) c.first += 1;
        if (m.via == KnowledgeBase::Via::kDemonym) {
          c.kind = Kind::kDemonym;
          c.label = "DEM";
          uint32_t r = i + static_cast<uint32_t>(m.tokens);
          std::string next = r < n ? AsciiLower(words[r]) : "";
          // "a former Russian minister" is someone new, not the minister the document knows.
          bool indefinite = false;
          for (uint32_t j = i; j-- > 0;) {
            std::string w = AsciiLower(words[j]);
            if (w == "former" || w == "ex" || w == "senior" || w == "top" || w == "then" || w == "leading" ||
                w == "prominent" || w == "retired")
              continue;
            indefinite = w == "a" || w == "an" || w == "another" || w == "one" || w == "some" || w == "several";
            break;
          }
          if (IsRoleNoun(next) && next != "official" && next != "agent" && next != "member" && !indefinite) {
            // "the Russian leader": the demonym is the country, the role noun describes a person.
            cands.push_back(c);
            Candidate d{abs + static_cast<uint32_t>(m.tokens), abs + static_cast<uint32_t>(m.tokens) + 1,
                        Kind::kDescription, -1, "DESC", ActorType::kPerson, e.country, "", ""};
            if (next == "prime" && r + 1 < n) d.last += 1;
            cands.push_back(d);
            i = d.last - sent.first_token;
            continue;
          }
        }
        if (e.type == ActorType::kPerson && !e.country.empty()) {
          // "Putin officials", "the Putin regime", "Putin's government": the state, not the person.
          uint32_t r = i + static_cast<uint32_t>(m.tokens);
          if (r < n && (words[r] == "'s" || words[r] == "\u2019s")) ++r;
          if (r < n && IsGovernmentNoun(AsciiLower(words[r]))) {
            if (const KbEntry* ce = kb_->Country(e.country)) {
              c.kb_entry = static_cast<int>(ce - kb_->entries().data());
              c.type = ActorType::kCountry;
              c.label = "GOV";
            }
          }
        }
        cands.push_back(c);
        i += static_cast<uint32_t>(m.tokens);
        continue;
      }
      if (m.entry < 0) {
        // "a member of Socialist Resistance", "a contributor to International
        // Viewpoint": a capitalised name after a membership phrase is an organisation.
        if (uint32_t len = OrganisationAfterRolePhrase(doc, words, i); len > 0) {
          cands.push_back(Candidate{abs, abs + len, Kind::kName, -1, "ORG", ActorType::kOrganization, "", "", ""});
          i += len;
          continue;
        }
      }
      if (ner_len > 0) {
        Mention nm = ner->second;
        // Trim leading words the tagger does not see as names ("Remember Putin", "Politically Trump").
        while (nm.last_token - nm.first_token > 1) {
          const std::string& u = doc.tokens[nm.first_token].upos;
          if (u.empty() || u == "PROPN" || u == "NOUN" || u == "ADJ" || u == "X") break;
          ++nm.first_token;
        }
        if (nm.first_token != ner->second.first_token) {
          // What is left may be a KB name ("Putin").
          KnowledgeBase::Match km = kb_ ? kb_->LongestMatch(words, nm.first_token - sent.first_token)
                                        : KnowledgeBase::Match{};
          if (km.entry >= 0 && nm.first_token + static_cast<uint32_t>(km.tokens) == nm.last_token) {
            const KbEntry& e = kb_->entries()[km.entry];
            cands.push_back(Candidate{nm.first_token, nm.last_token, Kind::kName, km.entry, "KB", e.type, e.country, "", ""});
            i += ner_len;
            continue;
          }
        }
        std::string surface(doc.Slice(Span{doc.tokens[nm.first_token].span.begin, doc.tokens[nm.last_token - 1].span.end}));
        Candidate c{nm.first_token, nm.last_token, Kind::kName, -1, nm.label, ActorType::kPerson, "", "", ""};
        if ((nm.label == "PER" || nm.label == "LOC") &&
            ((nm.last_token - nm.first_token >= 2 && In(kOrgWords, AsciiLower(doc.TokenText(nm.last_token - 1)))) ||
             (nm.label == "PER" && nm.last_token - nm.first_token == 1 && IsAcronym(doc.TokenText(nm.first_token)))))
          c.label = "ORG";  // "Civic Party" ending in an organisation word; "DAB", an acronym, is no person
        if (c.label == "ORG") c.type = ActorType::kOrganization;
        bool keep = true;
        if (nm.label == "LOC") {
          std::string cc = kb_ ? kb_->CountryOfCapitalOrMetonym(surface) : "";
          if (cc.empty() && LooksLikePersonName(doc, cands, nm.first_token, nm.last_token, sent.first_token)) {
            c.label = "PER";  // the recognizer's place is a person ("its undersecretary, Di Stefano")
          } else if (cc.empty()) keep = false;  // cities and regions are not actors
          else if (const KbEntry* ce = kb_->Country(cc)) {
            c.kb_entry = static_cast<int>(ce - kb_->entries().data());
            c.type = ActorType::kCountry;
          }
        }
        if (nm.label == "MISC") keep = false;
        if (keep) cands.push_back(c);
        i += ner_len;
        continue;
      }
      std::string lw = AsciiLower(words[i]);
      if (IsPronoun(lw)) {
        Candidate c{abs, abs + 1, Kind::kPronoun, -1, "PRON", ActorType::kPerson, "", lw, ""};
        cands.push_back(c);
        ++i;
        continue;
      }
      if ((lw == "this" || lw == "that" || lw == "the") && i + 1 < n) {
        // "this movement", "the party": the organisation of that kind named last.
        std::string noun = AsciiLower(words[i + 1]);
        // The organisation named last must have the noun in its name ("the bank" -> "First Czech-Russian Bank").
        static constexpr std::array<std::string_view, 16> kKindNouns = {
            "movement", "party", "alliance", "coalition", "organisation", "organization", "association", "bank",
            "foundation", "fund", "union", "league", "front", "council", "committee", "group"};
        bool kind_noun = In(kKindNouns, noun);
        // "the party of X" and "the Party Congress" name something else; "the party's treasurer" is the party's.
        bool followed = i + 2 < n && (AsciiLower(words[i + 2]) == "of" || StartsUpper(words[i + 2]));
        if (kind_noun && !followed) {
          cands.push_back(Candidate{abs + 1, abs + 2, Kind::kPronoun, -1, "DESC", ActorType::kOrganization, "", noun, ""});
          i += 2;
          continue;
        }
      }
      if (lw == "the" && i + 1 < n && (AsciiLower(words[i + 1]) == "latter" || AsciiLower(words[i + 1]) == "former") &&
          !(i + 2 < n && StartsUpper(words[i + 2]))) {
        Candidate c{abs, abs + 2, Kind::kPronoun, -1, "PRON", ActorType::kPerson, "", AsciiLower(words[i + 1]), ""};
        cands.push_back(c);
        i += 2;
        continue;
      }
      if (have_ner && doc.tokens[abs].upos == "PROPN" && StartsUpper(words[i]) && !In(kNotNames, words[i]) &&
          ner_at.find(abs) == ner_at.end() && doc.tokens[abs].head >= 0) {
        // A name the recognizer missed that the sentence calls an organisation.
        uint32_t j = i;
        while (j < n && doc.tokens[sent.first_token + j].upos == "PROPN" && StartsUpper(words[j]) &&
               ner_at.find(sent.first_token + j) == ner_at.end() && j < i + 4)
          ++j;
        if (DescribedAsOrganisation(doc, sent, abs, sent.first_token + j)) {
          cands.push_back(Candidate{abs, sent.first_token + j, Kind::kName, -1, "ORG", ActorType::kOrganization, "",
                                    "", ""});
          i = j;
          continue;
        }
      }
      if (have_ner && doc.tokens[abs].upos == "PROPN" && StartsUpper(words[i]) && !In(kNotNames, words[i]) &&
          i + 1 < n && doc.tokens[abs + 1].upos == "PROPN" && StartsUpper(words[i + 1])) {
        // Names the recognizer missed: a run of two or more capitalised proper nouns.
        uint32_t j = i;
        while (j < n && doc.tokens[sent.first_token + j].upos == "PROPN" && StartsUpper(words[j]) &&
               ner_at.find(sent.first_token + j) == ner_at.end())
          ++j;
        if (j - i >= 2 && j - i <= 4) {
          bool org = false;
          for (uint32_t k = i; k < j; ++k) org = org || In(kOrgWords, AsciiLower(words[k]));
          std::string cc = kb_ ? kb_->CountryOfCapitalOrMetonym(std::string(doc.Slice(
                                     Span{doc.tokens[abs].span.begin, doc.tokens[sent.first_token + j - 1].span.end})))
                               : "";
          if (cc.empty())
            cands.push_back(Candidate{abs, sent.first_token + j, Kind::kName, -1, org ? "ORG" : "PER",
                                      org ? ActorType::kOrganization : ActorType::kPerson, "", "", ""});
        }
        i = std::max(j, i + 1);
        continue;
      }
      if (!have_ner && StartsUpper(words[i]) && !In(kNotNames, words[i])) {
        // Fallback when no entity model ran: a run of capitalised words.
        uint32_t j = i;
        while (j < n && (StartsUpper(words[j]) || ((words[j] == "de" || words[j] == "di" || words[j] == "von" ||
                                                    words[j] == "van" || words[j] == "of") &&
                                                   j + 1 < n && StartsUpper(words[j + 1]) && j > i)))
          ++j;
        uint32_t len = j - i;
        bool org = false;
        for (uint32_t k = i; k < j; ++k) org = org || In(kOrgWords, AsciiLower(words[k]));
        if (len >= 2 || (len == 1 && IsAcronym(words[i]))) {
          Candidate c{abs, abs + len, Kind::kName, -1, org || IsAcronym(words[i]) ? "ORG" : "PER",
                      org || IsAcronym(words[i]) ? ActorType::kOrganization : ActorType::kPerson, "", "", ""};
          cands.push_back(c);
        } else if (len == 1) {
          // A single capitalised word: a surname of a person already seen.
          auto toks = NameTokens(words[i]);
          for (const auto& a : doc.actors)
            if (a.type == ActorType::kPerson && SubsetOf(toks, NameTokens(a.name))) {
              cands.push_back(Candidate{abs, abs + 1, Kind::kName, -1, "PER", ActorType::kPerson, "", "", ""});
              break;
            }
        }
        i = j;
        continue;
      }
      ++i;
    }
  }

  // Resolve candidates in text order.
  std::vector<int> cand_actor(cands.size(), -1);
  auto surface = [&](const Candidate& c) {
    return std::string(doc.Slice(Span{doc.tokens[c.first].span.begin + c.skip_bytes, doc.tokens[c.last - 1].span.end}));
  };
  auto sentence_of = [&](uint32_t tok) {
    auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), tok,
                               [](uint32_t t, const Sentence& s) { return t < s.first_token; });
    return static_cast<int>(it - doc.sentences.begin()) - 1;
  };
  for (size_t k = 0; k < cands.size(); ++k) {
    Candidate& c = cands[k];
    if (c.kind == Kind::kName) {
      std::string s = surface(c);
      // Strip a possessive token if it slipped into the span.
      if (c.type == ActorType::kPerson) s = std::string(StripTitles(s));
      if (c.kb_entry >= 0) cand_actor[k] = b.ActorForKb(c.kb_entry, c.label == "GOV" ? kb_->entries()[c.kb_entry].name : s);
      else cand_actor[k] = b.ActorForName(s, c.type);
    } else if (c.kind == Kind::kDemonym) {
      if (const KbEntry* ce = kb_->Country(c.country))
        cand_actor[k] = b.ActorForKb(static_cast<int>(ce - kb_->entries().data()), ce->name);
    }
  }
  // Acronyms and former names defined in parentheses: NAME ( ALIAS [, formerly ALIAS] ).
  for (size_t k = 0; k + 1 < cands.size(); ++k) {
    if (cand_actor[k] < 0 || cands[k].kind != Kind::kName) continue;
    uint32_t after = cands[k].last;
    if (after >= doc.tokens.size() || doc.TokenText(after) != "(") continue;
    for (size_t j = k + 1; j < cands.size() && cands[j].first < after + 8; ++j) {
      if (cands[j].kind != Kind::kName || cand_actor[j] == cand_actor[k]) continue;
      int from = cand_actor[j], to = cand_actor[k];
      if (doc.actors[from].type == ActorType::kCountry || doc.actors[to].type == ActorType::kCountry) continue;
      // Merge `from` into `to`: every candidate of `from` now points to `to`.
      for (const auto& al : doc.actors[from].aliases) b.AddAlias(to, al);
      if (doc.actors[to].kb_ref.empty()) doc.actors[to].kb_ref = doc.actors[from].kb_ref;
      if (IsAcronym(doc.actors[to].name) && !IsAcronym(doc.actors[from].name)) doc.actors[to].name = doc.actors[from].name;
      doc.actors[to].type = ActorType::kOrganization;
      for (auto& ca : cand_actor)
        if (ca == from) ca = to;
      doc.actors[from].name.clear();  // marked dead; compacted below
    }
  }
  // Pronouns, "the latter/former" and descriptions.
  for (size_t k = 0; k < cands.size(); ++k) {
    Candidate& c = cands[k];
    if (c.kind == Kind::kDescription) {
      // An apposed name ("the Brazilian president, Bolsonaro" / "Bolsonaro, the Brazilian president"),
      // else a person of that country already in the document, else the KB's office holder.
      int best = -1;
      auto person_at = [&](size_t j) {
        return j < cands.size() && cands[j].kind == Kind::kName && cand_actor[j] >= 0 &&
                       doc.actors[cand_actor[j]].type == ActorType::kPerson
                   ? cand_actor[j]
                   : -1;
      };
      if (k + 1 < cands.size() && cands[k + 1].first <= c.last + 1 && person_at(k + 1) >= 0 &&
          (cands[k + 1].first == c.last || doc.TokenText(c.last) == ","))
        best = person_at(k + 1);
      if (best < 0 && k >= 2 && cands[k - 1].kind == Kind::kDemonym && person_at(k - 2) >= 0) {
        uint32_t gap_from = cands[k - 2].last, gap_to = cands[k - 1].first;
        bool apposed = gap_to > gap_from && doc.TokenText(gap_from) == ",";
        for (uint32_t g = gap_from + 1; g < gap_to && apposed; ++g) {
          std::string w = AsciiLower(doc.TokenText(g));
          apposed = w == "the" || w == "former" || w == "a";
        }
        if (apposed) best = person_at(k - 2);
      }
      if (best >= 0) { cand_actor[k] = best; continue; }
      for (size_t j = 0; j < k; ++j)
        if (cand_actor[j] >= 0 && doc.actors[cand_actor[j]].type == ActorType::kPerson &&
            doc.actors[cand_actor[j]].country == c.country)
          best = cand_actor[j];
      if (best < 0 && kb_) {
        for (size_t e = 0; e < kb_->entries().size() && best < 0; ++e) {
          const KbEntry& ke = kb_->entries()[e];
          if (ke.type != ActorType::kPerson || !ke.curated()) continue;
          for (const auto& r : ke.roles) {
            bool head = r.role == "president" || r.role == "prime_minister" || r.role == "prime minister" ||
                        r.role == "leader" || r.role == "chancellor" || r.role == "head_of_state";
            if (!head || r.org_or_country != c.country) continue;
            int from = r.from.size() >= 4 ? std::atoi(r.from.substr(0, 4).c_str()) : 0;
            int to = r.to.size() >= 4 ? std::atoi(r.to.substr(0, 4).c_str()) : 9999;
            if (b.year == 0 || (from <= b.year && b.year <= to)) {
              best = b.ActorForKb(static_cast<int>(e), ke.name);
              break;
            }
          }
        }
      }
      cand_actor[k] = best;
      continue;
    }
    if (c.kind != Kind::kPronoun) continue;
    if (c.label == "DESC") {
      // "this movement": the nearest earlier organisation whose name has the noun.
      int sent = sentence_of(c.first);
      for (size_t j = k; j-- > 0 && sentence_of(cands[j].first) >= sent - 8;) {
        int a = cand_actor[j];
        if (a < 0 || doc.actors[a].name.empty() || doc.actors[a].type != ActorType::kOrganization) continue;
        bool has_noun = false;
        for (const auto& alias : doc.actors[a].aliases)
          has_noun = has_noun || AsciiLower(alias).find(c.pronoun) != std::string::npos;
        // Or the knowledge base says it is one ("the party" -> the National Rally, kind "party").
        if (!has_noun && kb_ != nullptr && !doc.actors[a].kb_ref.empty())
          if (const KbEntry* e = kb_->FindById(doc.actors[a].kb_ref)) has_noun = e->kind == c.pronoun;
        if (has_noun) { cand_actor[k] = a; break; }
      }
      continue;
    }
    bool person = c.pronoun != "it" && c.pronoun != "its" && c.pronoun != "they" && c.pronoun != "them" &&
                  c.pronoun != "their";
    char want = (c.pronoun == "she" || c.pronoun == "her" || c.pronoun == "hers" || c.pronoun == "herself") ? 'f'
                : (c.pronoun[0] == 'h' && person)                                                          ? 'm'
                                                                                                          : 0;
    int sent = sentence_of(c.first);
    auto compatible = [&](int a) {
      if (a < 0 || doc.actors[a].name.empty()) return false;
      const Actor& act = doc.actors[a];
      if (person) return act.type == ActorType::kPerson && (want == 0 || b.gender[a] == 0 || b.gender[a] == want);
      return act.type == ActorType::kOrganization;
    };
    int chosen = -1;
    if (c.pronoun == "latter" || c.pronoun == "former") {
      std::vector<int> seen;
      for (size_t j = k; j-- > 0;) {
        int a = cand_actor[j];
        if (!compatible(a) || std::find(seen.begin(), seen.end(), a) != seen.end()) continue;
        if (sentence_of(cands[j].first) == sent) continue;  // "Putin praised the latter": not Putin
        seen.push_back(a);
        if (seen.size() == 2) break;
      }
      if (!seen.empty()) chosen = c.pronoun == "latter" || seen.size() < 2 ? seen[0] : seen[1];
    } else {
      // Same sentence, before the pronoun: the nearest compatible actor.
      for (size_t j = k; j-- > 0 && sentence_of(cands[j].first) == sent;)
        if (compatible(cand_actor[j])) { chosen = cand_actor[j]; break; }
      // Else, in the nearest earlier sentence that has a compatible actor, its
      // grammatical subject, or else its first such actor (salience).
      auto is_subject = [&](const Candidate& c) {
        for (uint32_t t = c.first; t < c.last; ++t)
          if (doc.tokens[t].deprel.rfind("nsubj", 0) == 0) return true;
        return false;
      };
      // An organisation ("it", "they") is looked for one sentence back, a person three.
      const int reach = person ? 3 : 1;
      for (int s = sent - 1; chosen < 0 && s >= 0 && s >= sent - reach; --s) {
        int first = -1;
        for (size_t j = 0; j < k; ++j) {
          if (sentence_of(cands[j].first) != s || !compatible(cand_actor[j])) continue;
          if (first < 0) first = cand_actor[j];
          if (is_subject(cands[j])) { chosen = cand_actor[j]; break; }
        }
        if (chosen < 0) chosen = first;
      }
    }
    cand_actor[k] = chosen;
    if (chosen >= 0 && want != 0 && b.gender[chosen] == 0) b.gender[chosen] = want;
  }

  // Tokens inside a candidate; the two passes below only look outside them.
  std::vector<char> covered(doc.tokens.size(), 0);
  for (const auto& c : cands)
    for (uint32_t t = c.first; t < c.last && t < covered.size(); ++t) covered[t] = 1;

  // Surnames the recognizer missed ("Salvini" after "Matteo Salvini"): a
  // capitalised proper noun outside every mention that is the last name of
  // exactly one person of the document.
  {
    std::unordered_map<std::string, int> by_last;
    for (size_t a = 0; a < doc.actors.size(); ++a) {
      if (doc.actors[a].type != ActorType::kPerson || doc.actors[a].name.empty()) continue;
      auto toks = NameTokens(doc.actors[a].name);
      if (toks.size() < 2) continue;
      auto [it, fresh] = by_last.emplace(toks.back(), static_cast<int>(a));
      if (!fresh && it->second != static_cast<int>(a)) it->second = -1;  // shared surname: ambiguous
    }
    std::vector<char> starts(doc.tokens.size() + 1, 0);
    for (const Sentence& s : doc.sentences) starts[s.first_token] = 1;
    for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
      if (covered[t] || !StartsUpper(doc.TokenText(t))) continue;
      const std::string& u = doc.tokens[t].upos;
      // A capitalised noun is a name where capitals are not the sentence's
      // ("said Banks"), or where a verb follows it at the start ("Banks met ...").
      bool named_noun = u == "NOUN" && (!starts[t] || (t + 1 < doc.tokens.size() && doc.tokens[t + 1].upos == "VERB"));
      if (!u.empty() && u != "PROPN" && !named_noun) continue;
      if (t + 1 < doc.tokens.size() && StartsUpper(doc.TokenText(t + 1)) && !covered[t + 1]) continue;
      auto it = by_last.find(AsciiLower(doc.TokenText(t)));
      if (it == by_last.end() || it->second < 0) continue;
      cands.push_back(Candidate{t, t + 1, Kind::kName, -1, "PER", ActorType::kPerson, "", "", ""});
      cand_actor.push_back(it->second);
      covered[t] = 1;
    }
  }

  // Names the recognizer found once but missed elsewhere ("Legislative
  // Council member" recognized, "Legislative Council elections" not): every
  // uncovered exact occurrence of a document actor's multi-word name or
  // alias, or of an organisation's acronym, is that actor.
  {
    struct Form {
      std::vector<std::string> words;
      int actor;
    };
    std::vector<Form> forms;
    for (size_t a = 0; a < doc.actors.size(); ++a) {
      const Actor& act = doc.actors[a];
      if (act.name.empty() || act.type == ActorType::kCountry) continue;
      std::vector<std::string> names = act.aliases;
      names.push_back(act.name);
      for (const std::string& name : names) {
        std::vector<std::string> words = SplitOnSpaces(name);
        bool acronym = words.size() == 1 && act.type == ActorType::kOrganization && IsAcronym(words[0]);
        if ((words.size() < 2 && !acronym) || !StartsUpper(words[0])) continue;
        forms.push_back(Form{std::move(words), static_cast<int>(a)});
      }
    }
    // Forms by their first word: one lookup a token (forms no longer grows).
    std::unordered_multimap<std::string_view, const Form*> by_first;
    for (const Form& f : forms) by_first.emplace(f.words[0], &f);
    for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
      if (covered[t]) continue;
      auto [first_form, last_form] = by_first.equal_range(doc.TokenText(t));
      for (auto it = first_form; it != last_form; ++it) {
        const Form& f = *it->second;
        if (t + f.words.size() > doc.tokens.size()) continue;
        bool match = true;
        for (size_t j = 0; j < f.words.size() && match; ++j)
          match = !covered[t + j] && doc.TokenText(static_cast<uint32_t>(t + j)) == f.words[j];
        // Not inside a longer capitalised name ("Legislative Council Secretariat").
        uint32_t end = t + static_cast<uint32_t>(f.words.size());
        if (match && end < doc.tokens.size() && doc.tokens[end].upos == "PROPN" && StartsUpper(doc.TokenText(end)))
          match = false;
        if (!match) continue;
        ActorType type = doc.actors[f.actor].type;
        cands.push_back(Candidate{t, end, Kind::kName, -1, type == ActorType::kPerson ? "PER" : "ORG", type, "", "", ""});
        cand_actor.push_back(f.actor);
        for (uint32_t k = t; k < end; ++k) covered[k] = 1;
        t = end - 1;
        break;
      }
    }
  }

  // Compact dead actors and write mentions.
  std::vector<int> remap(doc.actors.size(), -1);
  std::vector<Actor> live;
  for (size_t a = 0; a < doc.actors.size(); ++a) {
    if (doc.actors[a].name.empty()) continue;
    remap[a] = static_cast<int>(live.size());
    live.push_back(std::move(doc.actors[a]));
  }
  doc.actors = std::move(live);
  for (size_t k = 0; k < cands.size(); ++k) {
    if (cand_actor[k] < 0 || remap[cand_actor[k]] < 0) continue;
    const Candidate& c = cands[k];
    Mention m;
    m.first_token = c.first;
    m.last_token = c.last;
    m.span = Span{doc.tokens[c.first].span.begin + c.skip_bytes, doc.tokens[c.last - 1].span.end};
    m.label = c.label;
    m.actor = remap[cand_actor[k]];
    doc.mentions.push_back(m);
  }
  // Text order, so later stages find a sentence's mentions by binary search.
  std::stable_sort(doc.mentions.begin(), doc.mentions.end(),
                   [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
}

}  // namespace tiegraph
