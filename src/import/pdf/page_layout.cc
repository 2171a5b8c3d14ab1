#include "import/pdf/page_layout.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "import/pdf/column_blocks.h"
#include "import/pdf/line_builder.h"
#include "import/pdf/page_furniture.h"
#include "text/normalize.h"

namespace lienthong {
namespace {

constexpr double kCentredShare = 0.05;
constexpr double kCentredMinIndent = 0.1;

size_t Letters(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80 && c != ' ') ++n;
  }
  return n;
}

// Bold/italic when 90% of the letters of words [begin, end) are.
void Style(const std::vector<PositionedWord>& words, size_t begin, size_t end, Block* block) {
  size_t total = 0, bold = 0, italic = 0;
  for (size_t i = begin; i < end; ++i) {
    size_t n = Letters(words[i].text);
    total += n;
    if (words[i].bold) bold += n;
    if (words[i].italic) italic += n;
  }
  block->bold = total > 0 && bold * 10 >= total * 9;
  block->italic = total > 0 && italic * 10 >= total * 9;
}

// NFC, without surrounding spaces (OCR may return a lone space as a word).
std::string Clean(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return ToNfc(text);
}

struct Area {
  double x0 = 0, x1 = 0;
};

// The words of a page that fall in none of its ruled tables, and those of each table.
struct PageWords {
  std::vector<PositionedWord> flow;
  std::vector<std::vector<PositionedWord>> tables;  // per PageText::tables
};

PageWords SortWords(const PageText& page) {
  PageWords out;
  out.tables.resize(page.tables.size());
  for (const PositionedWord& w : page.words) {
    const double cx = (w.x0 + w.x1) / 2, cy = w.center_y();
    size_t t = 0;
    while (t < page.tables.size() && !(cx >= page.tables[t].x0 && cx <= page.tables[t].x1 &&
                                       cy >= page.tables[t].y0 && cy <= page.tables[t].y1)) {
      ++t;
    }
    (t < page.tables.size() ? out.tables[t] : out.flow).push_back(w);
  }
  return out;
}

// What goes between a cell's text so far and its next visual line. A narrow column wraps its
// paragraphs, so a line goes on after a space — or after nothing when the line before ends in a
// hyphen inside a symbol ("118/2008/QĐ-" / "TTg") or a digit of a date ("30/11/202" / "5"). A list item ("- ", "+ ") or a line after a
// sentence or item end (. ; :) is a paragraph of its own: a line feed, as a DOCX cell gives.
std::string CellLineJoint(const std::string& before, const std::string& line) {
  if (before.empty()) return "";
  const char last = before.back();
  if (last == '.' || last == ';' || last == ':') return "\n";
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '+') && line[1] == ' ') return "\n";
  if (line.rfind("•", 0) == 0) return "\n";
  if (last == '-' && before.size() >= 2 && before[before.size() - 2] != ' ') return "";
  // A date cut by a narrow column ("30/11/202" / "5").
  const size_t token = before.find_last_of(' ');
  if (last >= '0' && last <= '9' && line[0] >= '0' && line[0] <= '9' &&
      before.find('/', token == std::string::npos ? 0 : token) != std::string::npos) {
    return "";
  }
  return " ";
}

// A ruled table's rows as table-row blocks: each cell's words rebuilt into lines, joined by '\n'.
void AppendRuledTable(const RuledTable& table, const std::vector<PositionedWord>& words, int page,
                      int line, int table_index, std::vector<Block>* blocks) {
  const RuledRow* above = nullptr;
  std::vector<std::string> above_cells;
  for (const RuledRow& row : table.rows) {
    Block block;
    block.kind = BlockKind::kTableRow;
    block.pos.page = page;
    block.pos.line = line;
    block.table_index = table_index;
    std::vector<PositionedWord> row_words;
    bool any = false;
    for (size_t c = 0; c + 1 < row.columns.size(); ++c) {
      std::vector<PositionedWord> cell;
      for (const PositionedWord& w : words) {
        const double cx = (w.x0 + w.x1) / 2, cy = w.center_y();
        if (cy >= row.y0 && cy < row.y1 && cx >= row.columns[c] && cx < row.columns[c + 1]) {
          cell.push_back(w);
          row_words.push_back(w);
        }
      }
      std::string text;
      for (const TextLine& l : BuildLines(std::move(cell))) {
        const std::string part = Clean(JoinWords(l.words, 0, l.words.size()));
        if (part.empty()) continue;
        text += CellLineJoint(text, part);
        text += part;
      }
      // A cell merged down from the row above (no rule between) holds that cell's text in
      // both rows, as a DOCX reader gives a vertically merged cell.
      if (text.empty() && c < row.merged_above.size() && row.merged_above[c] && above != nullptr) {
        for (size_t a = 0; a + 1 < above->columns.size() && a < above_cells.size(); ++a) {
          if (std::abs(above->columns[a] - row.columns[c]) < 2 &&
              std::abs(above->columns[a + 1] - row.columns[c + 1]) < 2) {
            text = above_cells[a];
          }
        }
      }
      any = any || !text.empty();
      block.cells.push_back(std::move(text));
    }
    above = &row;
    above_cells = block.cells;
    if (!any) continue;
    for (const std::string& c : block.cells) {
      if (!block.text.empty()) block.text += " | ";
      block.text += c;
    }
    Style(row_words, 0, row_words.size(), &block);
    blocks->push_back(std::move(block));
  }
}

}  // namespace

std::vector<Block> LayoutPages(const std::vector<PageText>& pages) {
  std::vector<PageLines> page_lines;
  std::vector<PageWords> page_words;
  page_lines.reserve(pages.size());
  page_words.reserve(pages.size());
  for (const PageText& page : pages) {
    page_words.push_back(SortWords(page));
    page_lines.push_back(PageLines{page.width, page.height, BuildLines(page_words.back().flow)});
  }
  std::vector<std::vector<BlockRegion>> regions = FindPageFurniture(page_lines);

  std::vector<Block> blocks;
  int table_index = 0;
  bool closing_open = false;  // the page before ended inside its closing block …
  int closing_table = -1;     // … whose table index this is …
  double closing_right = 0;   // … and where its right column started
  for (size_t p = 0; p < page_lines.size(); ++p) {
    const PageLines& page = page_lines[p];
    if (p > 0) {
      Block page_break;
      page_break.kind = BlockKind::kPageBreak;
      page_break.pos.page = static_cast<int>(p);  // the break ends the previous page
      blocks.push_back(std::move(page_break));
    }
    // Body lines, for column blocks and the text area.
    std::vector<TextLine> body;
    std::vector<size_t> body_index;  // body line -> page line
    Area area{1e9, -1e9};
    for (size_t i = 0; i < page.lines.size(); ++i) {
      if (regions[p][i] != BlockRegion::kBody) continue;
      body.push_back(page.lines[i]);
      body_index.push_back(i);
      area.x0 = std::min(area.x0, page.lines[i].x0);
      area.x1 = std::max(area.x1, page.lines[i].x1);
    }
    std::vector<ColumnBlock> columns = FindColumnBlocks(
        body, page.width, page.height, p == 0, closing_open ? std::optional<double>(closing_right) : std::nullopt);
    const bool continues_closing = closing_open;
    // A closing block that reaches the last line of the page may go on at the top of the next.
    closing_open = !columns.empty() && !body.empty() && columns.back().rows.back().line + 1 == body.size() &&
                   columns.back().rows.front().line > 0;
    if (closing_open) {
      closing_right = page.width / 2;
      bool any = false;
      for (const ColumnRow& row : columns.back().rows) {
        const std::vector<PositionedWord>& words = body[row.line].words;
        if (row.split >= words.size()) continue;
        closing_right = any ? std::min(closing_right, words[row.split].x0) : words[row.split].x0;
        any = true;
      }
    }
    // Page line -> (block, split) for lines inside a column block.
    std::vector<int> column_of(page.lines.size(), -1);
    std::vector<size_t> split_of(page.lines.size(), 0);
    std::vector<int> table_of_block(columns.size(), -1);
    // The closing block's rows at the top of this page are the same table as the page before's.
    if (continues_closing && !columns.empty() && columns[0].rows.front().line == 0) {
      table_of_block[0] = closing_table;
    }
    for (size_t b = 0; b < columns.size(); ++b) {
      for (const ColumnRow& row : columns[b].rows) {
        column_of[body_index[row.line]] = static_cast<int>(b);
        split_of[body_index[row.line]] = row.split;
      }
    }

    // Ruled tables go in where their top is, among the page's lines.
    const std::vector<RuledTable>& tables = pages[p].tables;
    std::vector<size_t> table_order(tables.size());
    for (size_t t = 0; t < tables.size(); ++t) table_order[t] = t;
    std::sort(table_order.begin(), table_order.end(),
              [&](size_t a, size_t b) { return tables[a].y0 < tables[b].y0; });
    size_t next_table = 0;
    auto tables_above = [&](double y, int line) {
      while (next_table < table_order.size() && tables[table_order[next_table]].y0 <= y) {
        const size_t t = table_order[next_table++];
        AppendRuledTable(tables[t], page_words[p].tables[t], static_cast<int>(p) + 1, line,
                         table_index++, &blocks);
      }
    };

    for (size_t i = 0; i < page.lines.size(); ++i) {
      const TextLine& line = page.lines[i];
      const auto& words = line.words;
      tables_above(line.y0, static_cast<int>(i) + 1);
      Block block;
      block.region = regions[p][i];
      block.pos.page = static_cast<int>(p) + 1;
      block.pos.line = static_cast<int>(i) + 1;
      if (column_of[i] >= 0) {
        int& table = table_of_block[static_cast<size_t>(column_of[i])];
        if (table < 0) table = table_index++;
        size_t split = split_of[i];
        block.kind = BlockKind::kTableRow;
        block.cells = {Clean(JoinWords(words, 0, split)),
                       Clean(JoinWords(words, split, words.size()))};
        if (block.cells[0].empty() && block.cells[1].empty()) continue;
        block.text = block.cells[0] + " | " + block.cells[1];
        block.table_index = table;
      } else {
        block.kind = BlockKind::kParagraph;
        block.text = Clean(JoinWords(words, 0, words.size()));
        double width = area.x1 - area.x0;
        double left = line.x0 - area.x0, right = area.x1 - line.x1;
        block.centered = width > 0 && std::abs(left - right) < kCentredShare * width &&
                         std::min(left, right) >= kCentredMinIndent * width;
      }
      Style(words, 0, words.size(), &block);
      if (block.text.empty()) continue;
      blocks.push_back(std::move(block));
    }
    tables_above(1e18, static_cast<int>(page.lines.size()) + 1);
    if (closing_open) closing_table = table_of_block.back();
  }
  return blocks;
}

}  // namespace lienthong
