#include "import/parse/task_extractor.h"

#include <algorithm>
#include <map>

#include "import/parse/duty_tasks.h"
#include "import/parse/line_kinds.h"
#include "import/parse/task_columns.h"
#include "import/parse/time_phrase.h"
#include "import/parse/unit_list.h"

namespace lienthong::parse {
namespace {

constexpr size_t kMaxTasks = 2000;  // cap work per document

// ---- A. Tables ----

std::string Cell(const std::vector<std::string>& cells, int col) {
  return col >= 0 && col < static_cast<int>(cells.size()) ? cells[col] : std::string();
}

bool IsRomanLabel(std::string_view s) {
  std::string t = TrimChars(s, " .");
  if (t.empty() || t.size() > 5) return false;
  for (char c : t) {
    if (c != 'I' && c != 'V' && c != 'X') return false;
  }
  return true;
}

bool IsGroupLabel(std::string_view s) {
  const std::string t = TrimChars(s, " .");
  return IsRomanLabel(t) || (t.size() == 1 && t[0] >= 'A' && t[0] <= 'Z');
}

}  // namespace

std::vector<ExtractedTask> ExtractTableTasks(const std::vector<Line>& lines) {
  std::vector<ExtractedTask> tasks;
  std::map<int, std::vector<const Line*>> tables;
  for (const Line& l : lines) {
    if (l.IsTableRow() && l.table_index >= 0) tables[l.table_index].push_back(&l);
  }
  std::string group;             // the group row the rows are under
  TaskColumns previous;          // the last task table's columns …
  size_t previous_width = 0;  // … and its widest row
  for (auto& [index, rows] : tables) {
    TaskColumns cols;
    size_t first_data = 0;
    size_t width = 0;
    for (const Line* row : rows) width = std::max(width, row->cells.size());
    for (size_t r = 0; r < rows.size() && r < 3 && !cols.Valid(); ++r) {
      cols = FindTaskColumns(rows[r]->cells, cols);
      first_data = r + 1;
    }
    // Why: a table broken by a page (or cut by a web page) goes on without its header row; rows
    // as wide as the last task table's continue it.
    const bool continues = !cols.Valid() && previous.Valid() && width == previous_width;
    if (continues) {
      cols = previous;
      first_data = 0;
    }
    if (!cols.Valid()) continue;
    previous = cols;
    previous_width = width;
    if (!continues) group.clear();  // a continued table keeps the group its rows are under
    ExtractedTask* last = nullptr;
    std::string lead_cell, coord_cell;
    auto finish = [&] {
      if (last == nullptr) return;
      last->task.lead = Units(lead_cell);
      last->task.coordinators = Units(coord_cell);
    };
    for (size_t r = first_data; r < rows.size() && tasks.size() < kMaxTasks; ++r) {
      const std::vector<std::string>& cells = rows[r]->cells;
      const std::string stt = Trim(Cell(cells, cols.stt));
      const std::string text = Trim(Cell(cells, cols.text));
      const std::string lead = Trim(Cell(cells, cols.lead));
      const std::string coord = Trim(Cell(cells, cols.coord));
      const std::string deadline = Trim(Cell(cells, cols.deadline));
      std::vector<std::string> filled;
      for (const std::string& c : cells) {
        std::string trimmed = Trim(c);  // once per cell, not three times
        if (!trimmed.empty() && std::find(filled.begin(), filled.end(), trimmed) == filled.end()) {
          filled.push_back(std::move(trimmed));
        }
      }
      if (filled.empty()) continue;
      const bool others_empty = lead.empty() && coord.empty() && deadline.empty();
      // A group row: a label and a title only (Roman/letter label, bold, or one merged cell).
      if (others_empty && (IsGroupLabel(stt) || rows[r]->bold ||
                           (filled.size() == 1 && stt.empty() && ParseItemLabel(*rows[r]).kind == Numbering::kNone &&
                            IsMostlyUpper(filled[0])))) {
        finish();
        last = nullptr;
        group = !text.empty() ? text : filled.back();
        if (IsGroupLabel(group) && filled.size() > 1) group = filled[1];
        continue;
      }
      // A continuation row: no number of its own.
      if (stt.empty() && cols.stt >= 0 && last != nullptr) {
        if (!text.empty()) last->task.text += " " + text;
        if (!lead.empty()) lead_cell += "\n" + lead;
        if (!coord.empty()) coord_cell += "\n" + coord;
        if (!deadline.empty() && last->task.deadline.original.empty()) SetDeadline(&last->task, deadline);
        continue;
      }
      if (text.empty()) continue;
      finish();
      ExtractedTask t;
      t.task.group = group;
      t.task.text = text;
      SetDeadline(&t.task, deadline);
      t.line = rows[r]->pos.line;
      t.source = "table";
      tasks.push_back(std::move(t));
      last = &tasks.back();
      lead_cell = lead;
      coord_cell = coord;
    }
    finish();
  }
  return tasks;
}

std::vector<ExtractedTask> ExtractTasks(const std::vector<Line>& doc_lines, const Outline& outline,
                                        const TaskContext& context, std::vector<ImportWarning>* warnings) {
  // The first source that exists: a task table, body items with their own fields, one task per
  // body in the section that assigns duties, a party conclusion's assignments.
  std::vector<ExtractedTask> tasks = ExtractTableTasks(doc_lines);
  if (tasks.empty()) tasks = ExtractItemTasks(outline, kMaxTasks);
  if (tasks.empty()) tasks = ExtractDutyTasks(outline, kMaxTasks);
  if (tasks.empty() && context.party_conclusion) tasks = ExtractAssignments(outline, kMaxTasks);
  if (tasks.size() >= kMaxTasks) {
    warnings->push_back({"task_list_cut", {{"limit", std::to_string(kMaxTasks)}},
                         "task list cut at " + std::to_string(kMaxTasks)});
  }
  return tasks;
}

}  // namespace lienthong::parse
