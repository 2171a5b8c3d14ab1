// Page furniture: what the page layout adds to the text of a plan — page numbers ("- 2 -",
// "Trang 2", a lone "3") and lines repeated on many pages (a confidentiality note in the footer,
// a running header). Removed before anything else reads the lines.
#pragma once

#include <string>
#include <vector>

#include "import/import_warning.h"
#include "import/parse/parsed_line.h"

namespace lienthong::parse {

// Removes furniture in place; appends one warning per kind of line removed.
void RemovePageFurniture(std::vector<Line>* lines, int page_breaks, std::vector<ImportWarning>* warnings);

// "- 2 -", "Trang 2", "Trang 2/5", "2", "2/5".
bool IsPageNumberLine(std::string_view key);

}  // namespace lienthong::parse
