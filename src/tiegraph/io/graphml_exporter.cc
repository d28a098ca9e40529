#include "tiegraph/io/graphml_exporter.h"

#include <fmt/format.h>

#include "tiegraph/io/escape.h"

namespace tiegraph {

namespace {

struct Key {
  const char* id;
  const char* domain;  // node | edge
  const char* name;
  const char* type;    // string | boolean | double
};

constexpr Key kKeys[] = {
    {"n_label", "node", "label", "string"},       {"n_type", "node", "type", "string"},
    {"n_country", "node", "country", "string"},   {"n_kb_ref", "node", "kb_ref", "string"},
    {"n_aliases", "node", "aliases", "string"},   {"e_relation", "edge", "relation", "string"},
    {"e_negated", "edge", "negated", "boolean"},  {"e_modality", "edge", "modality", "string"},
    {"e_time", "edge", "time", "string"},         {"e_quote", "edge", "quote", "string"},
    {"e_evidence", "edge", "evidence", "string"}, {"e_document", "edge", "document", "string"},
    {"e_url", "edge", "url", "string"},           {"e_published", "edge", "published", "string"},
    {"e_confidence", "edge", "confidence", "double"}, {"e_weight", "edge", "weight", "double"},
};

// Empty values are left out: GraphML readers then report them as absent.
void Data(std::ostream& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out << "      <data key=\"" << key << "\">" << XmlEscape(value) << "</data>\n";
}

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

}  // namespace

Status WriteGraphml(const ExportNetwork& net, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name << "\" attr.type=\""
        << k.type << "\"/>\n";
  }
  out << "  <graph id=\"tiegraph\" edgedefault=\"directed\">\n";
  for (const StoredActor& a : net.actors) {
    out << "    <node id=\"a" << a.id << "\">\n";
    Data(out, "n_label", a.name);
    Data(out, "n_type", a.type);
    Data(out, "n_country", a.country);
    Data(out, "n_kb_ref", a.kb_ref);
    Data(out, "n_aliases", Join(a.aliases, "|"));
    out << "    </node>\n";
  }
  for (const StoredClaim& c : net.claims) {
    out << "    <edge id=\"c" << c.id << "\" source=\"a" << c.subject << "\" target=\"a" << c.object << "\">\n";
    Data(out, "e_relation", c.relation);
    Data(out, "e_negated", c.negated ? "true" : "false");
    Data(out, "e_modality", c.modality);
    Data(out, "e_time", c.time);
    Data(out, "e_quote", c.quote);
    Data(out, "e_evidence", c.evidence);
    Data(out, "e_document", c.document);
    Data(out, "e_url", c.url);
    Data(out, "e_published", c.published);
    Data(out, "e_confidence", fmt::format("{}", c.confidence));
    Data(out, "e_weight", "1");
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
  out.flush();
  if (!out) return Status::IOError("write failed");
  return Status::Ok();
}

}  // namespace tiegraph
