// RequestParams: typed, validated access to an HTTP request's query
// parameters. Every getter that can fail returns Status::InvalidInput whose
// message names the parameter and what it accepts (the API answers 400).
// ParseTieFilter reads the filters every graph endpoint shares:
//   relation (one of the 12), sign (positive|negative|any), modality
//   (asserted|alleged|any), since / until (ISO date or part: 2014, 2022-02,
//   2022-02-24; until is widened to the end of a partial date), country (ISO-2).
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "tiegraph/graph/network.h"
#include "tiegraph/status.h"

namespace tiegraph::server {

// The filter parameters' names (ParseTieFilter).
inline constexpr std::string_view kFilterParams[] = {"relation", "sign", "modality", "since", "until", "country"};

class RequestParams {
 public:
  explicit RequestParams(std::multimap<std::string, std::string> params) : params_(std::move(params)) {}

  bool Has(std::string_view name) const;
  // The first value (trimmed), or fallback when absent.
  std::string Get(std::string_view name, std::string fallback = "") const;
  Result<int> GetInt(std::string_view name, int fallback, int min, int max) const;
  // true|false|1|0|yes|no.
  Result<bool> GetBool(std::string_view name, bool fallback) const;
  // A parameter not in `allowed` (nor, with `filters`, in kFilterParams), or
  // one given twice, is an error.
  Status CheckKnown(std::initializer_list<std::string_view> allowed, bool filters = false) const;

 private:
  std::multimap<std::string, std::string> params_;
};

Result<graph::TieFilter> ParseTieFilter(const RequestParams& params);

// "2014", "2022-02", "2022-02-24" -> true; anything else false.
bool IsIsoDatePrefix(std::string_view text);

}  // namespace tiegraph::server
