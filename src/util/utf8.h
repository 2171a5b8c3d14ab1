// Small UTF-8 helpers with no domain knowledge (text/, http/ and the log format use them): decode
// one code point, append one, find the first ill-formed sequence. Strict RFC 3629: no overlongs,
// no surrogates, nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lienthong {

inline constexpr char32_t kReplacementChar = U'\uFFFD';

// Decodes the code point starting at `*pos` and advances `*pos` past it. An ill-formed sequence
// yields kReplacementChar and advances past its maximal subpart (at least one byte), as the
// Unicode "substitution of maximal subparts" practice says. REQUIRES: *pos < text.size().
char32_t DecodeUtf8Slow(std::string_view text, size_t* pos);
inline char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  // Why inline: callers decode once per character and most bytes are ASCII; only multi-byte
  // sequences need the out-of-line validator.
  const auto b = static_cast<unsigned char>(text[*pos]);
  if (b < 0x80) {
    ++*pos;
    return b;
  }
  return DecodeUtf8Slow(text, pos);
}

// Appends the UTF-8 form of `c`; surrogates and values above U+10FFFF become U+FFFD.
void AppendUtf8(char32_t c, std::string* out);

// Byte offset of the first ill-formed sequence, or std::string_view::npos when `text` is valid.
size_t FindInvalidUtf8(std::string_view text);

// `text` cut into consecutive slices of about `bytes` each, every slice but the last ending just
// after a line feed. A line feed is never inside a UTF-8 sequence nor part of a composition, so
// the slices of a large text can be checked or normalised apart (on several threads).
std::vector<std::string_view> SlicesAfterLineFeeds(std::string_view text, size_t bytes);

// Whole-string conversions. Ill-formed input bytes become U+FFFD.
std::u32string Utf8ToUtf32(std::string_view text);
std::string Utf32ToUtf8(std::u32string_view text);

}  // namespace lienthong
