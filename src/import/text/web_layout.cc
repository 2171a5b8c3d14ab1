#include "import/text/web_layout.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "import/text/markdown_inline.h"
#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong {
namespace {

bool OpensEmphasis(std::string_view line) {
  if (line.find('*') == std::string_view::npos && line.find("__") == std::string_view::npos) {
    return false;
  }
  return StripInlineMarkup(line).open_emphasis;
}

// A Markdown pipe row ("| a | b |") or a tab row: the text reader's own tables, passed through.
bool IsRowSyntax(std::string_view raw, std::string_view trimmed) {
  if (raw.find('\t') != std::string_view::npos) return true;
  return trimmed.size() >= 3 && (trimmed.front() == '|' || trimmed.back() == '|');
}

// Upper- and lower-case Vietnamese letters of a line.
struct CaseCounts {
  int upper = 0;
  int lower = 0;
  bool first_lower = false;  // the first letter is lower case
};

CaseCounts CountCase(std::string_view s) {
  CaseCounts c;
  bool first = true;
  for (size_t i = 0; i < s.size();) {
    const std::optional<LetterParts> letter = SplitLetter(DecodeUtf8(s, &i));
    if (!letter) continue;
    if (first) c.first_lower = !letter->upper;
    first = false;
    ++(letter->upper ? c.upper : c.lower);
  }
  return c;
}

bool LooksCaps(std::string_view s) {
  const CaseCounts c = CountCase(s);
  return c.upper >= 2 && c.lower * 10 <= c.upper;
}

bool EndsSentence(std::string_view s) {
  if (s.empty()) return true;
  const char c = s.back();
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

// "- …", "+ …", "1.", "a)", "•": a list item starts a line of its own.
bool StartsItem(std::string_view s) {
  if (s.empty()) return false;
  if (s.front() == '-' || s.front() == '+' || s.substr(0, 3) == "\xE2\x80\xA2") return true;
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')')) return true;
  return s.size() >= 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')';
}

}  // namespace

std::string_view TrimLineSpaces(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

std::string RebuildCell(const std::vector<std::string>& lines, bool* bold) {
  std::string out;
  std::string prev;
  bool all_bold = true;
  bool any = false;
  for (const std::string& raw : lines) {
    InlineText t = StripInlineMarkup(raw);
    std::string text(TrimLineSpaces(t.text));
    if (text.empty()) continue;
    all_bold = all_bold && t.bold;
    any = true;
    // Why not after capitals: "PHÓ CHỦ TỊCH" above the signer's name, "UBND TỈNH X" above "SỞ Y"
    // are lines of their own; a wrapped sentence ("Bộ Khoa học và" / "Công nghệ") is not.
    const bool join = !out.empty() && !EndsSentence(prev) && !StartsItem(text) &&
                      (CountCase(text).first_lower || (!LooksCaps(prev) && !LooksCaps(text)));
    if (!out.empty()) out += join ? ' ' : '\n';
    out += text;
    prev = std::move(text);
  }
  *bold = any && all_bold;
  return out;
}

void WebLayoutReader::Line(std::string_view line, int line_no) {
  const std::string_view trimmed = TrimLineSpaces(line);
  if (trimmed.empty() || trimmed == "|" || IsRowSyntax(line, trimmed)) {
    FlushRun();
    Joined(line, line_no);
    return;
  }
  if (run_.empty()) {
    if (!OpensEmphasis(trimmed)) {
      Joined(line, line_no);
      return;
    }
    run_.push_back({std::string(trimmed), line_no});
    run_text_ = std::string(trimmed);
    return;
  }
  run_.push_back({std::string(trimmed), line_no});
  run_text_ += ' ';
  run_text_ += trimmed;
  if (!StripInlineMarkup(run_text_).open_emphasis) {
    const int first = run_.front().second;
    run_.clear();
    Joined(run_text_, first);
  } else if (run_.size() >= kMaxJoinedLines || run_text_.size() > kMaxJoinedBytes) {
    FlushRun();
  }
}

void WebLayoutReader::FlushRun() {
  std::vector<NumberedLine> lines = std::move(run_);
  run_.clear();
  for (const auto& [text, no] : lines) Joined(text, no);
}

void WebLayoutReader::Finish() {
  FlushRun();
  if (in_table_) EndTable();
}

void WebLayoutReader::Joined(std::string_view line, int line_no) {
  const std::string_view t = TrimLineSpaces(line);
  if (!in_table_) {
    if (t == "|") {
      in_table_ = true;
      after_pipe_ = true;
      blank_after_pipe_ = false;
      return;
    }
    sink_->Line(line, line_no);
    return;
  }
  if (t.empty()) {
    // Inside a table blank lines carry nothing; right after a "|" they end it: pages put blank
    // lines around a table, never between its cells.
    if (segment_.empty() && after_pipe_) blank_after_pipe_ = true;
    return;
  }
  const bool ends_after_blank = blank_after_pipe_;
  blank_after_pipe_ = false;
  after_pipe_ = t == "|";
  if (t == "|") {
    if (segment_.empty()) {  // a double "|": the row ends
      if (!row_.empty()) rows_.push_back(std::move(row_));
      row_.clear();
      row_full_ = false;
      return;
    }
    row_.push_back(std::move(segment_));
    segment_.clear();
    segment_bytes_ = 0;
    row_full_ = row_.size() >= Columns();
    return;
  }
  if (row_full_ || ends_after_blank) {  // every column filled, or a blank line: the table is over
    EndTable();
    sink_->Line(line, line_no);
    return;
  }
  row_full_ = false;
  segment_.push_back({std::string(t), line_no});
  segment_bytes_ += t.size();
  if (segment_.size() > kMaxCellLines || segment_bytes_ > kMaxCellBytes ||
      rows_.size() > kMaxRows) {
    EndTable();
  }
}

// The first row's width until two later rows agree on a widest width (group rows are narrower,
// and the first row may carry text from before the table).
size_t WebLayoutReader::Columns() const {
  size_t widest = 0;
  int at_widest = 0;
  for (size_t r = 1; r < rows_.size(); ++r) {
    if (rows_[r].size() > widest) {
      widest = rows_[r].size();
      at_widest = 1;
    } else if (rows_[r].size() == widest) {
      ++at_widest;
    }
  }
  if (at_widest >= 2) return widest;
  return rows_.empty() ? SIZE_MAX : rows_[0].size();
}

void WebLayoutReader::EmitText(const std::vector<NumberedLine>& segment) {
  for (const auto& [text, no] : segment) sink_->Line(text, no);
}

void WebLayoutReader::EmitRow(const std::vector<std::vector<NumberedLine>>& row, size_t from) {
  std::vector<std::string> cells;
  bool all_bold = true;
  int line_no = 0;
  for (size_t c = from; c < row.size(); ++c) {
    std::vector<std::string> lines;
    for (const auto& [text, no] : row[c]) {
      if (line_no == 0) line_no = no;
      lines.push_back(text);
    }
    bool bold = false;
    cells.push_back(RebuildCell(lines, &bold));
    all_bold = all_bold && (bold || cells.back().empty());
  }
  sink_->Row(std::move(cells), all_bold, line_no);
}

// A table of one row is no table: what the page had there (a recipients | signature block, or
// text between tables) is read as lines. A first row wider than every later row carries the
// text before the table in its leading cells; they are read as lines too. An unfinished cell
// (text after the last "|") is ordinary text after the table.
void WebLayoutReader::EndTable() {
  if (!row_.empty()) rows_.push_back(std::move(row_));
  row_.clear();
  if (rows_.size() == 1) {
    for (const auto& cell : rows_[0]) EmitText(cell);
  } else if (!rows_.empty()) {
    size_t widest = 0;
    for (size_t r = 1; r < rows_.size(); ++r) widest = std::max(widest, rows_[r].size());
    const size_t extra = rows_[0].size() > widest ? rows_[0].size() - widest : 0;
    for (size_t c = 0; c < extra; ++c) EmitText(rows_[0][c]);
    for (size_t r = 0; r < rows_.size(); ++r) EmitRow(rows_[r], r == 0 ? extra : 0);
  }
  rows_.clear();
  sink_->EndTable();
  in_table_ = false;
  row_full_ = false;
  after_pipe_ = blank_after_pipe_ = false;
  std::vector<NumberedLine> rest = std::move(segment_);
  segment_.clear();
  segment_bytes_ = 0;
  EmitText(rest);
}

}  // namespace lienthong
