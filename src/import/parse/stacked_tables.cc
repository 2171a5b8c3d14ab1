#include "import/parse/stacked_tables.h"

#include <algorithm>
#include <optional>
#include <string>

#include "import/parse/line_kinds.h"
#include "import/parse/task_columns.h"

namespace lienthong::parse {
namespace {

constexpr size_t kMinColumns = 3;
constexpr size_t kMaxColumns = 8;
constexpr size_t kMaxRowLines = 40;  // a row with more lines than this is no row: the table ends

struct RowLabel {
  bool roman = false;
  int value = 0;
};

// A line holding only a row number: "1", "12.", "IV".
std::optional<RowLabel> RowLabelOf(const Line& l) {
  if (l.IsTableRow()) return std::nullopt;
  const std::string t = TrimChars(l.text, " .");
  if (t.empty() || t.size() > 4) return std::nullopt;
  if (std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return RowLabel{false, std::stoi(t)};
  }
  if (const int v = RomanValue(t)) return RowLabel{true, v};
  return std::nullopt;
}

// Where the numbering stands: the last group (I, II …) and the last row number.
struct RowNumbering {
  int group = 0;
  int number = 0;
  bool after_group = false;  // the last row was a group: numbers may start again at 1

  bool FollowsOn(const RowLabel& next) const {
    if (next.roman) return next.value == group + 1;
    return next.value == number + 1 || (after_group && next.value == 1);
  }
  void Take(const RowLabel& label) {
    if (label.roman) {
      group = label.value;
    } else {
      number = label.value;
    }
    after_group = label.roman;
  }
};

// A header label: short, no sentence end.
bool IsLabelLine(const Line& l) {
  if (l.IsTableRow() || l.text.empty() || l.text.size() > 80) return false;
  const char last = l.text.back();
  return last != '.' && last != ';' && last != ':' && KeyWords(l.key).size() <= 8;
}

// The header run starting at `i`: its labels, or empty when there is none.
std::vector<std::string> HeaderAt(const std::vector<Line>& lines, size_t i) {
  std::vector<std::string> labels;
  TaskColumns cols;
  size_t j = i;
  while (j < lines.size() && labels.size() < kMaxColumns && IsLabelLine(lines[j]) && !RowLabelOf(lines[j])) {
    labels.push_back(lines[j].text);
    ++j;
  }
  if (labels.size() < kMinColumns || j >= lines.size() || !RowLabelOf(lines[j])) return {};
  cols = FindTaskColumns(labels, cols);
  if (cols.stt != 0 || !cols.Valid()) return {};
  // Every label but a few names a column; a run of body lines that happens to hold the words is
  // not a header.
  int named = 0;
  for (const std::string& label : labels) named += TaskColumnOf(label) != TaskColumn::kNone;
  if (named * 3 < static_cast<int>(labels.size()) * 2) return {};
  return labels;
}

bool ContinuesCell(const std::string& text) {
  if (text.empty()) return false;
  return StartsLower(text) || text[0] == '-' || text[0] == '+' || text.rfind("•", 0) == 0;
}

// A row's lines fitted into `width` cells after the number.
std::vector<std::string> FitCells(std::vector<std::string> parts, size_t width) {
  for (size_t i = 1; i < parts.size() && parts.size() > width;) {
    if (ContinuesCell(parts[i])) {
      parts[i - 1] += " " + parts[i];
      parts.erase(parts.begin() + static_cast<long>(i));
    } else {
      ++i;
    }
  }
  while (parts.size() > width && parts.size() >= 2) {  // the text cell takes what is over
    parts[0] += " " + parts[1];
    parts.erase(parts.begin() + 1);
  }
  return parts;
}

Line RowLine(const Line& at, std::vector<std::string> cells, int table) {
  Line row;
  row.kind = BlockKind::kTableRow;
  row.table_index = table;
  row.pos = at.pos;
  std::string text;
  for (const std::string& c : cells) {
    if (!text.empty()) text += " | ";
    text += c;
  }
  row.cells = std::move(cells);
  row.SetText(std::move(text));
  return row;
}

}  // namespace

void RebuildStackedTables(std::vector<Line>* lines) {
  std::vector<Line>& in = *lines;
  int next_table = 0;
  for (const Line& l : in) next_table = std::max(next_table, l.table_index + 1);
  // In place: a table's rows are fewer lines than it was read from, so the line written (`out`)
  // is never past the line read, and the lines before the first table do not move.
  size_t out = 0;
  size_t i = 0;
  while (i < in.size()) {
    const std::vector<std::string> labels = HeaderAt(in, i);
    if (labels.empty()) {
      if (out != i) in[out] = std::move(in[i]);
      ++out;
      ++i;
      continue;
    }
    const int table = next_table++;
    const size_t width = labels.size() - 1;  // cells after the number
    in[out++] = RowLine(in[i], labels, table);
    size_t r = i + labels.size();
    RowNumbering numbering;
    bool first = true;
    while (r < in.size()) {
      const std::optional<RowLabel> label = RowLabelOf(in[r]);
      if (!label || (!first && !numbering.FollowsOn(*label))) break;
      first = false;
      numbering.Take(*label);
      // The row's lines run to the next label that follows on from this one.
      size_t end = r + 1;
      while (end < in.size() && end - r <= kMaxRowLines && !in[end].IsTableRow()) {
        const std::optional<RowLabel> next = RowLabelOf(in[end]);
        if (next && numbering.FollowsOn(*next)) break;
        ++end;
      }
      const bool last_row = end >= in.size() || in[end].IsTableRow() || !RowLabelOf(in[end]);
      if (last_row) {  // the table ends after its last row's cells (and their continuations)
        size_t k = r + 1, cells = 0;
        while (k < end && (cells < width || ContinuesCell(in[k].text))) {
          cells += !(cells > 0 && ContinuesCell(in[k].text));
          ++k;
        }
        end = k;
      }
      std::vector<std::string> parts;
      for (size_t k = r + 1; k < end; ++k) parts.push_back(in[k].text);
      std::vector<std::string> cells = FitCells(std::move(parts), width);
      cells.insert(cells.begin(), in[r].text);
      in[out++] = RowLine(in[r], std::move(cells), table);
      r = end;
      if (last_row) break;
    }
    i = r;
  }
  in.resize(out);
}

}  // namespace lienthong::parse
