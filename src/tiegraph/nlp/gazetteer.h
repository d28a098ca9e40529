// Gazetteer: known names (lowercased token sequences) and their entity
// types, as features for the entity recognizer: P person, O organisation,
// L location. Filled from a plain list (Add, or a TSV file "phrase<TAB>type");
// the resolve stage feeds it from the actor knowledge base. A phrase is
// split into tokens at spaces and matched token by token, case-insensitively
// (ASCII), against tokenised text. A phrase may carry several types.
// Lookups are const and thread-safe; filling is not. Save/Load write and
// read the hashed form (the phrases themselves are not kept).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tiegraph/nlp/model_io.h"
#include "tiegraph/status.h"

namespace tiegraph::nlp {

class Gazetteer {
 public:
  enum TypeBits : uint8_t { kPerson = 1, kOrganization = 2, kLocation = 4 };

  struct Match {
    int begin = 0;  // first token
    int end = 0;    // one past the last token
    uint8_t types = 0;
  };

  // type: 'P', 'O' or 'L' (also accepted: PER/ORG/LOC, Person,
  // Organization, Country/Location/Place, any case). False if unknown type
  // or empty phrase.
  bool Add(std::string_view phrase, std::string_view type);
  bool Add(std::string_view phrase, char type) { return Add(phrase, std::string_view(&type, 1)); }
  // Reads "phrase<TAB>type" lines; '#' lines and blank lines are skipped.
  Status LoadTsv(const std::string& path);

  // Every phrase occurrence in the tokens (hashes of their lowercase forms,
  // as WordFeatures::lower), longest first per start position.
  void FindMatches(const uint64_t* lower_hashes, int n, std::vector<Match>* out) const;

  size_t size() const { return num_phrases_; }

  // Binary form, to embed a fixed list in a model file.
  void Save(BinaryWriter* out) const;
  static Result<Gazetteer> Load(BinaryReader* in);
  static uint64_t TokenHash(std::string_view token);  // == WordFeatures::lower of the token

 private:
  static constexpr uint8_t kPrefixBit = 0x80;  // a longer phrase continues from here
  std::unordered_map<uint64_t, uint8_t> entries_;  // hash of token prefix -> type bits | kPrefixBit
  int max_tokens_ = 0;
  size_t num_phrases_ = 0;
};

}  // namespace tiegraph::nlp
