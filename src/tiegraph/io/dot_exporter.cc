#include "tiegraph/io/dot_exporter.h"

#include "tiegraph/io/escape.h"

namespace tiegraph {

Status WriteDot(const ExportNetwork& net, std::ostream& out) {
  out << "digraph \"tiegraph\" {\n  graph [overlap=false, splines=true];\n  node [fontname=\"Helvetica\"];\n"
         "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (const StoredActor& a : net.actors) {
    const char* shape = a.type == "Person" ? "ellipse" : a.type == "Country" ? "octagon" : "box";
    out << "  a" << a.id << " [label=" << DotQuoted(a.name) << ", shape=" << shape
        << ", type=" << DotQuoted(a.type) << ", country=" << DotQuoted(a.country) << "];\n";
  }
  for (const StoredClaim& c : net.claims) {
    std::string label = (c.negated ? "not " : "") + c.relation;
    const char* style = c.negated ? "dashed" : c.modality == "alleged" ? "dotted" : "solid";
    out << "  a" << c.subject << " -> a" << c.object << " [id=\"c" << c.id << "\", label=" << DotQuoted(label)
        << ", style=" << style << ", relation=" << DotQuoted(c.relation)
        << ", negated=" << (c.negated ? "true" : "false") << ", modality=" << DotQuoted(c.modality)
        << ", time=" << DotQuoted(c.time) << ", evidence=" << DotQuoted(c.evidence)
        << ", document=" << DotQuoted(c.document) << "];\n";
  }
  out << "}\n";
  out.flush();
  if (!out) return Status::IOError("write failed");
  return Status::Ok();
}

}  // namespace tiegraph
