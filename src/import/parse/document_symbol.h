// Finding document symbols in running text (vn-documents.md §1.5, §2.2):
//   Party  "57-NQ/TW", "02-KH/BCĐTW", "01-KHHĐ/BCĐ"      <number>-<TYPE>/<BODY>[-<BODY>]
//   State  "13/KH-UBND", "1883/QĐ-UBND"                  <number>/<TYPE>-<BODY>[-…]
//   Legal  "181/2024/NĐ-CP", "55/2024/QH15"               <number>/<year>/<ABBR>[-…]
// Dashes U+2010..U+2015 count as '-', and spaces around '/' and '-' are tolerated ("02- KH/BCĐ",
// "57-\nNQ/TW" after a line join). Abbreviations must start with a capital letter (mixed case such
// as "QyĐ", "CTr" is allowed), which keeps dates ("15/8/2025") and fractions out.
// A hand-written scanner: no regex is compiled, one pass over the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lienthong::parse {

struct SymbolHit {
  std::string symbol;  // normalised: no spaces, ASCII dashes
  size_t begin = 0;    // code points in the scanned text
  size_t end = 0;
};

std::vector<SymbolHit> FindDocumentSymbols(std::string_view text);

}  // namespace lienthong::parse
