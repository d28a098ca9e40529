// DateKey: an ISO date or part of one ("2014", "2022-02", "2022-02-24",
// or a longer timestamp whose first 10 bytes are a date) as one ordered
// integer yyyymmdd, missing parts 0: "2022-02" -> 20220200, which sorts
// before every day of that month. 0 means no (or an unreadable) date.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tiegraph::graph {

using DateKey = int32_t;

DateKey ParseDateKey(std::string_view iso);

// Back to ISO: 20220200 -> "2022-02"; 0 -> "".
std::string FormatDateKey(DateKey key);

}  // namespace tiegraph::graph
