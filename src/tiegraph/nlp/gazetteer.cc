#include "tiegraph/nlp/gazetteer.h"

#include <algorithm>
#include <cctype>

#include "tiegraph/nlp/features.h"
#include "tiegraph/nlp/model_io.h"
#include "tiegraph/nlp/word_features.h"

namespace tiegraph::nlp {
namespace {

constexpr uint64_t kSeed = 0x6A7E77EE12ULL;

uint8_t ParseType(std::string_view type) {
  std::string t;
  for (char c : type) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (t == "p" || t == "per" || t == "person") return Gazetteer::kPerson;
  if (t == "o" || t == "org" || t == "organization" || t == "organisation") return Gazetteer::kOrganization;
  if (t == "l" || t == "loc" || t == "location" || t == "country" || t == "place" || t == "gpe") {
    return Gazetteer::kLocation;
  }
  return 0;
}

}  // namespace

uint64_t Gazetteer::TokenHash(std::string_view token) {
  WordFeatures wf;
  ComputeWordFeatures(token, &wf);
  return wf.lower;
}

bool Gazetteer::Add(std::string_view phrase, std::string_view type) {
  uint8_t bits = ParseType(type);
  if (bits == 0) return false;
  std::vector<uint64_t> hashes;
  size_t pos = 0;
  while (pos < phrase.size()) {
    while (pos < phrase.size() && (phrase[pos] == ' ' || phrase[pos] == '\t')) ++pos;
    size_t end = pos;
    while (end < phrase.size() && phrase[end] != ' ' && phrase[end] != '\t') ++end;
    if (end > pos) hashes.push_back(TokenHash(phrase.substr(pos, end - pos)));
    pos = end;
  }
  if (hashes.empty()) return false;
  uint64_t h = kSeed;
  for (size_t k = 0; k < hashes.size(); ++k) {
    h = HashCombine(h, hashes[k]);
    uint8_t& e = entries_[h];
    if (k + 1 < hashes.size()) {
      e |= kPrefixBit;
    } else {
      if ((e & ~kPrefixBit) == 0) ++num_phrases_;
      e |= bits;
    }
  }
  if (static_cast<int>(hashes.size()) > max_tokens_) max_tokens_ = static_cast<int>(hashes.size());
  return true;
}

Status Gazetteer::LoadTsv(const std::string& path) {
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  std::string_view content = *bytes;
  size_t pos = 0, line_no = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": expected phrase<TAB>type");
    }
    std::string_view type = line.substr(tab + 1);
    size_t tab2 = type.find('\t');
    if (tab2 != std::string_view::npos) type = type.substr(0, tab2);
    if (!Add(line.substr(0, tab), type)) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": bad phrase or type '" +
                                  std::string(type) + "'");
    }
  }
  return Status::Ok();
}

void Gazetteer::Save(BinaryWriter* out) const {
  std::vector<std::pair<uint64_t, uint8_t>> sorted(entries_.begin(), entries_.end());
  std::sort(sorted.begin(), sorted.end());  // deterministic files
  out->U32(static_cast<uint32_t>(max_tokens_));
  out->U64(num_phrases_);
  out->U32(static_cast<uint32_t>(sorted.size()));
  for (const auto& [hash, bits] : sorted) {
    out->U64(hash);
    out->Raw(&bits, 1);
  }
}

Result<Gazetteer> Gazetteer::Load(BinaryReader* in) {
  Gazetteer g;
  uint32_t max_tokens = 0, count = 0;
  uint64_t phrases = 0;
  if (!in->U32(&max_tokens) || !in->U64(&phrases) || !in->U32(&count) || max_tokens > 64 ||
      in->remaining() < static_cast<size_t>(count) * 9) {
    return Status::Corruption("gazetteer: truncated");
  }
  g.max_tokens_ = static_cast<int>(max_tokens);
  g.num_phrases_ = phrases;
  g.entries_.reserve(count);
  for (uint32_t k = 0; k < count; ++k) {
    uint64_t hash = 0;
    uint8_t bits = 0;
    in->U64(&hash);
    in->Raw(&bits, 1);
    g.entries_[hash] = bits;
  }
  return g;
}

void Gazetteer::FindMatches(const uint64_t* lower_hashes, int n, std::vector<Match>* out) const {
  out->clear();
  if (entries_.empty()) return;
  for (int i = 0; i < n; ++i) {
    uint64_t h = kSeed;
    size_t first = out->size();
    for (int j = i; j < n && j - i < max_tokens_; ++j) {
      h = HashCombine(h, lower_hashes[j]);
      auto it = entries_.find(h);
      if (it == entries_.end()) break;
      uint8_t types = it->second & ~kPrefixBit;
      if (types) out->push_back(Match{i, j + 1, types});
      if (!(it->second & kPrefixBit)) break;
    }
    // Longest first for this start.
    for (size_t a = first, b = out->size(); a + 1 < b; ++a, --b) std::swap((*out)[a], (*out)[b - 1]);
  }
}

}  // namespace tiegraph::nlp
