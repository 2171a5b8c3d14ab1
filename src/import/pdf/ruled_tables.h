// Ruled tables found from the rules drawn on a rendered page.
//
// A PDF's text layer has no tables: an appendix "phân công nhiệm vụ" arrives as words placed in
// its cells, and read line by line its rows run straight across the columns ("Tổ chức lại Ban
// Chỉ huy Bộ CHQS Văn phòng Trước …"). Poppler's text API does not give the drawn lines, so the
// page is rendered small (72 dpi) and the rules are read off the pixels:
//   * a horizontal rule is a run of dark pixels at least kMinRuleShare of the page wide, a few
//     pixels thick at most (thicker is a filled shape, not a rule); a vertical rule likewise, at
//     least kMinVerticalPoints tall;
//   * a table is a stack of at least three horizontal rules that span the same x extent (within
//     a few points), crossed by at least two vertical rules inside it (so at least two columns);
//     a rule that spans half the table's width or more bounds a row (a cell merged across rows
//     leaves the rule short in its column);
//   * the columns of a row are the vertical rules that cross the middle of that row: a group row
//     merged across the table is one wide cell.
// Coordinates are PDF points, top-left origin (page_text.h).
#pragma once

#include <vector>

#include "import/ocr/ocr_engine.h"
#include "import/pdf/page_text.h"

namespace lienthong {

// `image` is the page rendered at image.dpi; `page_width` and `page_height` are the page's size
// in points. At most kMaxTables tables per page.
std::vector<RuledTable> FindRuledTables(const GrayImage& image, double page_width, double page_height);

}  // namespace lienthong
