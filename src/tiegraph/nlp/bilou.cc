#include "tiegraph/nlp/bilou.h"

namespace tiegraph::nlp {
namespace {

char Prefix(const std::string& tag) { return tag.size() >= 2 && tag[1] == '-' ? tag[0] : 'O'; }
std::string TypeOf(const std::string& tag) { return tag.size() > 2 && tag[1] == '-' ? tag.substr(2) : ""; }

}  // namespace

std::vector<EntitySpan> SpansFromBio(const std::vector<std::string>& tags) {
  std::vector<EntitySpan> spans;
  int n = static_cast<int>(tags.size());
  for (int i = 0; i < n; ++i) {
    char p = Prefix(tags[i]);
    if (p != 'B' && p != 'I') continue;
    std::string type = TypeOf(tags[i]);
    int j = i + 1;
    while (j < n && Prefix(tags[j]) == 'I' && TypeOf(tags[j]) == type) ++j;
    spans.push_back(EntitySpan{i, j, type});
    i = j - 1;
  }
  return spans;
}

std::vector<EntitySpan> SpansFromBilou(const std::vector<std::string>& tags) {
  std::vector<EntitySpan> spans;
  int n = static_cast<int>(tags.size());
  for (int i = 0; i < n; ++i) {
    char p = Prefix(tags[i]);
    if (p == 'O') continue;
    std::string type = TypeOf(tags[i]);
    if (p == 'U' || p == 'L') {
      spans.push_back(EntitySpan{i, i + 1, type});
      continue;
    }
    // B or a stray I: extend over I's of the same type, ending at an L.
    int j = i + 1;
    while (j < n && Prefix(tags[j]) == 'I' && TypeOf(tags[j]) == type) ++j;
    if (j < n && Prefix(tags[j]) == 'L' && TypeOf(tags[j]) == type) ++j;
    spans.push_back(EntitySpan{i, j, type});
    i = j - 1;
  }
  return spans;
}

std::vector<std::string> SpansToBio(const std::vector<EntitySpan>& spans, int n) {
  std::vector<std::string> tags(n, "O");
  for (const EntitySpan& s : spans) {
    for (int k = s.begin; k < s.end && k < n; ++k) tags[k] = (k == s.begin ? "B-" : "I-") + s.type;
  }
  return tags;
}

std::vector<std::string> SpansToBilou(const std::vector<EntitySpan>& spans, int n) {
  std::vector<std::string> tags(n, "O");
  for (const EntitySpan& s : spans) {
    if (s.end - s.begin == 1) {
      if (s.begin < n) tags[s.begin] = "U-" + s.type;
      continue;
    }
    for (int k = s.begin; k < s.end && k < n; ++k) {
      tags[k] = (k == s.begin ? "B-" : k + 1 == s.end ? "L-" : "I-") + s.type;
    }
  }
  return tags;
}

std::vector<std::string> BioToBilou(const std::vector<std::string>& tags) {
  return SpansToBilou(SpansFromBio(tags), static_cast<int>(tags.size()));
}

std::vector<std::string> BilouToBio(const std::vector<std::string>& tags) {
  return SpansToBio(SpansFromBilou(tags), static_cast<int>(tags.size()));
}

void SpanCounts::Add(const std::vector<EntitySpan>& gold_spans, const std::vector<EntitySpan>& predicted_spans) {
  gold += static_cast<long>(gold_spans.size());
  predicted += static_cast<long>(predicted_spans.size());
  for (const EntitySpan& p : predicted_spans) {
    for (const EntitySpan& g : gold_spans) {
      if (p == g) {
        ++correct;
        break;
      }
    }
  }
}

}  // namespace tiegraph::nlp
