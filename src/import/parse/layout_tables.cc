#include "import/parse/layout_tables.h"

#include <algorithm>

#include "import/parse/line_kinds.h"

namespace lienthong::parse {
namespace {

enum class Layout { kNone, kHeader, kClosing };

constexpr size_t kIssuerRowsAbove = 3;  // a superior body and a two-line issuer name

std::vector<std::string> CellLines(const std::string& cell) {
  std::vector<std::string> out;
  size_t s = 0;
  for (size_t j = 0; j <= cell.size(); ++j) {
    if (j == cell.size() || cell[j] == '\n') {
      std::string part = CollapseSpaces(Trim(std::string_view(cell).substr(s, j - s)));
      if (!part.empty()) out.push_back(std::move(part));
      s = j + 1;
    }
  }
  return out;
}

Line MakeLine(const std::string& text, const SourcePos& pos) {
  Line l;
  l.pos = pos;
  l.SetText(text);
  return l;
}

// A row of the issuer column alone: caps in its first cell, nothing beside it. An issuer printed
// on two lines ("BAN CHẤP HÀNH TRUNG" / "ƯƠNG") may start a row or two above the motto's.
bool IsIssuerOnlyRow(const Line& row) {
  if (row.cells.empty() || row.cells.size() > 3) return false;
  for (size_t c = 1; c < row.cells.size(); ++c) {
    if (!Trim(row.cells[c]).empty()) return false;
  }
  const std::vector<std::string> lines = CellLines(row.cells[0]);
  if (lines.empty()) return false;
  for (const std::string& t : lines) {
    if (!MakeLine(t, row.pos).MostlyUpper()) return false;
  }
  return true;
}

bool StartsHeader(const Line& row) {
  if (row.cells.size() > 3) return false;
  for (const std::string& cell : row.cells) {
    for (const std::string& t : CellLines(cell)) {
      if (FindHeaderPhrase(FoldKey(t)).phrase != HeaderPhrase::kNone) return true;
    }
  }
  return false;
}

// A cell opens with "Nơi nhận:" (the recipients | signature row).
bool StartsClosing(const Line& row) {
  for (const std::string& cell : row.cells) {
    const std::vector<std::string> lines = CellLines(cell);
    if (!lines.empty() && MatchNoiNhan(FoldKey(lines.front())) != kNpos) return true;
  }
  return false;
}

Layout Classify(const std::vector<const Line*>& rows) {
  if (rows.size() > 30) return Layout::kNone;  // a layout table is small
  bool header = false, closing = false, wide = false;
  size_t columns = 0;
  for (const Line* r : rows) {
    wide = wide || r->cells.size() > 3;
    columns = std::max(columns, r->cells.size());
  }
  // Column by column, so a position and the name under it in a later row are seen together.
  for (size_t c = 0; c < columns; ++c) {
    bool caps_seen = false;
    for (const Line* r : rows) {
      if (c >= r->cells.size()) continue;
      for (const std::string& t : CellLines(r->cells[c])) {
        const Line l = MakeLine(t, r->pos);
        if (FindHeaderPhrase(l.key).phrase != HeaderPhrase::kNone || MatchNumber(l, 0).found ||
            (FindPlaceDate(l).found && l.text.size() < 80)) {
          header = true;
        }
        if (MatchNoiNhan(l.key) != kNpos || IsSigningPrefixLine(l)) closing = true;
        if (caps_seen && LooksLikePersonName(l.text)) closing = true;
        if (l.MostlyUpper()) caps_seen = true;
      }
    }
  }
  // Why a wide row that opens with "Nơi nhận" still counts: a web page may put its own footer
  // cells after the signature in the same row; they are read after it and the closing parser
  // stops at them. Any other wide table is data.
  if (wide) return rows.size() == 1 && StartsClosing(*rows[0]) ? Layout::kClosing : Layout::kNone;
  if (closing) return Layout::kClosing;
  if (header) return Layout::kHeader;
  return Layout::kNone;
}

}  // namespace

void ExpandLayoutTables(std::vector<Line>* lines) {
  std::vector<Line> out;
  out.reserve(lines->size());
  size_t i = 0;
  while (i < lines->size()) {
    const Line& first = (*lines)[i];
    if (!first.IsTableRow()) {
      out.push_back(std::move((*lines)[i]));
      ++i;
      continue;
    }
    size_t j = i;
    std::vector<const Line*> rows;
    while (j < lines->size() && (*lines)[j].IsTableRow() && (*lines)[j].table_index == first.table_index) {
      // Why: a web page may put its own metadata rows and the document's header in one table;
      // the header starts a table of its own at the row with the motto or the Party name, the
      // closing block at the row with "Nơi nhận", which ends before the next wide row.
      const Line& row = (*lines)[j];
      if (j > i && StartsHeader(row)) {
        // The issuer's rows just above the motto's go with the header.
        size_t from = j;
        while (from > i && j - from < kIssuerRowsAbove && IsIssuerOnlyRow((*lines)[from - 1])) --from;
        if (from > i) {
          rows.resize(from - i);
          j = from;
          break;
        }
      }
      if (j > i && StartsClosing(row)) break;
      if (j > i && StartsClosing(first) && row.cells.size() > 3) break;
      rows.push_back(&row);
      ++j;
    }
    const Layout layout = Classify(rows);
    if (layout == Layout::kHeader) {
      for (const Line* r : rows) {
        for (size_t c = 0; c < r->cells.size(); ++c) {
          for (const std::string& t : CellLines(r->cells[c])) {
            out.push_back(MakeLine(t, r->pos));
            out.back().layout_column = static_cast<int>(c);  // the header parser reads columns
          }
        }
      }
    } else if (layout == Layout::kClosing) {
      size_t columns = 0;
      for (const Line* r : rows) columns = std::max(columns, r->cells.size());
      for (size_t c = 0; c < columns; ++c) {
        for (const Line* r : rows) {
          if (c >= r->cells.size()) continue;
          for (const std::string& t : CellLines(r->cells[c])) out.push_back(MakeLine(t, r->pos));
        }
      }
    } else {
      for (size_t k = i; k < j; ++k) out.push_back(std::move((*lines)[k]));
    }
    i = j;
  }
  *lines = std::move(out);
}

}  // namespace lienthong::parse
