#include "tiegraph/text/loader.h"

#include <zlib.h>
#ifdef TIEGRAPH_HAVE_ZSTD
#include <zstd.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tiegraph/text/ascii.h"
#include "tiegraph/text/html.h"
#include "tiegraph/text/normalize.h"

namespace tiegraph {
namespace fs = std::filesystem;
namespace {

constexpr size_t kBlockBytes = 1 << 16;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Mib(uint64_t bytes) { return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20)); }

// A file's bytes, decompressed if needed, read block by block.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Up to n bytes into buf; 0 at the end.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
  // Bytes of the file on disk consumed so far.
  virtual uint64_t consumed() const = 0;
};

class PlainStream : public ByteStream {
 public:
  PlainStream(std::FILE* f, std::string path) : f_(f), path_(std::move(path)) {}
  ~PlainStream() override { std::fclose(f_); }
  Result<size_t> Read(char* buf, size_t n) override {
    size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_)) return Status::IOError(fmt::format("{}: read error: {}", path_, std::strerror(errno)));
    consumed_ += got;
    return got;
  }
  uint64_t consumed() const override { return consumed_; }

 private:
  std::FILE* f_;
  std::string path_;
  uint64_t consumed_ = 0;
};

class GzipStream : public ByteStream {
 public:
  GzipStream(gzFile f, std::string path) : f_(f), path_(std::move(path)) {}
  ~GzipStream() override { gzclose(f_); }
  Result<size_t> Read(char* buf, size_t n) override {
    int got = gzread(f_, buf, static_cast<unsigned>(n));
    int err = Z_OK;
    const char* msg = gzerror(f_, &err);
    if (got < 0 || (err != Z_OK && err != Z_STREAM_END))
      return Status::InvalidInput(fmt::format("{}: corrupt gzip data ({})", path_, msg ? msg : "gzip error"));
    return static_cast<size_t>(got);
  }
  uint64_t consumed() const override {
    z_off_t off = gzoffset(f_);
    return off < 0 ? 0 : static_cast<uint64_t>(off);
  }

 private:
  gzFile f_;
  std::string path_;
};

#ifdef TIEGRAPH_HAVE_ZSTD
class ZstdStream : public ByteStream {
 public:
  ZstdStream(std::FILE* f, std::string path)
      : f_(f), path_(std::move(path)), ds_(ZSTD_createDStream()), in_buf_(ZSTD_DStreamInSize()) {
    ZSTD_initDStream(ds_);
  }
  ~ZstdStream() override {
    ZSTD_freeDStream(ds_);
    std::fclose(f_);
  }
  Result<size_t> Read(char* buf, size_t n) override {
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (in_.pos == in_.size) {
        size_t got = std::fread(in_buf_.data(), 1, in_buf_.size(), f_);
        if (got == 0) {
          if (std::ferror(f_)) return Status::IOError(fmt::format("{}: read error: {}", path_, std::strerror(errno)));
          if (last_ != 0) return Status::InvalidInput(fmt::format("{}: truncated zstd data", path_));
          return size_t{0};
        }
        consumed_ += got;
        in_ = ZSTD_inBuffer{in_buf_.data(), got, 0};
      }
      last_ = ZSTD_decompressStream(ds_, &out, &in_);
      if (ZSTD_isError(last_))
        return Status::InvalidInput(fmt::format("{}: corrupt zstd data ({})", path_, ZSTD_getErrorName(last_)));
    }
    return out.pos;
  }
  uint64_t consumed() const override { return consumed_; }

 private:
  std::FILE* f_;
  std::string path_;
  ZSTD_DStream* ds_;
  std::vector<char> in_buf_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  size_t last_ = 0;
  uint64_t consumed_ = 0;
};
#endif

Result<std::unique_ptr<ByteStream>> OpenStream(const std::string& path, const std::string& lower) {
  if (EndsWith(lower, ".gz")) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) return Status::IOError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    gzbuffer(f, kBlockBytes);
    return std::unique_ptr<ByteStream>(new GzipStream(f, path));
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IOError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  if (EndsWith(lower, ".zst")) {
#ifdef TIEGRAPH_HAVE_ZSTD
    return std::unique_ptr<ByteStream>(new ZstdStream(f, path));
#else
    std::fclose(f);
    return Status::InvalidInput(fmt::format("{}: zstd support not built in", path));
#endif
  }
  return std::unique_ptr<ByteStream>(new PlainStream(f, path));
}

// A ByteStream with progress reporting and cancellation.
class Reader {
 public:
  Reader(std::unique_ptr<ByteStream> stream, const LoadOptions& options) : stream_(std::move(stream)), options_(options) {}
  ~Reader() { Report(); }
  bool cancelled() const { return options_.cancel && options_.cancel->load(std::memory_order_relaxed); }
  // Appends up to n bytes to out; 0 at the end (or when cancelled).
  Result<size_t> Append(std::string& out, size_t n) {
    if (cancelled()) return size_t{0};
    size_t old = out.size();
    out.resize(old + n);
    Result<size_t> got = stream_->Read(out.data() + old, n);
    out.resize(old + (got.ok() ? *got : 0));
    Report();
    return got;
  }

 private:
  void Report() {
    if (!options_.bytes_read) return;
    uint64_t now = stream_->consumed();
    if (now > reported_) options_.bytes_read->fetch_add(now - reported_, std::memory_order_relaxed);
    reported_ = now;
  }
  std::unique_ptr<ByteStream> stream_;
  const LoadOptions& options_;
  uint64_t reported_ = 0;
};

// Reads until out holds more than `limit` bytes or the input ends. Returns
// whether the input ended.
Result<bool> FillUpTo(Reader& in, std::string& out, size_t limit) {
  while (out.size() <= limit) {
    Result<size_t> got = in.Append(out, kBlockBytes);
    if (!got.ok()) return got.status();
    if (*got == 0) return true;
  }
  return false;
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
  if (line.size() > 200) {
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut);
  }
  return std::string(line);
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

// Emits a part of a split plain-text file; blank parts are dropped.
void EmitPart(std::string_view raw, const std::string& path, int part, std::string title, const LoadOptions& options,
              const DocumentSink& on_document, const LoadErrorSink& on_error) {
  if (IsBlank(raw)) return;
  auto doc = MakeDocument(raw, fmt::format("{}#part-{}", path, part), "", "", "", options);
  if (!doc.ok()) { on_error(doc.status()); return; }
  doc->title = title.empty() ? FirstLineTitle(doc->text) : fmt::format("{} (part {})", title, part);
  on_document(std::move(doc.value()));
}

// Already-normalised text (decoded UTF-16, HTML) longer than the limit: parts.
void EmitNormalisedParts(std::string_view text, const std::string& path, const std::string& title,
                         const LoadOptions& options, const DocumentSink& on_document, const LoadErrorSink& on_error) {
  int part = 0;
  while (!text.empty()) {
    size_t cut = text.size() <= options.max_document_bytes ? text.size() : FindDocumentCut(text, options.max_document_bytes);
    EmitPart(text.substr(0, cut), path, ++part, title, options, on_document, on_error);
    text.remove_prefix(cut);
  }
}

void LoadHtml(Reader& in, std::string& bytes, const std::string& path, const LoadOptions& options,
              const DocumentSink& on_document, const LoadErrorSink& on_error) {
  const size_t limit = 8 * options.max_document_bytes;
  Result<bool> ended = FillUpTo(in, bytes, limit);
  if (!ended.ok()) { on_error(ended.status()); return; }
  if (in.cancelled()) return;
  if (!*ended) {
    on_error(Status::InvalidInput(fmt::format("{}: HTML page over the {} limit (8 x --max-document-bytes): refused", path, Mib(limit))));
    return;
  }
  if (EstimateHtmlDepth(bytes, kMaxHtmlDepth + 1) > kMaxHtmlDepth) {
    on_error(Status::InvalidInput(fmt::format("{}: HTML nested more than {} levels deep: refused", path, kMaxHtmlDepth)));
    return;
  }
  // Check the raw bytes first, so errors point into the file.
  auto checked = NormalizeText(bytes, path);
  if (!checked.ok()) { on_error(checked.status()); return; }
  HtmlArticle a = ExtractHtml(*checked);
  if (a.text.size() > options.max_document_bytes) {
    EmitNormalisedParts(a.text, path, a.title, options, on_document, on_error);
    return;
  }
  auto doc = MakeDocument(a.text, path, a.title, a.published, a.url, options);
  if (!doc.ok()) { on_error(doc.status()); return; }
  on_document(std::move(doc.value()));
}

void LoadUtf16(Reader& in, std::string& bytes, const std::string& path, const LoadOptions& options,
               const DocumentSink& on_document, const LoadErrorSink& on_error) {
  const size_t limit = 4 * options.max_document_bytes;
  Result<bool> ended = FillUpTo(in, bytes, limit);
  if (!ended.ok()) { on_error(ended.status()); return; }
  if (in.cancelled()) return;
  if (!*ended) {
    on_error(Status::InvalidInput(fmt::format("{}: UTF-16 text over the {} limit: refused (convert it to UTF-8)", path, Mib(limit))));
    return;
  }
  auto text = NormalizeText(bytes, path);
  if (!text.ok()) { on_error(text.status()); return; }
  if (text->size() > options.max_document_bytes) {
    EmitNormalisedParts(*text, path, "", options, on_document, on_error);
    return;
  }
  auto doc = MakeDocument(*text, path, "", "", "", options);
  if (!doc.ok()) { on_error(doc.status()); return; }
  doc->title = FirstLineTitle(doc->text);
  on_document(std::move(doc.value()));
}

// Plain UTF-8 text: one document, or parts of at most max_document_bytes.
void LoadPlainText(Reader& in, std::string& buf, const std::string& path, const LoadOptions& options,
                   const DocumentSink& on_document, const LoadErrorSink& on_error) {
  const size_t max = options.max_document_bytes;
  Result<bool> ended = FillUpTo(in, buf, max);
  if (!ended.ok()) { on_error(ended.status()); return; }
  if (in.cancelled()) return;
  if (*ended) {  // the whole file is one document
    auto doc = MakeDocument(buf, path, "", "", "", options);
    if (!doc.ok()) { on_error(doc.status()); return; }
    doc->title = FirstLineTitle(doc->text);
    on_document(std::move(doc.value()));
    return;
  }
  uint64_t offset = 0;  // of buf[0] in the file's (decompressed) bytes
  int part = 0;
  bool at_end = false;
  while (!buf.empty()) {
    if (in.cancelled()) return;
    size_t cut = buf.size() <= max ? buf.size() : FindDocumentCut(buf, max);
    std::string_view piece(buf.data(), cut);
    if (offset == 0 && piece.substr(0, 3) == "\xEF\xBB\xBF") piece.remove_prefix(3);
    long bad = FindInvalidUtf8(piece);
    if (bad >= 0) {
      uint64_t at = offset + static_cast<uint64_t>(bad) + (piece.data() - buf.data());
      on_error(Status::InvalidInput(fmt::format("{}: invalid UTF-8 at byte {} (parts before it stored)", path, at)));
      return;
    }
    EmitPart(piece, path, ++part, "", options, on_document, on_error);
    buf.erase(0, cut);
    offset += cut;
    if (!at_end) {
      Result<bool> more = FillUpTo(in, buf, max);
      if (!more.ok()) { on_error(more.status()); return; }
      at_end = *more;
    }
  }
}

// Splits a stream into lines without holding more than max_line bytes of one.
class LineReader {
 public:
  LineReader(Reader& in, std::string initial, size_t max_line) : in_(in), buf_(std::move(initial)), max_line_(max_line) {}
  // Next line (without '\n'); false at the end. A line longer than max_line is
  // skipped: *too_long is its length (line is empty).
  Result<bool> Next(std::string_view* line, uint64_t* too_long) {
    *too_long = 0;
    for (;;) {
      size_t nl = buf_.find('\n', scan_);
      if (nl != std::string::npos) {
        *line = std::string_view(buf_).substr(pos_, nl - pos_);
        pos_ = scan_ = nl + 1;
        return true;
      }
      if (buf_.size() - pos_ > max_line_) return SkipLongLine(line, too_long);
      if (eof_) {
        if (pos_ >= buf_.size()) return false;
        *line = std::string_view(buf_).substr(pos_);
        pos_ = scan_ = buf_.size();
        return true;
      }
      buf_.erase(0, pos_);
      scan_ = buf_.size();
      pos_ = 0;
      Result<size_t> got = in_.Append(buf_, kBlockBytes);
      if (!got.ok()) return got.status();
      if (*got == 0) eof_ = true;
    }
  }

 private:
  Result<bool> SkipLongLine(std::string_view* line, uint64_t* too_long) {
    uint64_t length = buf_.size() - pos_;
    buf_.clear();
    pos_ = scan_ = 0;
    for (;;) {
      Result<size_t> got = in_.Append(buf_, kBlockBytes);
      if (!got.ok()) return got.status();
      if (*got == 0) { eof_ = true; break; }
      size_t nl = buf_.find('\n');
      if (nl != std::string::npos) {
        length += nl;
        pos_ = scan_ = nl + 1;
        break;
      }
      length += buf_.size();
      buf_.clear();
    }
    *line = std::string_view();
    *too_long = length;
    return true;
  }

  Reader& in_;
  std::string buf_;
  size_t max_line_;
  size_t pos_ = 0, scan_ = 0;
  bool eof_ = false;
};

void LoadJsonLines(Reader& in, std::string bytes, const std::string& path, const LoadOptions& options,
                   const DocumentSink& on_document, const LoadErrorSink& on_error) {
  LineReader lines(in, std::move(bytes), 6 * options.max_document_bytes + kBlockBytes);
  size_t line_no = 0;
  for (;;) {
    if (in.cancelled()) return;
    std::string_view line;
    uint64_t too_long = 0;
    Result<bool> more = lines.Next(&line, &too_long);
    if (!more.ok()) { on_error(more.status()); return; }
    if (!*more) return;
    ++line_no;
    std::string where = fmt::format("{}:{}", path, line_no);
    if (too_long > 0) {
      on_error(Status::InvalidInput(fmt::format("{}: line of {} is over the JSON Lines limit: refused", where, Mib(too_long))));
      continue;
    }
    if (IsBlank(line)) continue;
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
    if (text.size() > options.max_document_bytes) {
      on_error(Status::InvalidInput(fmt::format("{}: text of {} is over the {} document limit: refused", where,
                                                Mib(text.size()), Mib(options.max_document_bytes))));
      continue;
    }
    std::string source = id.empty() ? where : fmt::format("{}#{}", path, id);
    if (published.size() > 10) published.resize(10);
    auto doc = MakeDocument(text, source, title, published, url, options);
    if (!doc.ok()) { on_error(doc.status()); continue; }
    on_document(std::move(doc.value()));
  }
}

bool IsNonNestingTag(std::string_view name) {
  static const char* kTags[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr",
                                "td", "th", "!doctype"};
  for (const char* t : kTags)
    if (name == t) return true;
  return false;
}

}  // namespace

size_t FindDocumentCut(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  std::string_view window = text.substr(0, max_bytes);
  const size_t min_cut = max_bytes / 2;  // do not make tiny parts
  size_t at = window.rfind("\n\n");
  if (at != std::string_view::npos && at + 2 >= min_cut) return at + 2;
  at = window.rfind('\n');
  if (at != std::string_view::npos && at + 1 >= min_cut) return at + 1;
  at = window.rfind(". ");
  if (at != std::string_view::npos && at + 2 >= min_cut) return at + 2;
  at = window.find_last_of(" \t");
  if (at != std::string_view::npos && at + 1 >= min_cut) return at + 1;
  size_t cut = max_bytes;  // a whole UTF-8 character: never cut before a continuation byte
  while (cut > 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

int EstimateHtmlDepth(std::string_view html, int stop_at) {
  int depth = 0, max_depth = 0;
  size_t i = 0;
  const size_t n = html.size();
  while (i < n && max_depth < stop_at) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    i = lt + 1;
    char c = html[i];
    if (html.compare(i, 3, "!--") == 0) {
      size_t end = html.find("-->", i + 3);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    bool closing = c == '/';
    if (closing) ++i;
    size_t name_start = i;
    while (i < n && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '!')) ++i;
    if (i == name_start) continue;
    std::string name = AsciiLower(html.substr(name_start, i - name_start));
    size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    bool self_closing = gt > 0 && html[gt - 1] == '/';
    i = gt + 1;
    if (IsNonNestingTag(name) || self_closing) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    if (name == "script" || name == "style") {  // raw text up to the end tag
      size_t end = html.find("</", i);
      while (end != std::string_view::npos && AsciiLower(html.substr(end + 2, name.size())) != name)
        end = html.find("</", end + 2);
      if (end == std::string_view::npos) break;
      size_t close = html.find('>', end);
      i = close == std::string_view::npos ? n : close + 1;  // past the end tag
      continue;
    }
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

Status ListInputs(const std::string& path, std::vector<InputFile>* files, const LoadErrorSink& on_error) {
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    if (ec && ec != std::errc::no_such_file_or_directory)
      return Status::IOError(fmt::format("{}: cannot read: {}", path, ec.message()));
    return Status::NotFound(fmt::format("{}: no such file or directory", path));
  }
  if (!fs::is_directory(st)) {
    uint64_t size = fs::is_regular_file(st) ? fs::file_size(path, ec) : 0;
    files->push_back({path, ec ? 0 : size});
    return Status::Ok();
  }
  // Folder: an explicit stack (no recursion), folders reached through links not followed.
  size_t first = files->size();
  std::vector<fs::path> folders{fs::path(path)};
  bool top = true;
  while (!folders.empty()) {
    fs::path folder = std::move(folders.back());
    folders.pop_back();
    fs::directory_iterator it(folder, ec);
    if (ec) {
      Status s = Status::IOError(fmt::format("{}: cannot read folder: {}", folder.string(), ec.message()));
      if (top) return s;
      on_error(s);
      ec.clear();
      continue;
    }
    top = false;
    for (fs::directory_iterator end; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      if (!name.empty() && name[0] == '.') continue;
      std::error_code lec;
      fs::file_status lst = it->symlink_status(lec);
      if (lec) { on_error(Status::IOError(fmt::format("{}: {}", p.string(), lec.message()))); continue; }
      if (fs::is_symlink(lst)) {
        fs::file_status target = fs::status(p, lec);
        if (lec || !fs::exists(target)) {
          on_error(Status::IOError(fmt::format("{}: broken or looping symbolic link ({}): skipped", p.string(),
                                               lec ? lec.message() : "no target")));
          continue;
        }
        if (fs::is_regular_file(target)) files->push_back({p.string(), fs::file_size(p, lec)});
        continue;  // links to folders are not followed
      }
      if (fs::is_directory(lst)) folders.push_back(p);
      else if (fs::is_regular_file(lst)) files->push_back({p.string(), fs::file_size(p, lec)});
    }
    if (ec) {
      on_error(Status::IOError(fmt::format("{}: cannot read folder: {}", folder.string(), ec.message())));
      ec.clear();
    }
  }
  std::sort(files->begin() + static_cast<long>(first), files->end(),
            [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  return Status::Ok();
}

void LoadFile(const std::string& path, const LoadOptions& options, const DocumentSink& on_document,
              const LoadErrorSink& on_error) {
  std::string lower = AsciiLower(path);
  Result<std::unique_ptr<ByteStream>> stream = OpenStream(path, lower);
  if (!stream.ok()) { on_error(stream.status()); return; }
  Reader in(std::move(stream.value()), options);
  if (EndsWith(lower, ".gz")) lower.resize(lower.size() - 3);
  if (EndsWith(lower, ".zst")) lower.resize(lower.size() - 4);
  std::string bytes;
  Result<bool> ended = FillUpTo(in, bytes, kBlockBytes - 1);  // the first block, to sniff
  if (!ended.ok()) { on_error(ended.status()); return; }
  if (in.cancelled()) return;
  if (bytes.empty()) { on_error(Status::InvalidInput(fmt::format("{}: empty file", path))); return; }
  if (EndsWith(lower, ".jsonl") || EndsWith(lower, ".ndjson")) {
    if (LooksBinary(bytes)) { on_error(Status::InvalidInput(fmt::format("{}: binary file, not JSON Lines", path))); return; }
    LoadJsonLines(in, std::move(bytes), path, options, on_document, on_error);
    return;
  }
  bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (utf16) { LoadUtf16(in, bytes, path, options, on_document, on_error); return; }
  if (LooksBinary(bytes)) { on_error(Status::InvalidInput(fmt::format("{}: binary file, not text", path))); return; }
  bool html = EndsWith(lower, ".html") || EndsWith(lower, ".htm") || EndsWith(lower, ".xhtml") || LooksLikeHtml(bytes);
  if (html) { LoadHtml(in, bytes, path, options, on_document, on_error); return; }
  LoadPlainText(in, bytes, path, options, on_document, on_error);
}

Status LoadPath(const std::string& path, const LoadOptions& options, const DocumentSink& on_document,
                const LoadErrorSink& on_error) {
  std::vector<InputFile> files;
  if (Status s = ListInputs(path, &files, on_error); !s.ok()) return s;
  for (const InputFile& f : files) {
    if (options.cancel && options.cancel->load()) break;
    LoadFile(f.path, options, on_document, on_error);
  }
  return Status::Ok();
}

Result<Document> LoadText(std::string text, const std::string& source, const LoadOptions& options) {
  auto doc = MakeDocument(text, source, "", "", "", options);
  if (doc.ok() && doc->title.empty()) doc->title = FirstLineTitle(doc->text);
  return doc;
}

}  // namespace tiegraph
