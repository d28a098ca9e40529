#include "tiegraph/server/static_files.h"

#include <filesystem>
#include <system_error>

namespace tiegraph::server {

namespace fs = std::filesystem;

Result<std::string> ResolveStaticPath(const std::string& root, std::string_view url_path) {
  const Status not_found = Status::NotFound("no such file");
  if (root.empty() || url_path.empty() || url_path.front() != '/' || url_path.size() > 1024) return not_found;
  for (char c : url_path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7f) return not_found;
  }
  // Reject every ".." segment (and "." segments) outright.
  size_t i = 1;
  while (i <= url_path.size()) {
    size_t j = url_path.find('/', i);
    if (j == std::string_view::npos) j = url_path.size();
    std::string_view segment = url_path.substr(i, j - i);
    if (segment == ".." || segment == ".") return not_found;
    if (!segment.empty() && segment.front() == '.') return not_found;  // hidden files
    i = j + 1;
  }
  std::error_code ec;
  const fs::path real_root = fs::canonical(fs::path(root), ec);
  if (ec) return not_found;
  fs::path candidate = real_root / fs::path(std::string(url_path.substr(1)));
  if (fs::is_directory(candidate, ec)) candidate /= "index.html";
  const fs::path real = fs::canonical(candidate, ec);
  if (ec || !fs::is_regular_file(real, ec)) return not_found;
  const std::string root_text = real_root.string();
  const std::string real_text = real.string();
  if (real_text.size() <= root_text.size() || real_text.compare(0, root_text.size(), root_text) != 0 ||
      (root_text.back() != '/' && real_text[root_text.size()] != '/')) {
    return not_found;
  }
  return real_text;
}

std::string ContentTypeFor(std::string_view path) {
  struct Entry {
    std::string_view ext, type;
  };
  static constexpr Entry kTypes[] = {
      {".html", "text/html; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},           {".map", "application/json"},
      {".svg", "image/svg+xml"},               {".png", "image/png"},
      {".ico", "image/x-icon"},                {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const Entry& e : kTypes) {
    if (path.size() >= e.ext.size() && path.substr(path.size() - e.ext.size()) == e.ext) return std::string(e.type);
  }
  return "application/octet-stream";
}

}  // namespace tiegraph::server
