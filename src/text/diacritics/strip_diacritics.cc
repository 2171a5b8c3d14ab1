#include "text/diacritics/strip_diacritics.h"

#include "text/normalize.h"
#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong::diacritics {

std::string StripDiacritics(std::string_view text) {
  const std::string nfc = ToNfc(text);
  std::string out;
  out.reserve(nfc.size());
  size_t pos = 0;
  while (pos < nfc.size()) {
    const char32_t c = DecodeUtf8(nfc, &pos);
    const std::optional<LetterParts> parts = c < 0x80 ? std::nullopt : SplitLetter(c);
    if (!parts) {
      AppendUtf8(c, &out);
      continue;
    }
    const char ascii = AsciiOfBase(parts->base);
    out.push_back(parts->upper ? static_cast<char>(ascii - 'a' + 'A') : ascii);
  }
  return out;
}

}  // namespace lienthong::diacritics
