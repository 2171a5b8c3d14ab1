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

}  // namespace

std::vector<Block> LayoutPages(const std::vector<PageText>& pages) {
  std::vector<PageLines> page_lines;
  page_lines.reserve(pages.size());
  for (const PageText& page : pages) {
    page_lines.push_back(PageLines{page.width, page.height, BuildLines(page.words)});
  }
  std::vector<std::vector<BlockRegion>> regions = FindPageFurniture(page_lines);

  std::vector<Block> blocks;
  int table_index = 0;
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
    std::vector<ColumnBlock> columns = FindColumnBlocks(body, page.width, page.height, p == 0);
    // Page line -> (block, split) for lines inside a column block.
    std::vector<int> column_of(page.lines.size(), -1);
    std::vector<size_t> split_of(page.lines.size(), 0);
    std::vector<int> table_of_block(columns.size(), -1);
    for (size_t b = 0; b < columns.size(); ++b) {
      for (const ColumnRow& row : columns[b].rows) {
        column_of[body_index[row.line]] = static_cast<int>(b);
        split_of[body_index[row.line]] = row.split;
      }
    }

    for (size_t i = 0; i < page.lines.size(); ++i) {
      const TextLine& line = page.lines[i];
      const auto& words = line.words;
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
  }
  return blocks;
}

}  // namespace lienthong
