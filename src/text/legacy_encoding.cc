#include "text/legacy_encoding.h"

#include <cstdio>
#include <string>

#include "text/legacy_decoders.h"
#include "text/normalize.h"
#include "text/syllable.h"
#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong {
namespace {

using text_internal::DecodeTcvn3;
using text_internal::DecodeUtf16;
using text_internal::DecodeViqr;
using text_internal::DecodeVniWindows;
using text_internal::DecodeWindows1258;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

// Detection thresholds (see the header): a clear majority of words must read as Vietnamese, and
// clearly more than under the other candidate.
constexpr double kMinShare = 0.6;
constexpr double kMinLead = 0.2;
constexpr double kMaxControlShare = 0.01;
// Enough words to decide; bounds detection time on large files.
constexpr int kMaxWordsScored = 5000;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsTokenByte(unsigned char b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0xA1;
}

bool IsControlByte(unsigned char b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1A) ||
         b == 0x7F;
}

// True when the decoded word, minus surrounding punctuation, is one valid Vietnamese syllable.
bool IsVietnameseWord(std::string_view utf8) {
  const std::u32string word = Utf8ToUtf32(ToNfc(utf8));
  size_t begin = 0;
  size_t end = word.size();
  while (begin < end && !SplitLetter(word[begin])) ++begin;
  while (end > begin && !SplitLetter(word[end - 1])) --end;
  if (begin == end) return false;
  std::u32string bases;
  Tone tone = Tone::kNone;
  for (size_t i = begin; i < end; ++i) {
    const std::optional<LetterParts> parts = SplitLetter(word[i]);
    if (!parts) return false;
    if (parts->tone != Tone::kNone) {
      if (tone != Tone::kNone) return false;
      tone = parts->tone;
    }
    bases.push_back(parts->base);
  }
  return IsValidSyllable(bases, tone);
}

// Share of the words containing a byte >= 0x80 that `decode` turns into Vietnamese syllables
// (the first kMaxWordsScored of them); -1 when there are no such words.
template <typename Decoder>
double VietnameseShare(std::string_view bytes, Decoder decode) {
  int words = 0;
  int valid = 0;
  size_t i = 0;
  while (i < bytes.size() && words < kMaxWordsScored) {
    if (!IsTokenByte(static_cast<unsigned char>(bytes[i]))) {
      ++i;
      continue;
    }
    const size_t begin = i;
    bool high = false;
    while (i < bytes.size() && IsTokenByte(static_cast<unsigned char>(bytes[i]))) {
      high = high || static_cast<unsigned char>(bytes[i]) >= 0x80;
      ++i;
    }
    if (!high) continue;
    ++words;
    if (IsVietnameseWord(decode(bytes.substr(begin, i - begin)))) ++valid;
  }
  return words == 0 ? -1.0 : static_cast<double>(valid) / words;
}

double ControlShare(std::string_view bytes) {
  size_t control = 0;
  for (char c : bytes) control += IsControlByte(static_cast<unsigned char>(c)) ? 1 : 0;
  return bytes.empty() ? 0.0 : static_cast<double>(control) / bytes.size();
}

DecodedText Decoded(std::string text, TextEncoding encoding) {
  return DecodedText{ToNfc(text), encoding};
}

// UTF-8 bytes FindInvalidUtf8 has just passed.
DecodedText DecodedValidUtf8(std::string_view bytes) {
  return DecodedText{ToNfcOfValidUtf8(bytes), TextEncoding::kUtf8};
}

Result<DecodedText> DecodeForced(std::string_view bytes, TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8: {
      if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
      const size_t bad = FindInvalidUtf8(bytes);
      if (bad != std::string_view::npos) {
        return Status::InvalidArgument("text is not valid UTF-8: invalid sequence at byte offset " +
                                       std::to_string(bad));
      }
      return DecodedValidUtf8(bytes);
    }
    case TextEncoding::kUtf16Le:
    case TextEncoding::kUtf16Be: {
      const bool big_endian = encoding == TextEncoding::kUtf16Be;
      if (bytes.starts_with(big_endian ? kUtf16BeBom : kUtf16LeBom)) bytes.remove_prefix(2);
      LT_ASSIGN_OR_RETURN(std::string text, DecodeUtf16(bytes, big_endian));
      return Decoded(std::move(text), encoding);
    }
    case TextEncoding::kTcvn3:
      return Decoded(DecodeTcvn3(bytes), encoding);
    case TextEncoding::kVniWindows:
      return Decoded(DecodeVniWindows(bytes), encoding);
    case TextEncoding::kViqr:
      return Decoded(DecodeViqr(bytes), encoding);
    case TextEncoding::kWindows1258: {
      LT_ASSIGN_OR_RETURN(std::string text, DecodeWindows1258(bytes));
      return Decoded(std::move(text), encoding);
    }
  }
  return Status::Internal("unknown text encoding");
}

std::string Percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", share < 0 ? 0.0 : share * 100);
  return buf;
}

}  // namespace

const char* TextEncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "utf-8";
    case TextEncoding::kUtf16Le:
      return "utf-16le";
    case TextEncoding::kUtf16Be:
      return "utf-16be";
    case TextEncoding::kTcvn3:
      return "tcvn3";
    case TextEncoding::kVniWindows:
      return "vni-windows";
    case TextEncoding::kViqr:
      return "viqr";
    case TextEncoding::kWindows1258:
      return "windows-1258";
  }
  return "unknown";
}

std::optional<TextEncoding> TextEncodingFromName(std::string_view name) {
  const std::string n = Lower(name);
  if (n == "utf-8" || n == "utf8") return TextEncoding::kUtf8;
  if (n == "utf-16le") return TextEncoding::kUtf16Le;
  if (n == "utf-16be") return TextEncoding::kUtf16Be;
  if (n == "tcvn3" || n == "tcvn" || n == "abc") return TextEncoding::kTcvn3;
  if (n == "vni-windows" || n == "vni") return TextEncoding::kVniWindows;
  if (n == "viqr") return TextEncoding::kViqr;
  if (n == "windows-1258" || n == "cp1258") return TextEncoding::kWindows1258;
  return std::nullopt;
}

Result<DecodedText> DecodeText(std::string_view bytes, std::optional<TextEncoding> forced) {
  if (forced) return DecodeForced(bytes, *forced);
  if (bytes.starts_with(kUtf8Bom)) return DecodeForced(bytes, TextEncoding::kUtf8);
  if (bytes.starts_with(kUtf16LeBom)) return DecodeForced(bytes, TextEncoding::kUtf16Le);
  if (bytes.starts_with(kUtf16BeBom)) return DecodeForced(bytes, TextEncoding::kUtf16Be);
  const size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return DecodedValidUtf8(bytes);

  const std::string what =
      "text is neither valid UTF-8 nor a recognised legacy encoding (TCVN3, VNI-Windows): "
      "invalid UTF-8 sequence at byte offset " +
      std::to_string(bad);
  const double control = ControlShare(bytes);
  if (control > kMaxControlShare) {
    return Status::Unsupported(
        what + "; " + Percent(control) +
        " of the bytes are control characters, so it looks like binary data");
  }
  const double tcvn3 = VietnameseShare(bytes, DecodeTcvn3);
  const double vni = VietnameseShare(bytes, DecodeVniWindows);
  if (tcvn3 >= kMinShare && tcvn3 >= vni + kMinLead) {
    return Decoded(DecodeTcvn3(bytes), TextEncoding::kTcvn3);
  }
  if (vni >= kMinShare && vni >= tcvn3 + kMinLead) {
    return Decoded(DecodeVniWindows(bytes), TextEncoding::kVniWindows);
  }
  return Status::Unsupported(what + "; words that read as Vietnamese: " + Percent(tcvn3) +
                             " as TCVN3, " + Percent(vni) + " as VNI-Windows");
}

}  // namespace lienthong
