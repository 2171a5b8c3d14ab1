// The shape of one written Vietnamese syllable: onset consonant(s), a vowel nucleus (with its
// glides), an optional final consonant, and at most one tone. Tone placement (tone_style.h) needs
// the nucleus; legacy-encoding detection (legacy_encoding.h) needs a yes/no validity check.
//
// Syllables are given as their base letters (vietnamese_letters.h): lower-case, toneless, e.g.
// "thuyên" for "Thuyền". Onsets "qu" and "gi" count as consonants when another vowel follows, so
// the nucleus of "quả" is "a" and of "giữa" is "ưa", while "gìn" is g + "i" + n.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "text/vietnamese_letters.h"

namespace lienthong {

struct SyllableShape {
  size_t nucleus_begin = 0;  // index into the base letters
  size_t nucleus_end = 0;    // one past the last vowel
  bool closed = false;       // a final consonant (c ch m n ng nh p t) follows the nucleus
};

// The shape when `bases` is onset + a known nucleus + a coda that nucleus allows; nullopt for
// anything else ("hoax", "wifi", "xyz", "") — callers then leave the word alone.
std::optional<SyllableShape> ParseSyllable(std::u32string_view bases);

// ParseSyllable plus the tone rule for stop finals: after c, ch, p, t only sắc or nặng occur.
bool IsValidSyllable(std::u32string_view bases, Tone tone);

}  // namespace lienthong
