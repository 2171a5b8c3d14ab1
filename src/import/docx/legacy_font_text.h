// Text typed in pre-Unicode Vietnamese fonts inside a .docx. Word stores such a run as the
// Windows-1252 characters of its bytes ("Hµ Néi" for TCVN3 "Hà Nội"), with the font name saying
// how the bytes were meant: ".VnTime", ".VnArial", ... are TCVN3 (ABC), "VNI-Times", ... are
// VNI-Windows. Decoding maps every character back to its Windows-1252 byte and decodes those
// bytes with text/legacy_encoding.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "text/legacy_encoding.h"

namespace lienthong::docx {

struct LegacyFont {
  TextEncoding encoding;
  bool capitals = false;  // ".VnTimeH", ".VnArialH": TCVN3 capitals stored as lower-case codes
};

// nullopt for Unicode fonts (Times New Roman, ...).
std::optional<LegacyFont> LegacyFontOf(std::string_view font_name);

// The run text decoded (NFC). nullopt when some character has no Windows-1252 byte — the run
// already holds real Unicode (users often switch such runs to a Unicode font only partly).
std::optional<std::string> DecodeLegacyFontText(std::string_view utf8, const LegacyFont& font);

}  // namespace lienthong::docx
