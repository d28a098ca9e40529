// GraphML export (graphml.graphdrawing.org), for Gephi, yEd, networkx, igraph.
//
// One directed graph; a node per actor (label, type, country, kb_ref,
// aliases joined by "|"), an edge per claim (relation, negated, modality,
// time, quote, evidence, document, url, published, confidence, weight = 1).
// Empty values are left out. Node ids "a<store id>", edge ids "c<store id>". Parallel edges are kept:
// two claims between the same actors are two edges.
#pragma once

#include <ostream>

#include "tiegraph/io/export_network.h"
#include "tiegraph/status.h"

namespace tiegraph {

Status WriteGraphml(const ExportNetwork& net, std::ostream& out);

}  // namespace tiegraph
