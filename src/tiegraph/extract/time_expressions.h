// Time expressions in a sentence, resolved against the publication date:
// "in 2014" -> 2014; "on the 9 December 2021" / "December 9, 2021" ->
// 2021-12-09; "10 February" -> 2022-02-10 (year of publication, or the year
// before if that date would be after publication); "last week" -> the
// Monday-to-Sunday week before; "on Wednesday last week" -> that date;
// "last month" -> 2022-02; "last year" -> 2021; "yesterday" -> the day before.
#pragma once

#include <string>
#include <vector>

#include "tiegraph/text/document.h"

namespace tiegraph {

struct TimeExpression {
  uint32_t first_token = 0, last_token = 0;  // [first, last) into Document::tokens
  std::string value;                         // ISO date or part of one
};

// All time expressions among tokens [first, last) of doc; `published` is
// "YYYY-MM-DD" or "" (then relative expressions are skipped).
std::vector<TimeExpression> FindTimeExpressions(const Document& doc, uint32_t first, uint32_t last,
                                                const std::string& published);

}  // namespace tiegraph
