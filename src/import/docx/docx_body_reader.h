// Turns the block-level content of one WordprocessingML part — the w:body of document.xml, or
// the root of a header or footer part — into Blocks.
//
// Paragraphs (w:p): the text of their runs (w:t; w:tab -> '\t'; w:br, w:cr -> '\n'), including
// runs inside hyperlinks, fields (cached results), content controls, smart tags and tracked
// insertions; deleted text and field instructions are left out, as are drawings and text boxes.
// Runs of spaces collapse to one and each paragraph is trimmed. A run in a legacy Vietnamese
// font is decoded (legacy_font_text.h). An explicit page break (w:br w:type="page",
// w:pageBreakBefore, or a section break that starts a new page) becomes a kPageBreak block;
// w:lastRenderedPageBreak is only where Word last happened to break and is ignored. A paragraph
// in a "heading N" style becomes kHeading; its automatic number goes to `list_label`; it is
// bold/italic when at least 90% of its letters are; centred when justified "center". Empty
// paragraphs produce no block (their list counter still advances, as in Word).
//
// Tables (w:tbl): one kTableRow per w:tr with one cell per w:tc, so a horizontally merged cell
// (w:gridSpan, legacy w:hMerge) appears once. A vertically continued cell (w:vMerge without
// "restart") repeats the text of the cell above it in the same grid column: a reader of one row
// then sees the whole row, e.g. the lead unit shared by several tasks. Cell text is its
// paragraphs joined by '\n', each prefixed by its list label ("1.", for a numbered STT
// column); a nested table is flattened into the cell text, one row per line with cells joined
// by " | ". Empty rows are dropped, and so is a column that is empty in every row of a table
// (the spacer column between the two halves of an official header). Nesting deeper than 16
// tables is ignored.
//
// Thread safety: one reader per part; not shared.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "import/docx/docx_numbering.h"
#include "import/docx/docx_styles.h"
#include "import/raw_document.h"

namespace lienthong::docx {

struct ParagraphContent {
  std::vector<std::string> segments;  // NFC text between explicit page breaks (at least one)
  std::string list_label;
  bool bold = false;
  bool italic = false;
  bool centered = false;
  int heading_level = 0;
  bool page_break_before = false;
  bool section_break_after = false;  // a section break that starts a new page
};

class DocxBodyReader {
 public:
  // `next_table_index` numbers top-level tables across all parts of one document.
  DocxBodyReader(const DocxStyles* styles, DocxNumbering* numbering, BlockRegion region,
                 int* next_table_index)
      : styles_(styles),
        numbering_(numbering),
        region_(region),
        next_table_index_(next_table_index) {}

  // Appends the blocks of `container`'s children to `out`.
  void Read(const pugi::xml_node& container, std::vector<Block>* out);

  // Which legacy encodings were decoded ("tcvn3", "vni-windows"), for RawDocument::encoding.
  const std::vector<std::string>& legacy_encodings_used() const { return legacy_used_; }

 private:
  void ReadChildren(const pugi::xml_node& container, std::vector<Block>* out);
  void EmitParagraph(const pugi::xml_node& p, std::vector<Block>* out);
  void EmitTable(const pugi::xml_node& tbl, std::vector<Block>* out);
  void AddPageBreak(std::vector<Block>* out);

  ParagraphContent ReadParagraph(const pugi::xml_node& p);
  // One row per w:tr, one string per w:tc (after merging); `bold` gets one flag per row.
  std::vector<std::vector<std::string>> ReadTableCells(const pugi::xml_node& tbl, int depth,
                                                       std::vector<bool>* bold,
                                                       std::vector<int>* first_paragraph);
  std::string ReadCellText(const pugi::xml_node& tc, int depth, bool* bold);

  const DocxStyles* styles_;
  DocxNumbering* numbering_;
  BlockRegion region_;
  int* next_table_index_;
  int paragraph_count_ = 0;
  std::vector<std::string> legacy_used_;
};

}  // namespace lienthong::docx
