// Text normalisation and checks applied to every input before it becomes a
// Document: UTF-8 validation (with the byte offset of the first bad byte),
// binary detection, UTF-16 (BOM) decoding, CRLF -> LF, BOM removal and
// Unicode NFC (utf8proc). The content hash that identifies a document is
// taken over the normalised text.
#pragma once

#include <string>
#include <string_view>

#include "tiegraph/status.h"

namespace tiegraph {

// Byte offset of the first invalid UTF-8 sequence, or -1 if the text is valid.
long FindInvalidUtf8(std::string_view bytes);

// True if the bytes look like a binary file (NUL bytes, a known magic number,
// or mostly control characters).
bool LooksBinary(std::string_view bytes);

// Turns raw file bytes into normalised UTF-8 text. `source` names the input in
// error messages ("file.txt: invalid UTF-8 at byte 1234").
Result<std::string> NormalizeText(std::string_view raw, const std::string& source);

// Stable 128-bit content hash as 32 lowercase hex digits.
std::string ContentHash(std::string_view text);

}  // namespace tiegraph
