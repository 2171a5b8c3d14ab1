// Words placed on a page: what a PDF text layer and OCR both produce, and what the layout
// rebuild (line_builder.h, column_blocks.h, page_layout.h) turns into Blocks.
//
// Coordinates are PDF points (1/72 inch) with the origin at the top-left corner of the page and
// y growing downwards, whatever the source: OCR converts pixels with the image resolution.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lienthong {

struct PositionedWord {
  std::string text;                       // UTF-8, one word (no spaces), not yet normalised
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // bounding box: left, top, right, bottom
  bool space_after = true;                // false when the next word of the line touches this one
  bool bold = false;
  bool italic = false;
  int group = -1;  // words with the same group >= 0 are known to share a line (OCR line ids)
  int block = -1;  // OCR text block: tesseract puts the two columns of a header in two blocks
  float confidence = 100;  // OCR word confidence, 0–100 (100 for a text layer)

  double height() const { return y1 - y0; }
  double center_y() const { return (y0 + y1) / 2; }
};

// A table drawn with rules (ruled_tables.h): its rows, each with the x of the rules between its
// cells.
struct RuledRow {
  double y0 = 0, y1 = 0;        // between two rules
  std::vector<double> columns;  // x of the vertical rules crossing the row, left to right
  std::vector<bool> merged_above;  // per cell: no rule above it, the cell above goes on here
};

struct RuledTable {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the outer rules
  std::vector<RuledRow> rows;             // top to bottom
};

struct PageText {
  double width = 0;  // page size in points
  double height = 0;
  std::vector<PositionedWord> words;  // in content-stream (or OCR) order
  std::vector<RuledTable> tables;     // found from the rendered page, when it was looked at
};

// One visual line: words sharing a baseline, left to right.
struct TextLine {
  std::vector<PositionedWord> words;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // union of the word boxes
  double height() const { return y1 - y0; }
};

// True when `text` has a letter (of any script) or a digit; false for words made only of
// punctuation and symbols — dashes, quotes, bullets, OCR specks such as "¬" or "—".
bool HasLetterOrDigit(std::string_view text);

}  // namespace lienthong
