// Rows of the store, as the graph, server and exporters read them.
// Ids are the store's integer keys; documents are keyed by content hash.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tiegraph {

struct StoredActor {
  int64_t id = 0;
  std::string name;
  std::string type;                  // Person | Organization | Country
  std::string country;               // ISO-2 or ""
  std::vector<std::string> aliases;
  std::string kb_ref;                // "" if none
};

struct StoredDocument {
  std::string id;                    // content hash
  std::string title, url, published, ingested_at, source;
  std::string text;                  // filled only when asked for
};

struct StoredClaim {
  int64_t id = 0;
  std::string document;              // StoredDocument::id
  int64_t subject = 0;               // StoredActor::id
  std::string relation;
  int64_t object = 0;
  bool negated = false;
  std::string modality;              // asserted | alleged
  std::string time;                  // ISO date or part, "" = none
  std::string quote;                 // "" = none
  uint32_t evidence_start = 0, evidence_end = 0;  // byte offsets into the document text
  std::string evidence;              // the evidence sentence text
  double confidence = 0;
  std::string extractor;
  std::string published;             // of the document, for dating undated claims
  std::string url;                   // of the document
  std::string source;                // of the document: path or "path:line" it was loaded from
};

}  // namespace tiegraph
