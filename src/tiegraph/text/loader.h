// Loading: turns input paths into Documents, streaming.
//
// Accepts plain text (.txt or anything else that is valid UTF-8 text), HTML
// (.html/.htm: title, main text, `published` from meta tags), JSON Lines
// (.jsonl/.ndjson: records {"id","title","published","url","text"}), gzip or
// zstd compressed versions of these (.gz/.zst), and folders of them, recursively.
// Text is checked as UTF-8 (errors name the file and byte offset) and NFC
// normalised; Document::id is the hash of the normalised text.
//
// Memory is bounded whatever the input size: files are read in blocks, JSON
// Lines one line at a time, and no document is longer than
// LoadOptions::max_document_bytes. A longer plain-text file is split into
// parts ("file.txt#part-2") at paragraph, line or word boundaries; a longer
// JSON record or HTML page is refused with a message naming it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "tiegraph/status.h"
#include "tiegraph/text/document.h"

namespace tiegraph {

using DocumentSink = std::function<void(Document&&)>;
using LoadErrorSink = std::function<void(const Status&)>;  // one call per failed input

inline constexpr size_t kDefaultMaxDocumentBytes = 1 << 20;  // 1 MiB of text per document
inline constexpr int kMaxHtmlDepth = 4096;                   // deeper HTML is refused (parsing is quadratic in depth)

struct LoadOptions {
  std::string published;  // default publication date for inputs that carry none
  size_t max_document_bytes = kDefaultMaxDocumentBytes;
  const std::atomic<bool>* cancel = nullptr;     // if set and true, loading stops early
  std::atomic<uint64_t>* bytes_read = nullptr;   // if set, input bytes consumed (as stored on disk) are added
};

// One input file as listed by ListInputs.
struct InputFile {
  std::string path;
  uint64_t size = 0;  // bytes on disk
};

// The files LoadPath reads for `path`, in that order: the path itself if it
// is a file, else every regular file below it (sorted by path; hidden names
// skipped; symbolic links to folders not followed, so links cannot loop).
// Unreadable folders and broken or looping links are reported to on_error.
// Returns a non-ok Status only when path itself is missing or unreadable.
Status ListInputs(const std::string& path, std::vector<InputFile>* files, const LoadErrorSink& on_error);

// Loads the documents of one file (not a folder). Failures go to on_error.
void LoadFile(const std::string& path, const LoadOptions& options, const DocumentSink& on_document,
              const LoadErrorSink& on_error);

// Loads every document under path. Each failed input (unreadable, binary,
// invalid UTF-8, malformed JSON line) is reported to on_error with a message
// naming it, and loading goes on. Returns a non-ok Status only when path
// itself cannot be read (missing, permission denied).
Status LoadPath(const std::string& path, const LoadOptions& options, const DocumentSink& on_document,
                const LoadErrorSink& on_error);

// Loads one in-memory text as a plain-text document named `source`.
Result<Document> LoadText(std::string text, const std::string& source, const LoadOptions& options);

// Where a text longer than max_bytes is best cut: the end of the last
// paragraph, else line, else sentence, else word that fits, else the last
// whole UTF-8 character. Returns a value in (0, max_bytes].
size_t FindDocumentCut(std::string_view text, size_t max_bytes);

// Rough maximum element nesting depth of an HTML text (start tags minus end
// tags, void elements ignored), without building a tree. Stops counting at
// `stop_at`.
int EstimateHtmlDepth(std::string_view html, int stop_at);

}  // namespace tiegraph
