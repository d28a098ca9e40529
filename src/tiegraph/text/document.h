// Document: one source text and the layers that pipeline stages add to it.
//
// Every layer refers to the text by byte offsets (Span); no stage copies the
// text. Stages run in order and each fills one layer:
//   text/    sentences, tokens          (Segment, Tokenize)
//   nlp/     Token::upos/xpos/head/deprel, Token::ner, mentions (Tagger, Parser, Ner)
//   resolve/ actors, Mention::actor     (Resolver)
//   extract/ claims                     (ClaimExtractor)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tiegraph {

// Half-open byte range [begin, end) into Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
};

struct Token {
  Span span;
  // nlp layer. Tag strings are short (small-string optimised, no heap use).
  std::string upos;    // "PROPN"
  std::string xpos;    // "NNP"
  int head = -1;       // index of the head token within the sentence, 1-based; 0 = root; -1 = unparsed
  std::string deprel;  // "nsubj"
  std::string ner;     // BILOU tag: "B-PER", "I-ORG", "L-LOC", "U-PER", "O" ("" = not run)
};

struct Sentence {
  Span span;
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t token_count = 0;
};

// A stretch of text that names (or points to) an actor.
struct Mention {
  Span span;
  uint32_t first_token = 0;  // [first_token, last_token) into Document::tokens
  uint32_t last_token = 0;
  std::string label;         // PER, ORG, LOC, MISC (nlp) or KB/PRON/DESC (resolve)
  int actor = -1;            // index into Document::actors once resolved
};

enum class ActorType { kPerson, kOrganization, kCountry };
const char* ActorTypeName(ActorType t);  // "Person", "Organization", "Country"

// An actor as known within one document (resolve layer).
struct Actor {
  std::string name;                  // fullest name the document gives
  ActorType type = ActorType::kPerson;
  std::string country;               // ISO-3166 alpha-2, "" if unknown
  std::vector<std::string> aliases;  // every surface form seen
  std::string kb_ref;                // knowledge-base id, "" if none
};

enum class Modality { kAsserted, kAlleged };

// One relation between two actors, with its evidence (extract layer).
struct Claim {
  int subject = -1;           // index into Document::actors
  std::string relation;       // one of the 12 relations of GUIDELINES.md
  int object = -1;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  std::string time;           // ISO date or part of one; "" = none
  std::string quote;          // directly quoted words; "" = none
  Span evidence;              // the sentence(s) that state the claim
  double confidence = 0.0;
  std::string extractor;      // which rule or model produced it
};

struct Document {
  std::string id;         // hash of the normalised text (set by the loader)
  std::string source;     // path or "path:line" it came from
  std::string title;
  std::string url;
  std::string published;  // ISO date "YYYY-MM-DD" or "" if unknown
  std::string text;       // NFC-normalised UTF-8

  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
  std::vector<Actor> actors;
  std::vector<Claim> claims;

  std::string_view Slice(Span s) const { return std::string_view(text).substr(s.begin, s.end - s.begin); }
  std::string_view TokenText(uint32_t i) const { return Slice(tokens[i].span); }
};

}  // namespace tiegraph
