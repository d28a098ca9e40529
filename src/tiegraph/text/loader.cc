#include "tiegraph/text/loader.h"
#include "tiegraph/text/ascii.h"

#include <zlib.h>
#ifdef TIEGRAPH_HAVE_ZSTD
#include <zstd.h>
#endif

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <cstring>
#include <set>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tiegraph/text/html.h"
#include "tiegraph/text/normalize.h"

namespace tiegraph {
namespace fs = std::filesystem;
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}


Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IOError(fmt::format("{}: read error", path));
  return bytes;
}

Result<std::string> Gunzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return Status::IOError(fmt::format("{}: cannot open", path));
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  int err = 0;
  const char* msg = gzerror(f, &err);
  bool failed = n < 0 || (err != Z_OK && err != Z_STREAM_END);
  std::string what = failed ? std::string(msg ? msg : "gzip error") : "";
  gzclose(f);
  if (failed) return Status::InvalidInput(fmt::format("{}: corrupt gzip data ({})", path, what));
  return out;
}

Result<std::string> Unzstd(const std::string& path) {
#ifdef TIEGRAPH_HAVE_ZSTD
  auto raw = ReadFile(path);
  if (!raw.ok()) return raw.status();
  ZSTD_DStream* ds = ZSTD_createDStream();
  ZSTD_initDStream(ds);
  std::string out;
  std::vector<char> buf(ZSTD_DStreamOutSize());
  ZSTD_inBuffer in{raw->data(), raw->size(), 0};
  size_t ret = 1;
  while (in.pos < in.size) {
    ZSTD_outBuffer o{buf.data(), buf.size(), 0};
    ret = ZSTD_decompressStream(ds, &o, &in);
    if (ZSTD_isError(ret)) {
      ZSTD_freeDStream(ds);
      return Status::InvalidInput(fmt::format("{}: corrupt zstd data ({})", path, ZSTD_getErrorName(ret)));
    }
    out.append(buf.data(), o.pos);
  }
  ZSTD_freeDStream(ds);
  if (ret != 0) return Status::InvalidInput(fmt::format("{}: truncated zstd data", path));
  return out;
#else
  return Status::InvalidInput(fmt::format("{}: zstd support not built in", path));
#endif
}

// Builds a document from normalised text and its metadata.
Result<Document> MakeDocument(std::string_view raw_text, const std::string& source, std::string title,
                              std::string published, std::string url, const LoadOptions& options) {
  auto text = NormalizeText(raw_text, source);
  if (!text.ok()) return text.status();
  bool blank = std::all_of(text->begin(), text->end(), [](unsigned char c) { return std::isspace(c); });
  if (blank) return Status::InvalidInput(fmt::format("{}: empty document (no text)", source));
  Document doc;
  doc.source = source;
  doc.text = std::move(text.value());
  doc.id = ContentHash(doc.text);
  doc.title = std::move(title);
  doc.url = std::move(url);
  doc.published = published.empty() ? options.published : std::move(published);
  return doc;
}

std::string FirstLineTitle(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  size_t j = text.find('\n', i);
  std::string_view line = text.substr(i, j == std::string_view::npos ? text.size() - i : j - i);
  if (line.size() > 200) line = line.substr(0, 200);
  return std::string(line);
}

void LoadJsonLines(const std::string& path, std::string_view bytes, const LoadOptions& options,
                   const DocumentSink& on_document, const LoadErrorSink& on_error) {
  size_t line_no = 0, pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    std::string_view line = bytes.substr(pos, nl == std::string_view::npos ? bytes.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? bytes.size() : nl + 1;
    ++line_no;
    std::string where = fmt::format("{}:{}", path, line_no);
    if (std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); })) continue;
    long bad = FindInvalidUtf8(line);
    if (bad >= 0) {
      on_error(Status::InvalidInput(fmt::format("{}: invalid UTF-8 at byte {} of the line", where, bad)));
      continue;
    }
    nlohmann::json rec = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (rec.is_discarded() || !rec.is_object()) {
      on_error(Status::InvalidInput(fmt::format("{}: malformed JSON record (expected an object)", where)));
      continue;
    }
    auto field = [&](const char* key, std::string* out) -> bool {
      auto it = rec.find(key);
      if (it == rec.end() || it->is_null()) return true;
      if (!it->is_string()) {
        on_error(Status::InvalidInput(fmt::format("{}: field \"{}\" must be a string", where, key)));
        return false;
      }
      *out = it->get<std::string>();
      return true;
    };
    std::string id, title, published, url, text;
    if (!field("id", &id) || !field("title", &title) || !field("published", &published) || !field("url", &url) ||
        !field("text", &text))
      continue;
    if (text.empty()) {
      on_error(Status::InvalidInput(fmt::format("{}: record has no \"text\"", where)));
      continue;
    }
    std::string source = id.empty() ? where : fmt::format("{}#{}", path, id);
    if (published.size() > 10) published.resize(10);
    auto doc = MakeDocument(text, source, title, published, url, options);
    if (!doc.ok()) { on_error(doc.status()); continue; }
    on_document(std::move(doc.value()));
  }
}

void LoadFile(const std::string& path, const LoadOptions& options, const DocumentSink& on_document,
              const LoadErrorSink& on_error) {
  std::string lower = AsciiLower(path);
  Result<std::string> bytes = EndsWith(lower, ".gz")    ? Gunzip(path)
                              : EndsWith(lower, ".zst") ? Unzstd(path)
                                                        : ReadFile(path);
  if (!bytes.ok()) { on_error(bytes.status()); return; }
  if (EndsWith(lower, ".gz")) lower.resize(lower.size() - 3);
  if (EndsWith(lower, ".zst")) lower.resize(lower.size() - 4);
  if (bytes->empty()) { on_error(Status::InvalidInput(fmt::format("{}: empty file", path))); return; }
  if (EndsWith(lower, ".jsonl") || EndsWith(lower, ".ndjson")) {
    if (LooksBinary(*bytes)) { on_error(Status::InvalidInput(fmt::format("{}: binary file, not JSON Lines", path))); return; }
    LoadJsonLines(path, *bytes, options, on_document, on_error);
    return;
  }
  bool html = EndsWith(lower, ".html") || EndsWith(lower, ".htm") || EndsWith(lower, ".xhtml");
  if (!html && !LooksBinary(*bytes) && FindInvalidUtf8(*bytes) < 0) html = LooksLikeHtml(*bytes);
  if (html) {
    // Check the raw bytes first, so errors point into the file.
    auto checked = NormalizeText(*bytes, path);
    if (!checked.ok()) { on_error(checked.status()); return; }
    HtmlArticle a = ExtractHtml(*checked);
    auto doc = MakeDocument(a.text, path, a.title, a.published, a.url, options);
    if (!doc.ok()) { on_error(doc.status()); return; }
    on_document(std::move(doc.value()));
    return;
  }
  auto doc = MakeDocument(*bytes, path, "", "", "", options);
  if (!doc.ok()) { on_error(doc.status()); return; }
  if (doc->title.empty()) doc->title = FirstLineTitle(doc->text);
  on_document(std::move(doc.value()));
}

}  // namespace

Status LoadPath(const std::string& path, const LoadOptions& options, const DocumentSink& on_document,
                const LoadErrorSink& on_error) {
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::NotFound(fmt::format("{}: no such file or directory", path));
  if (!fs::is_directory(st)) {
    LoadFile(path, options, on_document, on_error);
    return Status::Ok();
  }
  // Folder: every regular file below, in sorted order, following no symlink loops.
  std::vector<std::string> files;
  auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IOError(fmt::format("{}: cannot read folder: {}", path, ec.message()));
  for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
    if (ec) { on_error(Status::IOError(fmt::format("{}: {}", it->path().string(), ec.message()))); ec.clear(); continue; }
    const auto& entry = *it;
    std::string name = entry.path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(ec)) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) LoadFile(f, options, on_document, on_error);
  return Status::Ok();
}

Result<Document> LoadText(std::string text, const std::string& source, const LoadOptions& options) {
  auto doc = MakeDocument(text, source, "", "", "", options);
  if (doc.ok() && doc->title.empty()) doc->title = FirstLineTitle(doc->text);
  return doc;
}

}  // namespace tiegraph
