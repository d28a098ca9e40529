#include "tiegraph/io/gexf_exporter.h"

#include <fmt/format.h>

#include <cctype>

#include "tiegraph/io/escape.h"

namespace tiegraph {

namespace {

bool Digits(const std::string& s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

const char* const kNodeAttrs[] = {"type", "country", "kb_ref", "aliases"};
const char* const kEdgeAttrs[] = {"relation", "negated", "modality", "time", "quote",
                                  "evidence", "document", "url",      "published", "confidence"};

void AttValue(std::ostream& out, int index, const std::string& value) {
  if (value.empty()) return;
  out << "          <attvalue for=\"" << index << "\" value=\"" << XmlEscape(value) << "\"/>\n";
}

}  // namespace

std::pair<std::string, std::string> DateInterval(const std::string& t) {
  if (!Digits(t, 0, 4)) return {"", ""};
  int year = std::stoi(t.substr(0, 4));
  if (t.size() == 4) return {t + "-01-01", t + "-12-31"};
  if (t.size() >= 7 && t[4] == '-' && Digits(t, 5, 2)) {
    int month = std::stoi(t.substr(5, 2));
    if (month < 1 || month > 12) return {"", ""};
    std::string ym = t.substr(0, 7);
    if (t.size() == 7) return {ym + "-01", fmt::format("{}-{:02d}", ym, DaysInMonth(year, month))};
    if (t.size() == 10 && t[7] == '-' && Digits(t, 8, 2)) {
      int day = std::stoi(t.substr(8, 2));
      if (day < 1 || day > DaysInMonth(year, month)) return {"", ""};
      return {t, t};
    }
  }
  return {"", ""};
}

Status WriteGexf(const ExportNetwork& net, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
         "  <meta>\n    <creator>tiegraph</creator>\n"
         "    <description>Political actors and the claims that tie them, each backed by a sentence</description>\n"
         "  </meta>\n"
         "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
         "    <attributes class=\"node\" mode=\"static\">\n";
  for (int i = 0; i < 4; ++i)
    out << "      <attribute id=\"" << i << "\" title=\"" << kNodeAttrs[i] << "\" type=\"string\"/>\n";
  out << "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  for (int i = 0; i < 10; ++i) {
    const char* type = i == 1 ? "boolean" : i == 9 ? "double" : "string";
    out << "      <attribute id=\"" << i << "\" title=\"" << kEdgeAttrs[i] << "\" type=\"" << type << "\"/>\n";
  }
  out << "    </attributes>\n    <nodes>\n";
  for (const StoredActor& a : net.actors) {
    std::string aliases;
    for (const std::string& s : a.aliases) aliases += (aliases.empty() ? "" : "|") + s;
    out << "      <node id=\"a" << a.id << "\" label=\"" << XmlEscape(a.name) << "\">\n        <attvalues>\n";
    AttValue(out, 0, a.type);
    AttValue(out, 1, a.country);
    AttValue(out, 2, a.kb_ref);
    AttValue(out, 3, aliases);
    out << "        </attvalues>\n      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (const StoredClaim& c : net.claims) {
    out << "      <edge id=\"c" << c.id << "\" source=\"a" << c.subject << "\" target=\"a" << c.object
        << "\" label=\"" << XmlEscape(c.relation) << "\" weight=\"1\">\n        <attvalues>\n";
    AttValue(out, 0, c.relation);
    AttValue(out, 1, c.negated ? "true" : "false");
    AttValue(out, 2, c.modality);
    AttValue(out, 3, c.time);
    AttValue(out, 4, c.quote);
    AttValue(out, 5, c.evidence);
    AttValue(out, 6, c.document);
    AttValue(out, 7, c.url);
    AttValue(out, 8, c.published);
    AttValue(out, 9, fmt::format("{}", c.confidence));
    out << "        </attvalues>\n";
    auto [start, end] = DateInterval(c.time);
    if (!start.empty()) {
      out << "        <spells>\n          <spell start=\"" << start << "\" end=\"" << end
          << "\"/>\n        </spells>\n";
    }
    out << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
  out.flush();
  if (!out) return Status::IOError("write failed");
  return Status::Ok();
}

}  // namespace tiegraph
