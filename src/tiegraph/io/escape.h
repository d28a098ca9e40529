// Escaping for the text formats the exporters write.
#pragma once

#include <string>
#include <string_view>

namespace tiegraph {

// XML character data and attribute values: & < > " ' escaped; control
// characters that XML 1.0 forbids dropped; invalid UTF-8 bytes replaced by U+FFFD.
std::string XmlEscape(std::string_view s);

// One RFC 4180 CSV field: quoted when it holds a comma, quote, CR or LF.
std::string CsvField(std::string_view s);

// A Graphviz double-quoted string: "..." with \" and newlines escaped.
std::string DotQuoted(std::string_view s);

}  // namespace tiegraph
