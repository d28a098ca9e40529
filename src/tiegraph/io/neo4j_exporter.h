// Neo4j export: a folder for `neo4j-admin database import` and for Cypher.
//
//   nodes.csv   id:ID(Actor),name,type,country,kb_ref,aliases:string[],:LABEL
//               (labels "Actor;Person" | "Actor;Organization" | "Actor;Country";
//               aliases separated by ';', the import tool's array delimiter)
//   rels.csv    :START_ID(Actor),:END_ID(Actor),:TYPE,claim_id:long,negated:boolean,
//               modality,time,quote,evidence,document,url,published,confidence:double
//               (:TYPE = the relation in capitals: PRAISE, MEET, FUND, ...)
//   load.cypher the same files through LOAD CSV (no APOC needed): copy the
//               CSVs to Neo4j's import folder, then `cypher-shell -f load.cypher`.
//   neo4j-admin database import full --nodes=nodes.csv --relationships=rels.csv
// The folder is created if missing; files in it are replaced.
#pragma once

#include <string>

#include "tiegraph/io/export_network.h"
#include "tiegraph/status.h"

namespace tiegraph {

Status WriteNeo4j(const ExportNetwork& net, const std::string& dir);

}  // namespace tiegraph
