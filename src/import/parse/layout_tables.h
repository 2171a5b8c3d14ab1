// Layout tables: Word and PDF documents lay out the header (issuer | motto, number | date) and the
// closing block (recipients | signature) as borderless two-column tables. Their rows are not
// data; this step turns them back into lines so the header and closing parsers read every format
// the same way.
//   * a header table (a cell holds the motto, the Party name, a number line or a place-and-date)
//     is read row by row, left cell first — how a text export of the same page reads;
//   * a closing table (a cell starts with "Nơi nhận", holds a signing prefix, or holds a caps
//     position above a person's name) is read column by column — the recipients list, then the
//     signature — so neither is interleaved with the other.
// Other tables (task tables, data) are left alone. A row with the motto or the Party name, and a
// row with a cell opening with "Nơi nhận", start a table of their own (the closing one ends
// before the next row of more than three cells): a web page may hold its metadata rows, the
// document's header and its own footer in one table.
#pragma once

#include <vector>

#include "import/parse/parsed_line.h"

namespace lienthong::parse {

void ExpandLayoutTables(std::vector<Line>* lines);

}  // namespace lienthong::parse
