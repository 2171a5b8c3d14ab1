// From words placed on pages to the Blocks of a RawDocument: the layout rebuild shared by the
// PDF text layer and OCR (PDF pages without a usable text layer, and image files).
//
// For each page: lines are rebuilt (line_builder.h); page numbers and running headers/footers
// are found across all pages (page_furniture.h) and emitted with region kPageHeader or
// kPageFooter at their place; two-column blocks (column_blocks.h) become kTableRow blocks with
// cells [left, right] (table_index counts blocks through the document); every other line is one
// kParagraph (one block per visual line: paragraphs are not re-joined, hyphens not undone). A
// kPageBreak separates pages. Text is NFC; SourcePos is (1-based page, 1-based line on the
// page); a line is bold/italic when 90% of its letters are, and centred when its left and right
// indents from the text area differ by under 5% of the area's width and both are at least 10%
// (a short last line of a paragraph, or one with a first-line indent, is not centred).
#pragma once

#include <vector>

#include "import/pdf/page_text.h"
#include "import/raw_document.h"

namespace lienthong {

std::vector<Block> LayoutPages(const std::vector<PageText>& pages);

}  // namespace lienthong
