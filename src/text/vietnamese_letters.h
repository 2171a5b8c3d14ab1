// The Vietnamese alphabet as data: every precomposed letter split into (base letter, tone, case)
// and back. Tone placement, search keys and the syllable validator all work on these parts, which
// is much faster than asking ICU to decompose each character.
//
// Base letters are lower-case and toneless: the vowels a ă â e ê i o ô ơ u ư y, the consonant đ,
// and the ASCII consonants. Tones are the five marks of vn-documents.md §3.1 plus "none".
#pragma once

#include <cstdint>
#include <optional>

namespace lienthong {

enum class Tone : uint8_t {
  kNone = 0,
  kGrave,  // huyền  U+0300
  kHook,   // hỏi    U+0309
  kTilde,  // ngã    U+0303
  kAcute,  // sắc    U+0301
  kDot,    // nặng   U+0323
};
inline constexpr int kToneCount = 6;

struct LetterParts {
  char32_t base = 0;  // lower-case, toneless
  Tone tone = Tone::kNone;
  bool upper = false;
};

// Splits an NFC Vietnamese letter (any of a-z, A-Z, đ, Đ and the 134 precomposed letters).
// nullopt for anything else, including letters of other languages such as "ç" or "ñ".
std::optional<LetterParts> SplitLetter(char32_t c);

// The inverse of SplitLetter; 0 when the combination does not exist (e.g. a tone on "b").
char32_t ComposeLetter(char32_t base, Tone tone, bool upper);

// True for the twelve vowel bases a ă â e ê i o ô ơ u ư y.
bool IsVowelBase(char32_t base);

// The ASCII letter a base letter is written with when every diacritic is removed ("ơ" -> 'o',
// "đ" -> 'd'); 0 when `base` is not a Vietnamese base letter.
char AsciiOfBase(char32_t base);

}  // namespace lienthong
