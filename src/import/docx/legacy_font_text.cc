#include "import/docx/legacy_font_text.h"

#include <cctype>

#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong::docx {
namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

// The Windows-1252 byte of `c`, or -1.
int Cp1252Byte(char32_t c) {
  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return static_cast<int>(c);
  static constexpr struct {
    char32_t c;
    unsigned char byte;
  } kHigh[] = {{U'€', 0x80}, {U'‚', 0x82}, {U'ƒ', 0x83}, {U'„', 0x84}, {U'…', 0x85}, {U'†', 0x86},
               {U'‡', 0x87}, {U'ˆ', 0x88}, {U'‰', 0x89}, {U'Š', 0x8A}, {U'‹', 0x8B}, {U'Œ', 0x8C},
               {U'Ž', 0x8E}, {U'‘', 0x91}, {U'’', 0x92}, {U'“', 0x93}, {U'”', 0x94}, {U'•', 0x95},
               {U'–', 0x96}, {U'—', 0x97}, {U'˜', 0x98}, {U'™', 0x99}, {U'š', 0x9A}, {U'›', 0x9B},
               {U'œ', 0x9C}, {U'ž', 0x9E}, {U'Ÿ', 0x9F}};
  for (const auto& entry : kHigh) {
    if (entry.c == c) return entry.byte;
  }
  // Undefined Windows-1252 bytes survive as C1 controls.
  if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) return static_cast<int>(c);
  return -1;
}

std::string UpperCase(std::string_view utf8) {
  std::u32string chars = Utf8ToUtf32(utf8);
  for (char32_t& c : chars) {
    std::optional<LetterParts> parts = SplitLetter(c);
    if (!parts.has_value()) continue;
    char32_t upper = ComposeLetter(parts->base, parts->tone, true);
    if (upper != 0) c = upper;
  }
  return Utf32ToUtf8(chars);
}

}  // namespace

std::optional<LegacyFont> LegacyFontOf(std::string_view font_name) {
  if (StartsWithNoCase(font_name, ".Vn")) {
    char last = font_name.back();
    return LegacyFont{TextEncoding::kTcvn3, last == 'H'};
  }
  if (StartsWithNoCase(font_name, "VNI-") || StartsWithNoCase(font_name, "VNI ")) {
    return LegacyFont{TextEncoding::kVniWindows, false};
  }
  return std::nullopt;
}

std::optional<std::string> DecodeLegacyFontText(std::string_view utf8, const LegacyFont& font) {
  std::string bytes;
  bool any_high = false;
  for (size_t pos = 0; pos < utf8.size();) {
    int byte = Cp1252Byte(DecodeUtf8(utf8, &pos));
    if (byte < 0) return std::nullopt;
    any_high = any_high || byte >= 0x80;
    bytes += static_cast<char>(byte);
  }
  if (!any_high && !font.capitals) return std::string(utf8);
  Result<DecodedText> decoded = DecodeText(bytes, font.encoding);
  if (!decoded.ok()) return std::nullopt;
  return font.capitals ? UpperCase(decoded->text) : std::move(decoded->text);
}

}  // namespace lienthong::docx
