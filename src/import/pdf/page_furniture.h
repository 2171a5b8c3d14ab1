// Page furniture: the lines a word processor repeats on every page — page numbers, running
// headers and footers — which must not end up inside the body text.
//
// Candidates are the first two and last two lines of each page that lie in its top or bottom
// 12% (margins of Decree 30 documents are 20–25 mm of 297). A candidate is furniture when
//   - it is a page number: digits, optionally "Trang"/"Page" before, "/ N" or "of N" after,
//     or dashes around ("- 2 -"); or
//   - the same text, with digits ignored, is a candidate at the same end of another page.
// Top furniture becomes kPageHeader and bottom furniture kPageFooter. A single page can only
// have page-number furniture, since nothing repeats.
#pragma once

#include <string_view>
#include <vector>

#include "import/pdf/page_text.h"
#include "import/raw_document.h"

namespace lienthong {

struct PageLines {
  double width = 0;
  double height = 0;
  std::vector<TextLine> lines;  // top to bottom
};

// For every page, one region per line: kBody, kPageHeader or kPageFooter.
std::vector<std::vector<BlockRegion>> FindPageFurniture(const std::vector<PageLines>& pages);

// True for "3", "- 3 -", "Trang 3", "Page 3 of 7", "3/7".
bool LooksLikePageNumber(std::string_view text);

}  // namespace lienthong
