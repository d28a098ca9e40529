// CameoVerbs: the verbs of the PETRARCH2 CAMEO verb dictionary
// (CAMEO.2.0.txt in ../shared/corpora/petrarch2_dictionaries), read at run
// time and never copied into the repository.
//
// Keeps, for each verb of a synonym block, the CAMEO code of the isolated
// verb (its own "[code]", else the block's) and every form the file lists or
// implies (regular -s/-ed/-ing forms unless irregular ones are given in
// {...}). Patterns ("- * (FOR AID) [0231]") are checked and counted but not
// matched: the claim extractor argues on the parse instead. A verb's code maps
// to one of the 12 relations of GUIDELINES.md by the reviewed table
// RelationOfCameoVerbCode (docs/relations.md); codes that map to none, and a
// reviewed list of verbs that only share a block with a mapped code ("die",
// "argue", "take"), give no relation. Bad lines fail Load with an error naming file:line.
// Immutable after Load; const methods are thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tiegraph/status.h"

namespace tiegraph {

struct CameoVerb {
  std::string lemma;           // lower-case primary form: "praise", "ask for"
  std::string code;            // CAMEO code of the isolated verb ("051"); "" = null code
  std::string_view relation;   // RelationOfCameoVerbCode(code) unless reviewed out; "" = none
};

class CameoVerbs {
 public:
  static Result<CameoVerbs> Load(const std::string& path);
  // Parses a dictionary held in memory; `name` is used in error messages.
  static Result<CameoVerbs> Parse(std::string_view content, const std::string& name);

  // The verb whose lemma or form is `lower_word` ("lauded", "laud",
  // "ask for"); nullptr if the dictionary has none.
  const CameoVerb* Find(std::string_view lower_word) const;
  // The relation of that verb's code, if it maps to one.
  std::optional<std::string_view> RelationOfVerb(std::string_view lower_word) const;

  const std::vector<CameoVerb>& verbs() const { return verbs_; }
  size_t form_count() const { return forms_.size(); }
  size_t pattern_count() const { return pattern_count_; }

 private:
  std::vector<CameoVerb> verbs_;
  std::unordered_map<std::string, uint32_t> forms_;  // lower-case form -> index into verbs_
  size_t pattern_count_ = 0;
};

// The reviewed mapping of CAMEO event codes to relations ("051" -> "praise",
// "112" -> "criticize", "0431" -> "meet"); "" where the code family maps to
// none (statements, appeals, intents, yielding, investigating, demanding,
// generic consult or cooperation codes whose verbs are too vague).
std::string_view RelationOfCameoVerbCode(std::string_view code);

// Regular English forms of a lower-case verb: -s, -ed, -ing (with the final
// consonant doubled as a variant where it may double). For the dictionary's
// verbs without irregular forms.
std::vector<std::string> RegularVerbForms(std::string_view lower_verb);

}  // namespace tiegraph
