// Graphviz DOT export: `dot -Tsvg` draws it.
//
// digraph "tiegraph": a node per actor ("a<id>", label = name; shape ellipse
// for people, box for organisations, octagon for countries), an edge per
// claim labelled with its relation ("not praise" when negated; dashed when
// negated, dotted when alleged) with the claim's fields as extra attributes
// (relation, negated, modality, time, evidence, document).
#pragma once

#include <ostream>

#include "tiegraph/io/export_network.h"
#include "tiegraph/status.h"

namespace tiegraph {

Status WriteDot(const ExportNetwork& net, std::ostream& out);

}  // namespace tiegraph
