// Test-only: words placed by hand on a page, for the layout rebuild's tests without a PDF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import/pdf/page_text.h"

namespace lienthong::testing {

// Words of `text` (split at spaces) laid left to right from x, box [y, y + 14], 6 points per
// character (code point) and 3.5 points between words.
inline std::vector<PositionedWord> PlacedWords(std::string_view text, double x, double y,
                                               bool bold = false) {
  std::vector<PositionedWord> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    PositionedWord w;
    w.text = std::string(text.substr(start, end - start));
    double chars = 0;
    for (unsigned char c : w.text) chars += (c & 0xC0) != 0x80;
    w.x0 = x;
    w.x1 = x + 6.0 * chars;
    w.y0 = y;
    w.y1 = y + 14;
    w.bold = bold;
    x = w.x1 + 3.5;
    out.push_back(std::move(w));
    start = end + 1;
  }
  return out;
}

}  // namespace lienthong::testing
