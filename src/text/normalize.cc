#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <vector>

#include "util/parallel_for.h"
#include "util/utf8.h"

namespace lienthong {
namespace {

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Re-encodes ill-formed input with U+FFFD so ICU never sees bad bytes.
std::string Sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  size_t pos = 0;
  while (pos < text.size()) AppendUtf8(DecodeUtf8(text, &pos), &out);
  return out;
}

std::string Normalize(const icu::Normalizer2* norm, std::string_view text) {
  if (norm == nullptr)
    return std::string(text);  // ICU data missing: keep the text rather than lose it
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (norm->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  icu::StringByteSink<std::string> sink(&out);
  status = U_ZERO_ERROR;
  norm->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* const kNfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return kNfc;
}

const icu::Normalizer2* Nfd() {
  static const icu::Normalizer2* const kNfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return kNfd;
}

// "Ð" U+00D0 is C3 90 in UTF-8; "Đ" U+0110 is C4 90.
void ReplaceEth(std::string* text) {
  for (size_t i = 0; i + 1 < text->size(); ++i) {
    if ((*text)[i] == '\xC3' && (*text)[i + 1] == '\x90') (*text)[i] = '\xC4';
  }
}

}  // namespace

bool IsValidUtf8(std::string_view text) { return FindInvalidUtf8(text) == std::string_view::npos; }

namespace {

std::string ToNfcWhole(std::string_view utf8, bool known_valid) {
  if (IsAscii(utf8)) return std::string(utf8);
  std::string out = known_valid || IsValidUtf8(utf8) ? Normalize(Nfc(), utf8)
                                                      : Normalize(Nfc(), Sanitize(utf8));
  ReplaceEth(&out);
  return out;
}

// A large text (a whole file being imported) normalised in slices (SlicesAfterLineFeeds) on
// several threads: each slice normalises (and sanitises) alone to the same bytes.
constexpr size_t kSlice = 1 << 20;

std::string ToNfcInSlices(std::string_view utf8, bool known_valid) {
  const std::vector<std::string_view> slices = SlicesAfterLineFeeds(utf8, kSlice);
  std::vector<std::string> parts(slices.size());
  ForEachIndexInParallel(slices.size(), [&](size_t i) { parts[i] = ToNfcWhole(slices[i], known_valid); });
  size_t total = 0;
  for (const std::string& part : parts) total += part.size();
  std::string out;
  out.reserve(total);
  for (const std::string& part : parts) out += part;
  return out;
}

}  // namespace

std::string ToNfc(std::string_view utf8) {
  return utf8.size() > 2 * kSlice ? ToNfcInSlices(utf8, false) : ToNfcWhole(utf8, false);
}

std::string ToNfcOfValidUtf8(std::string_view utf8) {
  return utf8.size() > 2 * kSlice ? ToNfcInSlices(utf8, true) : ToNfcWhole(utf8, true);
}

std::string ToNfd(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  return IsValidUtf8(utf8) ? Normalize(Nfd(), utf8) : Normalize(Nfd(), Sanitize(utf8));
}

std::string ToUpperVietnamese(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toUpper(icu::Locale("vi"))
      .toUTF8String(out);
  return out;
}

}  // namespace lienthong
