// Comparison keys for Vietnamese text (vn-documents.md §3.4, §3.5).
//
//   MatchKey("  Uỷ  ban nhân dân ") == MatchKey("ủy ban nhân dân") == "ủy ban nhân dân"
//   SearchKey("Chuyển đổi số")      == "chuyen doi so"
//
// MatchKey: NFC (ToNfc, so "Ð" -> "Đ"), Unicode default case folding, every syllable rewritten in
// the traditional tone style (tone_style.h: "hoà" -> "hòa", "Uỷ" -> "ủy"; quả, hoàn, thuyền, quý,
// giữa are unchanged), White_Space runs (including NBSP and U+200B) collapsed to one ASCII space,
// leading/trailing space removed, U+00AD soft hyphen and U+FEFF/U+2060 dropped. We canonicalise to
// the traditional style because it is the one the State's own templates (ND30: "ỦY BAN NHÂN DÂN")
// and most dictionaries use, so keys read naturally when shown.
//
// SearchKey: MatchKey with every diacritic (nonspacing mark, after NFD) removed and đ -> d;
// punctuation and digits stay. Use it for accent-insensitive search and for matching OCR text
// that lost its diacritics.
//
// Both keys are idempotent (Key(Key(x)) == Key(x)), and equal for NFC/NFD and upper/lower forms of
// the same text. Ill-formed UTF-8 bytes become U+FFFD.
//
// Speed: these run once per imported row (about 1 µs for a 30-character name). Vietnamese letters
// go through static tables; ICU is used only for the NFC check and for non-Vietnamese characters,
// through its Normalizer2 singletons (no Transliterator is ever built).
// Thread safety: safe to call from any number of threads; all shared state is immutable.
#pragma once

#include <string>
#include <string_view>

#include "text/tone_style.h"

namespace lienthong {

std::string MatchKey(std::string_view text);
std::string SearchKey(std::string_view text);

}  // namespace lienthong
