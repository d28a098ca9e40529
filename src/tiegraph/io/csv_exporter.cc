#include "tiegraph/io/csv_exporter.h"

#include <fmt/format.h>

#include "tiegraph/io/escape.h"

namespace tiegraph {

Status WriteClaimsCsv(const ExportNetwork& net, std::ostream& out) {
  out << "claim_id,subject_id,subject,subject_type,subject_country,relation,object_id,object,object_type,"
         "object_country,negated,modality,time,quote,evidence,document,url,published,confidence\r\n";
  for (const StoredClaim& c : net.claims) {
    const StoredActor* s = net.Actor(c.subject);
    const StoredActor* o = net.Actor(c.object);
    if (!s || !o) continue;
    out << c.id << ',' << s->id << ',' << CsvField(s->name) << ',' << s->type << ',' << s->country << ','
        << CsvField(c.relation) << ',' << o->id << ',' << CsvField(o->name) << ',' << o->type << ',' << o->country
        << ',' << (c.negated ? "true" : "false") << ',' << CsvField(c.modality) << ',' << CsvField(c.time) << ','
        << CsvField(c.quote) << ',' << CsvField(c.evidence) << ',' << CsvField(c.document) << ','
        << CsvField(c.url) << ',' << CsvField(c.published) << ',' << fmt::format("{}", c.confidence) << "\r\n";
  }
  out.flush();
  if (!out) return Status::IOError("write failed");
  return Status::Ok();
}

}  // namespace tiegraph
