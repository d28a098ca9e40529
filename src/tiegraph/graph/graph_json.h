// JSON views of the network's parts, shared by the CLI and the HTTP server.
// Actors carry their store id; ties their relation, ends, counts, dates and
// weight; claims their evidence sentence, document and date (with
// "date_from_published" when the claim itself has no time).
#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>

#include "tiegraph/graph/network.h"

namespace tiegraph::graph {

nlohmann::json ActorJson(const Network& net, NodeId node);
nlohmann::json ClaimJson(const Network& net, ClaimIndex claim);
// max_claims: how many of the tie's claims to include as evidence (0 = none).
nlohmann::json TieJson(const Network& net, TieId tie, size_t max_claims);

}  // namespace tiegraph::graph
