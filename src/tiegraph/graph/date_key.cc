#include "tiegraph/graph/date_key.h"

#include <fmt/format.h>

namespace tiegraph::graph {
namespace {

// Reads exactly n ASCII digits at s[pos]; -1 if any is missing.
int Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

DateKey ParseDateKey(std::string_view iso) {
  int year = Digits(iso, 0, 4);
  if (year <= 0) return 0;
  if (iso.size() == 4) return year * 10000;
  if (iso[4] != '-') return 0;
  int month = Digits(iso, 5, 2);
  if (month < 1 || month > 12) return 0;
  if (iso.size() == 7) return year * 10000 + month * 100;
  if (iso[7] != '-') return 0;
  int day = Digits(iso, 8, 2);
  if (day < 1 || day > 31) return 0;
  if (iso.size() > 10 && iso[10] != 'T' && iso[10] != ' ') return 0;
  return year * 10000 + month * 100 + day;
}

std::string FormatDateKey(DateKey key) {
  if (key <= 0) return "";
  int year = key / 10000, month = key / 100 % 100, day = key % 100;
  if (month == 0) return fmt::format("{:04d}", year);
  if (day == 0) return fmt::format("{:04d}-{:02d}", year, month);
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

}  // namespace tiegraph::graph
