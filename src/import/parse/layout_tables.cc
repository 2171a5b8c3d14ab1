#include "import/parse/layout_tables.h"

#include <algorithm>

#include "import/parse/line_kinds.h"
#include "util/parallel_for.h"

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

// CellLines(cell).front() without splitting the rest; empty when the cell has no text.
std::string FirstCellLine(const std::string& cell) {
  size_t s = 0;
  for (size_t j = 0; j <= cell.size(); ++j) {
    if (j == cell.size() || cell[j] == '\n') {
      std::string part = CollapseSpaces(Trim(std::string_view(cell).substr(s, j - s)));
      if (!part.empty()) return part;
      s = j + 1;
    }
  }
  return {};
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
  // Beside it nothing, or a speck OCR read from the paper ("`", "|"): no letter, no digit.
  for (size_t c = 1; c < row.cells.size(); ++c) {
    if (Compact(FoldKey(row.cells[c])).size() > 0) return false;
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
    const std::string first = FirstCellLine(cell);
    if (!first.empty() && MatchNoiNhan(FoldKey(first)) != kNpos) return true;
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
  // Why a wide row that opens with "Nơi nhận" still counts: a web page may put its own footer
  // cells after the signature in the same row; they are read after it and the closing parser
  // stops at them. Any other wide table is data.
  if (wide) return rows.size() == 1 && StartsClosing(*rows[0]) ? Layout::kClosing : Layout::kNone;
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
  if (closing) return Layout::kClosing;
  if (header) return Layout::kHeader;
  return Layout::kNone;
}

}  // namespace

void ExpandLayoutTables(std::vector<Line>* lines) {
  std::vector<Line>& in = *lines;
  // Each row's own tests first, on every core.
  struct RowSignals {
    bool starts_header = false, starts_closing = false, issuer_only = false;
  };
  std::vector<RowSignals> signals(in.size());
  ForEachRangeInParallel(in.size(), kLinesPerChunk, [&](size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      if (!in[k].IsTableRow()) continue;
      signals[k] = {StartsHeader(in[k]), StartsClosing(in[k]), IsIssuerOnlyRow(in[k])};
    }
  });
  // The runs of rows that may be one layout table.
  struct Run {
    size_t begin, end;
    Layout layout = Layout::kNone;
  };
  std::vector<Run> runs;
  for (size_t i = 0; i < in.size();) {
    if (!in[i].IsTableRow()) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < in.size() && in[j].IsTableRow() && in[j].table_index == in[i].table_index) {
      // Why: a web page may put its own metadata rows and the document's header in one table;
      // the header starts a table of its own at the row with the motto or the Party name, the
      // closing block at the row with "Nơi nhận", which ends before the next wide row.
      if (j > i && signals[j].starts_header) {
        // The issuer's rows just above the motto's go with the header.
        size_t from = j;
        while (from > i && j - from < kIssuerRowsAbove && signals[from - 1].issuer_only) --from;
        if (from > i) {
          j = from;
          break;
        }
      }
      if (j > i && signals[j].starts_closing) break;
      if (j > i && signals[i].starts_closing && in[j].cells.size() > 3) break;
      ++j;
    }
    runs.push_back({i, j});
    i = j;
  }
  ForEachIndexInParallel(runs.size(), [&](size_t r) {
    std::vector<const Line*> rows;
    for (size_t k = runs[r].begin; k < runs[r].end; ++k) rows.push_back(&in[k]);
    runs[r].layout = Classify(rows);
  });
  if (std::none_of(runs.begin(), runs.end(), [](const Run& r) { return r.layout != Layout::kNone; })) {
    return;  // data tables only: nothing moves
  }

  std::vector<Line> out;
  out.reserve(in.size() + in.size() / 8);
  size_t next = 0;  // the first line not yet in `out`
  for (const Run& run : runs) {
    if (run.layout == Layout::kNone) continue;
    for (; next < run.begin; ++next) out.push_back(std::move(in[next]));
    if (run.layout == Layout::kHeader) {
      for (size_t k = run.begin; k < run.end; ++k) {
        const Line& r = in[k];
        for (size_t c = 0; c < r.cells.size(); ++c) {
          for (const std::string& t : CellLines(r.cells[c])) {
            out.push_back(MakeLine(t, r.pos));
            out.back().layout_column = static_cast<int>(c);  // the header parser reads columns
          }
        }
      }
    } else {
      size_t columns = 0;
      for (size_t k = run.begin; k < run.end; ++k) columns = std::max(columns, in[k].cells.size());
      for (size_t c = 0; c < columns; ++c) {
        for (size_t k = run.begin; k < run.end; ++k) {
          if (c >= in[k].cells.size()) continue;
          for (const std::string& t : CellLines(in[k].cells[c])) out.push_back(MakeLine(t, in[k].pos));
        }
      }
    }
    next = run.end;
  }
  for (; next < in.size(); ++next) out.push_back(std::move(in[next]));
  in = std::move(out);
}

}  // namespace lienthong::parse
