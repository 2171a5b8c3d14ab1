// Turning the bytes of a text file or cell into NFC UTF-8, including the 8-bit Vietnamese
// encodings that pre-Unicode documents still use (vn-documents.md §3.3).
//
// Detection when no encoding is forced:
//   1. UTF-8 BOM (stripped) or UTF-16 LE/BE BOM -> that encoding;
//   2. valid UTF-8 -> UTF-8 (ASCII is valid UTF-8);
//   3. otherwise decode each word that has a byte >= 0x80 (the first 5,000) as TCVN3 and as
//      VNI-Windows, and count the share that are valid Vietnamese syllables (syllable.h). The
//      better candidate wins when its share is at least 60% and 20 points above the other, and
//      at most 1% of the bytes are control characters (binary data has many);
//   4. else Status::Unsupported, naming the byte offset of the first invalid UTF-8 sequence.
// VIQR is plain ASCII and Windows-1258 looks like Latin-1, so both are used only when forced.
//
// Limits: TCVN3 capitals made with the ".VnTimeH" capitals font are stored as lower-case codes;
// without the font name they decode as lower case (callers that know the font upper-case them).
// TCVN3 bytes 0x80..0x9F are read as Windows-1252 symbols (“ ” – …), not as the VN1 capitals
// glibc assigns there; see legacy_decoders.h.
// Thread safety: all functions are reentrant.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "util/status.h"

namespace lienthong {

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be, kTcvn3, kVniWindows, kViqr, kWindows1258 };

// "utf-8", "utf-16le", "utf-16be", "tcvn3", "vni-windows", "viqr", "windows-1258".
const char* TextEncodingName(TextEncoding encoding);

// Parses the names above, case-insensitively, plus the aliases "utf8", "tcvn", "abc", "vni",
// "cp1258"; nullopt for anything else. For command-line flags and import options.
std::optional<TextEncoding> TextEncodingFromName(std::string_view name);

struct DecodedText {
  std::string text;  // NFC UTF-8 (ToNfc), BOM removed
  TextEncoding encoding;
};

// Decodes `bytes` as `forced`, or detects the encoding as described above.
// Errors: kUnsupported when detection fails; kInvalidArgument when bytes do not fit a forced
// UTF-8/UTF-16 encoding (message names the byte offset); kUnsupported when iconv lacks cp1258.
Result<DecodedText> DecodeText(std::string_view bytes,
                               std::optional<TextEncoding> forced = std::nullopt);

}  // namespace lienthong
