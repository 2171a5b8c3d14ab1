#include "import/parse/duty_tasks.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "import/parse/line_kinds.h"
#include "import/parse/time_phrase.h"
#include "import/parse/unit_list.h"

namespace lienthong::parse {

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

namespace {

// ---- B. Items with their own fields ----

enum class Field { kNone, kLead, kCoord, kTime, kContent };

// "Đơn vị thực hiện: X" -> kLead with value X. A bare "Chủ trì:" is not a lead field: in a
// công văn's "Thành phần tham gia" it names who chairs a meeting or an inspection.
Field ParseField(const std::string& text, std::string* value) {
  const std::string key = FoldKey(text);
  const size_t colon = key.find(':');
  if (colon == std::string::npos || colon > 40) return Field::kNone;
  const std::string label = TrimChars(key.substr(0, colon), " -+*");
  static constexpr std::pair<std::string_view, Field> kLabels[] = {
      {"don vi thuc hien", Field::kLead},     {"co quan thuc hien", Field::kLead},
      {"don vi chu tri", Field::kLead},       {"co quan chu tri", Field::kLead},
      {"nguoi thuc hien", Field::kLead},      {"bo phan thuc hien", Field::kLead},
      {"don vi phu trach", Field::kLead},     {"co quan, don vi thuc hien", Field::kLead},
      {"don vi phoi hop", Field::kCoord},     {"co quan phoi hop", Field::kCoord},
      {"phoi hop", Field::kCoord},            {"thoi gian thuc hien", Field::kTime},
      {"thoi gian hoan thanh", Field::kTime}, {"thoi gian", Field::kTime},
      {"thoi han", Field::kTime},             {"thoi han hoan thanh", Field::kTime},
      {"tien do", Field::kTime},              {"tien do thuc hien", Field::kTime},
      {"noi dung", Field::kContent},          {"noi dung thuc hien", Field::kContent},
      {"noi dung cong viec", Field::kContent}, {"noi dung hoat dong", Field::kContent},
  };
  for (const auto& [l, kind] : kLabels) {
    if (label == l) {
      *value = Trim(SliceByCodePoints(text, colon + 1, key.size()));
      return kind;
    }
  }
  return Field::kNone;
}

bool InSubtree(const Outline& o, int node, int root) {
  for (int guard = 0; node >= 0 && guard < 64; ++guard) {
    if (node == root) return true;
    node = o.nodes[node].parent;
  }
  return false;
}

// "Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành …": the lead before "chủ trì", the
// coordinators after "phối hợp (với)".
void SplitLeadField(const std::string& value, std::string* lead, std::string* coord) {
  const std::string key = FoldKey(value);
  const size_t chu_tri = KeyFind(key, "chu tri");
  const size_t phoi_hop = chu_tri == kNpos ? kNpos : KeyFind(key, "phoi hop", chu_tri);
  if (chu_tri == kNpos || phoi_hop == kNpos || phoi_hop > chu_tri + 12) {
    *lead = value;
    return;
  }
  *lead = Trim(SliceByCodePoints(value, 0, chu_tri));
  size_t from = phoi_hop + 8;
  if (KeyStartsWith(std::string_view(key).substr(std::min(from + 1, key.size())), "voi")) from += 4;
  if (coord->empty()) *coord = Trim(SliceByCodePoints(value, from, key.size()));
}

// The body that opens a "+" line ("+ Sở Xây dựng đăng tải …" -> "Sở Xây dựng").
std::string OpeningBody(const std::string& line) {
  const Assignment a = FindAssignment(line);
  if (!a.body.empty()) return a.body;
  return LeadingUnitName(line);
}

struct ItemFields {
  std::string lead, coord, time, content;
};

ItemFields ReadFields(const Outline& o, const OutlineNode& n) {
  ItemFields f;
  auto read = [&](const std::string& line, const OutlineNode* node) {
    std::string value;
    switch (ParseField(line, &value)) {
      case Field::kLead:
        if (!f.lead.empty()) break;
        if (value.empty() && node != nullptr) {  // the bodies are the lines under the label
          for (int c : node->children) {
            const std::string body = OpeningBody(o.nodes[c].title);
            if (!body.empty()) f.lead += (f.lead.empty() ? "" : "\n") + body;
          }
        } else {
          SplitLeadField(value, &f.lead, &f.coord);
        }
        break;
      case Field::kCoord: if (f.coord.empty()) f.coord = value; break;
      case Field::kTime: if (f.time.empty()) f.time = TimeFieldValue(value); break;
      case Field::kContent:
        if (f.content.empty()) {
          f.content = value;
          if (value.empty() && node != nullptr && !node->children.empty()) {
            f.content = o.nodes[node->children.front()].title;
          }
        }
        break;
      default: break;
    }
  };
  for (int c : n.children) read(o.nodes[c].title, &o.nodes[c]);
  for (const std::string& b : n.body) read(b, nullptr);
  return f;
}

// "Hoạt động 2", "Nhiệm vụ 3": a title that only names the item.
bool NamesItemOnly(const std::string& title) {
  const std::string key = FoldKey(title);
  const std::vector<KeyWord> w = KeyWords(key);
  return w.size() <= 3 && !w.empty() && std::isdigit(static_cast<unsigned char>(w.back().text[0]));
}

}  // namespace

std::vector<ExtractedTask> ExtractItemTasks(const Outline& o, size_t max_tasks) {
  std::vector<ExtractedTask> tasks;
  const int org = FindTopSection(o, {"to chuc thuc hien", "trach nhiem", "phan cong"});
  std::vector<int> parents;  // parents of fielded items: their other items may be tasks too
  for (size_t i = 0; i < o.nodes.size() && tasks.size() < max_tasks; ++i) {
    const OutlineNode& n = o.nodes[i];
    if (org >= 0 && InSubtree(o, static_cast<int>(i), org)) continue;
    std::string dummy;
    if (ParseField(n.title, &dummy) != Field::kNone) continue;  // a field line is not a task
    const ItemFields f = ReadFields(o, n);
    if (f.lead.empty()) continue;
    ExtractedTask t;
    t.task.text = TrimChars(NamesItemOnly(n.title) && !f.content.empty() ? f.content : n.title, " :");
    t.task.lead = Units(f.lead);
    t.task.coordinators = Units(f.coord);
    SetDeadline(&t.task, f.time);
    t.line = n.line;
    t.source = "item";
    tasks.push_back(std::move(t));
    parents.push_back(n.parent);
  }
  // An item without fields among fielded siblings, whose text opens with a responsible body.
  for (size_t i = 0; i < o.nodes.size() && !tasks.empty() && tasks.size() < max_tasks; ++i) {
    const OutlineNode& n = o.nodes[i];
    if (std::find(parents.begin(), parents.end(), n.parent) == parents.end()) continue;
    if (!ReadFields(o, n).lead.empty() || n.body.empty()) continue;
    const Assignment a = FindAssignment(n.body.front(), /*role_verb_only=*/true);
    if (a.body.empty()) continue;
    ExtractedTask t;
    t.task.text = TrimChars(n.title, " :");
    t.task.lead = Units(a.body);
    SetDeadline(&t.task, DeadlineInText(n.body.front()));
    t.line = n.line;
    t.source = "item";
    tasks.push_back(std::move(t));
  }
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const ExtractedTask& a, const ExtractedTask& b) { return a.line < b.line; });
  return tasks;
}

// ---- C. The section that assigns duties ----

namespace {

bool NamesBody(const std::string& text) {
  const std::string cleaned = CleanUnitName(text);
  if (cleaned.empty() || KeyWords(FoldKey(cleaned)).size() > 25) return false;
  return UnitHeadLength(FoldKey(cleaned), 0) > 0 || FoldKey(cleaned).substr(0, 6) == "truong";
}

std::string DeadlineOf(const std::vector<std::string>& duties) {
  std::string deadline = LeadingTimePhrase(duties.front());
  for (size_t d = 0; d < duties.size() && deadline.empty(); ++d) deadline = DeadlineInText(duties[d]);
  return deadline;
}

// The body an item of the duty section is about, and the duties its own line states.
bool ReadDutyItem(const OutlineNode& n, std::string* lead, std::vector<std::string>* duties) {
  // "Giao Văn phòng … hướng dẫn …", "Các cơ quan, tổ chức … có trách nhiệm …". A title that
  // names a body and then what it does ("Sở X chỉ đạo Chi cục Y thực hiện các nội dung sau:")
  // is such a sentence, not a name before a colon or a heading cut by a line break.
  // Before a colon, a role verb ("Sở X chủ trì, phối hợp với Sở Y: …") states the roles of a
  // name and its duties, which the colon form reads.
  const Assignment a = FindAssignment(n.title);
  const bool sentence = a.clear_verb && !a.body.empty();
  const size_t colon = n.title.find(':');
  if (!(sentence && !a.role_verb) && colon != std::string::npos &&
      NamesBody(n.title.substr(0, colon))) {
    *lead = n.title.substr(0, colon);
    const std::string rest = Trim(n.title.substr(colon + 1));
    if (!rest.empty()) duties->push_back(rest);
    return true;
  }
  if (!sentence && NamesBody(n.title) && !n.title.empty() && n.title.back() != '.') {
    *lead = n.title;
    return true;
  }
  if (a.body.empty()) return false;
  *lead = a.body;
  duties->push_back(Trim(SliceByCodePoints(n.title, a.text_begin, CodePointCount(n.title))));
  return true;
}

void DutyTasks(const Outline& o, int section, int depth, size_t max_tasks,
               std::vector<ExtractedTask>* tasks) {
  if (section < 0 || depth > 2) return;
  for (int c : o.nodes[section].children) {
    if (tasks->size() >= max_tasks) return;
    const OutlineNode& n = o.nodes[c];
    const std::string key = FoldKey(n.title);
    // "1. Trách nhiệm của các sở, ngành" groups the bodies one level down.
    if (KeyStartsWith(key, "trach nhiem") || KeyStartsWith(key, "nhiem vu cua") ||
        KeyStartsWith(key, "phan cong")) {
      DutyTasks(o, c, depth + 1, max_tasks, tasks);
      continue;
    }
    std::string lead;
    std::vector<std::string> duties;
    if (!ReadDutyItem(n, &lead, &duties)) continue;
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
    // "X chủ trì, phối hợp với Y: …" names the coordinators too.
    std::string lead_only, coordinators;
    SplitLeadField(lead, &lead_only, &coordinators);
    t.task.lead = Units(lead_only);
    t.task.coordinators = Units(coordinators);
    SetDeadline(&t.task, DeadlineOf(duties));
    t.line = n.line;
    t.source = "organisation";
    tasks->push_back(std::move(t));
  }
}

// Sections that assign duties, most specific first: a section named for the assignment of
// duties wins over the general TỔ CHỨC THỰC HIỆN.
std::vector<int> DutySections(const Outline& o) {
  static constexpr std::array<std::string_view, 5> kNames = {
      "phan cong nhiem vu", "phan cong trach nhiem", "trach nhiem thuc hien",
      "trach nhiem cua cac", "to chuc thuc hien"};
  std::vector<int> out;
  for (std::string_view name : kNames) {
    for (size_t i = 0; i < o.nodes.size(); ++i) {
      const OutlineNode& n = o.nodes[i];
      const bool top = std::find(o.top.begin(), o.top.end(), static_cast<int>(i)) != o.top.end();
      const std::string key = FoldKey(n.title);
      // Nested sections must be named so; a top one may name it anywhere in its title
      // ("THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN", "Về phân công nhiệm vụ của …").
      if (top ? KeyFind(key, name) != kNpos : KeyStartsWith(TrimChars(key, " *"), name)) {
        if (std::find(out.begin(), out.end(), static_cast<int>(i)) == out.end()) {
          out.push_back(static_cast<int>(i));
        }
      }
    }
  }
  return out;
}

}  // namespace

std::vector<ExtractedTask> ExtractDutyTasks(const Outline& o, size_t max_tasks) {
  std::vector<ExtractedTask> tasks;
  for (int section : DutySections(o)) {
    DutyTasks(o, section, 0, max_tasks, &tasks);
    if (!tasks.empty()) break;
  }
  return tasks;
}

// ---- D. A Party conclusion's assignments ----

namespace {

// Sentences of a paragraph: split after ". " where the next sentence starts in capitals.
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] == '.' && text[i + 1] == ' ' && StartsUpper(std::string_view(text).substr(i + 2))) {
      out.push_back(Trim(std::string_view(text).substr(start, i + 1 - start)));
      start = i + 2;
    }
  }
  out.push_back(Trim(std::string_view(text).substr(start)));
  return out;
}

}  // namespace

std::vector<ExtractedTask> ExtractAssignments(const Outline& o, size_t max_tasks) {
  std::vector<ExtractedTask> tasks;
  for (const OutlineNode& n : o.nodes) {
    if (tasks.size() >= max_tasks) break;
    size_t open = tasks.size();  // the node's current task: later sentences add to it
    std::vector<std::string> paragraphs = {n.title};
    paragraphs.insert(paragraphs.end(), n.body.begin(), n.body.end());
    for (const std::string& p : paragraphs) {
      for (const std::string& sentence : Sentences(p)) {
        const Assignment a = FindAssignment(sentence, /*role_verb_only=*/true);
        if (a.body.empty()) {
          if (open < tasks.size()) tasks[open].task.text += " " + sentence;
          continue;
        }
        ExtractedTask t;
        t.task.text = Trim(SliceByCodePoints(sentence, a.text_begin, CodePointCount(sentence)));
        t.task.lead = Units(a.body);
        t.line = n.line;
        t.source = "assignment";
        open = tasks.size();
        tasks.push_back(std::move(t));
      }
    }
  }
  for (ExtractedTask& t : tasks) SetDeadline(&t.task, DeadlineInText(t.task.text));
  return tasks;
}

}  // namespace lienthong::parse
