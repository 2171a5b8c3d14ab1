// ReadTextDocument: plain text and Markdown into the block stream (import/raw_document.h).
//
// Per line: Markdown headings ("## I- MỤC ĐÍCH") become kHeading; pipe-table rows ("| a | b |")
// and tab-separated rows ("1.\tXây dựng…\tBan…") become kTableRow with cells; every other
// non-empty line is one kParagraph; a form feed is a kPageBreak. Inline markup is removed
// (markdown_inline.h) and a line that was bold throughout keeps bold=true. Blank lines do not end
// a table: converters put blank lines inside tables (a cell with two paragraphs), and a table ends
// at the first non-blank line that is not a row. Web copies' wrapped bold/italic runs and their
// tables flattened to "|" lines are undone first (web_layout.h).
#include <algorithm>
#include <string>
#include <vector>

#include "import/readers.h"
#include "import/text/markdown_inline.h"
#include "import/text/web_layout.h"
#include "text/legacy_encoding.h"

namespace lienthong {
namespace {

// A view, not a copy: most callers only inspect the trimmed text.
std::string_view TrimSpaces(std::string_view s) { return TrimLineSpaces(s); }

// True when CollapseInnerSpaces would return `s` unchanged (single ASCII spaces only).
bool SpacesCollapsed(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) > ' ' && static_cast<unsigned char>(c) != 0xC2) continue;
    if (c == '\t' || c == '\r' || c == '\n' || static_cast<unsigned char>(c) == 0xC2 ||
        (c == ' ' && (i == 0 || i + 1 == s.size() || s[i + 1] == ' '))) {
      return false;
    }
  }
  return true;
}

std::string CollapseInnerSpaces(std::string_view s) {
  if (SpacesCollapsed(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    // NBSP (C2 A0) counts as a space too.
    const bool nbsp = static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
                      static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || nbsp) {
      pending = true;
      if (nbsp) ++i;
      continue;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

// Cell text: markup removed, inner lines kept ('\n'), each line's spaces collapsed.
std::string CleanCell(std::string_view raw, bool* bold) {
  InlineText t = StripInlineMarkup(raw, /*br_as_newline=*/true);
  *bold = t.bold;
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= t.text.size(); ++i) {
    if (i == t.text.size() || t.text[i] == '\n') {
      std::string part = CollapseInnerSpaces(std::string_view(t.text).substr(start, i - start));
      if (!part.empty()) {
        if (!out.empty()) out.push_back('\n');
        out += part;
      }
      start = i + 1;
    }
  }
  return out;
}

bool IsPipeRow(std::string_view t) {
  if (t.size() < 3) return false;
  // Edge check first: it rejects almost every line without counting pipes.
  if (t.front() != '|' && t.back() != '|') return false;
  int pipes = 0;
  for (char c : t) pipes += c == '|';
  return pipes >= 2 && (t.front() == '|' || t.back() == '|');
}

std::vector<std::string> SplitPipeRow(std::string_view t) {
  std::vector<std::string> cells;
  std::string cur;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
      cur.push_back('|');
      ++i;
    } else if (t[i] == '|') {
      cells.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(t[i]);
    }
  }
  cells.push_back(cur);
  if (!cells.empty() && TrimSpaces(cells.front()).empty() && t.front() == '|') cells.erase(cells.begin());
  if (!cells.empty() && TrimSpaces(cells.back()).empty() && t.back() == '|') cells.pop_back();
  return cells;
}

bool IsSeparatorRow(const std::vector<std::string>& cells) {
  if (cells.empty()) return false;
  for (const std::string& raw : cells) {
    std::string_view c = TrimSpaces(raw);
    if (c.empty()) return false;
    for (char ch : c) {
      if (ch != '-' && ch != ':') return false;
    }
  }
  return true;
}

std::vector<std::string> SplitTabs(std::string_view t) {
  std::vector<std::string> cells;
  size_t start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == '\t') {
      cells.emplace_back(t.substr(start, i - start));
      start = i + 1;
    }
  }
  return cells;
}

class BlockBuilder : public TextLineSink {
 public:
  explicit BlockBuilder(RawDocument* doc) : doc_(doc) {}

  void PageBreak(int line) {
    Block b;
    b.kind = BlockKind::kPageBreak;
    b.pos = {page_, line};
    doc_->blocks.push_back(std::move(b));
    if (page_ > 0) ++page_;
    table_kind_ = 0;
  }
  void SetPaged(bool paged) { page_ = paged ? 1 : 0; }

  void Line(std::string_view raw_line, int line_no) override {
    // Trailing "\r" and spaces (Markdown's two-space line break) go.
    std::string_view line = raw_line;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    const bool only_space =
        std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
    if (only_space) return;  // blank lines keep a table open (see file comment)

    if (line.find('\t') != std::string_view::npos) {
      std::vector<std::string> cells = SplitTabs(line);
      int non_empty = 0;
      for (const std::string& c : cells) non_empty += !TrimSpaces(c).empty();
      // Why: a tab row needs two filled cells, or must continue a tab table (a continuation row
      // of a merged cell has one); otherwise the tab is indentation.
      if (cells.size() >= 2 && (non_empty >= 2 || table_kind_ == 2)) {
        Row(cells, 2, line_no);
        return;
      }
    }
    const std::string_view trimmed = TrimSpaces(line);
    if (IsPipeRow(trimmed)) {
      std::vector<std::string> cells = SplitPipeRow(trimmed);
      if (IsSeparatorRow(cells)) {
        table_kind_ = 1;  // keeps the table open
        return;
      }
      Row(cells, 1, line_no);
      return;
    }
    table_kind_ = 0;

    Block b;
    b.pos = {page_, line_no};
    std::string_view body = trimmed;
    size_t hashes = 0;
    while (hashes < body.size() && hashes < 7 && body[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && (hashes == body.size() || body[hashes] == ' ')) {
      b.kind = BlockKind::kHeading;
      b.heading_level = static_cast<int>(hashes);
      body.remove_prefix(hashes);
      while (!body.empty() && body.back() == '#') body.remove_suffix(1);  // closing hashes
    }
    InlineText t = StripInlineMarkup(body);
    // Why: the usual line needs no collapsing, so its stripped text is moved, not copied.
    b.text = SpacesCollapsed(t.text) ? std::move(t.text) : CollapseInnerSpaces(t.text);
    if (b.text.empty()) return;
    b.bold = t.bold;
    b.italic = t.italic;
    doc_->blocks.push_back(std::move(b));
  }

  // A table rebuilt from a web copy's "|" lines (web_layout.h): cells are clean already.
  void Row(std::vector<std::string> cells, bool bold, int line_no) override {
    if (table_kind_ != 3) {
      ++table_count_;
      table_kind_ = 3;
    }
    Block b;
    b.kind = BlockKind::kTableRow;
    b.table_index = table_count_ - 1;
    b.pos = {page_, line_no};
    for (const std::string& cell : cells) {
      if (cell.empty()) continue;
      if (!b.text.empty()) b.text += " | ";
      b.text += cell;
    }
    b.cells = std::move(cells);
    b.bold = bold;
    doc_->blocks.push_back(std::move(b));
  }
  void EndTable() override { table_kind_ = 0; }

 private:
  void Row(const std::vector<std::string>& raw_cells, int kind, int line_no) {
    if (table_kind_ != kind) {
      ++table_count_;
      table_kind_ = kind;
    }
    Block b;
    b.kind = BlockKind::kTableRow;
    b.table_index = table_count_ - 1;
    b.pos = {page_, line_no};
    bool all_bold = true;
    int filled = 0;
    for (const std::string& raw : raw_cells) {
      bool bold = false;
      std::string cell = CleanCell(raw, &bold);
      if (!cell.empty()) {
        ++filled;
        all_bold = all_bold && bold;
        if (!b.text.empty()) b.text += " | ";
        b.text += cell;
      }
      b.cells.push_back(std::move(cell));
    }
    b.bold = filled > 0 && all_bold;
    doc_->blocks.push_back(std::move(b));
  }

  RawDocument* doc_;
  int page_ = 0;
  int table_kind_ = 0;  // 0 none, 1 pipe table, 2 tab table open
  int table_count_ = 0;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    const char a = static_cast<char>(std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])));
    if (a != suffix[i]) return false;
  }
  return true;
}

}  // namespace

Result<RawDocument> ReadTextDocument(std::string_view bytes, std::string_view name,
                                     const ReaderLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return Status::TooLarge(std::string(name) + ": " + std::to_string(bytes.size()) +
                            " bytes is over the limit of " + std::to_string(limits.max_input_bytes) +
                            " bytes (max_input_bytes)");
  }
  Result<DecodedText> decoded = DecodeText(bytes);
  if (!decoded.ok()) return decoded.status().WithContext(name);

  RawDocument doc;
  doc.source_name = std::string(name);
  doc.format = EndsWith(name, ".md") || EndsWith(name, ".markdown") ? "markdown" : "text";
  doc.encoding = TextEncodingName(decoded->encoding);

  const std::string& text = decoded->text;
  // About one block per line: reserving avoids regrowing (and copying) a large vector.
  doc.blocks.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  BlockBuilder builder(&doc);
  builder.SetPaged(text.find('\f') != std::string::npos);
  WebLayoutReader web_layout(&builder);
  int line_no = 1;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool end = i == text.size();
    const char c = end ? '\n' : text[i];
    if (c == '\n' || c == '\f' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      web_layout.Line(std::string_view(text).substr(start, i - start), line_no);
      if (c == '\f') {
        web_layout.Finish();
        builder.PageBreak(line_no);
      } else {
        ++line_no;
      }
      start = i + 1;
    }
  }
  web_layout.Finish();
  return doc;
}

}  // namespace lienthong
