// Re-joining paragraphs that text exports broke into lines ("… đồng bộ giữa" / "các cấp, …").
//
// A line continues the paragraph before it when
//   * it starts with a lower-case letter and carries no item label (a sentence never starts in
//     lower case, and "a)" / "- " start items); or
//   * the paragraph before does not end with . ; : ! ? and is not a numbered heading or a caps
//     heading (unless it ends in a word no sentence or heading ends with: "… thống nhất với",
//     "… của"), and this line is not an item, a caps line, a preamble start ("Căn cứ"), "Nơi
//     nhận", a signing line or a person's name.
// Table rows are never joined. The joined line keeps the position of its first line.
#pragma once

#include <vector>

#include "import/parse/parsed_line.h"

namespace lienthong::parse {

std::vector<Line> JoinParagraphs(const std::vector<Line>& lines, size_t begin, size_t end);

}  // namespace lienthong::parse
