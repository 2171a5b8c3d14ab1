// The layout of a document copied from a web page (a legal-document site saved as Markdown or
// text), undone line by line before the text reader builds blocks:
//
//   * Lines wrapped inside a bold or italic run ("**ỦY BAN NHÂN" / "DÂN**", "*Hà Nội, ngày 28" /
//     "tháng 11 năm 2025*") are joined until the run closes — within 6 lines, never across a
//     blank line; a run that never closes leaves its lines alone.
//   * The page's HTML tables arrive flattened, one cell per run of lines, cells separated by
//     lines holding only "|", rows by two such lines in a row:
//         |                      <- a row starts
//         Số: 552/KH-UBND        <- cell 1
//         |
//         *Đồng Tháp, ngày …*    <- cell 2
//         |                      <- the row ends …
//         |                      <- … and the next starts
//     They are rebuilt as table rows. The rows' width is the first row's until two later rows
//     agree on a widest width; a row that has that many cells and is followed by text (not by
//     "|") ends the table, so the body after a two-column header is not taken for a cell. A
//     blank line after a "|" ends the table too: pages put blank lines around tables, never
//     inside. A table of one row is read as lines (a recipients | signature block); a first row
//     wider than all later rows holds text from before the table in its extra leading cells
//     (the signature block and an appendix title, when the page has no blank lines), which are
//     read as lines too. A cell's wrapped lines are joined ("Bộ Khoa học và" / "Công nghệ"); a line stays apart when the one
//     before ends a sentence (. ; : ! ?), when it starts a list item or number, or when either
//     is in capitals and it does not start in lower case (the header's "UBND TỈNH X" above "SỞ
//     Y", "PHÓ CHỦ TỊCH" above the signer's name). A cell of more than kMaxCellLines lines or
//     kMaxCellBytes bytes is no cell: the table ends before it and its lines are text.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lienthong {

class TextLineSink {
 public:
  virtual ~TextLineSink() = default;
  // One line as read (markup still in it), or several joined with spaces.
  virtual void Line(std::string_view line, int line_no) = 0;
  // One rebuilt row: cells without markup, inner lines separated by '\n'.
  virtual void Row(std::vector<std::string> cells, bool bold, int line_no) = 0;
  virtual void EndTable() = 0;
};

class WebLayoutReader {
 public:
  explicit WebLayoutReader(TextLineSink* sink) : sink_(sink) {}
  void Line(std::string_view line, int line_no);
  // Ends a pending run or table (end of input, page break).
  void Finish();

 private:
  static constexpr size_t kMaxJoinedLines = 6;
  static constexpr size_t kMaxJoinedBytes = 600;
  static constexpr size_t kMaxCellLines = 60;
  static constexpr size_t kMaxCellBytes = 6000;
  static constexpr size_t kMaxRows = 5000;

  using NumberedLine = std::pair<std::string, int>;

  // Stage 2: lines with their markup runs whole.
  void Joined(std::string_view line, int line_no);
  void FlushRun();
  size_t Columns() const;
  void EmitText(const std::vector<NumberedLine>& segment);
  void EmitRow(const std::vector<std::vector<NumberedLine>>& row, size_t from);
  void EndTable();

  TextLineSink* sink_;
  // Stage 1: the lines of an open markup run.
  std::vector<NumberedLine> run_;
  std::string run_text_;
  // Stage 2: a flattened table, held until it ends.
  bool in_table_ = false;
  std::vector<std::vector<std::vector<NumberedLine>>> rows_;  // rows of cells of lines
  std::vector<std::vector<NumberedLine>> row_;
  std::vector<NumberedLine> segment_;
  size_t segment_bytes_ = 0;
  bool row_full_ = false;          // the row has all its columns and a "|" came after the last
  bool after_pipe_ = false;        // the last non-blank line was a "|"
  bool blank_after_pipe_ = false;  // … and a blank line followed it
};

// `s` without the spaces, tabs and carriage returns at its ends (a view, not a copy).
std::string_view TrimLineSpaces(std::string_view s);

// A cell's lines, markup removed, wrapped lines joined (see the file comment); `bold` is set
// when every line was bold.
std::string RebuildCell(const std::vector<std::string>& lines, bool* bold);

}  // namespace lienthong
