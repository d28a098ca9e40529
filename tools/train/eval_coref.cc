// eval_coref: scores the resolver's actor chains against the coreference
// annotation of GUM's news documents (Wikinews, CC BY 2.5), with MUC and B3.
//
// Each document is built from GUM's gold tokens and sentences (UD GUM CoNLL-U,
// text re-assembled with its SpaceAfter marks), so that mention boundaries
// align with the gold; our tagger, parser, entity recognizer and resolver then
// run on it (Pipeline::ProcessTokenized), nothing gold is given to them.
// Response chains are the mentions grouped by Mention::actor. Gold chains come
// from gum_coref_conll (singletons included in the file).
//   Matching: "head": a system mention matches the smallest gold mention whose
//   syntactic head (from the gold UD tree) it contains and within whose span it
//   lies ("Putin" matches "Russian President Vladimir Putin"); "exact": same
//   first and last token. Gold mentions without a system mention are missed.
//   Scores: MUC, and B3 without singleton chains (CoNLL-2012 practice; GUM
//   annotates singletons, our resolver makes one-mention actors).
//   Two key sets: all gold chains; only chains of type person, organization
//   or place (GUM types; our actors are people, organisations and
//   countries) -- there, system mentions that match a gold mention of another
//   type are left out, unmatched ones stay as spurious.
//   build/tools/eval_coref [--shared DIR] [--docs all|devtest|both] [--list]
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tiegraph/extract/pipeline.h"
#include "tiegraph/nlp/conllu.h"
#include "tiegraph/resolve/coref_metrics.h"

namespace {

using namespace tiegraph;

struct GoldMention {
  uint32_t first = 0, last = 0;  // tokens, inclusive
  int entity = -1;
  std::string type;               // "person", "place", ...
  uint32_t head = 0;              // token index of the syntactic head
};

struct GumDoc {
  std::string name;
  Document doc;
  std::vector<int> gold_head;  // per token: document-level head index, -1 = root
  std::vector<GoldMention> gold;
};

bool HasSpaceAfterNo(std::string_view misc) {
  size_t at = misc.find("SpaceAfter=No");
  return at != std::string_view::npos && (at == 0 || misc[at - 1] == '|');
}

// Groups the sentences of a UD GUM corpus by "# newdoc id" and builds one
// Document per news document from its words.
void CollectNewsDocs(const nlp::ConllCorpus& corpus, std::vector<GumDoc>& out) {
  GumDoc* cur = nullptr;
  for (const nlp::ConllSentence& s : corpus.sentences) {
    bool newpar = false;
    for (const std::string& c : s.comments) {
      if (c.starts_with("# newdoc id = ")) {
        std::string id = c.substr(14);
        if (id.starts_with("GUM_news_")) {
          out.push_back({});
          cur = &out.back();
          cur->name = id;
        } else {
          cur = nullptr;
        }
      }
      if (c.starts_with("# newpar")) newpar = true;
    }
    if (cur == nullptr) continue;
    Document& doc = cur->doc;
    if (!doc.text.empty()) doc.text += newpar ? "\n\n" : "\n";
    Sentence sent;
    sent.span.begin = static_cast<uint32_t>(doc.text.size());
    sent.first_token = static_cast<uint32_t>(doc.tokens.size());
    // Multiword tokens ("don't" = do + n't): no space between their words;
    // the space after the last one follows the multiword line's MISC.
    int mwt_last = 0;
    bool mwt_no_space = false;
    bool space_pending = false;
    for (const nlp::ConllLine& l : s.lines) {
      const std::string& id = l.id();
      if (size_t dash = id.find('-'); dash != std::string::npos) {
        mwt_last = std::stoi(id.substr(dash + 1));
        mwt_no_space = HasSpaceAfterNo(l.cols[9]);
        continue;
      }
      if (!l.is_word()) continue;
      if (space_pending) doc.text += ' ';
      Token t;
      t.span.begin = static_cast<uint32_t>(doc.text.size());
      doc.text += l.cols[1];
      t.span.end = static_cast<uint32_t>(doc.text.size());
      doc.tokens.push_back(std::move(t));
      int n = std::stoi(id);
      int head = l.cols[6] == "_" ? 0 : std::stoi(l.cols[6]);
      cur->gold_head.push_back(head == 0 ? -1 : static_cast<int>(sent.first_token) + head - 1);
      if (n < mwt_last) space_pending = false;
      else if (n == mwt_last) space_pending = !mwt_no_space;
      else space_pending = !HasSpaceAfterNo(l.cols[9]);
    }
    sent.token_count = static_cast<uint32_t>(doc.tokens.size()) - sent.first_token;
    sent.span.end = static_cast<uint32_t>(doc.text.size());
    doc.sentences.push_back(sent);
  }
}

// Reads one gum_coref_conll file: index, token, bracketed entity column.
Status ReadGoldCoref(const std::string& path, GumDoc& d) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open");
  std::string line;
  size_t line_no = 0;
  uint32_t token = 0;
  struct Open {
    int entity;
    std::string type;
    uint32_t first;
  };
  std::vector<Open> open;
  auto parse_label = [](std::string_view label, int* entity, std::string* type) {
    size_t d1 = label.find('-');
    if (d1 == std::string_view::npos) return false;
    size_t d2 = label.find('-', d1 + 1);
    std::string_view id = label.substr(d1 + 1, d2 == std::string_view::npos ? std::string_view::npos : d2 - d1 - 1);
    if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    *type = std::string(label.substr(0, d1));
    *entity = std::stoi(std::string(id));
    return true;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    auto bad = [&](std::string_view what) {
      return Status::Corruption(fmt::format("{}:{}: {}", path, line_no, what));
    };
    if (cols.size() < 3) return bad("expected index, token, coreference columns");
    if (token >= d.doc.tokens.size()) return bad("more tokens than the UD document");
    if (cols[1] != d.doc.TokenText(token)) return bad(fmt::format("token '{}' differs from UD '{}'", cols[1], d.doc.TokenText(token)));
    std::string_view c = cols[2];
    size_t i = 0;
    while (c != "_" && i < c.size()) {
      if (c[i] == '(') {
        size_t end = c.find_first_of("()", i + 1);
        std::string_view label = c.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1);
        Open o{-1, "", token};
        if (!parse_label(label, &o.entity, &o.type)) return bad(fmt::format("bad entity label '{}'", label));
        if (end != std::string_view::npos && c[end] == ')') {  // (type-1) on one token
          d.gold.push_back({token, token, o.entity, o.type, 0});
          i = end + 1;
        } else {
          open.push_back(o);
          i = end == std::string_view::npos ? c.size() : end;
        }
      } else {  // type-1) closes the latest open mention of entity 1
        size_t end = c.find(')', i);
        if (end == std::string_view::npos) return bad("entity label without '(' or ')'");
        int entity;
        std::string type;
        if (!parse_label(c.substr(i, end - i), &entity, &type)) return bad("bad closing label");
        auto it = std::find_if(open.rbegin(), open.rend(), [&](const Open& o) { return o.entity == entity; });
        if (it == open.rend()) return bad("closing an entity that is not open");
        d.gold.push_back({it->first, token, entity, it->type, 0});
        open.erase(std::next(it).base());
        i = end + 1;
      }
    }
    ++token;
  }
  if (token != d.doc.tokens.size()) return Status::Corruption(path + ": fewer tokens than the UD document");
  if (!open.empty()) return Status::Corruption(path + ": mention left open at the end");
  for (GoldMention& m : d.gold) {  // head: the first token whose head lies outside the span
    m.head = m.first;
    for (uint32_t t = m.first; t <= m.last; ++t) {
      int h = d.gold_head[t];
      if (h < static_cast<int>(m.first) || h > static_cast<int>(m.last)) {
        m.head = t;
        break;
      }
    }
  }
  return Status::Ok();
}

bool IsActorType(const std::string& type) { return type == "person" || type == "organization" || type == "place"; }

struct Scores {
  CorefScore muc, b3;
  size_t gold_mentions = 0, found = 0, system_mentions = 0, chains = 0;
};

// Scores one document; `actor_types_only` restricts the key to person,
// organization and place chains.
void ScoreDoc(const GumDoc& d, bool head_match, bool actor_types_only, Scores& total) {
  std::map<int, std::string> entity_type;  // type of the entity's first mention
  std::vector<size_t> order(d.gold.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return d.gold[a].first < d.gold[b].first; });
  for (size_t i : order) entity_type.emplace(d.gold[i].entity, d.gold[i].type);
  auto in_key = [&](const GoldMention& g) { return !actor_types_only || IsActorType(entity_type[g.entity]); };

  std::map<int, CorefChain> key_chains;
  for (size_t i = 0; i < d.gold.size(); ++i)
    if (in_key(d.gold[i])) key_chains[d.gold[i].entity].push_back(static_cast<int>(i));

  std::map<int, CorefChain> response_chains;
  std::set<int> used;
  int next_spurious = static_cast<int>(d.gold.size());
  size_t system_mentions = 0;
  for (const Mention& m : d.doc.mentions) {
    if (m.actor < 0) continue;
    int match = -1;
    uint32_t best_size = UINT32_MAX;
    for (size_t i = 0; i < d.gold.size(); ++i) {
      const GoldMention& g = d.gold[i];
      bool ok = head_match ? (g.first <= m.first_token && m.last_token <= g.last + 1 && m.first_token <= g.head &&
                              g.head < m.last_token)
                           : (g.first == m.first_token && g.last + 1 == m.last_token);
      if (ok && !used.count(static_cast<int>(i)) && g.last - g.first < best_size) {
        match = static_cast<int>(i);
        best_size = g.last - g.first;
      }
    }
    if (match >= 0 && !in_key(d.gold[match])) continue;  // another type: scored only over all chains
    if (match >= 0) used.insert(match);
    ++system_mentions;
    response_chains[m.actor].push_back(match >= 0 ? match : next_spurious++);
  }
  CorefClustering key, response;
  for (auto& [e, c] : key_chains) key.push_back(c);
  for (auto& [a, c] : response_chains) response.push_back(c);
  total.muc.Add(MucScore(key, response));
  total.b3.Add(BCubedScore(WithoutSingletons(key), WithoutSingletons(response)));
  for (const auto& c : key) total.gold_mentions += c.size();
  total.chains += key.size();
  for (int g : used) total.found += in_key(d.gold[g]) ? 1 : 0;
  total.system_mentions += system_mentions;
}

void PrintTable(const std::string& title, const std::vector<const GumDoc*>& docs) {
  fmt::print("\n{} ({} documents)\n", title, docs.size());
  fmt::print("{:<6} {:<18} {:>6} {:>7} {:>7} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5}\n", "match", "gold chains",
             "chains", "gold m", "found", "MUC P", "R", "F1", "B3 P", "R", "F1");
  for (bool head : {true, false}) {
    for (bool actors : {false, true}) {
      Scores s;
      for (const GumDoc* d : docs) ScoreDoc(*d, head, actors, s);
      fmt::print("{:<6} {:<18} {:>6} {:>7} {:>7} | {:>5.3f} {:>5.3f} {:>5.3f} | {:>5.3f} {:>5.3f} {:>5.3f}\n",
                 head ? "head" : "exact", actors ? "person/org/place" : "all", s.chains, s.gold_mentions, s.found,
                 s.muc.Precision(), s.muc.Recall(), s.muc.F1(), s.b3.Precision(), s.b3.Recall(), s.b3.F1());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"MUC and B3 of the resolver's actor chains on GUM's news documents"};
  std::string shared = std::string(TIEGRAPH_SOURCE_DIR) + "/../shared";
  std::string docs_set = "both";
  bool list = false;
  PipelineOptions options;
  app.add_option("--shared", shared, "The shared data folder (corpora/ud_english_gum, corpora/gum_coref_conll)")
      ->capture_default_str();
  app.add_option("--docs", docs_set, "all: the 24 news documents; devtest: the 4 of the dev and test splits; both")
      ->check(CLI::IsMember({"all", "devtest", "both"}))
      ->capture_default_str();
  app.add_option("--models", options.models_dir, "Models folder (default: bundled)");
  app.add_option("--kb", options.kb_dir, "Knowledge base folder (default: bundled)");
  app.add_flag("--list", list, "Print each document's actor chains and the gold person/org/place chains");
  CLI11_PARSE(app, argc, argv);

  std::vector<GumDoc> docs;
  for (const char* split : {"train", "dev", "test"}) {
    std::string path = fmt::format("{}/corpora/ud_english_gum/en_gum-ud-{}.conllu", shared, split);
    auto corpus = nlp::ReadConlluFile(path);
    if (!corpus.ok()) {
      fmt::print(stderr, "eval_coref: {}\n", corpus.status().ToString());
      return 1;
    }
    CollectNewsDocs(*corpus, docs);
  }
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    fmt::print(stderr, "eval_coref: {}\n", pipeline.status().ToString());
    return 1;
  }
  // The dev and test splits' news documents (gum_coref_conll/splits.md).
  const std::set<std::string> devtest = {"GUM_news_homeopathic", "GUM_news_iodine", "GUM_news_nasa",
                                         "GUM_news_sensitive"};
  std::vector<const GumDoc*> all, held_out;
  size_t tokens = 0;
  for (GumDoc& d : docs) {
    Status st = ReadGoldCoref(fmt::format("{}/corpora/gum_coref_conll/conll/{}.conll", shared, d.name), d);
    if (!st.ok()) {
      fmt::print(stderr, "eval_coref: {}\n", st.ToString());
      return 1;
    }
    st = (*pipeline)->ProcessTokenized(d.doc);
    if (!st.ok()) {
      fmt::print(stderr, "eval_coref: {}: {}\n", d.name, st.ToString());
      return 1;
    }
    tokens += d.doc.tokens.size();
    all.push_back(&d);
    if (devtest.count(d.name)) held_out.push_back(&d);
    if (list) {
      fmt::print("\n== {}\n", d.name);
      for (size_t a = 0; a < d.doc.actors.size(); ++a) {
        fmt::print("  actor {} [{}]:", d.doc.actors[a].name, ActorTypeName(d.doc.actors[a].type));
        for (const Mention& m : d.doc.mentions)
          if (m.actor == static_cast<int>(a)) fmt::print(" '{}'", d.doc.Slice(m.span));
        fmt::print("\n");
      }
      std::map<int, std::vector<std::string>> chains;
      for (const GoldMention& g : d.gold)
        if (IsActorType(g.type))
          chains[g.entity].push_back(std::string(d.doc.text.substr(
              d.doc.tokens[g.first].span.begin, d.doc.tokens[g.last].span.end - d.doc.tokens[g.first].span.begin)));
      for (const auto& [e, ms] : chains) {
        if (ms.size() < 2) continue;
        fmt::print("  gold {}:", e);
        for (const auto& m : ms) fmt::print(" '{}'", m);
        fmt::print("\n");
      }
    }
  }
  fmt::print("GUM news coreference: gold tokens and sentences; our tagger, parser, NER and resolver; {} tokens\n",
             tokens);
  fmt::print("B3 leaves out singleton chains (key and response); 'found' = gold mentions a system mention matched\n");
  if (docs_set != "devtest") PrintTable("all GUM news documents (train+dev+test)", all);
  if (docs_set != "all") PrintTable("GUM news documents of the dev and test splits", held_out);
  return 0;
}
