#include "text/tone_style.h"

#include <unicode/uchar.h>

#include "text/normalize.h"
#include "text/syllable.h"
#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong {
namespace {

// Words longer than this are not syllables ("nghiêng", the longest, has 7 letters).
constexpr size_t kMaxSyllableLength = 8;

bool HasModifiedVowel(char32_t base) {
  return base == U'ă' || base == U'â' || base == U'ê' || base == U'ô' || base == U'ơ' ||
         base == U'ư';
}

bool IsOaOeUy(char32_t first, char32_t second) {
  return (first == U'o' && (second == U'a' || second == U'e')) || (first == U'u' && second == U'y');
}

size_t TonePosition(std::u32string_view bases, const SyllableShape& shape, ToneStyle style) {
  const size_t begin = shape.nucleus_begin;
  const size_t count = shape.nucleus_end - begin;
  for (size_t i = shape.nucleus_end; i > begin; --i) {
    if (HasModifiedVowel(bases[i - 1])) return i - 1;
  }
  if (count >= 3) return begin + 1;
  if (count == 2) {
    const bool second = IsOaOeUy(bases[begin], bases[begin + 1])
                            ? (shape.closed || style == ToneStyle::kModern)
                            : shape.closed;
    return second ? begin + 1 : begin;
  }
  return begin;
}

// A character that continues a word without being a Vietnamese letter (so the word is skipped).
bool IsOtherWordChar(char32_t c) {
  if (c < 0x80) return false;
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return u_isalpha(static_cast<UChar32>(c)) || type == U_NON_SPACING_MARK ||
         type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

// Re-places the tone of the word text[begin, end), all of whose letters split.
void PlaceWordTone(std::u32string* text, size_t begin, size_t end, ToneStyle style) {
  const size_t length = end - begin;
  if (length > kMaxSyllableLength) return;
  char32_t bases[kMaxSyllableLength];
  LetterParts parts[kMaxSyllableLength];
  Tone tone = Tone::kNone;
  size_t tone_at = 0;
  for (size_t i = 0; i < length; ++i) {
    parts[i] = *SplitLetter((*text)[begin + i]);
    bases[i] = parts[i].base;
    if (parts[i].tone != Tone::kNone) {
      if (tone != Tone::kNone) return;  // two tones: not a syllable we understand
      tone = parts[i].tone;
      tone_at = i;
    }
  }
  if (tone == Tone::kNone) return;
  const std::u32string_view word(bases, length);
  const std::optional<SyllableShape> shape = ParseSyllable(word);
  if (!shape) return;
  const size_t target = TonePosition(word, *shape, style);
  if (target == tone_at) return;
  (*text)[begin + tone_at] = ComposeLetter(bases[tone_at], Tone::kNone, parts[tone_at].upper);
  (*text)[begin + target] = ComposeLetter(bases[target], tone, parts[target].upper);
}

}  // namespace

void PlaceTones(std::u32string* text, ToneStyle style) {
  size_t i = 0;
  const size_t n = text->size();
  while (i < n) {
    if (!SplitLetter((*text)[i]) && !IsOtherWordChar((*text)[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    bool all_vietnamese = true;
    while (i < n) {
      const char32_t c = (*text)[i];
      if (SplitLetter(c)) {
        ++i;
      } else if (IsOtherWordChar(c)) {
        all_vietnamese = false;
        ++i;
      } else {
        break;
      }
    }
    if (all_vietnamese) PlaceWordTone(text, begin, i, style);
  }
}

std::string ToToneStyle(std::string_view text, ToneStyle style) {
  std::u32string code_points = Utf8ToUtf32(ToNfc(text));
  PlaceTones(&code_points, style);
  return Utf32ToUtf8(code_points);
}

}  // namespace lienthong
