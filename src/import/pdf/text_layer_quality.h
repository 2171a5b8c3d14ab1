// Is a page's PDF text layer worth reading, or should the page go through OCR?
//
// Three kinds of bad text layer reach us:
//   - none: a scan, or a page drawn as outlines — the layer holds (almost) no letters;
//   - garbled: fonts embedded as subsets without a correct ToUnicode map, so extraction yields
//     glyph ids shifted into unrelated characters, e.g. "ѾӇ %$1 1+Ӄ1 'Ӄ1" for "ỦY BAN NHÂN DÂN":
//     Cyrillic, Latin Extended-B, digits and symbols inside words;
//   - lost diacritics: a scan whose invisible text came from an OCR engine without Vietnamese,
//     e.g. "CONG HOA XA HOI", "to chuc ngay hoi": valid-looking ASCII, no tone marks (often
//     with misread letters too: "HQI", "ch6ng").
//
// The measure works on words (separated by white space):
//   foreign   a word with a character that is neither a Vietnamese letter, a digit, nor common
//             punctuation or a symbol (Cyrillic, Greek, Latin Extended-B other than ơ/ư, IPA,
//             private use, U+FFFD, controls);
//   then each maximal run of letters in the other words:
//   valid     a Vietnamese syllable (text/syllable.h IsValidSyllable: onset, nucleus, coda and
//             tone agree), with or without diacritics;
//   neutral   a single letter, or an all-capitals run that is not a syllable (UBND, HĐND,
//             abbreviations) — not counted;
//   invalid   anything else, and any run glued to a digit ("ch6ng", "ngh1a").
// Shares: valid / (valid + invalid + foreign), foreign / (valid + invalid + foreign), and the
// share of valid syllables that carry a tone mark or a modified letter (ă â ê ô ơ ư đ).
//
// Verdict: fewer than 30 letters -> kMissing; foreign share >= 10% or valid share < 70% ->
// kGarbled; at least 20 valid syllables of which under 15% have diacritics -> kNoDiacritics;
// otherwise kGood. Measured per page on real documents, the classes are far apart: good text
// layers 98–100% valid, 0–1% foreign, 85–89% with diacritics; garbled subset fonts 0–45% valid,
// 54–99% foreign; English-model OCR layers 33–45% valid, 0% foreign, 0% with diacritics.
#pragma once

#include <string_view>

namespace lienthong {

struct TextLayerQuality {
  int letters = 0;  // Vietnamese letters, and characters counted as foreign
  int valid = 0;
  int invalid = 0;
  int foreign = 0;
  int with_diacritics = 0;  // among `valid`

  int counted() const { return valid + invalid + foreign; }
  double valid_share() const { return counted() == 0 ? 0 : double(valid) / counted(); }
  double foreign_share() const { return counted() == 0 ? 0 : double(foreign) / counted(); }
  double diacritic_share() const { return valid == 0 ? 0 : double(with_diacritics) / valid; }
};

enum class TextLayerVerdict { kGood, kMissing, kGarbled, kNoDiacritics };

// Measures UTF-8 text (normalised to NFC first).
TextLayerQuality MeasureTextLayer(std::string_view utf8_text);
TextLayerVerdict JudgeTextLayer(const TextLayerQuality& quality);

// "good", "missing", "garbled", "no diacritics": for messages.
const char* TextLayerVerdictName(TextLayerVerdict verdict);

}  // namespace lienthong
