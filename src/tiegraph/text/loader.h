// Loading: turns input paths into Documents.
//
// Accepts plain text (.txt or anything else that is valid UTF-8 text), HTML
// (.html/.htm: title, main text, `published` from meta tags), JSON Lines
// (.jsonl/.ndjson: records {"id","title","published","url","text"}), gzip or
// zstd compressed versions of these (.gz/.zst), and folders of them, recursively.
// Text is checked as UTF-8 (errors name the file and byte offset) and NFC
// normalised; Document::id is the hash of the normalised text.
#pragma once

#include <functional>
#include <string>

#include "tiegraph/status.h"
#include "tiegraph/text/document.h"

namespace tiegraph {

using DocumentSink = std::function<void(Document&&)>;
using LoadErrorSink = std::function<void(const Status&)>;  // one call per failed input

struct LoadOptions {
  std::string published;  // default publication date for inputs that carry none
};

// Loads every document under path. Each failed input (unreadable, binary,
// invalid UTF-8, malformed JSON line) is reported to on_error with a message
// naming it, and loading goes on. Returns a non-ok Status only when path
// itself cannot be read (missing, permission denied).
Status LoadPath(const std::string& path, const LoadOptions& options, const DocumentSink& on_document,
                const LoadErrorSink& on_error);

// Loads one in-memory text as a plain-text document named `source`.
Result<Document> LoadText(std::string text, const std::string& source, const LoadOptions& options);

}  // namespace tiegraph
