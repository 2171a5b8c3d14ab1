// Unicode normalisation at the import boundary (vn-documents.md §3.1): every piece of text that
// enters the system is turned into NFC once, so later code can compare bytes.
//
// Thread safety: all functions are safe to call concurrently (they share ICU's immutable
// Normalizer2 singletons, whose const methods are thread-safe).
#pragma once

#include <string>
#include <string_view>

namespace lienthong {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or truncated sequences).
bool IsValidUtf8(std::string_view text);

// NFC (ICU Normalizer2), then U+00D0 "Ð" (Latin capital ETH, a look-alike that converters and OCR
// produce) becomes U+0110 "Đ". Dashes and every other character are left as they are.
// Ill-formed UTF-8 bytes become U+FFFD; callers that care check IsValidUtf8 first.
std::string ToNfc(std::string_view utf8);
// The same for text the caller has just checked with IsValidUtf8 (a decoded file): the check is
// not made a second time, which on a large import is a pass over every byte.
std::string ToNfcOfValidUtf8(std::string_view utf8);

// NFD, for tests and for code that strips combining marks. Same handling of ill-formed input.
std::string ToNfd(std::string_view utf8);

// Upper case by Unicode rules (ICU, Vietnamese locale): "Kế hoạch ủy ban" -> "KẾ HOẠCH ỦY BAN".
std::string ToUpperVietnamese(std::string_view text);

}  // namespace lienthong
