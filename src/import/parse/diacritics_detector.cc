#include "import/parse/diacritics_detector.h"

#include <cctype>

#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong::parse {
namespace {

bool IsVowelAscii(char c) {
  switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y':
      return true;
    default:
      return false;
  }
}

// Repairs one string; returns the number of changes.
int RepairText(std::string* text) {
  std::string out;
  out.reserve(text->size() + 8);
  int changes = 0;
  const std::string& t = *text;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    const bool word_start = i == 0 || !(std::isalnum(static_cast<unsigned char>(t[i - 1])) ||
                                        (static_cast<unsigned char>(t[i - 1]) & 0x80));
    if (c == 'P' && word_start && i + 1 < t.size()) {
      // The next code point's base must be a vowel (ASCII or a Vietnamese vowel letter).
      size_t p = i + 1;
      const char32_t next = DecodeUtf8(t, &p);
      bool vowel = next < 0x80 ? IsVowelAscii(static_cast<char>(next)) : false;
      if (!vowel) {
        if (auto parts = SplitLetter(next)) vowel = IsVowelBase(parts->base);
      }
      if (vowel) {
        out += "Đ";
        ++changes;
        continue;
      }
    }
    if (c == '\'' && i > 0 && i + 1 < t.size() && std::isalpha(static_cast<unsigned char>(t[i - 1])) &&
        std::isalpha(static_cast<unsigned char>(t[i + 1]))) {
      ++changes;
      continue;
    }
    out.push_back(c);
  }
  if (changes > 0) *text = std::move(out);
  return changes;
}

}  // namespace

DiacriticsStats MeasureDiacritics(const std::vector<Line>& lines, size_t begin, size_t end) {
  DiacriticsStats s;
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    s.words += lines[i].letters.words;
    s.ascii_words += lines[i].letters.ascii_words;
  }
  return s;
}

int RepairOcrLetters(std::vector<Line>* lines) {
  int changes = 0;
  for (Line& l : *lines) {
    int n = RepairText(&l.text);
    for (std::string& c : l.cells) n += RepairText(&c);
    if (n > 0) {
      changes += n;
      l.SetText(std::move(l.text));
    }
  }
  return changes;
}

}  // namespace lienthong::parse
