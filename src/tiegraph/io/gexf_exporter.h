// GEXF 1.3 export (gexf.net), Gephi's own format.
//
// A directed dynamic graph (timeformat "date"): a node per actor with
// attributes type, country, kb_ref, aliases; an edge per claim labelled with
// its relation, weight 1, attributes relation, negated, modality, time,
// quote, evidence, document, url, published, confidence, and, for a dated
// claim, one spell covering its time: "2017" -> 2017-01-01..2017-12-31,
// "2017-02" -> the month, a full date -> that day. Undated claims have no
// spell (Gephi shows them at every time). Node ids "a<id>", edge ids "c<id>".
#pragma once

#include <ostream>
#include <string>
#include <utility>

#include "tiegraph/io/export_network.h"
#include "tiegraph/status.h"

namespace tiegraph {

Status WriteGexf(const ExportNetwork& net, std::ostream& out);

// The first and last day of a partial ISO date; {"", ""} if not one.
std::pair<std::string, std::string> DateInterval(const std::string& iso_date_or_part);

}  // namespace tiegraph
