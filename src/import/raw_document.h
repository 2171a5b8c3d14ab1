// RawDocument: what every reader (text/Markdown, DOCX, PDF, OCR) produces — one stream of
// blocks with where each came from — so the parser never knows which format it reads.
#pragma once

#include <string>
#include <vector>

#include "import/import_warning.h"

namespace lienthong {

enum class BlockKind {
  kParagraph,  // a line or paragraph of running text
  kHeading,    // a Markdown '#' line or a Word heading style
  kTableRow,   // one row of a table; `cells` holds its cells, `text` the cells joined by " | "
  kPageBreak,  // a page ends here (PDF pages, Word page breaks, form feeds)
};

// Where a block came from, for messages and for showing the original beside the parse.
struct SourcePos {
  int page = 0;  // 1-based; 0 when the format has no pages
  int line = 0;  // 1-based line (text), paragraph (DOCX) or line on the page (PDF/OCR)
};

// Which part of the page the block sits in. Page headers and footers are kept apart from the
// body, and the two-column top of an official document (issuer left, national motto or party
// name right) is kept as two columns rather than interleaved.
enum class BlockRegion { kBody, kPageHeader, kPageFooter };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  BlockRegion region = BlockRegion::kBody;
  std::string text;                // NFC UTF-8, without Markdown/HTML markup
  std::vector<std::string> cells;  // kTableRow only; a merged cell repeats its text once
  int table_index = -1;            // kTableRow: which table of the document (0-based)
  int heading_level = 0;           // kHeading: 1 for '#', Word "Heading 1"…
  std::string list_label;          // Word automatic numbering rendered as text ("1.", "a)")
  bool bold = false;               // all (or nearly all) of the text is bold
  bool italic = false;
  bool centered = false;
  SourcePos pos;
};

struct RawDocument {
  std::string source_name;           // the file name as given
  std::string format;                // "text", "markdown", "docx", "pdf", "pdf-ocr", "image-ocr"
  std::string encoding;              // how the bytes were decoded ("utf-8", "tcvn3", …)
  std::vector<Block> blocks;
  std::vector<ImportWarning> warnings;  // coded (import_warning.h): page_ocr, page_not_read…

  // The text came (in part) from OCR: its letters may be misread, not misprinted.
  bool ReadByOcr() const { return format.ends_with("-ocr"); }
};

}  // namespace lienthong
