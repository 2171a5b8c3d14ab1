// Tasks: what a plan assigns, to whom, by when.
//
// Plans state tasks in several ways; the extractor takes the first source that exists (the
// corpus gold conventions, ../shared/corpus/README.md):
//
//   A. An appendix table (a "Phụ lục phân công nhiệm vụ"): one task per row. Columns are found
//      from the header row's words — "Nội dung/Nhiệm vụ/Công việc" (text), "chủ trì/thực hiện/
//      phụ trách" (lead), "phối hợp" (coordinators), "Thời gian/Thời hạn/Tiến độ" (deadline).
//      A row whose only text is its label and title (a Roman numeral or a bold/merged row, e.g.
//      "II | NHÓM NHIỆM VỤ TUYÊN TRUYỀN NỘI DUNG") is a group and names the group of the rows
//      below. A row without its own number continues the row above (a cell that spilled over a
//      page or line): its cells are appended to the previous task's. A table without a header
//      row, as wide as the task table before it, continues that table (a page break, or a web
//      page that cut the table).
//   B. Body items that carry their own fields (duty_tasks.h).
//   C. One task per body in the section that assigns duties (duty_tasks.h).
//   D. In a Party conclusion or notice, its "Giao …" / "Yêu cầu <body> …" sentences
//      (duty_tasks.h).
#pragma once

#include <string>
#include <vector>

#include "core/task.h"
#include "import/import_warning.h"
#include "import/parse/duty_tasks.h"
#include "import/parse/parsed_line.h"
#include "import/parse/section_parser.h"

namespace lienthong::parse {


// What the extractor knows of the document beyond its lines.
struct TaskContext {
  bool party_conclusion = false;  // a Party conclusion or notice: "Giao …" assignments are tasks
};

std::vector<ExtractedTask> ExtractTasks(const std::vector<Line>& doc_lines, const Outline& outline,
                                        const TaskContext& context, std::vector<ImportWarning>* warnings);

// Exposed for tests: tasks of the table rows (A).
std::vector<ExtractedTask> ExtractTableTasks(const std::vector<Line>& doc_lines);

}  // namespace lienthong::parse
