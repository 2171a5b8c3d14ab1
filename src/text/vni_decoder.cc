// VNI-Windows: letters with diacritics are a base byte plus a mark byte. Byte values below are
// from UniKey's VNI-WIN table (vnconv data.cpp) and agree with VBKey's; vietnamese-conversion
// (npm) agrees too except for ỷ ỹ Ỷ Ỹ, where it is wrong (it reuses ë/ì, so ỹ and ì collide).
#include <optional>

#include "text/legacy_decoders.h"
#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong::text_internal {
namespace {

enum class Shape : uint8_t { kNone, kCircumflex, kBreve };

struct MarkByte {
  unsigned char lower;  // the byte after a lower-case base; after a capital it is 0x20 less
  Shape shape;
  Tone tone;
};

constexpr MarkByte kMarkBytes[] = {
    {0xF9, Shape::kNone, Tone::kAcute},       {0xF8, Shape::kNone, Tone::kGrave},
    {0xFB, Shape::kNone, Tone::kHook},        {0xF5, Shape::kNone, Tone::kTilde},
    {0xEF, Shape::kNone, Tone::kDot},         {0xE2, Shape::kCircumflex, Tone::kNone},
    {0xE1, Shape::kCircumflex, Tone::kAcute}, {0xE0, Shape::kCircumflex, Tone::kGrave},
    {0xE5, Shape::kCircumflex, Tone::kHook},  {0xE3, Shape::kCircumflex, Tone::kTilde},
    {0xE4, Shape::kCircumflex, Tone::kDot},   {0xEA, Shape::kBreve, Tone::kNone},
    {0xE9, Shape::kBreve, Tone::kAcute},      {0xE8, Shape::kBreve, Tone::kGrave},
    {0xFA, Shape::kBreve, Tone::kHook},       {0xFC, Shape::kBreve, Tone::kTilde},
    {0xEB, Shape::kBreve, Tone::kDot},
};

// Letters that are one byte on their own: đ, the toned i's, ỵ, and the bases ơ ư (which may
// also take a tone byte).
struct SingleByte {
  unsigned char lower;  // the capital is 0x20 less
  char32_t letter;      // lower-case
};

constexpr SingleByte kSingleBytes[] = {
    {0xF1, U'đ'}, {0xED, U'í'}, {0xEC, U'ì'}, {0xE6, U'ỉ'}, {0xF3, U'ĩ'},
    {0xF2, U'ị'}, {0xEE, U'ỵ'}, {0xF4, U'ơ'}, {0xF6, U'ư'},
};

struct Mark {
  Shape shape;
  Tone tone;
  bool upper;
};

std::optional<Mark> MarkOf(unsigned char b) {
  for (const MarkByte& m : kMarkBytes) {
    if (b == m.lower) return Mark{m.shape, m.tone, false};
    if (b == m.lower - 0x20) return Mark{m.shape, m.tone, true};
  }
  return std::nullopt;
}

std::optional<LetterParts> SingleByteLetter(unsigned char b) {
  for (const SingleByte& s : kSingleBytes) {
    if (b == s.lower || b == s.lower - 0x20) {
      LetterParts parts = *SplitLetter(s.letter);
      parts.upper = b != s.lower;
      return parts;
    }
  }
  return std::nullopt;
}

// Bytes that take a mark byte: a e o u y, ơ and ư, in either case.
std::optional<LetterParts> BaseOf(unsigned char b) {
  const unsigned char lower = (b >= 'A' && b <= 'Z') ? static_cast<unsigned char>(b + 0x20) : b;
  if (lower == 'a' || lower == 'e' || lower == 'o' || lower == 'u' || lower == 'y') {
    return LetterParts{lower, Tone::kNone, lower != b};
  }
  std::optional<LetterParts> single = SingleByteLetter(b);
  if (single && (single->base == U'ơ' || single->base == U'ư')) return single;
  return std::nullopt;
}

// The letter `base` + `mark` spell, or 0 when VNI has no such pair. Marks combine only with a
// base of the same case, which is how VNI keyboards write them and what keeps detection sharp.
char32_t Combine(const LetterParts& base, const Mark& mark) {
  if (base.upper != mark.upper) return 0;
  char32_t letter = base.base;
  if (mark.shape == Shape::kCircumflex) {
    if (letter != U'a' && letter != U'e' && letter != U'o') return 0;
    letter = letter == U'a' ? U'â' : letter == U'e' ? U'ê' : U'ô';
  } else if (mark.shape == Shape::kBreve) {
    if (letter != U'a') return 0;
    letter = U'ă';
  }
  return ComposeLetter(letter, mark.tone, base.upper);
}

}  // namespace

std::string DecodeVniWindows(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (i + 1 < bytes.size()) {
      const std::optional<LetterParts> base = BaseOf(b);
      const std::optional<Mark> mark = MarkOf(static_cast<unsigned char>(bytes[i + 1]));
      if (base && mark) {
        if (const char32_t letter = Combine(*base, *mark)) {
          AppendUtf8(letter, &out);
          ++i;
          continue;
        }
      }
    }
    if (const std::optional<LetterParts> single = SingleByteLetter(b)) {
      AppendUtf8(ComposeLetter(single->base, single->tone, single->upper), &out);
    } else {
      AppendUtf8(Cp1252Char(b), &out);
    }
  }
  return out;
}

}  // namespace lienthong::text_internal
