#include "import/pdf/page_text.h"

#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong {

bool HasLetterOrDigit(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    char32_t c = DecodeUtf8(text, &pos);
    if ((c >= U'0' && c <= U'9') || SplitLetter(c).has_value()) return true;
    // Other scripts count as letters; Latin-1 punctuation, general punctuation, arrows, math,
    // shapes and dingbats do not.
    bool symbol = c < 0x80 || (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
                  (c >= 0x2000 && c <= 0x2BFF) || c == kReplacementChar;
    if (!symbol) return true;
  }
  return false;
}

}  // namespace lienthong
