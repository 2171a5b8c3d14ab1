// Tone-mark placement: the "traditional" (kiểu cũ: hòa, thủy, khỏe) and "modern" (kiểu mới: hoà,
// thuỷ, khoẻ) styles differ only for oa, oe, uy in open syllables (vn-documents.md §3.2). Official
// texts mix both, so anything that compares text first rewrites it into one style.
//
// Per syllable (a maximal run of letters) whose letters are all Vietnamese:
//   1. split into base letters + tone; leave the word alone if it has no tone, two tones, or is
//      not a valid syllable (ParseSyllable) — foreign words and acronyms pass through unchanged;
//   2. nucleus = the vowel run after the onset, where "qu" and "gi" count as onsets;
//   3. the tone goes on
//      a. the last of ă â ê ô ơ ư in the nucleus, if any ("thuyền", "người", "giữa");
//      b. else, in a three-vowel nucleus, the middle vowel ("ngoài", "khuỷu");
//      c. else, in a two-vowel nucleus: for oa/oe/uy the 2nd when the syllable is closed or the
//         style is modern, otherwise the 1st; for other pairs the 2nd when closed, else the 1st
//         ("mía", "của", "hoàn", "hòa"/"hoà");
//      d. else the single vowel.
//   4. re-compose and keep each letter's case ("HOÀ" -> "HÒA").
// Worked example, "Uỷ" traditional: bases "uy", tone hỏi on index 1; no onset; nucleus "uy" is
// open and oa/oe/uy -> index 0 -> "Ủy".
//
// Thread safety: pure functions over immutable tables.
#pragma once

#include <string>
#include <string_view>

namespace lienthong {

enum class ToneStyle {
  kTraditional,  // hòa, thủy, khỏe, Ủy ban — the canonical form inside MatchKey
  kModern,       // hoà, thuỷ, khoẻ, Uỷ ban
};

// `text` NFC-normalised and every Vietnamese syllable written in `style`; case, spacing and all
// other characters are kept. For display and export.
std::string ToToneStyle(std::string_view text, ToneStyle style);

// In-place version on code points, for callers that already hold NFC UTF-32 (keys.cc).
void PlaceTones(std::u32string* text, ToneStyle style);

}  // namespace lienthong
