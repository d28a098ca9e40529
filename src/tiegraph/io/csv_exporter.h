// CSV export: the claims as one table (RFC 4180, UTF-8, header row), for
// spreadsheets and pandas. One row per claim:
//   claim_id, subject_id, subject, subject_type, subject_country, relation,
//   object_id, object, object_type, object_country, negated, modality, time,
//   quote, evidence, document, url, published, confidence
// Actors with no claim do not appear (use the neo4j export for a node table).
#pragma once

#include <ostream>

#include "tiegraph/io/export_network.h"
#include "tiegraph/status.h"

namespace tiegraph {

Status WriteClaimsCsv(const ExportNetwork& net, std::ostream& out);

}  // namespace tiegraph
