#include "import/parse/parsed_line.h"

#include <algorithm>

#include "util/parallel_for.h"

namespace lienthong::parse {

namespace {

// True when `text` has a double space, a tab, or a leading/trailing space. One pass, because
// find("  ") calls memchr again at every single space.
bool NeedsSpaceCleanup(std::string_view text) {
  if (text.empty()) return false;
  if (text.front() == ' ' || text.back() == ' ') return true;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\t' || (text[i] == ' ' && i + 1 < text.size() && text[i + 1] == ' ')) return true;
  }
  return false;
}

}  // namespace

std::vector<Line> LinesFromBlocks(const RawDocument& raw, int* page_breaks) {
  *page_breaks = 0;
  std::vector<const Block*> body;
  body.reserve(raw.blocks.size());
  for (const Block& b : raw.blocks) {
    if (b.kind == BlockKind::kPageBreak) {
      ++*page_breaks;
      continue;
    }
    // Why: running headers/footers are furniture, never plan content.
    if (b.region == BlockRegion::kBody) body.push_back(&b);
  }
  // Each line from its block (the text copied, keyed and its letters counted: the costly part),
  // in ranges on several threads.
  std::vector<Line> lines(body.size());
  ForEachRangeInParallel(body.size(), kLinesPerChunk, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const Block& b = *body[i];
      Line& l = lines[i];
      l.kind = b.kind;
      l.bold = b.bold;
      l.heading_level = b.heading_level;
      l.table_index = b.table_index;
      l.pos = b.pos;
      std::string text = b.list_label.empty() || b.kind == BlockKind::kTableRow
                             ? b.text
                             : b.list_label + " " + b.text;
      // Readers already collapse spaces; only text with a double space or tab pays for a copy.
      if (NeedsSpaceCleanup(text)) text = CollapseSpaces(Trim(text));
      if (b.kind == BlockKind::kTableRow) {
        for (const std::string& c : b.cells) l.cells.push_back(Trim(c));
      }
      l.SetText(std::move(text));
    }
  });
  // A paragraph or heading with no text is no line.
  std::erase_if(lines, [](const Line& l) { return l.text.empty() && !l.IsTableRow(); });
  return lines;
}

}  // namespace lienthong::parse
