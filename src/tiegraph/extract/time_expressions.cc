#include "tiegraph/extract/time_expressions.h"
#include "tiegraph/text/ascii.h"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

namespace tiegraph {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                       "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday", "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};


bool StartsWithUpper(std::string_view w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }

int MonthOf(std::string_view w) {
  std::string l = AsciiLower(w);
  if (!l.empty() && l.back() == '.') l.pop_back();
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (l == kMonths[i] || (l.size() >= 3 && l.size() <= 4 && kMonths[i].substr(0, l.size()) == l))
      return static_cast<int>(i) + 1;
  if (l == "may") return 5;
  return 0;
}

int DayOf(std::string_view w) {
  std::string l = AsciiLower(w);
  for (size_t i = 0; i < kDays.size(); ++i)
    if (l == kDays[i]) return static_cast<int>(i);  // 0 = Monday
  return -1;
}

int Number(std::string_view w) {
  std::string s(w);
  for (const char* suf : {"st", "nd", "rd", "th"})
    if (s.size() > 2 && s.substr(s.size() - 2) == suf) s.resize(s.size() - 2);
  if (s.empty() || s.size() > 4) return -1;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
  return std::atoi(s.c_str());
}

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

bool ParseIso(const std::string& s, year_month_day* out) {
  if (s.size() < 10) return false;
  int y = std::atoi(s.substr(0, 4).c_str()), m = std::atoi(s.substr(5, 2).c_str()), d = std::atoi(s.substr(8, 2).c_str());
  *out = year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  return out->ok();
}

std::string Iso(year_month_day d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

}  // namespace

std::vector<TimeExpression> FindTimeExpressions(const Document& doc, uint32_t first, uint32_t last,
                                                const std::string& published) {
  std::vector<TimeExpression> out;
  year_month_day pub{};
  bool have_pub = ParseIso(published, &pub);
  auto word = [&](uint32_t i) { return i < last ? doc.TokenText(i) : std::string_view(); };
  for (uint32_t i = first; i < last; ++i) {
    std::string_view w = word(i);
    std::string lw = AsciiLower(w);
    int num = Number(w);
    // "9 December 2021", "9 December", "December 9, 2021", "December 2021", "December 9"
    int mon_after = MonthOf(word(i + 1));
    if (num >= 1 && num <= 31 && mon_after > 0) {
      int y = Number(word(i + 2));
      uint32_t end = i + 2;
      if (y >= 1800 && y <= 2100) end = i + 3;
      else if (have_pub) {
        y = static_cast<int>(pub.year());
        year_month_day cand{year{y}, month{static_cast<unsigned>(mon_after)}, day{static_cast<unsigned>(num)}};
        if (cand.ok() && sys_days(cand) > sys_days(pub)) --y;
      } else {
        out.push_back({i, i + 2, ""});
        i += 1;
        continue;
      }
      out.push_back({i, end, fmt::format("{:04d}-{:02d}-{:02d}", y, mon_after, num)});
      i = end - 1;
      continue;
    }
    int mon = MonthOf(w);
    if (mon > 0 && StartsWithUpper(w)) {
      int d = Number(word(i + 1));
      if (d >= 1 && d <= 31) {
        uint32_t k = i + 2;
        if (word(k) == ",") ++k;
        int y = Number(word(k));
        if (y >= 1800 && y <= 2100) {
          out.push_back({i, k + 1, fmt::format("{:04d}-{:02d}-{:02d}", y, mon, d)});
          i = k;
          continue;
        }
        if (have_pub) {
          int yy = static_cast<int>(pub.year());
          out.push_back({i, i + 2, fmt::format("{:04d}-{:02d}-{:02d}", yy, mon, d)});
          i += 1;
          continue;
        }
      }
      int y = Number(word(i + 1));
      if (y >= 1800 && y <= 2100) {
        out.push_back({i, i + 2, fmt::format("{:04d}-{:02d}", y, mon)});
        i += 1;
        continue;
      }
    }
    if (num >= 1900 && num <= 2100 && w.size() == 4) {
      std::string prev = i > first ? AsciiLower(word(i - 1)) : "";
      if (prev == "in" || prev == "since" || prev == "of" || prev == "during" || prev == "until" || prev == "by" ||
          prev == "from" || prev == "year" || prev == "early" || prev == "late" || prev == "mid" || prev == "," ||
          prev == "the" || i == first) {
        out.push_back({i, i + 1, fmt::format("{:04d}", num)});
      }
      continue;
    }
    if (!have_pub) continue;
    sys_days p = sys_days(pub);
    if (lw == "yesterday") { out.push_back({i, i + 1, Iso(year_month_day(p - std::chrono::days(1)))}); continue; }
    if (lw == "today") { out.push_back({i, i + 1, Iso(pub)}); continue; }
    if (lw == "last" || lw == "this") {
      std::string nx = AsciiLower(word(i + 1));
      bool last_ = lw == "last";
      if (nx == "year") { out.push_back({i, i + 2, fmt::format("{:04d}", static_cast<int>(pub.year()) - (last_ ? 1 : 0))}); continue; }
      if (nx == "month") {
        year_month_day m = pub;
        if (last_) {
          auto ym = std::chrono::year_month(pub.year(), pub.month()) - std::chrono::months(1);
          m = year_month_day(ym.year(), ym.month(), day{1});
        }
        out.push_back({i, i + 2, fmt::format("{:04d}-{:02d}", static_cast<int>(m.year()), static_cast<unsigned>(m.month()))});
        continue;
      }
      if (nx == "week") {
        // "<Weekday> last week" (weekday just before) gives a date; alone, the week's Monday's month.
        int dow = i > first ? DayOf(word(i - 1)) : -1;
        if (dow < 0 && i > first + 1) dow = DayOf(word(i - 2));
        std::chrono::weekday wd{p};
        int pub_dow = (static_cast<int>(wd.c_encoding()) + 6) % 7;  // Monday = 0
        sys_days monday_this = p - std::chrono::days(pub_dow);
        sys_days monday_last = monday_this - std::chrono::days(7);
        if (dow >= 0) {
          out.push_back({i > first + 1 && DayOf(word(i - 2)) >= 0 ? i - 2 : i - 1, i + 2,
                         Iso(year_month_day(monday_last + std::chrono::days(dow)))});
        } else {
          year_month_day m(monday_last + std::chrono::days(3));
          out.push_back({i, i + 2, fmt::format("{:04d}-{:02d}", static_cast<int>(m.year()), static_cast<unsigned>(m.month()))});
        }
        continue;
      }
      int dow = DayOf(word(i + 1));
      if (dow >= 0 && last_) {
        std::chrono::weekday wd{p};
        int pub_dow = (static_cast<int>(wd.c_encoding()) + 6) % 7;
        int back = (pub_dow - dow + 7) % 7;
        if (back == 0) back = 7;
        out.push_back({i, i + 2, Iso(year_month_day(p - std::chrono::days(back)))});
        continue;
      }
    }
    int dow = DayOf(w);
    if (dow >= 0 && (i == first || AsciiLower(word(i - 1)) == "on") && AsciiLower(word(i + 1)) != "last") {
      std::chrono::weekday wd{p};
      int pub_dow = (static_cast<int>(wd.c_encoding()) + 6) % 7;
      int back = (pub_dow - dow + 7) % 7;
      out.push_back({i, i + 1, Iso(year_month_day(p - std::chrono::days(back)))});
    }
  }
  return out;
}

}  // namespace tiegraph
