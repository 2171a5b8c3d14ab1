#include "import/parse/parsed_line.h"

namespace lienthong::parse {

std::vector<Line> LinesFromBlocks(const RawDocument& raw, int* page_breaks) {
  std::vector<Line> lines;
  lines.reserve(raw.blocks.size());
  *page_breaks = 0;
  for (const Block& b : raw.blocks) {
    if (b.kind == BlockKind::kPageBreak) {
      ++*page_breaks;
      continue;
    }
    // Why: running headers/footers are furniture, never plan content.
    if (b.region != BlockRegion::kBody) continue;
    Line l;
    l.kind = b.kind;
    l.bold = b.bold;
    l.heading_level = b.heading_level;
    l.table_index = b.table_index;
    l.pos = b.pos;
    std::string text = b.text;
    if (!b.list_label.empty() && b.kind != BlockKind::kTableRow) text = b.list_label + " " + text;
    // Readers already collapse spaces; only text with a double space or tab pays for a copy.
    if (text.find("  ") != std::string::npos || text.find('\t') != std::string::npos ||
        (!text.empty() && (text.front() == ' ' || text.back() == ' '))) {
      text = CollapseSpaces(Trim(text));
    }
    if (b.kind == BlockKind::kTableRow) {
      for (const std::string& c : b.cells) l.cells.push_back(Trim(c));
    } else if (text.empty()) {
      continue;
    }
    l.SetText(std::move(text));
    lines.push_back(std::move(l));
  }
  return lines;
}

}  // namespace lienthong::parse
