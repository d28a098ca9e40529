#include "tiegraph/nlp/word_features.h"

#include "tiegraph/nlp/features.h"

namespace tiegraph::nlp {
namespace {

char ShapeChar(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

WordFeatures MakePadding(std::string_view marker) {
  WordFeatures w;
  uint64_t h = HashBytes(marker);
  w.form = w.lower = w.shape = h;
  for (auto& p : w.prefix) p = h;
  for (auto& s : w.suffix) s = h;
  return w;
}

}  // namespace

void ComputeWordFeatures(std::string_view form, WordFeatures* out) {
  char lower[64];
  char shape[64];
  size_t n = form.size() < sizeof(lower) ? form.size() : sizeof(lower);
  size_t shape_len = 0;
  uint32_t flags = 0;
  bool all_upper = true, all_digit = true;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(form[i]);
    bool upper = c >= 'A' && c <= 'Z';
    lower[i] = upper ? static_cast<char>(c + 32) : static_cast<char>(c);
    if (upper) flags |= WordFeatures::kHasUpper;
    if (c >= 'a' && c <= 'z') { flags |= WordFeatures::kHasLower; all_upper = false; }
    if (c >= '0' && c <= '9') flags |= WordFeatures::kHasDigit; else all_digit = false;
    if (c == '-') flags |= WordFeatures::kHasHyphen;
    if (c >= 0x80) flags |= WordFeatures::kHasNonAscii;
    if (c < 0x80 && !upper && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) flags |= WordFeatures::kHasPunct;
    // Compressed shape: runs of the same class longer than 2 are cut to 2.
    char s = ShapeChar(c);
    if (shape_len >= 2 && shape[shape_len - 1] == s && shape[shape_len - 2] == s) continue;
    shape[shape_len++] = s;
  }
  if (n > 0 && form[0] >= 'A' && form[0] <= 'Z') flags |= WordFeatures::kInitUpper;
  if (all_upper && (flags & WordFeatures::kHasUpper)) flags |= WordFeatures::kAllUpper;
  if (all_digit && n > 0) flags |= WordFeatures::kAllDigit;
  std::string_view low(lower, n);
  out->form = HashBytes(form);
  out->lower = HashBytes(low);
  out->shape = HashBytes(std::string_view(shape, shape_len));
  for (size_t k = 0; k < 3; ++k) out->prefix[k] = HashBytes(low.substr(0, k + 1));
  for (size_t k = 0; k < 4; ++k) out->suffix[k] = HashBytes(n > k + 1 ? low.substr(n - k - 1) : low);
  out->flags = flags;
  out->length = static_cast<uint32_t>(form.size() > 15 ? 15 : form.size());
}

const WordFeatures& PaddingBefore() {
  static const WordFeatures kPad = MakePadding("<s>");
  return kPad;
}

const WordFeatures& PaddingAfter() {
  static const WordFeatures kPad = MakePadding("</s>");
  return kPad;
}

}  // namespace tiegraph::nlp
