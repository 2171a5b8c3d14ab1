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
    if (NeedsSpaceCleanup(text)) {
      text = CollapseSpaces(Trim(text));
    }
    if (b.kind == BlockKind::kTableRow) {
      for (const std::string& c : b.cells) l.cells.push_back(Trim(c));
    } else if (text.empty()) {
      continue;
    }
    l.text = std::move(text);  // keyed below
    lines.push_back(std::move(l));
  }
  // The keys and letter counts (the costly part) line by line, in slices on several threads.
  constexpr size_t kSlice = 4096;
  ForEachIndexInParallel((lines.size() + kSlice - 1) / kSlice, [&](size_t slice) {
    const size_t end = std::min(lines.size(), (slice + 1) * kSlice);
    for (size_t i = slice * kSlice; i < end; ++i) lines[i].SetText(std::move(lines[i].text));
  });
  return lines;
}

}  // namespace lienthong::parse
