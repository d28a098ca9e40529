#include "tiegraph/text/normalize.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

namespace tiegraph {

long FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return static_cast<long>(i);
    if (i + len > n) return static_cast<long>(i);
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return static_cast<long>(i);
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates, out of range.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return static_cast<long>(i);
    i += len;
  }
  return -1;
}

bool LooksBinary(std::string_view s) {
  static const char* kMagic[] = {"\x89PNG", "\x7F" "ELF", "PK\x03\x04", "%PDF", "GIF8", "\xFF\xD8\xFF", "\x1F\x8B"};
  for (const char* m : kMagic) {
    size_t len = std::strlen(m);
    if (s.size() >= len && std::memcmp(s.data(), m, len) == 0) return true;
  }
  size_t probe = s.size() < 8192 ? s.size() : 8192, control = 0;
  for (size_t i = 0; i < probe; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return probe > 0 && control * 10 > probe;
}

namespace {

void AppendUtf8(std::string& out, uint32_t cp) {
  char buf[4];
  auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), reinterpret_cast<utf8proc_uint8_t*>(buf));
  out.append(buf, static_cast<size_t>(n));
}

Result<std::string> DecodeUtf16(std::string_view raw, bool little_endian, const std::string& source) {
  std::string out;
  out.reserve(raw.size());
  size_t i = 2;
  auto unit = [&](size_t at) -> uint32_t {
    auto b0 = static_cast<unsigned char>(raw[at]), b1 = static_cast<unsigned char>(raw[at + 1]);
    return little_endian ? (b0 | (b1 << 8)) : ((b0 << 8) | b1);
  };
  while (i + 1 < raw.size()) {
    uint32_t u = unit(i);
    i += 2;
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 >= raw.size()) return Status::InvalidInput(fmt::format("{}: truncated UTF-16 at byte {}", source, i - 2));
      uint32_t lo = unit(i);
      if (lo < 0xDC00 || lo > 0xDFFF)
        return Status::InvalidInput(fmt::format("{}: invalid UTF-16 surrogate at byte {}", source, i - 2));
      i += 2;
      u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return Status::InvalidInput(fmt::format("{}: invalid UTF-16 surrogate at byte {}", source, i - 2));
    }
    AppendUtf8(out, u);
  }
  if (i < raw.size()) return Status::InvalidInput(fmt::format("{}: odd number of bytes in UTF-16 text", source));
  return out;
}

}  // namespace

Result<std::string> NormalizeText(std::string_view raw, const std::string& source) {
  std::string text;
  if (raw.size() >= 2 && ((raw[0] == '\xFF' && raw[1] == '\xFE') || (raw[0] == '\xFE' && raw[1] == '\xFF'))) {
    auto decoded = DecodeUtf16(raw, raw[0] == '\xFF', source);
    if (!decoded.ok()) return decoded.status();
    text = std::move(decoded.value());
  } else {
    if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
    if (LooksBinary(raw)) return Status::InvalidInput(fmt::format("{}: binary file, not text", source));
    long bad = FindInvalidUtf8(raw);
    if (bad >= 0) return Status::InvalidInput(fmt::format("{}: invalid UTF-8 at byte {}", source, bad));
    text.assign(raw);
  }
  // CRLF / CR -> LF; drop NULs that UTF-16 text may carry.
  std::string lf;
  lf.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      lf.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c != '\0') {
      lf.push_back(c);
    }
  }
  // NFC, only when needed (pure ASCII is already NFC).
  bool ascii = true;
  for (unsigned char c : lf) if (c >= 0x80) { ascii = false; break; }
  if (ascii) return lf;
  utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(lf.c_str()));
  if (nfc == nullptr) return Status::InvalidInput(fmt::format("{}: text could not be normalised", source));
  std::string out(reinterpret_cast<char*>(nfc));
  std::free(nfc);
  return out;
}

std::string ContentHash(std::string_view text) {
  // Two FNV-1a-style 64-bit lanes with different offsets and a final mix.
  uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
  for (unsigned char c : text) {
    a = (a ^ c) * 0x100000001b3ULL;
    b = (b ^ c) * 0x9E3779B97F4A7C15ULL;
    b ^= b >> 29;
  }
  auto mix = [](uint64_t x) {
    x ^= x >> 33; x *= 0xff51afd7ed558ccdULL; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53ULL; x ^= x >> 33;
    return x;
  };
  return fmt::format("{:016x}{:016x}", mix(a ^ text.size()), mix(b + text.size()));
}

}  // namespace tiegraph
