#include "tiegraph/io/neo4j_exporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "tiegraph/io/escape.h"

namespace tiegraph {
namespace {

std::string RelType(const std::string& relation) {
  std::string out;
  for (char c : relation) out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(c)) : '_';
  return out.empty() ? "LINKED" : out;
}

Status Close(std::ofstream& f, const std::string& path) {
  f.flush();
  if (!f) return Status::IOError(path + ": write failed");
  f.close();
  return Status::Ok();
}

}  // namespace

Status WriteNeo4j(const ExportNetwork& net, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError(dir + ": cannot create folder: " + ec.message());

  const std::string nodes_path = (fs::path(dir) / "nodes.csv").string();
  std::ofstream nodes(nodes_path, std::ios::binary | std::ios::trunc);
  if (!nodes) return Status::IOError(nodes_path + ": cannot write");
  nodes << "id:ID(Actor),name,type,country,kb_ref,aliases:string[],:LABEL\n";
  for (const StoredActor& a : net.actors) {
    std::string aliases;
    for (const std::string& s : a.aliases) {
      std::string clean = s;
      std::replace(clean.begin(), clean.end(), ';', ',');
      aliases += (aliases.empty() ? "" : ";") + clean;
    }
    nodes << 'a' << a.id << ',' << CsvField(a.name) << ',' << a.type << ',' << a.country << ','
          << CsvField(a.kb_ref) << ',' << CsvField(aliases) << ",Actor;" << a.type << '\n';
  }
  if (Status s = Close(nodes, nodes_path); !s.ok()) return s;

  const std::string rels_path = (fs::path(dir) / "rels.csv").string();
  std::ofstream rels(rels_path, std::ios::binary | std::ios::trunc);
  if (!rels) return Status::IOError(rels_path + ": cannot write");
  rels << ":START_ID(Actor),:END_ID(Actor),:TYPE,claim_id:long,negated:boolean,modality,time,quote,evidence,"
          "document,url,published,confidence:double\n";
  std::set<std::string> types;
  for (const StoredClaim& c : net.claims) {
    std::string type = RelType(c.relation);
    types.insert(type);
    rels << 'a' << c.subject << ",a" << c.object << ',' << type << ',' << c.id << ','
         << (c.negated ? "true" : "false") << ',' << CsvField(c.modality) << ',' << CsvField(c.time) << ','
         << CsvField(c.quote) << ',' << CsvField(c.evidence) << ',' << CsvField(c.document) << ','
         << CsvField(c.url) << ',' << CsvField(c.published) << ',' << fmt::format("{}", c.confidence) << '\n';
  }
  if (Status s = Close(rels, rels_path); !s.ok()) return s;

  const std::string cypher_path = (fs::path(dir) / "load.cypher").string();
  std::ofstream cypher(cypher_path, std::ios::binary | std::ios::trunc);
  if (!cypher) return Status::IOError(cypher_path + ": cannot write");
  cypher << "// tiegraph network for Neo4j 5: copy nodes.csv and rels.csv into the import folder, then\n"
            "//   cypher-shell -u neo4j -p PASSWORD -f load.cypher\n"
            "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;\n\n"
            "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n"
            "MERGE (a:Actor {id: row.`id:ID(Actor)`})\n"
            "SET a.name = row.name, a.type = row.type, a.country = row.country, a.kb_ref = row.kb_ref,\n"
            "    a.aliases = CASE WHEN row.`aliases:string[]` IS NULL THEN [] ELSE split(row.`aliases:string[]`, ';') "
            "END\n"
            "FOREACH (_ IN CASE WHEN row.type = 'Person' THEN [1] ELSE [] END | SET a:Person)\n"
            "FOREACH (_ IN CASE WHEN row.type = 'Organization' THEN [1] ELSE [] END | SET a:Organization)\n"
            "FOREACH (_ IN CASE WHEN row.type = 'Country' THEN [1] ELSE [] END | SET a:Country);\n";
  for (const std::string& type : types) {
    cypher << "\nLOAD CSV WITH HEADERS FROM 'file:///rels.csv' AS row\n"
              "WITH row WHERE row.`:TYPE` = '"
           << type
           << "'\n"
              "MATCH (s:Actor {id: row.`:START_ID(Actor)`}), (o:Actor {id: row.`:END_ID(Actor)`})\n"
              "CREATE (s)-[:"
           << type
           << " {claim_id: toInteger(row.`claim_id:long`), negated: row.`negated:boolean` = 'true',\n"
              "  modality: row.modality, time: row.time, quote: row.quote, evidence: row.evidence,\n"
              "  document: row.document, url: row.url, published: row.published,\n"
              "  confidence: toFloat(row.`confidence:double`)}]->(o);\n";
  }
  return Close(cypher, cypher_path);
}

}  // namespace tiegraph
