// Rebuilding visual lines from words placed on a page.
//
// PDF content streams draw text in any order — a two-column header is often drawn column by
// column, a signature block last — so reading order has to come from positions. A word belongs
// to a line when their vertical extents overlap by at least half the smaller height: words on
// one baseline overlap almost fully even when their sizes differ (a 12 pt motto beside a 13 pt
// issuer), while consecutive lines of single-spaced text overlap by less than a fifth. Words are
// taken top to bottom and each joins the open line it overlaps most; a line's extent is the
// running mean of its words' extents, so one tall word (a drop cap, a subscript) does not drag it
// into the next line. Lines are then ordered top to bottom and their words left to right.
//
// OCR already knows which words share a line (PositionedWord::group); such a group is placed as
// one unit, so a slightly skewed scan line is not cut into pieces, and groups from different
// columns at the same height still join one visual line.
//
// Example: "ỦY BAN NHÂN DÂN" at y 57–70 and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at y 57–70
// (drawn later) become one line "ỦY BAN NHÂN DÂN CỘNG HÒA ... NAM" with a 50 pt gap that
// column_blocks.h later cuts.
#pragma once

#include <string>
#include <vector>

#include "import/pdf/page_text.h"

namespace lienthong {

// Empty words are dropped. The result is ordered top to bottom.
std::vector<TextLine> BuildLines(std::vector<PositionedWord> words);

// The text of words [begin, end): a space after a word that has one (or when a visible gap
// separates two words), nothing between touching fragments of one word. Not normalised.
std::string JoinWords(const std::vector<PositionedWord>& words, size_t begin, size_t end);

}  // namespace lienthong
