#include "import/parse/task_extractor.h"

#include <algorithm>
#include <map>

#include "import/parse/line_kinds.h"
#include "import/parse/time_phrase.h"
#include "import/parse/unit_list.h"

namespace lienthong::parse {
namespace {

constexpr size_t kMaxTasks = 2000;  // cap work per document

std::vector<UnitRef> Units(std::string_view text) {
  std::vector<UnitRef> out;
  for (std::string& n : SplitUnitList(text)) out.push_back(UnitRef{std::move(n), std::nullopt});
  return out;
}

void SetDeadline(Task* task, const std::string& text) {
  const std::string t = TrimChars(text, " .;,");
  if (t.empty()) return;
  task->deadline = ParseDeadline(t);
  task->deadline.original = t;
}

// ---- A. Tables ----

struct Columns {
  int stt = -1, text = -1, lead = -1, coord = -1, deadline = -1;
  bool Valid() const { return text >= 0 && (lead >= 0 || deadline >= 0); }
};

Columns FindColumns(const std::vector<std::string>& cells, Columns c) {
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string k = FoldKey(cells[i]);
    const int col = static_cast<int>(i);
    // A header cell is a short label; a data cell that mentions "thực hiện" is not one.
    if (k.empty() || KeyWords(k).size() > 8) continue;
    if (k == "stt" || k == "tt" || k == "so tt" || k == "tt." || k == "stt.") {
      c.stt = col;
    } else if (KeyFind(k, "phoi hop") != kNpos) {
      c.coord = col;
    } else if (KeyFind(k, "thoi gian") != kNpos || KeyFind(k, "thoi han") != kNpos ||
               KeyFind(k, "tien do") != kNpos || KeyFind(k, "hoan thanh") != kNpos) {
      c.deadline = col;
    } else if (KeyFind(k, "noi dung") != kNpos || KeyFind(k, "nhiem vu") != kNpos ||
               KeyFind(k, "cong viec") != kNpos || KeyFind(k, "hoat dong") != kNpos) {
      // Why first: "Nhiệm vụ thực hiện" names the text column although it says "thực hiện".
      if (c.text < 0) c.text = col;
    } else if (KeyFind(k, "chu tri") != kNpos || KeyFind(k, "thuc hien") != kNpos ||
               KeyFind(k, "phu trach") != kNpos || KeyStartsWith(k, "don vi") ||
               KeyStartsWith(k, "co quan") || KeyStartsWith(k, "nguoi")) {
      if (c.lead < 0) c.lead = col;
    } else if (KeyFind(k, "noi dung") != kNpos || KeyFind(k, "nhiem vu") != kNpos ||
               KeyFind(k, "cong viec") != kNpos || KeyFind(k, "hoat dong") != kNpos) {
      if (c.text < 0) c.text = col;
    }
  }
  return c;
}

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
  Columns previous;          // the last task table's columns …
  size_t previous_width = 0;  // … and its widest row
  for (auto& [index, rows] : tables) {
    Columns cols;
    size_t first_data = 0;
    size_t width = 0;
    for (const Line* row : rows) width = std::max(width, row->cells.size());
    for (size_t r = 0; r < rows.size() && r < 3 && !cols.Valid(); ++r) {
      cols = FindColumns(rows[r]->cells, cols);
      first_data = r + 1;
    }
    // Why: a table broken by a page (or cut by a web page) goes on without its header row; rows
    // as wide as the last task table's continue it.
    if (!cols.Valid() && previous.Valid() && width == previous_width) {
      cols = previous;
      first_data = 0;
    }
    if (!cols.Valid()) continue;
    previous = cols;
    previous_width = width;
    std::string group;
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

namespace {

// ---- B. Items with their own lead ----

enum class Field { kNone, kLead, kCoord, kTime };

// "Đơn vị thực hiện: X" -> kLead with value X. A bare "Chủ trì:" is not a lead field: in a
// công văn's "Thành phần tham gia" it names who chairs a meeting or an inspection.
Field ParseField(const std::string& text, std::string* value) {
  const std::string key = FoldKey(text);
  const size_t colon = key.find(':');
  if (colon == std::string::npos || colon > 40) return Field::kNone;
  std::string label = TrimChars(key.substr(0, colon), " -+*");
  Field f = Field::kNone;
  static const std::pair<std::string_view, Field> kLabels[] = {
      {"don vi thuc hien", Field::kLead},   {"co quan thuc hien", Field::kLead},
      {"don vi chu tri", Field::kLead},     {"co quan chu tri", Field::kLead},
      {"nguoi thuc hien", Field::kLead},
      {"bo phan thuc hien", Field::kLead},  {"don vi phu trach", Field::kLead},
      {"don vi phoi hop", Field::kCoord},   {"co quan phoi hop", Field::kCoord},
      {"phoi hop", Field::kCoord},          {"thoi gian thuc hien", Field::kTime},
      {"thoi gian hoan thanh", Field::kTime}, {"thoi gian", Field::kTime},
      {"thoi han", Field::kTime},           {"thoi han hoan thanh", Field::kTime},
      {"tien do", Field::kTime},
  };
  for (const auto& [l, kind] : kLabels) {
    if (label == l) {
      f = kind;
      break;
    }
  }
  if (f != Field::kNone) *value = Trim(SliceByCodePoints(text, colon + 1, key.size()));
  return f;
}

bool InSubtree(const Outline& o, int node, int root) {
  for (int guard = 0; node >= 0 && guard < 64; ++guard) {
    if (node == root) return true;
    node = o.nodes[node].parent;
  }
  return false;
}

void ItemTasks(const Outline& o, int org, std::vector<ExtractedTask>* tasks) {
  for (size_t i = 0; i < o.nodes.size() && tasks->size() < kMaxTasks; ++i) {
    const OutlineNode& n = o.nodes[i];
    if (org >= 0 && InSubtree(o, static_cast<int>(i), org)) continue;
    std::string dummy;
    if (ParseField(n.title, &dummy) != Field::kNone) continue;  // a field line is not a task
    std::string lead, coord, time;
    auto read = [&](const std::string& line) {
      std::string value;
      switch (ParseField(line, &value)) {
        case Field::kLead: if (lead.empty()) lead = value; break;
        case Field::kCoord: if (coord.empty()) coord = value; break;
        case Field::kTime: if (time.empty()) time = TimeFieldValue(value); break;
        default: break;
      }
    };
    for (int c : n.children) read(o.nodes[c].title);
    for (const std::string& b : n.body) read(b);
    if (lead.empty()) continue;
    ExtractedTask t;
    t.task.text = TrimChars(n.title, " :");
    t.task.lead = Units(lead);
    t.task.coordinators = Units(coord);
    SetDeadline(&t.task, time);
    t.line = n.line;
    t.source = "item";
    tasks->push_back(std::move(t));
  }
}

// ---- C. The organisation section ----

bool NamesBody(const std::string& text) {
  const std::string cleaned = CleanUnitName(text);
  if (cleaned.empty() || KeyWords(FoldKey(cleaned)).size() > 25) return false;
  return UnitHeadLength(FoldKey(cleaned), 0) > 0 || FoldKey(cleaned).substr(0, 6) == "truong";
}

void OrganisationTasks(const Outline& o, int org, std::vector<ExtractedTask>* tasks, int depth) {
  if (org < 0 || depth > 2) return;
  for (int c : o.nodes[org].children) {
    if (tasks->size() >= kMaxTasks) return;
    const OutlineNode& n = o.nodes[c];
    const std::string key = FoldKey(n.title);
    // "1. Trách nhiệm của các sở, ngành" groups the bodies one level down.
    if (KeyStartsWith(key, "trach nhiem") || KeyStartsWith(key, "nhiem vu cua")) {
      OrganisationTasks(o, c, tasks, depth + 1);
      continue;
    }
    std::string lead_text;
    std::vector<std::string> duties;
    const size_t colon = n.title.find(':');
    if (colon != std::string::npos && NamesBody(n.title.substr(0, colon))) {
      lead_text = n.title.substr(0, colon);
      const std::string rest = Trim(n.title.substr(colon + 1));
      if (!rest.empty()) duties.push_back(rest);
    } else if (NamesBody(n.title) && !n.title.empty() && n.title.back() != '.') {
      lead_text = n.title;
    } else if (const Assignment a = FindAssignment(n.title); !a.body.empty()) {
      // "Giao Văn phòng … hướng dẫn …", "Các cơ quan, tổ chức … có trách nhiệm …".
      lead_text = a.body;
      duties.push_back(Trim(SliceByCodePoints(n.title, a.text_begin, CodePointCount(n.title))));
    } else {
      continue;
    }
    for (const std::string& b : n.body) duties.push_back(b);
    for (int d : n.children) {
      std::string duty = o.nodes[d].title;
      for (const std::string& b : o.nodes[d].body) duty += " " + b;
      duties.push_back(duty);
    }
    if (duties.empty()) continue;
    ExtractedTask t;
    for (const std::string& d : duties) {
      if (!t.task.text.empty()) t.task.text += "\n";
      t.task.text += d;
    }
    t.task.lead = Units(lead_text);
    std::string deadline = LeadingTimePhrase(duties.front());
    for (size_t d = 0; d < duties.size() && deadline.empty(); ++d) deadline = DatedLimitPhrase(duties[d]);
    SetDeadline(&t.task, deadline);
    t.line = n.line;
    t.source = "organisation";
    tasks->push_back(std::move(t));
  }
}

}  // namespace

std::vector<ExtractedTask> ExtractTasks(const std::vector<Line>& doc_lines, const Outline& outline,
                                        std::vector<std::string>* warnings) {
  std::vector<ExtractedTask> tasks = ExtractTableTasks(doc_lines);
  if (!tasks.empty()) return tasks;
  const int org = FindTopSection(outline, {"to chuc thuc hien", "trach nhiem", "phan cong"});
  ItemTasks(outline, org, &tasks);
  OrganisationTasks(outline, org, &tasks, 0);
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const ExtractedTask& a, const ExtractedTask& b) { return a.line < b.line; });
  if (tasks.size() >= kMaxTasks) warnings->push_back("task list cut at " + std::to_string(kMaxTasks));
  return tasks;
}

}  // namespace lienthong::parse
