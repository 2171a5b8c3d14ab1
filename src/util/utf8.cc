#include "util/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "util/parallel_for.h"

namespace lienthong {
namespace {

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Fast path for the common well-formed multi-byte forms (Vietnamese letters are 2- and 3-byte
// sequences with lead bytes C3..C6 and E1): their length, or 0 to fall back to WellFormedLength.
inline size_t CommonFormLength(const unsigned char* s, size_t n, size_t pos, char32_t* cp) {
  const unsigned char b0 = s[pos];
  if (b0 >= 0xC2 && b0 <= 0xDF && pos + 1 < n && IsContinuation(s[pos + 1])) {
    *cp = static_cast<char32_t>((b0 & 0x1F) << 6 | (s[pos + 1] & 0x3F));
    return 2;
  }
  if (b0 >= 0xE1 && b0 <= 0xEC && pos + 2 < n && IsContinuation(s[pos + 1]) &&
      IsContinuation(s[pos + 2])) {
    *cp = static_cast<char32_t>((b0 & 0x0F) << 12 | (s[pos + 1] & 0x3F) << 6 | (s[pos + 2] & 0x3F));
    return 3;
  }
  return 0;
}

// Length of the well-formed sequence at `pos` (1..4), or 0 when ill-formed; on failure `*bad_len`
// is the number of bytes to skip (the maximal subpart, at least 1).
size_t WellFormedLength(std::string_view text, size_t pos, char32_t* cp, size_t* bad_len) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const unsigned char b0 = s[pos];
  *bad_len = 1;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  char32_t value;
  // The second byte's allowed range depends on the lead byte (Unicode Table 3-7).
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    value = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    value = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // no overlongs
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    value = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // no overlongs
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  for (size_t i = 1; i < len; ++i) {
    if (pos + i >= n) return 0;
    const unsigned char b = s[pos + i];
    if (i == 1 ? (b < lo || b > hi) : !IsContinuation(b)) return 0;
    value = (value << 6) | (b & 0x3F);
    *bad_len = i + 1;
  }
  *cp = value;
  return len;
}

}  // namespace

char32_t DecodeUtf8Slow(std::string_view text, size_t* pos) {
  char32_t cp = 0;
  if (const size_t len =
          CommonFormLength(reinterpret_cast<const unsigned char*>(text.data()), text.size(), *pos, &cp)) {
    *pos += len;
    return cp;
  }
  size_t bad_len = 1;
  const size_t len = WellFormedLength(text, *pos, &cp, &bad_len);
  if (len == 0) {
    *pos += bad_len;
    return kReplacementChar;
  }
  *pos += len;
  return cp;
}

void AppendUtf8(char32_t c, std::string* out) {
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = kReplacementChar;
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

namespace {

size_t FindInvalidUtf8Whole(std::string_view text);

// A large text (a whole file being imported) is checked in slices ending after a line feed, on
// several threads: a line feed is never inside a sequence, so the first invalid byte of the
// first slice that has one is the text's.
constexpr size_t kSlice = 1 << 20;

size_t FindInvalidUtf8InSlices(std::string_view text) {
  const std::vector<std::string_view> slices = SlicesAfterLineFeeds(text, kSlice);
  std::vector<size_t> first_bad(slices.size(), std::string_view::npos);
  ForEachIndexInParallel(slices.size(), [&](size_t i) {
    const size_t bad = FindInvalidUtf8Whole(slices[i]);
    if (bad != std::string_view::npos) {
      first_bad[i] = static_cast<size_t>(slices[i].data() - text.data()) + bad;
    }
  });
  for (size_t bad : first_bad) {
    if (bad != std::string_view::npos) return bad;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<std::string_view> SlicesAfterLineFeeds(std::string_view text, size_t bytes) {
  std::vector<std::string_view> slices;
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.size(), start + bytes);
    if (end < text.size()) {
      const size_t newline = text.find('\n', end);
      end = newline == std::string_view::npos ? text.size() : newline + 1;
    }
    slices.push_back(text.substr(start, end - start));
    start = end;
  }
  return slices;
}

size_t FindInvalidUtf8(std::string_view text) {
  return text.size() > 2 * kSlice ? FindInvalidUtf8InSlices(text) : FindInvalidUtf8Whole(text);
}

namespace {

size_t FindInvalidUtf8Whole(std::string_view text) {
  size_t pos = 0;
  const size_t n = text.size();
  while (pos < n) {
    // Why: documents are mostly ASCII; skip 8 ASCII bytes per step.
    while (pos + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & 0x8080808080808080ULL) != 0) break;
      pos += 8;
    }
    if (pos >= n) break;
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const unsigned char b = s[pos];
    if (b < 0x80) {
      ++pos;
      continue;
    }
    char32_t cp;
    if (const size_t common = CommonFormLength(s, n, pos, &cp)) {
      pos += common;
      continue;
    }
    size_t bad_len;
    const size_t len = WellFormedLength(text, pos, &cp, &bad_len);
    if (len == 0) return pos;
    pos += len;
  }
  return std::string_view::npos;
}

}  // namespace

std::u32string Utf8ToUtf32(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) out.push_back(DecodeUtf8(text, &pos));
  return out;
}

std::string Utf32ToUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (char32_t c : text) AppendUtf8(c, &out);
  return out;
}

}  // namespace lienthong
