#include "text/keys.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/normalize.h"
#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong {
namespace {

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x200B || u_isUWhiteSpace(static_cast<UChar32>(c));
}

// Invisible characters that only affect line breaking or are a stray BOM.
bool IsDropped(char32_t c) { return c == 0x00AD || c == 0xFEFF || c == 0x2060; }

char32_t Fold(char32_t c, bool* other_non_ascii) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
  if (std::optional<LetterParts> parts = SplitLetter(c)) {
    return ComposeLetter(parts->base, parts->tone, /*upper=*/false);
  }
  *other_non_ascii = true;
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

// MatchKey as code points.
std::u32string MatchKeyCodePoints(std::string_view text) {
  const std::string nfc = ToNfc(text);
  std::u32string out;
  out.reserve(nfc.size());
  bool pending_space = false;
  bool other_non_ascii = false;
  size_t pos = 0;
  while (pos < nfc.size()) {
    const char32_t c = DecodeUtf8(nfc, &pos);
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (IsDropped(c)) {
      other_non_ascii = true;  // dropping it may bring a mark next to a letter it composes with
      continue;
    }
    if (pending_space) out.push_back(U' ');
    pending_space = false;
    out.push_back(Fold(c, &other_non_ascii));
  }
  // Folding a non-Vietnamese character can, rarely, leave a sequence that NFC would compose;
  // normalise again so the key stays idempotent.
  if (other_non_ascii) out = Utf8ToUtf32(ToNfc(Utf32ToUtf8(out)));
  PlaceTones(&out, ToneStyle::kTraditional);
  return out;
}

const icu::Normalizer2* NfdInstance() {
  static const icu::Normalizer2* const kNfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return kNfd;
}

// Diacritics: nonspacing and enclosing marks. Spacing marks (Mc, e.g. Indic vowel signs) are
// letters in their own right and stay.
bool IsMark(UChar32 c) {
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK;
}

// Appends `c` without its combining marks ("ǖ" -> "u"); characters whose decomposition has no
// mark (Hangul, CJK compatibility letters) are kept whole so the key stays NFC.
void AppendWithoutMarks(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
    return;
  }
  if (std::optional<LetterParts> parts = SplitLetter(c)) {
    out->push_back(AsciiOfBase(parts->base));
    return;
  }
  if (IsMark(static_cast<UChar32>(c))) return;
  icu::UnicodeString decomposition;
  const icu::Normalizer2* nfd = NfdInstance();
  if (nfd == nullptr || !nfd->getDecomposition(static_cast<UChar32>(c), decomposition)) {
    AppendUtf8(c, out);
    return;
  }
  std::string stripped;
  bool had_mark = false;
  for (int32_t i = 0; i < decomposition.length();) {
    const UChar32 d = decomposition.char32At(i);
    i += U16_LENGTH(d);
    if (IsMark(d)) {
      had_mark = true;
    } else {
      AppendUtf8(static_cast<char32_t>(d), &stripped);
    }
  }
  if (had_mark) {
    out->append(stripped);
  } else {
    AppendUtf8(c, out);
  }
}

}  // namespace

std::string MatchKey(std::string_view text) { return Utf32ToUtf8(MatchKeyCodePoints(text)); }

std::string SearchKey(std::string_view text) {
  const std::u32string key = MatchKeyCodePoints(text);
  std::string out;
  out.reserve(key.size());
  for (char32_t c : key) {
    // A mark standing after a space disappears here; do not let it leave two spaces behind.
    if (c == U' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    AppendWithoutMarks(c, &out);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace lienthong
