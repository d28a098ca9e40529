#include "tiegraph/extract/claim_extractor.h"

#include "tiegraph/extract/cameo_dictionary.h"
#include "tiegraph/text/ascii.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "tiegraph/extract/modality.h"
#include "tiegraph/extract/time_expressions.h"
#include "tiegraph/extract/triggers.h"

namespace tiegraph {
namespace {


bool IsRole(std::string_view w) {
  static const std::set<std::string_view> kRoles = {
      "president", "leader", "chairman", "chairwoman", "head", "minister", "secretary", "director", "founder",
      "officer", "agent", "spokesman", "spokeswoman", "ambassador", "senator", "deputy", "mayor", "governor",
      "chancellor", "premier", "undersecretary", "mp", "mep", "chief", "commander", "member", "candidate", "ceo",
      "co-leader", "co-chair", "co-founder"};
  return kRoles.count(w) > 0;
}

bool IsMediaNoun(std::string_view w) {
  static const std::set<std::string_view> kMedia = {"station", "broadcaster", "channel", "media", "outlet", "agency",
                                                    "bank", "company", "network", "newspaper", "tv", "firm",
                                                    "giant", "corporation", "service", "ministry", "television"};
  return kMedia.count(w) > 0;
}

bool IsSpeechVerb(std::string_view w) {
  static const std::set<std::string_view> kSpeech = {"said", "say", "says", "stated", "state", "states", "told",
                                                     "tell", "claimed", "claim", "argued", "added", "noted",
                                                     "insisted", "declared", "replied", "wrote", "suggested",
                                                     "saying", "stating", "telling", "claiming", "arguing", "adding",
                                                     "noting", "insisting", "declaring", "replying", "writing",
                                                     "suggesting", "argue", "argues", "note", "notes", "insist",
                                                     "insists", "declare", "declares", "reply", "replies", "write",
                                                     "writes", "suggest", "suggests", "add", "adds"};
  return kSpeech.count(w) > 0;
}

// Evaluative words that, predicated of an actor ("X is a talented statesman",
// "X is the aggressor"), make the speaker praise or criticise X.
int EvaluativeSign(std::string_view w) {
  static const std::set<std::string_view> kPositive = {
      "talented", "genius", "smart", "brilliant", "gifted", "great", "wise", "clever", "admirable",
      "statesman", "hero", "visionary", "patriot", "friend", "outstanding", "remarkable", "respected",
      "courageous", "fantastic", "wonderful", "excellent", "honest", "decent", "savvy", "intelligent", "shrewd",
      "reliable", "trustworthy"};
  static const std::set<std::string_view> kNegative = {
      "aggressor", "dictator", "criminal", "liar", "tyrant", "thug", "murderer", "threat", "illegitimate",
      "puppet", "corrupt", "war-monger", "warmonger", "terrorist", "fascist", "enemy", "disgrace",
      "senile", "incompetent", "evil", "killer", "madman", "butcher", "clown", "traitor", "idiot", "monster",
      "autocrat", "despot", "gangster", "nazi", "racist", "extremist", "lunatic", "psychopath", "pariah",
      "menace", "kleptocrat", "weak", "dangerous", "disgraceful", "shameful"};
  if (kPositive.count(w)) return 1;
  if (kNegative.count(w)) return -1;
  return 0;
}

// The index range of a sentence's mentions (the resolver keeps them in text order).
std::pair<size_t, size_t> MentionsOf(const Document& doc, const Sentence& s) {
  auto by_token = [](const Mention& m, uint32_t t) { return m.first_token < t; };
  auto lo = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), s.first_token, by_token);
  auto hi = std::lower_bound(lo, doc.mentions.end(), s.first_token + s.token_count, by_token);
  return {static_cast<size_t>(lo - doc.mentions.begin()), static_cast<size_t>(hi - doc.mentions.begin())};
}

bool IsPartyNoun(std::string_view w) {
  return w == "party" || w == "movement" || w == "parties" || w == "organisation" || w == "organization";
}

// The organisation a person belongs to, by the member claims found so far
// ("Salvini, leader of the Lega, ..." then "Salvini's party"); -1 if none or several.
int PartyOf(const Document& doc, int person) {
  int found = -1;
  for (const Claim& c : doc.claims) {
    if (c.relation != "member" || c.subject != person || c.negated) continue;
    if (doc.actors[c.object].type != ActorType::kOrganization) continue;
    if (found >= 0 && found != c.object) return -1;
    found = c.object;
  }
  return found;
}

// One sentence's view: mentions by token, children by head.
struct SentenceView {
  const Document& doc;
  const Sentence& s;
  int aggressor = -1;             // the document's invader, for "the invasion" (see FindAggressor)
  std::vector<int> actor_at;      // per token in sentence: actor or -1
  std::vector<int> mention_at;    // per token: mention index or -1
  std::vector<std::vector<uint32_t>> children;  // rel indices
  bool parsed = false;

  SentenceView(const Document& d, const Sentence& sent) : doc(d), s(sent) {
    uint32_t n = s.token_count;
    actor_at.assign(n, -1);
    mention_at.assign(n, -1);
    auto [first_m, last_m] = MentionsOf(doc, s);
    for (size_t m = first_m; m < last_m; ++m) {
      const Mention& mm = doc.mentions[m];
      for (uint32_t t = mm.first_token; t < mm.last_token && t < s.first_token + n; ++t) {
        actor_at[t - s.first_token] = mm.actor;
        mention_at[t - s.first_token] = static_cast<int>(m);
      }
    }
    children.assign(n, {});
    parsed = n > 0;
    for (uint32_t i = 0; i < n; ++i) {
      int h = doc.tokens[s.first_token + i].head;
      if (h < 0) { parsed = false; break; }
      if (h > 0 && static_cast<uint32_t>(h) <= n) children[h - 1].push_back(i);
    }
    // "Salvini's party" is the party the document says he belongs to.
    if (parsed)
      for (uint32_t i = 0; i < n; ++i) {
        int h = head(i);
        if (rel(i) != "nmod:poss" || h < 0 || actor_at[i] < 0 || actor_at[h] >= 0 || !IsPartyNoun(word(h))) continue;
        if (doc.actors[actor_at[i]].type != ActorType::kPerson) continue;
        if (int party = PartyOf(doc, actor_at[i]); party >= 0) actor_at[i] = actor_at[h] = party;
      }
    // Sources are no parties: "according to reports from WikiLeaks" names no actor of the claim.
    if (parsed)
      for (uint32_t i = 0; i < n; ++i)
        if (rel(i) == "case" && word(i) == "according" && head(i) >= 0) ClearSubtree(static_cast<uint32_t>(head(i)));
  }
  void ClearSubtree(uint32_t i, int depth = 0) {
    if (depth > 12) return;
    actor_at[i] = -1;
    for (uint32_t c : children[i]) ClearSubtree(c, depth + 1);
  }
  const Token& tok(uint32_t i) const { return doc.tokens[s.first_token + i]; }
  std::string word(uint32_t i) const { return AsciiLower(doc.TokenText(s.first_token + i)); }
  int head(uint32_t i) const { return tok(i).head - 1; }  // -1 = root
  std::string rel(uint32_t i) const {
    const std::string& r = tok(i).deprel;
    return r;
  }
  std::string base_rel(uint32_t i) const {
    std::string r = tok(i).deprel;
    auto c = r.find(':');
    return c == std::string::npos ? r : r.substr(0, c);
  }
  // The preposition ("case" child) of a nominal, lower-cased; "" if none.
  std::string prep(uint32_t i) const {
    for (uint32_t c : children[i])
      if (rel(c) == "case") return word(c);
    return "";
  }
  std::vector<uint32_t> kids(uint32_t i, std::string_view r) const {
    std::vector<uint32_t> out;
    for (uint32_t c : children[i])
      if (rel(c) == r || base_rel(c) == r) out.push_back(c);
    return out;
  }
};

// Actors a nominal at token i stands for: its mention, its conjuncts and
// appositions; with deep=true also a demonym/possessor/compound modifier or
// an "of" phrase when the nominal itself names no actor ("Russian
// intervention", "His business interests", "imports of Russian gas").
bool IsInvasionWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "invasion", "invasions", "incursion", "incursions", "aggression", "annexation", "invade", "invaded",
      "invades", "invading", "annex", "annexed", "annexes", "annexing"};
  return kWords.count(w) > 0;
}

// Nouns for an act of war whose doer the article may leave implicit ("condemned the invasion").
bool IsWarEventNoun(std::string_view w) {
  static const std::set<std::string_view> kWords = {"invasion", "incursion", "aggression", "annexation", "attack",
                                                    "war", "offensive", "assault", "occupation", "bombing"};
  return kWords.count(w) > 0;
}

// Nouns for people tied to someone ("his collaborators", "Putin's friends",
// "her family"): an unnamed group, never the possessor itself (GUIDELINES).
bool IsPeopleNoun(std::string_view w) {
  static const std::set<std::string_view> kPeople = {
      "people", "follower", "followers", "voter", "voters", "family", "wife", "husband", "son", "daughter",
      "children", "relative", "relatives", "lawyer", "lawyers", "colleague", "colleagues", "associate",
      "associates", "staff", "team", "entourage", "circle", "crony", "cronies"};  // and every agent noun trigger
  if (kPeople.count(w)) return true;
  if (w == "board" || w == "boards") return false;  // "joined the boards of X": a body of X
  for (const Trigger* t : FindTriggers(w))
    if (t->agent_noun) return true;
  return false;
}

// "the two leaders", "both men", "the two countries": the last two distinct
// actors of that kind named before token i, in its sentence or the two
// before (GUIDELINES: a plural description covers the actors it clearly
// points to). Empty when i is no such description.
std::vector<int> PairDescribedAt(const SentenceView& v, uint32_t i) {
  static const std::set<std::string_view> kPeople = {"leaders", "men", "women", "presidents", "politicians",
                                                     "ministers", "figures", "heads"};
  static const std::set<std::string_view> kStates = {"countries", "nations", "states", "governments"};
  std::string w = v.word(i);
  bool people = kPeople.count(w) > 0, states = kStates.count(w) > 0;
  if (!people && !states) return {};
  bool pair = false;
  for (uint32_t c : v.children[i]) pair = pair || v.word(c) == "two" || v.word(c) == "both";
  if (!pair) return {};
  const ActorType want = people ? ActorType::kPerson : ActorType::kCountry;
  const uint32_t abs = v.s.first_token + i;
  // Two sentences back at most.
  auto here = std::lower_bound(v.doc.sentences.begin(), v.doc.sentences.end(), v.s.first_token,
                               [](const Sentence& x, uint32_t first) { return x.first_token < first; });
  size_t index = static_cast<size_t>(here - v.doc.sentences.begin());
  const uint32_t window_start = v.doc.sentences[index >= 2 ? index - 2 : 0].first_token;
  std::vector<int> found;
  for (size_t m = v.doc.mentions.size(); m-- > 0 && found.size() < 2;) {
    const Mention& mm = v.doc.mentions[m];
    if (mm.first_token >= abs || mm.actor < 0) continue;
    if (mm.first_token < window_start) break;
    if (v.doc.actors[mm.actor].type != want) continue;
    if (std::find(found.begin(), found.end(), mm.actor) == found.end()) found.push_back(mm.actor);
  }
  if (found.size() < 2) return {};
  return found;
}

void SubjectOf(const SentenceView& v, uint32_t i, std::vector<int>& out, int depth = 0, bool passive_too = false);

// Nouns for what an actor decides or does, whose holder a criticism or
// opposition of them is aimed at.
bool IsPolicyNoun(std::string_view w) {
  static const std::set<std::string_view> kNouns = {
      "policy", "policies", "decision", "decisions", "plan", "plans", "law", "laws", "ban", "move", "stance",
      "position", "positions", "remarks", "comments", "actions", "proposal", "proposals", "measures", "programme",
      "program", "approach", "strategy", "rhetoric", "practice", "practices"};
  return kNouns.count(w) > 0;
}

// "agreement", "pact", "deal": a document two sides sign.
bool IsAgreementNoun(std::string_view w) {
  return w == "agreement" || w == "agreements" || w == "pact" || w == "accord" || w == "deal" || w == "treaty" ||
         w == "memorandum";
}

bool IsWeaponNoun(std::string_view w) {
  return w == "weapons" || w == "arms" || w == "ammunition" || w == "missiles" || w == "tanks" || w == "drones" ||
         w == "munitions" || w == "weaponry" || w == "artillery" || w == "jets";
}

// "endorse" begins like "end": no ending of anything.
bool IsEndorse(std::string_view w) { return w == "endorse" || w == "endorsed"; }

void ActorsAt(const SentenceView& v, uint32_t i, bool deep, std::vector<int>& out, int depth = 0) {
  if (depth > 4) return;
  size_t before = out.size();
  // A relative pronoun stands for the noun its clause modifies ("a policy which the UN criticised").
  if (v.actor_at[i] < 0 && v.parsed && (v.word(i) == "which" || v.word(i) == "that" || v.word(i) == "who" ||
                                        v.word(i) == "whom")) {
    int clause = v.head(i);
    if (clause >= 0 && v.rel(static_cast<uint32_t>(clause)) == "acl:relcl" && v.head(static_cast<uint32_t>(clause)) >= 0)
      ActorsAt(v, static_cast<uint32_t>(v.head(static_cast<uint32_t>(clause))), deep, out, depth + 1);
    return;
  }
  if (v.actor_at[i] < 0 && v.parsed)
    for (int pairs : PairDescribedAt(v, i)) out.push_back(pairs);
  int actor = v.actor_at[i];
  // "Hungarian Prime Minister Viktor Orbán" parsed with the demonym as the
  // head: the phrase names the person it describes.
  if (actor >= 0 && v.mention_at[i] >= 0 && v.doc.mentions[v.mention_at[i]].label == "DEM" && i + 1 < v.s.token_count &&
      v.actor_at[i + 1] >= 0 && v.doc.actors[v.actor_at[i + 1]].type == ActorType::kPerson)
    actor = v.actor_at[i + 1];
  // "Labour MP Keir Starmer" parsed with the party as the head: likewise.
  if (actor >= 0 && v.doc.actors[actor].type != ActorType::kPerson) {
    uint32_t k = i + 1;
    while (k < v.s.token_count && v.actor_at[k] == v.actor_at[i]) ++k;
    uint32_t roles = k;
    while (k < v.s.token_count && k < roles + 3 && v.actor_at[k] < 0 && (IsRole(v.word(k)) || v.word(k) == "prime")) ++k;
    if (k > roles && k < v.s.token_count && v.actor_at[k] >= 0 && v.doc.actors[v.actor_at[k]].type == ActorType::kPerson &&
        v.head(k) >= 0 && (static_cast<uint32_t>(v.head(k)) == i || v.head(static_cast<uint32_t>(k)) == v.head(i)))
      actor = v.actor_at[k];
  }
  if (actor >= 0) out.push_back(actor);
  // An apposed name says what the nominal is ("Putin's party, United Russia").
  for (uint32_t c : v.children[i])
    if (v.rel(c) == "appos") ActorsAt(v, c, deep, out, depth + 1);
  if (out.size() == before && deep && !IsPeopleNoun(v.word(i))) {
    const bool war = IsWarEventNoun(v.word(i));
    std::vector<int> patients;  // "the invasion of Ukraine": of a war noun, the side attacked
    bool by_phrase = false;
    for (uint32_t c : v.children[i]) {
      std::string r = v.rel(c);
      bool of = v.base_rel(c) == "nmod" && v.prep(c) == "of";
      if (war && of) {
        ActorsAt(v, c, false, patients, depth + 1);
      } else if (r == "amod" || r == "nmod:poss" || r == "compound" || r == "det:poss" || of) {
        ActorsAt(v, c, false, out, depth + 1);
      }
      by_phrase = by_phrase || (v.base_rel(c) == "nmod" && v.prep(c) == "by");
    }
    // "condemned the invasion": an act of war whose doer the article leaves
    // implicit stands for the document's invader (GUIDELINES: the actor is the object).
    if (war && out.size() == before && !by_phrase && v.aggressor >= 0 &&
        std::find(patients.begin(), patients.end(), v.aggressor) == patients.end())
      out.push_back(v.aggressor);
    // "criticised the policy Malaysia maintained": a policy's holders are
    // the subjects of the verb whose object it is.
    if (out.size() == before && IsPolicyNoun(v.word(i)) && v.rel(i) == "obj" && v.head(i) >= 0 && depth < 3)
      SubjectOf(v, static_cast<uint32_t>(v.head(i)), out, depth + 1, false);
  }
  for (uint32_t c : v.children[i])
    if (v.rel(c) == "conj") ActorsAt(v, c, deep, out, depth + 1);
}

struct Args {
  std::vector<int> subjects, objects;
};

// The subject of a predicate (verb, predicate noun/adjective) at i: nsubj,
// else inherited through xcomp (object control), conj, advcl, or the noun a
// relative clause modifies.
// With passive_too, the subject of a passive verb counts as well: for a noun
// trigger, "X was given an audience with Y" makes X a participant.
void SubjectOf(const SentenceView& v, uint32_t i, std::vector<int>& out, int depth, bool passive_too) {
  if (depth > 4) return;
  for (uint32_t c : v.kids(i, "nsubj")) {
    if (v.rel(c) == "nsubj:pass" && !passive_too) continue;
    ActorsAt(v, c, true, out);
  }
  if (!out.empty()) return;
  int h = v.head(i);
  if (h < 0) return;
  std::string r = v.rel(i);
  if (r == "xcomp") {
    auto objs = v.kids(static_cast<uint32_t>(h), "obj");
    if (!objs.empty()) { ActorsAt(v, objs[0], true, out); if (!out.empty()) return; }
    SubjectOf(v, static_cast<uint32_t>(h), out, depth + 1, passive_too);
  } else if (r == "conj" || r == "advcl" || r == "ccomp" || r == "parataxis") {
    SubjectOf(v, static_cast<uint32_t>(h), out, depth + 1, passive_too);
  } else if (r == "acl:relcl" || r == "acl") {
    ActorsAt(v, static_cast<uint32_t>(h), false, out);
    // "It made great play of being critical of NATO": the clause describes
    // the object of a verb whose subject it is about.
    std::string hr = v.rel(static_cast<uint32_t>(h));
    if (out.empty() && r == "acl" && (hr == "obj" || hr == "obl") && v.head(static_cast<uint32_t>(h)) >= 0)
      SubjectOf(v, static_cast<uint32_t>(v.head(static_cast<uint32_t>(h))), out, depth + 1);
  } else if (r == "appos" || r == "nmod" || r == "obl") {
    // "X, the leader of Y" / "as leader of Y": the noun it describes or the clause's subject.
    if (r == "appos") ActorsAt(v, static_cast<uint32_t>(h), false, out);
    else SubjectOf(v, static_cast<uint32_t>(h), out, depth + 1);
  }
}

void ArgsForVerb(const SentenceView& v, uint32_t t, const Trigger& tr, Args& a) {
  bool passive = !v.kids(t, "nsubj:pass").empty() || !v.kids(t, "aux:pass").empty();
  // "The Wagner Group, founded by Yevgeny Prigozhin,": a participle with an agent is passive.
  if (!passive && (v.rel(t) == "acl" || v.rel(t) == "amod") && v.tok(t).xpos == "VBN")
    for (uint32_t c : v.kids(t, "obl")) {
      std::vector<int> agent;
      if (v.rel(c) == "obl:agent" || v.prep(c) == "by") ActorsAt(v, c, false, agent);
      passive = passive || !agent.empty();  // not "defeating X by 5,000 votes"
    }
  // "Sarkozy attacked Putin" tagged as a participle and parsed as a passive
  // without auxiliary or agent, yet with an object: it is active.
  // The object may come out as xcomp ("Orbán hosted/VBN Vladimir Putin").
  std::vector<uint32_t> named_objects = v.kids(t, "obj");
  for (uint32_t c : v.kids(t, "xcomp"))
    if (v.actor_at[c] >= 0) named_objects.push_back(c);
  bool mislabelled = passive && v.kids(t, "aux:pass").empty() && v.kids(t, "aux").empty() && !named_objects.empty() &&
                     v.rel(t) != "acl" && v.rel(t) != "amod";
  for (uint32_t c : v.kids(t, "obl")) mislabelled = mislabelled && v.rel(c) != "obl:agent" && v.prep(c) != "by";
  if (mislabelled) {
    for (uint32_t c : v.kids(t, "nsubj:pass")) ActorsAt(v, c, true, a.subjects);
    for (uint32_t c : named_objects) ActorsAt(v, c, true, a.objects);
  } else if (passive) {
    for (uint32_t c : v.kids(t, "nsubj:pass")) ActorsAt(v, c, true, a.objects);
    for (uint32_t c : v.kids(t, "obl"))
      if (v.prep(c) == "by" || v.rel(c) == "obl:agent") ActorsAt(v, c, true, a.subjects);
    if (v.kids(t, "nsubj:pass").empty() && (v.rel(t) == "acl" || v.rel(t) == "amod") && v.head(t) >= 0)
      ActorsAt(v, static_cast<uint32_t>(v.head(t)), false, a.objects);  // "The party set up by X"
  } else {
    SubjectOf(v, t, a.subjects);
    for (uint32_t c : v.kids(t, "obj")) ActorsAt(v, c, true, a.objects);
    for (uint32_t c : v.kids(t, "iobj")) ActorsAt(v, c, true, a.objects);
  }
  for (uint32_t c : v.kids(t, "obl")) {
    std::string p = v.prep(c);
    if (p == "by") continue;
    if (std::find(tr.object_preps.begin(), tr.object_preps.end(), p) != tr.object_preps.end())
      ActorsAt(v, c, true, a.objects);
    if (std::find(tr.subject_preps.begin(), tr.subject_preps.end(), p) != tr.subject_preps.end()) {
      std::vector<int> from;
      ActorsAt(v, c, true, from);
      // "benefited from support from Russia": the giver is inside the phrase.
      if (from.empty())
        for (uint32_t g : v.children[c])
          if (v.base_rel(g) == "nmod") ActorsAt(v, g, true, from);
      a.objects.swap(a.subjects);
      a.subjects.insert(a.subjects.end(), from.begin(), from.end());
      // For reversed verbs the grammatical subject is the receiver.
      if (tr.reversed) {
        std::vector<int> recv;
        SubjectOf(v, t, recv);
        a.objects = recv;
      }
    }
  }
  // "lent $10 million to Manafort": the parse may hang the object's phrase on
  // the thing given rather than on the verb.
  if (a.objects.empty() && !tr.object_preps.empty())
    for (uint32_t o : v.kids(t, "obj")) {
      std::vector<int> given;
      ActorsAt(v, o, false, given);
      if (!given.empty()) continue;
      for (uint32_t g : v.children[o])
        if (v.base_rel(g) == "nmod" &&
            std::find(tr.object_preps.begin(), tr.object_preps.end(), v.prep(g)) != tr.object_preps.end())
          ActorsAt(v, g, true, a.objects);
    }
}

// Verbs whose subject undergoes what their object names ("drew criticism",
// "faced condemnation", "won praise").
bool ReceivesItsObject(std::string_view verb) {
  static const std::set<std::string_view> kVerbs = {
      "draw", "drew", "drawn", "draws", "drawing", "face", "faced", "faces", "facing", "attract", "attracted",
      "attracts", "receive", "received", "receives", "earn", "earned", "earns", "win", "won", "wins", "incur",
      "incurred", "suffer", "suffered", "survive", "survived", "survives", "surviving", "endure", "endured",
      "withstand", "withstood"};
  return kVerbs.count(verb) > 0;
}

// "accused", "suspected", "charged": what follows "of" / "with" is the accused's alleged act.
bool IsAccusation(std::string_view verb) {
  return StartsWithAny(verb, {"accus", "suspect"}) || verb == "charged" || verb == "charge";
}

// A verb of criticism or opposition: its subject is against what its object names.
bool OpposesItsObject(std::string_view verb) {
  for (const Trigger* t : FindTriggers(verb))
    if (t->pos == TriggerPos::kVerb && (t->relation == "criticize" || t->relation == "oppose")) return true;
  return false;
}

// "served as Secretary of State and CIA director under Trump": the
// preposition that introduces a verb's object may hang deep in its clause;
// look for it in the words that follow, up to the next verb or clause break.
void PrepositionalObjectAhead(const SentenceView& v, uint32_t t, const Trigger& tr, std::vector<int>& out) {
  for (uint32_t k = t + 1; k + 1 < v.s.token_count && k < t + 14; ++k) {
    std::string w = v.word(k);
    if (w == ";" || w == ":" || (v.tok(k).upos == "VERB" && k != t)) return;
    if (std::find(tr.object_preps.begin(), tr.object_preps.end(), w) == tr.object_preps.end()) continue;
    uint32_t m = k + 1;
    if (m < v.s.token_count && v.word(m) == "the") ++m;
    if (m < v.s.token_count && v.actor_at[m] >= 0) {
      out.push_back(v.actor_at[m]);
      return;
    }
  }
}

void ArgsForNoun(const SentenceView& v, uint32_t t, const Trigger& tr, Args& a) {
  std::vector<int> givers, receivers;
  // "his support", "their backing": the possessor of help gives it, unless a
  // "from" phrase names the giver ("Le Pen's support from Moscow"); the
  // possessor of money receives it ("her loan").
  bool possessor_gives = false;
  if (tr.reversed && tr.relation == "support") {
    possessor_gives = true;
    for (uint32_t c : v.children[t])
      if ((v.base_rel(c) == "nmod" || v.base_rel(c) == "obl") && v.rel(c) != "nmod:poss" &&
          std::find(tr.subject_preps.begin(), tr.subject_preps.end(), v.prep(c)) != tr.subject_preps.end())
        possessor_gives = false;
  }
  for (uint32_t c : v.children[t]) {
    std::string r = v.rel(c), br = v.base_rel(c);
    if ((br == "nmod" || br == "obl") && r != "nmod:poss") {
      std::string p = v.prep(c);
      if (p == "between") {
        ActorsAt(v, c, true, a.subjects);
        continue;
      }
      if (std::find(tr.object_preps.begin(), tr.object_preps.end(), p) != tr.object_preps.end())
        ActorsAt(v, c, true, a.objects);
      else if (std::find(tr.subject_preps.begin(), tr.subject_preps.end(), p) != tr.subject_preps.end())
        ActorsAt(v, c, true, givers);
    } else if (r == "acl" && v.tok(c).xpos == "VBN") {
      // "sanctions imposed by Washington", "a loan granted by X": the participle's agent does it.
      for (uint32_t g : v.kids(c, "obl"))
        if (v.rel(g) == "obl:agent" || v.prep(g) == "by") ActorsAt(v, g, true, givers);
    } else if (r == "appos" && tr.agent_noun) {
      ActorsAt(v, c, false, a.subjects);  // "my friend Putin": Putin is the friend
    } else if (r == "nmod:poss" || r == "det:poss") {
      // "his collaborators", "Putin's friends": an agent noun's possessor is its object.
      if (tr.reversed && !possessor_gives) ActorsAt(v, c, false, receivers);
      else if (tr.agent_noun) ActorsAt(v, c, false, a.objects);
      else ActorsAt(v, c, false, givers);
    } else if (r == "amod" || r == "compound") {
      // "NATO allies" are allies within NATO, not allies of it.
      if (tr.lemma == "ally" && r == "compound") continue;
      std::vector<int> mod;
      ActorsAt(v, c, false, mod);
      if (tr.agent_noun) {
        // "CIA director", "Russian agent": the modifier is the organisation.
        a.objects.insert(a.objects.end(), mod.begin(), mod.end());
      } else if (tr.object_preps.empty() && !tr.reversed) {
        a.objects.insert(a.objects.end(), mod.begin(), mod.end());  // "Russian gas"
      } else {
        givers.insert(givers.end(), mod.begin(), mod.end());
      }
    }
  }
  if (tr.agent_noun && v.rel(t) == "obj" && v.head(t) >= 0) {
    // "Putin has a supporter in Bolsonaro": the "in" phrase is the agent, the haver the object.
    const uint32_t h = static_cast<uint32_t>(v.head(t));
    std::string verb = v.word(h);
    if (verb == "has" || verb == "have" || verb == "had" || verb == "having" || verb == "found" || verb == "finds") {
      std::vector<int> agents;
      for (uint32_t c : v.children[t])
        if (v.base_rel(c) == "nmod" && v.prep(c) == "in") ActorsAt(v, c, true, agents);
      for (uint32_t c : v.kids(h, "obl"))
        if (v.prep(c) == "in") ActorsAt(v, c, true, agents);
      if (!agents.empty()) {
        a.subjects = agents;
        a.objects.clear();
        SubjectOf(v, h, a.objects);
        return;
      }
    }
  }
  // "between X and Y" gives both sides as subjects: pair them up.
  if (a.objects.empty() && a.subjects.size() >= 2) {
    a.objects.assign(a.subjects.begin() + 1, a.subjects.end());
    a.subjects.resize(1);
    return;
  }
  if (givers.empty() && v.rel(t) == "obj" && v.head(t) >= 0) {
    // "received a loan from X": the source phrase hangs on the verb.
    for (uint32_t c : v.kids(static_cast<uint32_t>(v.head(t)), "obl"))
      if (std::find(tr.subject_preps.begin(), tr.subject_preps.end(), v.prep(c)) != tr.subject_preps.end())
        ActorsAt(v, c, true, givers);
  }
  a.subjects.insert(a.subjects.end(), givers.begin(), givers.end());
  if (tr.reversed) a.objects.insert(a.objects.end(), receivers.begin(), receivers.end());
  if (v.rel(t) == "obj" && v.head(t) >= 0 && !tr.reversed && ReceivesItsObject(v.word(static_cast<uint32_t>(v.head(t))))) {
    // "X drew criticism", "X faced condemnation from Y": X is its target.
    if (a.objects.empty()) SubjectOf(v, static_cast<uint32_t>(v.head(t)), a.objects);
    return;
  }
  if (!a.subjects.empty() && !(tr.reversed && a.objects.empty())) return;
  // The noun's context: predicate of a subject, apposition, or object of a verb.
  std::vector<int> ctx;
  std::string r = v.rel(t);
  int h = v.head(t);
  if (!v.kids(t, "nsubj").empty()) {
    SubjectOf(v, t, ctx);
  } else if (tr.agent_noun && r == "appos" && h >= 0) {
    ActorsAt(v, static_cast<uint32_t>(h), false, ctx);
  } else if (tr.agent_noun && h >= 0 && v.actor_at[h] < 0) {
    // "X, leader of Y," (appos the other way) or "as leader of Y" (obl of the clause).
    // Not "the wife of a Russian minister": a noun's modifier describes someone else.
    for (uint32_t c : v.kids(t, "appos")) ActorsAt(v, c, false, ctx);
    // ("one of Ukraine's supporters" is still its subject's).
    bool describes_other = v.base_rel(t) == "nmod" && v.word(static_cast<uint32_t>(h)) != "one" &&
                           (v.tok(static_cast<uint32_t>(h)).upos == "NOUN" || v.tok(static_cast<uint32_t>(h)).upos == "PROPN");
    if (ctx.empty() && !describes_other) SubjectOf(v, t, ctx);
  } else if ((r == "obj" || r == "obl" || r == "nsubj:pass" || r == "xcomp") && h >= 0 &&
             (!OpposesItsObject(v.word(static_cast<uint32_t>(h))) || (r == "obl" && IsAccusation(v.word(static_cast<uint32_t>(h)))))) {
    // "X held talks with Y", "X supported sanctions against Y": the verb's
    // subject does what the noun names; not so for "X condemned the invasion".
    // "X has been accused of links to Y": the accused is the noun's subject.
    const bool accused = r == "obl" && IsAccusation(v.word(static_cast<uint32_t>(h)));
    SubjectOf(v, static_cast<uint32_t>(h), ctx, 0, /*passive_too=*/r == "obj" || accused);
    if (r == "nsubj:pass")
      for (uint32_t c : v.kids(static_cast<uint32_t>(h), "iobj")) ActorsAt(v, c, true, ctx);
  } else if ((r == "nsubj") && h >= 0) {
    // "Links between Trump and Putin are well known" handled above; "X's criticism was ..." by possessor.
  } else if (r == "conj" && h >= 0) {
    // "Trump's coolness to the EU and criticism of NATO": the first conjunct's
    // doer; its objects only when this noun names none.
    Args first;
    ArgsForNoun(v, static_cast<uint32_t>(h), tr, first);
    a.subjects.insert(a.subjects.end(), first.subjects.begin(), first.subjects.end());
    if (a.objects.empty()) a.objects = first.objects;
    return;
  } else if (tr.agent_noun && h >= 0 && v.actor_at[h] >= 0) {
    ctx.push_back(v.actor_at[h]);
  }
  if (tr.reversed && a.subjects.empty() && !givers.empty()) a.subjects = givers;
  if (tr.reversed && a.objects.empty()) a.objects = ctx;
  else if (a.subjects.empty()) a.subjects = ctx;
}

void ArgsForAdjective(const SentenceView& v, uint32_t t, const Trigger& tr, Args& a) {
  for (uint32_t c : v.children[t]) {
    std::string br = v.base_rel(c);
    if ((br == "obl" || br == "nmod") &&
        std::find(tr.object_preps.begin(), tr.object_preps.end(), v.prep(c)) != tr.object_preps.end())
      ActorsAt(v, c, true, a.objects);
  }
  if (tr.relation == "fund" || tr.relation == "support") {
    // "financial support": the adjective only marks the noun it modifies.
    return;
  }
  int h = v.head(t);
  if (v.rel(t) == "amod" && h >= 0) ActorsAt(v, static_cast<uint32_t>(h), true, a.subjects);
  else SubjectOf(v, t, a.subjects);
  if (a.subjects.empty() && h >= 0 && v.rel(t) != "amod") SubjectOf(v, static_cast<uint32_t>(h), a.subjects);
}

// Without a parse: nearest actors before and after the trigger.
void ArgsByProximity(const SentenceView& v, uint32_t t, const Trigger& tr, Args& a, bool same_clause = false) {
  uint32_t n = v.s.token_count;
  int before = -1, after = -1;
  // Actors inside prefixed words ("anti-EU") are that word's own argument.
  auto usable = [&](uint32_t k) {
    if (v.actor_at[k] < 0) return false;
    if (v.mention_at[k] >= 0 && v.doc.mentions[v.mention_at[k]].label == "PREFIX") return false;
    // A place phrase ("In Italy, ...", "the one in Russia") names no party.
    std::string p = v.parsed ? v.prep(k) : (k > 0 ? v.word(k - 1) : "");
    if (std::find(tr.object_preps.begin(), tr.object_preps.end(), p) != tr.object_preps.end()) return true;
    return p != "in" && p != "at" && p != "across" && p != "throughout";
  };
  // With same_clause, within the trigger's clause: a finite main verb or a
  // semicolon between them puts the actor in another clause ("X won, while Y
  // was defeated").
  auto clause_break = [&](uint32_t k) {
    if (!same_clause) return false;
    if (v.word(k) == ";" || v.word(k) == ":") return true;
    const std::string& x = v.tok(k).xpos;
    return v.tok(k).upos == "VERB" && (x == "VBD" || x == "VBZ" || x == "VBP");
  };
  for (uint32_t k = t; k-- > 0 && k + (same_clause ? 12 : 16) > t;) {
    if (usable(k)) { before = v.actor_at[k]; break; }
    if (clause_break(k)) break;
  }
  for (uint32_t k = t + 1; k < n && k < t + 10; ++k) {
    if (usable(k)) { after = v.actor_at[k]; break; }
    if (clause_break(k)) break;
  }
  // A noun that names its object with a preposition ("war on", "meeting with")
  // takes a following actor only through one: "responsibility for the war,
  // drawing criticism from Washington" is no war on Washington.
  if (same_clause && after >= 0 && tr.pos == TriggerPos::kNoun && !tr.object_preps.empty()) {
    bool introduced = false;
    for (uint32_t k = t + 1; k < n && v.actor_at[k] != after; ++k)
      introduced = introduced ||
                   std::find(tr.object_preps.begin(), tr.object_preps.end(), v.word(k)) != tr.object_preps.end();
    if (!introduced) after = -1;
  }
  bool passive = false;
  if (t + 1 < n && v.word(t + 1) == "by" && t > 0) {
    std::string p = v.word(t - 1);
    passive = p == "was" || p == "were" || p == "been" || p == "be" || p == "is" || p == "are";
  }
  bool from = false;
  for (uint32_t k = t + 1; k < n && k < t + 4; ++k)
    if (std::find(tr.subject_preps.begin(), tr.subject_preps.end(), v.word(k)) != tr.subject_preps.end()) from = true;
  if (before < 0 || after < 0) return;
  if (passive || (tr.reversed && from)) std::swap(before, after);
  a.subjects.push_back(before);
  a.objects.push_back(after);
}

bool TriggerPosMatches(const SentenceView& v, uint32_t t, TriggerPos pos) {
  const std::string& u = v.tok(t).upos;
  if (u.empty()) return true;
  switch (pos) {
    case TriggerPos::kVerb: return u == "VERB";
    case TriggerPos::kNoun: return u == "NOUN" || u == "PROPN";
    case TriggerPos::kAdjective: return u == "ADJ" || u == "ADV";
  }
  return false;
}

// The speaker whose reported speech contains token t: the subject of a speech
// verb that governs t through ccomp/parataxis; -1 if none.
int ReportedSpeaker(const SentenceView& v, uint32_t t) {
  if (!v.parsed) return -1;
  int cur = static_cast<int>(t);
  for (int steps = 0; steps < 12 && cur >= 0; ++steps) {
    int h = v.head(static_cast<uint32_t>(cur));
    if (h < 0) return -1;
    std::string r = v.rel(static_cast<uint32_t>(cur));
    if ((r == "ccomp" || r == "parataxis") && IsSpeechVerb(v.word(static_cast<uint32_t>(h)))) {
      std::vector<int> sp;
      SubjectOf(v, static_cast<uint32_t>(h), sp);
      return sp.empty() ? -1 : sp[0];
    }
    cur = h;
  }
  return -1;
}

// The person whose words a sentence quotes by a noun ("His catchphrase was
// 'my friend Putin'", "her slogan"): the possessor of such a noun; -1 if none.
int OwnerOfWords(const SentenceView& v) {
  static const std::set<std::string_view> kWords = {"catchphrase", "slogan", "motto", "words", "phrase", "message",
                                                    "tweet", "statement", "remark", "remarks", "comment", "line"};
  for (uint32_t t = 0; t < v.s.token_count; ++t) {
    if (!kWords.count(v.word(t))) continue;
    for (uint32_t c : v.children[t])
      if ((v.rel(c) == "nmod:poss" || v.rel(c) == "det:poss") && v.actor_at[c] >= 0 &&
          v.doc.actors[v.actor_at[c]].type == ActorType::kPerson)
        return v.actor_at[c];
  }
  return -1;
}

// The relation of a role noun in a biography line ("member of" -> member,
// "contributor to" -> collaborate); empty if the word is no such role.
std::string_view BiographyRole(std::string_view w) {
  static const std::set<std::string_view> kMember = {"member", "board", "founder", "co-founder", "leader", "chair",
                                                     "chairman", "editor", "trustee", "director", "secretary"};
  static const std::set<std::string_view> kCollaborate = {"contributor", "columnist", "correspondent", "adviser",
                                                          "advisor", "consultant", "fellow"};
  if (kMember.count(w)) return "member";
  if (kCollaborate.count(w)) return "collaborate";
  return {};
}

// Verbs that give something a name or a label ("called", "defined ... as").
bool IsNamingVerb(std::string_view w) {
  static const std::set<std::string_view> kNaming = {
      "call", "called", "calls", "calling", "define", "defined", "defines", "defining", "describe", "described",
      "describes", "describing", "label", "labelled", "labeled", "labels", "brand", "branded", "brands", "dub",
      "dubbed", "dubs", "term", "termed", "terms"};
  return kNaming.count(w) > 0;
}

// People who work for someone: "his campaign manager X", "Putin's spokesman X".
bool IsAideNoun(std::string_view w) {
  static const std::set<std::string_view> kAides = {"manager", "adviser", "advisor", "aide", "spokesman",
                                                    "spokeswoman", "spokesperson", "lawyer", "assistant",
                                                    "strategist", "secretary", "chief-of-staff", "bodyguard"};
  return kAides.count(w) > 0;
}

bool IsNationalOffice(std::string_view w) {
  static const std::set<std::string_view> kOffices = {
      "president", "secretary", "minister", "undersecretary", "ambassador", "senator", "chancellor", "premier",
      "envoy", "congressman", "congresswoman", "mp", "diplomat", "vice-president"};
  return kOffices.count(w) > 0;
}

// The document's actor for the country of a person (by the knowledge base); -1 if absent.
int CountryActorOf(const Document& doc, int person) {
  const Actor& p = doc.actors[person];
  if (p.type != ActorType::kPerson || p.country.empty()) return -1;
  for (size_t c = 0; c < doc.actors.size(); ++c)
    if (doc.actors[c].type == ActorType::kCountry && doc.actors[c].country == p.country) return static_cast<int>(c);
  return -1;
}

// Quoted span (between typographic or straight double quotes) containing token t.
std::string QuoteAround(const Document& doc, const Sentence& s, uint32_t t) {
  int open = -1;
  for (uint32_t k = s.first_token; k < s.first_token + s.token_count; ++k) {
    std::string_view w = doc.TokenText(k);
    bool is_open = w == "\u201C" || (w == "\"" && open < 0);
    bool is_close = w == "\u201D" || (w == "\"" && open >= 0);
    if (is_open && open < 0) { open = static_cast<int>(k); continue; }
    if (is_close && open >= 0) {
      if (static_cast<uint32_t>(open) < t && t < k)
        return std::string(doc.Slice(Span{doc.tokens[open + 1].span.begin, doc.tokens[k - 1].span.end}));
      open = -1;
    }
  }
  return "";
}

// The document's invader: the actor most often named as the doer of an
// invasion or annexation ("Russia invaded", "Putin's incursion", "the Russian
// invasion"); a head of state stands for the country when the document names
// it. -1 if none.
// The body a document's election fills: the organisation named most often
// right before "election(s)" ("the Legislative Council election", "European
// Parliament elections"); -1 if none.
int ElectedBody(const Document& doc) {
  std::map<int, int> count;
  for (const Mention& m : doc.mentions) {
    if (m.actor < 0 || doc.actors[m.actor].type != ActorType::kOrganization || m.last_token >= doc.tokens.size()) continue;
    if (m.label == "PRON" || m.label == "DESC" || m.label == "DEM") continue;  // "its election defeat"
    std::string next = AsciiLower(doc.TokenText(m.last_token));
    if (next == "election" || next == "elections") ++count[m.actor];
  }
  int best = -1, best_n = 0;
  for (auto [actor, n] : count)
    if (n > best_n) { best = actor; best_n = n; }
  return best;
}

bool IsElectVerb(std::string_view w) {
  return w == "elected" || w == "re-elected" || w == "reelected" || w == "elect" || w == "elects" || w == "electing";
}

int FindAggressor(const Document& doc) {
  std::map<int, int> votes;
  int first_seen = -1;
  for (const Sentence& s : doc.sentences) {
    SentenceView v(doc, s);
    if (!v.parsed) continue;
    for (uint32_t t = 0; t < s.token_count; ++t) {
      if (!IsInvasionWord(v.word(t))) continue;
      std::vector<int> doers;
      if (v.tok(t).upos == "VERB") {
        if (v.kids(t, "nsubj:pass").empty()) SubjectOf(v, t, doers);
        for (uint32_t c : v.kids(t, "obl"))
          if (v.prep(c) == "by") ActorsAt(v, c, false, doers);
      } else {
        for (uint32_t c : v.children[t]) {
          std::string r = v.rel(c);
          if (r == "amod" || r == "nmod:poss" || r == "compound" || r == "det:poss" ||
              (v.base_rel(c) == "nmod" && v.prep(c) == "by"))
            ActorsAt(v, c, false, doers);
        }
      }
      for (int a : doers) {
        if (int country = CountryActorOf(doc, a); country >= 0) a = country;
        if (doc.actors[a].type == ActorType::kOrganization) continue;
        ++votes[a];
        if (first_seen < 0) first_seen = a;
      }
    }
  }
  int best = first_seen;
  for (auto [a, n] : votes)
    if (best < 0 || n > votes[best]) best = a;
  return best;
}

// A prediction or hypothetical ("Russia will not invade", "would lose") is no
// claim (GUIDELINES): the trigger, or the verb that governs a noun trigger,
// has a future or conditional auxiliary, or sits under "going to".
// Whether the time expression `te` dates the predicate at token t (sentence
// relative): the verb that governs the expression must be t or one of t's
// ancestors, reached without leaving a relative clause, an apposition or a
// parenthetical ("X, who served under Trump, said last month ..." does not
// date the service). Without a parse every expression qualifies.
bool TimeDates(const SentenceView& v, uint32_t t, const TimeExpression& te) {
  if (!v.parsed) return true;
  uint32_t e = te.first_token - v.s.first_token;
  int gov = static_cast<int>(e);
  for (int steps = 0; steps < 12 && gov >= 0 && v.tok(static_cast<uint32_t>(gov)).upos != "VERB"; ++steps)
    gov = v.head(static_cast<uint32_t>(gov));
  if (gov < 0) return true;  // a verbless sentence: the expression dates it all
  int cur = static_cast<int>(t);
  for (int steps = 0; steps < 16 && cur >= 0; ++steps) {
    if (cur == gov) return true;
    std::string r = v.rel(static_cast<uint32_t>(cur));
    if (r == "acl:relcl" || r == "appos" || r == "parataxis") return false;
    cur = v.head(static_cast<uint32_t>(cur));
  }
  return false;
}

// Whether token t lies in what an accusation says: "Macron accused Le Pen
// of being dependent on Russia" reports the dependence as alleged.
bool InsideAccusation(const SentenceView& v, uint32_t t) {
  if (!v.parsed) return false;
  // Up the tree from t to the accusing verb, through a clause ("of being
  // dependent on Russia") hung on the verb or on its object.
  int cur = static_cast<int>(t);
  bool clause = false;
  for (int steps = 0; steps < 8; ++steps) {
    int h = v.head(static_cast<uint32_t>(cur));
    if (h < 0) return false;
    std::string r = v.rel(static_cast<uint32_t>(cur));
    clause = clause || r == "advcl" || r == "acl" || r == "ccomp" || r == "xcomp";
    std::string hw = v.word(static_cast<uint32_t>(h));
    if (r.rfind("nsubj", 0) == 0) return false;  // the accuser's own phrase
    if (StartsWithAny(hw, {"accus", "alleg", "suspect"})) return clause || r == "obl";
    cur = h;
  }
  return false;
}

bool IsPrediction(const SentenceView& v, uint32_t t) {
  if (!v.parsed) return false;
  uint32_t cur = t;
  for (int steps = 0; steps < 3; ++steps) {
    for (uint32_t c : v.kids(cur, "aux")) {
      std::string w = v.word(c);
      if (w == "will" || w == "would" || w == "'ll" || w == "shall" || w == "wo") return true;
    }
    int h = v.head(cur);
    if (h < 0) return false;
    std::string r = v.rel(cur);
    // "was going to invade": xcomp of "going" with "to".
    if (r == "xcomp" && v.word(static_cast<uint32_t>(h)) == "going") return true;
    // A verb decides for its clause, unless the clause is non-finite and
    // hangs on a noun or verb of a predicted one ("will be a defeat for working people").
    if ((v.tok(cur).upos == "VERB" || v.tok(cur).upos == "AUX") && r != "acl" && r != "amod" && r != "xcomp")
      return false;
    cur = static_cast<uint32_t>(h);
  }
  return false;
}

// Menus, tag clouds and lists of links: long runs of capitalised words with
// hardly a function word state no relation.
bool LooksLikeBoilerplate(const SentenceView& v) {
  uint32_t words = 0, capitalised = 0;
  for (uint32_t t = 0; t < v.s.token_count; ++t) {
    std::string_view w = v.doc.TokenText(v.s.first_token + t);
    if (w.empty() || !std::isalpha(static_cast<unsigned char>(w[0]))) continue;
    ++words;
    if (std::isupper(static_cast<unsigned char>(w[0]))) ++capitalised;
  }
  return words >= 12 && capitalised * 10 >= words * 7;
}

}  // namespace

void ClaimExtractor::Extract(Document& doc) const {
  doc.claims.clear();
  std::set<std::tuple<int, std::string, int, bool, uint32_t>> seen;
  std::vector<TimeExpression> sentence_times;  // of the sentence being read
  const SentenceView* sentence_view = nullptr;  // the sentence being read
  auto add = [&](const Sentence& s, int subj, std::string_view rel, int obj, uint32_t trigger, bool negated,
                 bool alleged, double confidence, const char* extractor) {
    if (subj < 0 || obj < 0 || subj == obj) return;
    const Actor& sa = doc.actors[subj];
    const Actor& oa = doc.actors[obj];
    if (rel == "member" && oa.type == ActorType::kPerson) return;
    if (rel == "member" && sa.type == ActorType::kCountry) return;
    // Friendship and family are ties between people.
    if (rel == "social" && (sa.type != ActorType::kPerson || oa.type != ActorType::kPerson)) return;
    // A candidate for a national office holds none yet ("the French presidential candidate").
    if (rel == "member" && oa.type == ActorType::kCountry && trigger < s.token_count &&
        AsciiLower(doc.TokenText(s.first_token + trigger)) == "candidate")
      return;
    if (IsSymmetricRelation(rel) && subj > obj) std::swap(subj, obj);
    auto key = std::make_tuple(subj, std::string(rel), obj, negated, s.span.begin);
    if (!seen.insert(key).second) return;
    Claim c;
    c.subject = subj;
    c.relation = std::string(rel);
    c.object = obj;
    c.negated = negated;
    c.modality = alleged ? Modality::kAlleged : Modality::kAsserted;
    c.evidence = s.span;
    c.confidence = confidence;
    c.extractor = extractor;
    // Time: the nearest time expression in the sentence.
    const auto& times = sentence_times;
    uint32_t abs_t = s.first_token + trigger;
    uint32_t best = UINT32_MAX;
    for (const auto& te : times) {
      if (te.value.empty()) continue;
      if (sentence_view != nullptr && trigger < s.token_count && !TimeDates(*sentence_view, trigger, te)) continue;
      uint32_t d = te.first_token > abs_t ? te.first_token - abs_t : abs_t - te.last_token;
      if (d < best) { best = d; c.time = te.value; }
    }
    c.quote = QuoteAround(doc, s, abs_t);
    doc.claims.push_back(std::move(c));
  };

  // Quotations introduced by "X said:" belong to X until the quote closes.
  std::vector<int> quoted_speaker(doc.sentences.size(), -1);
  std::vector<std::string> quoted_time(doc.sentences.size());  // when the introducing sentence says it was said
  for (size_t si = 0; si + 1 < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.token_count < 2 || doc.TokenText(s.first_token + s.token_count - 1) != ":") continue;
    SentenceView v(doc, s);
    int speaker = -1;
    for (uint32_t t = 0; t < s.token_count && speaker < 0; ++t) {
      if (!IsSpeechVerb(v.word(t))) continue;
      std::vector<int> sp;
      if (v.parsed) SubjectOf(v, t, sp);
      if (sp.empty())
        for (uint32_t k = t; k-- > 0;)
          if (v.actor_at[k] >= 0 && doc.actors[v.actor_at[k]].type == ActorType::kPerson) { sp.push_back(v.actor_at[k]); break; }
      if (!sp.empty()) speaker = sp[0];
    }
    if (speaker < 0) continue;
    std::string said_when;
    for (const auto& te : FindTimeExpressions(doc, s.first_token, s.first_token + s.token_count, doc.published))
      if (!te.value.empty()) said_when = te.value;
    for (size_t sj = si + 1; sj < doc.sentences.size() && sj <= si + 8; ++sj) {
      quoted_speaker[sj] = speaker;
      quoted_time[sj] = said_when;
      const Sentence& q = doc.sentences[sj];
      bool closes = false;
      for (uint32_t k = q.first_token; k < q.first_token + q.token_count; ++k)
        closes = closes || doc.TokenText(k) == "\u201D" || doc.TokenText(k) == "\"";
      if (closes) break;
    }
  }

  const int aggressor = FindAggressor(doc);
  const int elected_body = ElectedBody(doc);
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    SentenceView v(doc, s);
    v.aggressor = aggressor;
    sentence_view = &v;
    if (LooksLikeBoilerplate(v)) continue;
    sentence_times = FindTimeExpressions(doc, s.first_token, s.first_token + s.token_count, doc.published);
    if (quoted_speaker[si] >= 0 && v.parsed) {
      // "(Putin is) a very talented statesman": the speaker's evaluation of the subject.
      for (uint32_t t = 0; t < s.token_count; ++t) {
        if (v.actor_at[t] < 0 || v.base_rel(t) != "nsubj" || v.head(t) < 0) continue;
        uint32_t h = static_cast<uint32_t>(v.head(t));
        int sign = EvaluativeSign(v.word(h));
        for (uint32_t c : v.children[h])
          if (sign == 0 && (v.rel(c) == "amod" || v.rel(c) == "compound")) sign = EvaluativeSign(v.word(c));
        if (sign == 0) continue;
        size_t before = doc.claims.size();
        add(s, quoted_speaker[si], sign > 0 ? "praise" : "criticize", v.actor_at[t], h, IsNegated(doc, s, s.first_token + h),
            false, 0.5, "quoted-evaluation");
        if (doc.claims.size() > before) {
          doc.claims.back().quote = std::string(doc.Slice(s.span));
          if (doc.claims.back().time.empty()) doc.claims.back().time = quoted_time[si];
        }
      }
    }
    bool alleged_sentence = HasAllegationCue(doc, s);
    uint32_t n = s.token_count;
    // Menus, tag lists and headings without a verb state no relation.
    bool tagged = n > 0 && !v.tok(0).upos.empty();
    bool has_predicate = !tagged;
    for (uint32_t t = 0; t < n && !has_predicate; ++t)
      has_predicate = v.tok(t).upos == "VERB" || v.tok(t).upos == "AUX";
    // Biography lines: "X is on the Board of A, a member of B and C, a
    // contributor to D and E" -> member/collaborate(X, each organisation).
    // X is a person named at the start of the sentence.
    std::vector<char> biography_role(n, 0);
    {
      int person = -1;
      for (uint32_t t = 0; t < n && t < 3; ++t)
        if (v.actor_at[t] >= 0) {
          if (doc.actors[v.actor_at[t]].type == ActorType::kPerson) person = v.actor_at[t];
          break;
        }
      for (uint32_t t = 0; person >= 0 && t + 2 < n; ++t) {
        std::string_view relation = BiographyRole(v.word(t));
        std::string p = v.word(t + 1);
        if (relation.empty() || (p != "of" && p != "to" && p != "for")) continue;
        uint32_t k = t + 2;
        while (k < n) {
          if (v.word(k) == "the") { ++k; continue; }
          int org = v.actor_at[k];
          if (org < 0 || doc.actors[org].type != ActorType::kOrganization) break;
          add(s, person, relation, org, t, IsNegated(doc, s, s.first_token + t), alleged_sentence, 0.6, "biography");
          biography_role[t] = 1;  // the general trigger rules leave this role noun alone
          while (k < n && v.actor_at[k] == org) ++k;
          while (k < n && (v.word(k) == "," || v.word(k) == "and" || v.word(k) == "the")) ++k;
        }
      }
    }
    for (uint32_t t = 0; t < n && has_predicate; ++t) {
      if (biography_role[t]) continue;
      std::string w = v.word(t);
      if (v.actor_at[t] >= 0 && v.parsed && (w.rfind("anti-", 0) == 0 || w.rfind("pro-", 0) == 0)) {
        // "the anti-EU Lega", "X was anti-NATO", "pro-Kremlin X": against or for the named actor.
        std::vector<int> holders;
        if (v.rel(t) == "amod" && v.head(t) >= 0) ActorsAt(v, static_cast<uint32_t>(v.head(t)), false, holders);
        else SubjectOf(v, t, holders);
        for (int h : holders)
          add(s, h, w[0] == 'a' ? "criticize" : "support", v.actor_at[t], t, IsNegated(doc, s, s.first_token + t),
              alleged_sentence, 0.6, "prefix");
        continue;
      }
      auto triggers = FindTriggers(w);
      Trigger cameo_trigger{};
      if (triggers.empty() && cameo_ != nullptr && v.tok(t).upos == "VERB") {
        // A verb of the CAMEO dictionary whose code maps to a relation.
        const CameoVerb* cv = cameo_->Find(w);
        if (cv != nullptr && !cv->relation.empty()) {
          cameo_trigger = Trigger{cv->lemma, TriggerPos::kVerb, cv->relation, {}, {}};
          triggers.push_back(&cameo_trigger);
        }
      }
      // "a cooperation agreement with X": the agreement is the collaboration; its
      // modifier is no trigger of its own.
      Trigger agreement_trigger{};
      if (v.parsed && IsAgreementNoun(w)) {
        bool cooperation = false;
        for (uint32_t c : v.children[t])
          cooperation = cooperation || ((v.rel(c) == "compound" || v.rel(c) == "amod") &&
                                        (v.word(c) == "cooperation" || v.word(c) == "partnership" ||
                                         v.word(c) == "collaboration" || v.word(c) == "co-operation"));
        if (cooperation) {
          agreement_trigger = Trigger{"agreement", TriggerPos::kNoun, "collaborate", {"with", "between"}, {}};
          triggers.assign(1, &agreement_trigger);
        }
      }
      if (v.parsed && v.rel(t) == "compound" && v.head(t) >= 0 && !triggers.empty() &&
          triggers[0]->relation == "collaborate" && v.tok(t).upos == "NOUN") {
        if (IsAgreementNoun(v.word(static_cast<uint32_t>(v.head(t))))) continue;
      }
      if (triggers.empty()) continue;
      // A trigger word inside a name ("Forza Italia", "Five Star Movement") is not a trigger.
      if (v.mention_at[t] >= 0 && doc.mentions[v.mention_at[t]].label != "DESC") continue;
      for (const Trigger* tr : triggers) {
        if (!TriggerPosMatches(v, t, tr->pos)) continue;
        // "was denied visas": being refused something is no criticism of the refuser's.
        if (tr->lemma == "deny" && v.parsed && !v.kids(t, "nsubj:pass").empty()) continue;
        // A participle modifying a noun ("working people") predicates nothing of an actor.
        // A present participle there never does ("working people, particularly in Russia").
        if (tr->pos == TriggerPos::kVerb && v.parsed && v.rel(t) == "amod" &&
            (v.kids(t, "obl").empty() || v.tok(t).xpos == "VBG"))
          continue;
        if (tr->relation == "support" && tr->pos == TriggerPos::kNoun && v.parsed) {
          // "financial support" is `fund`, the more specific relation (its adjective triggers it).
          bool financial = false;
          for (uint32_t c : v.kids(t, "amod")) financial = financial || v.word(c) == "financial" || v.word(c) == "monetary";
          if (financial) continue;
        }
        // "called for the lifting of sanctions against Russia": ending an act
        // against X helps X.
        bool as_support = false;
        if (tr->relation == "oppose" && tr->pos == TriggerPos::kNoun && v.parsed && v.head(t) >= 0) {
          std::string hw = v.word(static_cast<uint32_t>(v.head(t)));
          as_support = StartsWithAny(hw, {"lift", "eas", "end", "remov", "scrap", "relax", "drop"}) && !IsEndorse(hw);
        }
        // "supplied weapons to Ukraine": arms are military support, not trade.
        if (tr->relation == "business" && tr->pos == TriggerPos::kVerb && v.parsed)
          for (uint32_t o : v.kids(t, "obj")) as_support = as_support || IsWeaponNoun(v.word(o));
        Trigger as_support_trigger{};
        if (as_support) {
          as_support_trigger = *tr;
          as_support_trigger.relation = "support";
          tr = &as_support_trigger;
        }
        Args a;
        const char* how = "parse";
        double conf = 0.7;
        if (v.parsed) {
          if (tr->pos == TriggerPos::kVerb) {
            ArgsForVerb(v, t, *tr, a);
            if (a.objects.empty() && v.kids(t, "obj").empty() && !tr->object_preps.empty())
              PrepositionalObjectAhead(v, t, *tr, a.objects);
            // "he said that such an attack could not be supported": a passive
            // without its agent, in reported speech, is the speaker's stance.
            if (a.subjects.empty() && !v.kids(t, "nsubj:pass").empty())
              if (int speaker = ReportedSpeaker(v, t); speaker >= 0) a.subjects.push_back(speaker);
          }
          else if (tr->pos == TriggerPos::kNoun) ArgsForNoun(v, t, *tr, a);
          else ArgsForAdjective(v, t, *tr, a);
          if (v.parsed && tr->pos == TriggerPos::kNoun) {
            // "my support", "my friend Putin" in a quotation: the speaker is the
            // possessor (the doer, or for an agent noun its object).
            bool first_person = false;
            for (uint32_t c : v.children[t]) first_person = first_person || v.word(c) == "my" || v.word(c) == "our";
            std::vector<int>& side = tr->agent_noun ? a.objects : a.subjects;
            int speaker = first_person && side.empty() ? ReportedSpeaker(v, t) : -1;
            if (first_person && side.empty() && speaker < 0) speaker = quoted_speaker[si];
            if (first_person && side.empty() && speaker < 0) speaker = OwnerOfWords(v);
            if (speaker >= 0) side.push_back(speaker);
          }
          // A verb whose subject the parse found but that names no actor ("I
          // was chosen to attend ...") has no subject to guess nearby.
          bool unnamed_subject = false;
          if (tr->pos == TriggerPos::kVerb) {
            int cur = static_cast<int>(t);
            for (int steps = 0; steps < 3 && cur >= 0; ++steps) {
              for (uint32_t c : v.kids(static_cast<uint32_t>(cur), "nsubj")) {
                std::vector<int> named;
                ActorsAt(v, c, true, named);
                unnamed_subject = unnamed_subject || named.empty();
              }
              std::string r = v.rel(static_cast<uint32_t>(cur));
              if (unnamed_subject || (r != "xcomp" && r != "conj")) break;
              cur = v.head(static_cast<uint32_t>(cur));
            }
          }
          if (a.subjects.empty() && a.objects.empty() && unnamed_subject) continue;
          if (a.subjects.empty() && a.objects.empty()) {
            // A verb the parse left without arguments: nearest actors on either side.
            ArgsByProximity(v, t, *tr, a, /*same_clause=*/true);
            how = "proximity";
            conf = 0.4;
          } else if (a.subjects.empty() != a.objects.empty()) {
            // The parse gave one side only (news text parses worse than the
            // treebank): take the missing side from the nearest actor.
            Args near;
            ArgsByProximity(v, t, *tr, near);
            // Only where the parse has no dependent for that side at all: a
            // verb whose object names no actor ("received a loan") stays empty.
            // An agent noun's possessor is its object ("his collaborators"): the
            // agent must be named in the parse, not guessed from nearby words.
            if (tr->agent_noun && !a.objects.empty() && a.subjects.empty()) continue;
            // "John Kerry, the Secretary of State": a national office is held in
            // the holder's own country, not in the nearest one named.
            // Not "party president", "student council president": a modifier names another body.
            bool other_body = false;
            for (uint32_t c : v.children[t])
              other_body = other_body || ((v.rel(c) == "compound" || v.rel(c) == "amod") && v.tok(c).upos == "NOUN");
            if (tr->agent_noun && a.objects.empty() && tr->relation == "member" && IsNationalOffice(w) && !other_body)
              for (int sj : a.subjects)
                if (int country = CountryActorOf(doc, sj); country >= 0) a.objects.push_back(country);
            if (tr->agent_noun && a.objects.empty()) continue;
            // A noun that is the object of a verb of criticism ("condemned the
            // invasion of X") has its doer outside the sentence, not nearby.
            if (tr->pos == TriggerPos::kNoun && v.head(t) >= 0 && OpposesItsObject(v.word(static_cast<uint32_t>(v.head(t)))))
              continue;
            bool verb = tr->pos == TriggerPos::kVerb;
            bool has_obj = verb && (!v.kids(t, "obj").empty() || !v.kids(t, "nsubj:pass").empty());
            // "campaigned for X" read as "campaign against": the actor after
            // another preposition is no object of this sense.
            if (verb && !tr->object_preps.empty())
              for (uint32_t c : v.kids(t, "obl")) {
                std::vector<int> other;
                std::string p = v.prep(c);
                bool place = p == "in" || p == "at" || p == "on" || p == "near" || p == "inside" || p == "within" ||
                             p == "during" || p == "across" || p == "throughout" || p == "around";
                if (!place && std::find(tr->object_preps.begin(), tr->object_preps.end(), p) == tr->object_preps.end())
                  ActorsAt(v, c, true, other);
                has_obj = has_obj || !other.empty();
              }
            bool has_subj = false;  // an active subject (nsubj:pass is the object)
            for (uint32_t c : v.children[t]) has_subj = has_subj || (verb && v.rel(c) == "nsubj");
            if (a.subjects.empty() && !has_subj && !near.subjects.empty()) a.subjects = near.subjects;
            if (a.objects.empty() && !has_obj && !near.objects.empty()) a.objects = near.objects;
            how = "parse+proximity";
            conf = 0.5;
          }
        } else {
          ArgsByProximity(v, t, *tr, a);
          how = "proximity";
          conf = 0.4;
        }
        if (a.subjects.empty() || a.objects.empty()) continue;
        // A dictionary verb needs both sides from the parse: no proximity guesses.
        if (tr == &cameo_trigger && std::string_view(how) != "parse") continue;
        if (IsPrediction(v, t)) continue;
        bool neg = IsNegated(doc, s, s.first_token + t);
        // "voted against military aid for Ukraine": a noun under "against" is
        // refused, and so is what a verb of support finds beyond "against".
        if (tr->pos == TriggerPos::kNoun && v.parsed && v.prep(t) == "against") neg = !neg;
        if (tr->pos == TriggerPos::kVerb && tr->relation == "support" && v.parsed)
          for (uint32_t c : v.kids(t, "obl"))
            if (v.prep(c) == "against") {
              neg = !neg;
              break;
            }
        // "cut ties with X", "suspended relations": the tie ends.
        if (tr->pos == TriggerPos::kNoun && v.parsed && v.rel(t) == "obj" && v.head(t) >= 0) {
          std::string hw = v.word(static_cast<uint32_t>(v.head(t)));
          if (StartsWithAny(hw, {"cut", "sever", "break", "broke", "suspend", "froze", "freez", "end"}) && !IsEndorse(hw))
            neg = !neg;
        }
        int speaker = ReportedSpeaker(v, t);
        // Calling someone "my friend" praises them as well (GUIDELINES: "my friend Putin").
        bool friend_praise = tr->lemma == "friend" && v.parsed &&
                             (!QuoteAround(doc, s, s.first_token + t).empty() ||
                              [&] {
                                for (uint32_t c : v.children[t])
                                  if (v.word(c) == "my" || v.word(c) == "our") return true;
                                return false;
                              }());
        for (int sj : a.subjects)
          for (int ob : a.objects) {
            bool alleged = alleged_sentence || InsideAccusation(v, t) ||
                           (speaker >= 0 && speaker != sj && !(IsSymmetricRelation(tr->relation) && speaker == ob));
            add(s, sj, tr->relation, ob, t, neg, alleged, conf, how);
            if (friend_praise)  // who calls sj a friend praises sj
              add(s, ob, "praise", sj, t, neg, alleged_sentence || (speaker >= 0 && speaker != ob), conf, how);
          }
      }
    }
    // Elections: "X was (re-)elected", "candidates elected were X and Y",
    // "elected to the Senate" -> member(X, the body elected).
    for (uint32_t t = 0; t < n && v.parsed; ++t) {
      if (!IsElectVerb(v.word(t)) || (v.tok(t).upos != "VERB" && v.tok(t).upos != "ADJ")) continue;
      int body = elected_body;
      for (uint32_t c : v.kids(t, "obl"))
        if (v.prep(c) == "to") {
          std::vector<int> to;
          ActorsAt(v, c, false, to);
          if (!to.empty() && doc.actors[to[0]].type == ActorType::kOrganization) body = to[0];
        }
      if (body < 0) continue;
      std::vector<int> persons;
      for (uint32_t c : v.kids(t, "nsubj:pass")) ActorsAt(v, c, true, persons);
      for (uint32_t c : v.kids(t, "obj")) ActorsAt(v, c, true, persons);
      int h = v.head(t);
      if (persons.empty() && h >= 0 && (v.rel(t) == "acl" || v.rel(t) == "amod" || v.rel(t).rfind("nsubj", 0) == 0)) {
        // "The candidates elected were X, Y and Z": the predicate names them.
        uint32_t noun = v.rel(t).rfind("nsubj", 0) == 0 ? t : static_cast<uint32_t>(h);
        if (v.rel(noun).rfind("nsubj", 0) == 0 && v.head(noun) >= 0) ActorsAt(v, static_cast<uint32_t>(v.head(noun)), true, persons);
      }
      bool neg = IsNegated(doc, s, s.first_token + t);
      for (int p : persons)
        if (doc.actors[p].type == ActorType::kPerson) add(s, p, "member", body, t, neg, alleged_sentence, 0.5, "election");
    }
    // Office holders: "[demonym/org] role [,] Person" and "Person, the [demonym/org] role".
    for (uint32_t t = 0; t < n; ++t) {
      if (!IsRole(v.word(t))) continue;
      int org = -1;
      int described = v.actor_at[t] >= 0 && doc.actors[v.actor_at[t]].type == ActorType::kPerson ? v.actor_at[t] : -1;
      for (uint32_t k = t; k-- > 0 && k + 4 > t;) {
        int a = v.actor_at[k];
        if (a >= 0 && doc.actors[a].type != ActorType::kPerson) { org = a; break; }
        if (a >= 0 && a != described) break;  // "Prime" of "Prime Minister X" describes X too
      }
      if (org < 0) continue;
      int person = described;
      uint32_t k = t + 1;
      // "Secretary of State Mike Pompeo", "Minister of Foreign Affairs X": the office's own words.
      bool in_office_name = false;
      for (uint32_t steps = 0; k < n && steps < 6; ++steps) {
        std::string w = v.word(k);
        if (w == "," || w == "minister") { ++k; continue; }
        if (w == "of" || w == "for") { in_office_name = true; ++k; continue; }
        std::string_view raw = doc.TokenText(s.first_token + k);
        bool capitalised = !raw.empty() && std::isupper(static_cast<unsigned char>(raw[0]));
        if (in_office_name && capitalised && v.actor_at[k] < 0) { ++k; continue; }
        break;
      }
      if (person < 0 && k < n && v.actor_at[k] >= 0 && doc.actors[v.actor_at[k]].type == ActorType::kPerson)
        person = v.actor_at[k];
      if (person < 0) {
        // Backwards: "Bolsonaro, the Brazilian president"
        uint32_t j = t;
        while (j > 0 && v.actor_at[j - 1] != org) --j;
        while (j > 0 && v.actor_at[j - 1] == org) --j;
        while (j > 0 && (v.word(j - 1) == "the" || v.word(j - 1) == "," || v.word(j - 1) == "former")) --j;
        if (j > 0 && v.actor_at[j - 1] >= 0 && doc.actors[v.actor_at[j - 1]].type == ActorType::kPerson &&
            j < t && v.word(j) == ",")
          person = v.actor_at[j - 1];
        if (j > 0 && v.actor_at[j - 1] >= 0 && doc.actors[v.actor_at[j - 1]].type == ActorType::kPerson)
          person = v.actor_at[j - 1];
      }
      if (person >= 0) add(s, person, "member", org, t, false, alleged_sentence, 0.6, "role-pattern");
    }
    // Affiliation next to a name: "Demosisto's Nathan Law", "Cheng Chung-tai of Civic Passion",
    // "Jo Cox (Labour)" -> member(person, organisation or country).
    int chain_org = -1;
    uint32_t chain_end = 0;
    auto [first_m, last_m] = MentionsOf(doc, s);
    for (size_t mi = first_m; mi < last_m; ++mi) {
      const Mention& pm = doc.mentions[mi];
      if (pm.actor < 0) continue;
      if (doc.actors[pm.actor].type != ActorType::kPerson || pm.label == "PRON" || pm.label == "DESC") continue;
      uint32_t first = pm.first_token - s.first_token, last = pm.last_token - s.first_token;
      auto org_at = [&](uint32_t k) {
        if (k >= n) return -1;
        int a = v.actor_at[k];
        if (a < 0 || doc.actors[a].type == ActorType::kPerson) return -1;
        const std::string& label = doc.mentions[v.mention_at[k]].label;
        return label == "PRON" || label == "DEM" ? -1 : a;
      };
      int org = -1;
      if (first >= 2 && (v.word(first - 1) == "'s" || v.word(first - 1) == "\u2019s")) org = org_at(first - 2);
      // "DAB's Starry Lee and Holden Chow": the possessor covers the coordinated names.
      if (org < 0 && chain_org >= 0 && first == chain_end + 1 &&
          (v.word(chain_end) == "and" || v.word(chain_end) == ","))
        org = chain_org;
      if (org < 0 && last + 1 < n && (v.word(last) == "of" || v.word(last) == "from")) {
        uint32_t k = last + 1;
        if (k < n && v.word(k) == "the") ++k;
        org = org_at(k);
      }
      if (org < 0 && last + 2 < n && v.word(last) == "(" ) {
        int o = org_at(last + 1);
        uint32_t k = last + 1;
        while (k < n && v.actor_at[k] == o && o >= 0) ++k;
        if (o >= 0 && k < n && v.word(k) == ")") org = o;
      }
      if (org >= 0) add(s, pm.actor, "member", org, first, false, alleged_sentence, 0.6, "affiliation");
      chain_org = org;
      chain_end = last;
    }
    // Labelling: "X defined Ukraine as a 'NATO puppet state'", "called Putin a
    // genius": a verb of naming, its object, then an evaluative word.
    for (uint32_t t = 0; t + 2 < n; ++t) {
      std::string w = v.word(t);
      if (!IsNamingVerb(w)) continue;
      uint32_t k = t + 1;
      while (k < n && v.actor_at[k] < 0 && k < t + 3 && (v.word(k) == "the" || v.word(k) == "him" || v.word(k) == "her")) ++k;
      int named = k < n ? v.actor_at[k] : -1;
      if (named < 0) continue;
      while (k < n && v.actor_at[k] == named) ++k;
      int sign = 0;
      for (uint32_t e = k; e < n && e < k + 7 && sign == 0; ++e) {
        std::string ew = v.word(e);
        if (ew == "." || ew == ";" || (v.tok(e).upos == "VERB" && e != t)) break;
        sign = EvaluativeSign(ew);
      }
      if (sign == 0) continue;
      std::vector<int> namers;
      if (v.parsed) SubjectOf(v, t, namers);
      if (namers.empty())  // the parse lost the clause: the nearest person before the verb
        for (uint32_t b = t; b-- > 0;)
          if (v.actor_at[b] >= 0 && doc.actors[v.actor_at[b]].type == ActorType::kPerson) {
            namers.push_back(v.actor_at[b]);
            break;
          }
      for (int namer : namers)
        add(s, namer, sign > 0 ? "praise" : "criticize", named, t, IsNegated(doc, s, s.first_token + t),
            alleged_sentence, 0.5, "labelling");
    }
    // An organisation's or state's office holder: "the party's former
    // treasurer, Wallerand de Saint-Just", "Russia's ambassador to France,
    // Alexei Meshkov" -> member(person, organisation or country).
    for (uint32_t t = 0; t + 3 < n; ++t) {
      int body = v.actor_at[t];
      if (body < 0 || doc.actors[body].type == ActorType::kPerson) continue;
      if (v.mention_at[t] >= 0 && v.mention_at[t + 1] == v.mention_at[t]) continue;  // not its last token
      // "the party's treasurer", or "its Foreign affairs undersecretary, X".
      const bool pronoun = v.word(t) == "its" || v.word(t) == "their";
      if (!pronoun && v.word(t + 1) != "'s" && v.word(t + 1) != "\u2019s") continue;
      uint32_t k = pronoun ? t + 1 : t + 2;
      while (k < n && k < t + 6 && !IsRole(v.word(k)) && v.word(k) != "treasurer" && v.actor_at[k] < 0 &&
             (v.tok(k).upos == "ADJ" || v.tok(k).upos == "NOUN" || v.tok(k).upos == "PROPN" || v.word(k) == "former"))
        ++k;
      if (k >= n || (!IsRole(v.word(k)) && v.word(k) != "treasurer")) continue;
      uint32_t m = k + 1;
      if (m + 1 < n && (v.word(m) == "to" || v.word(m) == "in") && v.actor_at[m + 1] >= 0) {  // "ambassador to France"
        int place = v.actor_at[m + 1];
        m += 1;
        while (m < n && v.actor_at[m] == place) ++m;
      }
      if (m < n && v.word(m) == ",") ++m;
      int holder = m < n ? v.actor_at[m] : -1;
      if (holder >= 0 && doc.actors[holder].type == ActorType::kPerson)
        add(s, holder, "member", body, k, false, alleged_sentence, 0.5, "possessive");
    }
    // Possessive affiliations: "Putin's party, United Russia", "Berlusconi
    // and his Forza Italia" -> member; "His campaign manager Aaron Banks" ->
    // the manager collaborates with him.
    for (uint32_t t = 0; t + 1 < n; ++t) {
      int owner = v.actor_at[t];
      if (owner < 0 || doc.actors[owner].type != ActorType::kPerson) continue;
      if (v.mention_at[t] >= 0 && t + 1 < n && v.mention_at[t + 1] == v.mention_at[t]) continue;  // not its last token
      uint32_t k = t + 1;
      std::string w = v.word(t);
      bool pronoun = w == "his" || w == "her";
      if (!pronoun) {
        if (k >= n || (v.word(k) != "'s" && v.word(k) != "’s")) continue;
        ++k;
      }
      if (k >= n) continue;
      int org = v.actor_at[k];
      if (org >= 0 && doc.actors[org].type == ActorType::kOrganization) {
        uint32_t e = k;
        while (e < n && v.actor_at[e] == org) ++e;
        std::string after = e < n ? v.word(e) : ".";
        // "his Forza Italia." or, for a name, "Fico's Smer party".
        if ((pronoun && (after == "." || after == "," || after == "and" || after == ";")) || IsPartyNoun(after))
          add(s, owner, "member", org, k, false, alleged_sentence, 0.5, "possessive");
        if (pronoun || IsPartyNoun(after)) continue;
      }
      // "Fidesz, Orbán's party, ...": the party named before the apposition.
      if (!pronoun && IsPartyNoun(v.word(k)) && t >= 2 && v.word(t - 1) == ",") {
        int named = v.actor_at[t - 2];
        if (named >= 0 && doc.actors[named].type == ActorType::kOrganization)
          add(s, owner, "member", named, k, false, alleged_sentence, 0.5, "possessive");
        continue;
      }
      if (IsPartyNoun(v.word(k)) && k + 2 < n && v.word(k + 1) == ",") {
        int named = v.actor_at[k + 2];
        if (named >= 0 && doc.actors[named].type == ActorType::kOrganization)
          add(s, owner, "member", named, k, false, alleged_sentence, 0.5, "possessive");
        continue;
      }
      // "[his] [Leave campaign] manager [,] Aaron Banks"
      int in_org = -1;
      while (k < n && v.actor_at[k] >= 0 && doc.actors[v.actor_at[k]].type == ActorType::kOrganization)
        in_org = v.actor_at[k++];
      auto is_verb = [&](uint32_t i) {  // a capitalised word inside a name ("Leave campaign") is none
        std::string_view raw = doc.TokenText(s.first_token + i);
        return v.tok(i).upos == "VERB" && !(raw.size() > 0 && std::isupper(static_cast<unsigned char>(raw[0])));
      };
      while (k < n && v.actor_at[k] < 0 && !IsAideNoun(v.word(k)) && !is_verb(k) && k < t + 5) ++k;
      if (k + 1 >= n || !IsAideNoun(v.word(k))) continue;
      uint32_t m = k + 1;
      if (m < n && v.word(m) == ",") ++m;
      int aide = m < n ? v.actor_at[m] : -1;
      if (aide < 0 || aide == owner || doc.actors[aide].type != ActorType::kPerson) continue;
      add(s, aide, "collaborate", owner, k, false, alleged_sentence, 0.5, "possessive");
      if (in_org >= 0) add(s, aide, "member", in_org, k, false, alleged_sentence, 0.5, "possessive");
    }
    // State bodies: "the Russian state-run TV station, RT" -> member(RT, Russia).
    for (uint32_t t = 0; t < n; ++t) {
      if (!IsMediaNoun(v.word(t))) continue;
      int country = -1;
      bool state_word = false;  // "state-owned", "government", "public"
      for (uint32_t k = t; k-- > 0 && k + 5 > t;) {
        int a = v.actor_at[k];
        std::string kw = v.word(k);
        state_word = state_word || kw.rfind("state", 0) == 0 || kw.rfind("government", 0) == 0 || kw == "public";
        if (a >= 0 && doc.actors[a].type == ActorType::kCountry &&
            doc.mentions[v.mention_at[k]].label == "DEM") { country = a; break; }
      }
      if (country < 0) continue;
      // "the Indian company Nayara Energy" is a company in India, not a state body.
      std::string noun = v.word(t);
      bool commercial = noun == "bank" || noun == "company" || noun == "firm" || noun == "giant" ||
                        noun == "corporation" || noun == "network";
      if (commercial && !state_word) continue;
      uint32_t k = t + 1;
      if (k < n && v.word(k) == ",") ++k;
      if (k < n && v.actor_at[k] >= 0 && doc.actors[v.actor_at[k]].type == ActorType::kOrganization)
        add(s, v.actor_at[k], "member", country, t, false, alleged_sentence, 0.6, "state-body");
    }
  }
  // Guidelines: no `linked` for a pair whose tie the text names (a specific
  // relation or `aligned`). `aligned` stays: shared goals are asserted apart
  // from what else the pair does.
  std::set<std::pair<int, int>> specific, aligned;
  for (const auto& c : doc.claims) {
    std::pair<int, int> pair{std::min(c.subject, c.object), std::max(c.subject, c.object)};
    if (c.relation == "aligned") aligned.insert(pair);
    else if (c.relation != "linked") specific.insert(pair);
  }
  doc.claims.erase(std::remove_if(doc.claims.begin(), doc.claims.end(),
                                  [&](const Claim& c) {
                                    std::pair<int, int> pair{std::min(c.subject, c.object), std::max(c.subject, c.object)};
                                    return c.relation == "linked" && specific.count(pair) + aligned.count(pair) > 0;
                                  }),
                   doc.claims.end());
}

}  // namespace tiegraph
