// Finding the two-column blocks of an official document on a page of rebuilt lines.
//
// Decree 30/2020 (vn-documents.md §1.2) lays the top of page 1 out as a borderless two-column
// table — issuing body left, national motto (or party name) right, then "Số: ..." left and
// "Place, ngày ..." right — and the end as another — "Nơi nhận:" and the recipients left, the
// signing authority, title and name right. Rebuilt lines read straight across such a table,
// so "UBND TỈNH X CỘNG HÒA XÃ HỘI ..." would mix the issuer with the motto. This file cuts
// those lines back into their two cells.
//
// A line is *split* when its widest gap between neighbouring words is a column gap: at least
// 2 line heights and 4% of the page width, at least three times any other gap of the line
// (justified text widens every gap of a line alike), and centred somewhere in the middle 60% of
// the text area. On an OCR page a line is also split where its words pass from one of
// tesseract's text blocks to another (once, left to right): tesseract's page layout separates
// the two columns of a header even where they almost touch. A split line starts a block, whose column boundary is the interval between
// the right edge of its left part and the left edge of its right part. Following lines join
// the block while they keep to the columns:
//   - another split line whose gap overlaps the boundary interval (the interval narrows to the
//     overlap);
//   - a line wholly left of the interval (the "V/v ..." summary of a công văn under "Số:", the
//     recipients under "Nơi nhận:") or wholly right of it (the signer's name under the space
//     left for the signature), unless it is centred on the text area — the "KẾ HOẠCH" title
//     under the header is centred and ends the block. Only words with a letter or digit count
//     here: the "*" a party header prints under its issuer, level with the place and date,
//     stays in the left cell of that row, and a speck does not make a line cross;
// and stop at any line that crosses the boundary, or after a vertical gap of more than eight
// line heights. In the top 30% of page 1, up to three lines right above the block's first
// split line join it when some gap between their words, however narrow, leaves that line's
// boundary interval free (a header's first line, where a long issuer name nearly touches the
// motto), or when they keep to one column (on a scan the first wide gap may come only at the
// "V/v" or date line, under an issuer and a "Số:" line).
// A block is kept only where official documents have one: starting within the
// first three lines and the top 30% of page 1 (the header), or, with at least two split lines,
// ending within two lines of the end of a page's text (the signature block, which closes the
// body; an appendix starts on a new page). Elsewhere a run of split lines is far more likely
// the rows of a ruled table, which cutting in two would garble; its first line stays ordinary
// text and the search goes on.
//
// Worked example (x in points; text area 85–535, centre 310):
//   "ỦY BAN NHÂN DÂN" 115–233 | gap 50 | "CỘNG HÒA ... NAM" 283–533     split, interval 233–283
//   "XÃ HÒA BÌNH" 113–235 | gap 101 | "Độc lập - Tự do - Hạnh phúc" 336–495
//                                                          split, interval narrows to 235–283
//   "V/v tổ chức Ngày hội Đại đoàn kết" 99–249             left only (249 < 283): joins
//   "Kính gửi: Ban Công tác Mặt trận các thôn" 150–470      crosses: the block ends
// giving rows ["ỦY BAN NHÂN DÂN", "CỘNG HÒA ..."], ["XÃ HÒA BÌNH", "Độc lập ..."],
// ["V/v tổ chức ...", ""].
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "import/pdf/page_text.h"

namespace lienthong {

struct ColumnRow {
  size_t line = 0;   // index into the lines given
  size_t split = 0;  // words [0, split) are the left cell, [split, n) the right cell
};

struct ColumnBlock {
  std::vector<ColumnRow> rows;  // consecutive lines, top to bottom
};

// `lines` are one page's body lines (page furniture removed), top to bottom.
// `closing_right_column`: set when the page before ended inside its closing block (the
// recipients and the signature go on at the top of this page), to where that block's right
// column started (x, points); this page's lines from the top may then be cut at it without a
// "Nơi nhận" line of their own.
std::vector<ColumnBlock> FindColumnBlocks(const std::vector<TextLine>& lines, double page_width,
                                          double page_height, bool first_page,
                                          std::optional<double> closing_right_column = std::nullopt);

}  // namespace lienthong
