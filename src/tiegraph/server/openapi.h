// The OpenAPI 3.0 description of the HTTP API (served at /api/openapi.json):
// every endpoint of api.h with its parameters, their types and ranges, and
// its responses. Kept beside the handlers; the API tests check that every
// path they exercise is described.
#pragma once

#include <nlohmann/json.hpp>

namespace tiegraph::server {

nlohmann::json OpenApiDocument();

}  // namespace tiegraph::server
