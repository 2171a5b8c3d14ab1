// VIQR (RFC 1456, "Vietnamese Quoted-Readable"): "Vie^.t Nam" = "Việt Nam". After a vowel come
// at most one shape mark — "(" breve on a, "^" circumflex on a e o, "+" horn on o u — then at
// most one tone mark: ' sắc, ` huyền, ? hỏi, ~ ngã, . nặng. "dd" is đ. A backslash before a mark
// character keeps it literal ("Ha\. Noi" is not "Hạ Noi"); the format is ambiguous with ordinary
// punctuation, which is why DecodeText only uses it when asked to.
#include <optional>

#include "text/legacy_decoders.h"
#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong::text_internal {
namespace {

bool IsAsciiVowel(char c) {
  return std::string_view("aeiouyAEIOUY").find(c) != std::string_view::npos;
}

bool IsMarkChar(char c) { return std::string_view("(^+'`?~.").find(c) != std::string_view::npos; }

// The tone marks in Tone order after kNone: huyền ` hỏi ? ngã ~ sắc ' nặng .
std::optional<Tone> ToneOf(char c) {
  constexpr std::string_view kToneChars = "`?~'.";
  const size_t i = kToneChars.find(c);
  if (i == std::string_view::npos) return std::nullopt;
  return static_cast<Tone>(i + 1);
}

// The vowel base `shape` turns `vowel` (lower-case ASCII) into, or 0 when it does not apply.
char32_t Shaped(char vowel, char shape) {
  switch (shape) {
    case '(':
      return vowel == 'a' ? U'ă' : 0;
    case '^':
      return vowel == 'a' ? U'â' : vowel == 'e' ? U'ê' : vowel == 'o' ? U'ô' : 0;
    case '+':
      return vowel == 'o' ? U'ơ' : vowel == 'u' ? U'ư' : 0;
    default:
      return 0;
  }
}

}  // namespace

std::string DecodeViqr(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const size_t n = bytes.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = bytes[i];
    if (c == '\\' && i + 1 < n &&
        (IsMarkChar(bytes[i + 1]) || bytes[i + 1] == '\\' || bytes[i + 1] == 'd' ||
         bytes[i + 1] == 'D')) {
      out.push_back(bytes[++i]);
      continue;
    }
    if ((c == 'd' || c == 'D') && i + 1 < n && (bytes[i + 1] == 'd' || bytes[i + 1] == 'D')) {
      AppendUtf8(c == 'D' ? U'Đ' : U'đ', &out);
      ++i;
      continue;
    }
    if (!IsAsciiVowel(c)) {
      out.push_back(c);
      continue;
    }
    const bool upper = c >= 'A' && c <= 'Z';
    const char lower = upper ? static_cast<char>(c - 'A' + 'a') : c;
    char32_t base = static_cast<char32_t>(lower);
    if (i + 1 < n) {
      if (const char32_t shaped = Shaped(lower, bytes[i + 1])) {
        base = shaped;
        ++i;
      }
    }
    Tone tone = Tone::kNone;
    if (i + 1 < n) {
      if (std::optional<Tone> t = ToneOf(bytes[i + 1])) {
        tone = *t;
        ++i;
      }
    }
    AppendUtf8(ComposeLetter(base, tone, upper), &out);
  }
  return out;
}

}  // namespace lienthong::text_internal
