// Tasks: what a plan assigns, to whom, by when.
//
// Plans state tasks in one of three ways, and the extractor uses the most explicit one present:
//
//   A. An appendix table (a "Phụ lục phân công nhiệm vụ"): one task per row. Columns are found
//      from the header row's words — "Nội dung/Nhiệm vụ/Công việc" (text), "chủ trì/thực hiện/
//      phụ trách" (lead), "phối hợp" (coordinators), "Thời gian/Thời hạn/Tiến độ" (deadline).
//      A row whose only text is its label and title (a Roman numeral or a bold/merged row, e.g.
//      "II | NHÓM NHIỆM VỤ TUYÊN TRUYỀN NỘI DUNG") is a group and names the group of the rows
//      below. A row without its own number continues the row above (a cell that spilled over a
//      page or line): its cells are appended to the previous task's.
//   B. Otherwise, body items that name their own lead: an item with a field "Đơn vị thực hiện:",
//      "Cơ quan chủ trì:", "Chủ trì:"… among its lines. Text = the item's title, lead from that
//      field, coordinators from "(Đơn vị) phối hợp:", deadline from "Thời gian (thực hiện):".
//   C. and, also without a table, the organisation section ("TỔ CHỨC THỰC HIỆN"): one task per
//      responsible body — each "1. Ban Tuyên giáo …" heading with its duties below, or each
//      "- Văn phòng …: duties" item. Lead = the body (a leading "Đề nghị" dropped), text = its
//      duties (first duty first), deadline = a time phrase the first duty starts with
//      ("Định kỳ hằng quý …") or a dated limit among the duties ("trước ngày 05/12/2025").
//      A dated limit, not any time word: "Thường xuyên theo dõi" in a later duty describes how,
//      not by when.
//
// Worked example (C), from a fictional commune plan:
//     V. TỔ CHỨC THỰC HIỆN
//     1. Văn phòng HĐND và UBND xã
//     - Theo dõi, đôn đốc thực hiện Kế hoạch.
//     - Báo cáo kết quả trước ngày 10/12/2025.
//     2. Đề nghị Ủy ban MTTQ Việt Nam xã, các đoàn thể chính trị - xã hội xã
//     - Tuyên truyền đến đoàn viên, hội viên.
//   gives two tasks: {lead [Văn phòng HĐND và UBND xã], text "Theo dõi, đôn đốc …\nBáo cáo …",
//   deadline "trước ngày 10/12/2025"} and {lead [Ủy ban MTTQ Việt Nam xã, các đoàn thể chính trị
//   - xã hội xã], text "Tuyên truyền …", no deadline}.
#pragma once

#include <string>
#include <vector>

#include "core/task.h"
#include "import/parse/parsed_line.h"
#include "import/parse/section_parser.h"

namespace lienthong::parse {

struct ExtractedTask {
  Task task;
  int line = 0;           // source line
  std::string source;     // "table", "item", "organisation"
};

std::vector<ExtractedTask> ExtractTasks(const std::vector<Line>& doc_lines, const Outline& outline,
                                        std::vector<std::string>* warnings);

// Exposed for tests: tasks of the table rows (A).
std::vector<ExtractedTask> ExtractTableTasks(const std::vector<Line>& doc_lines);

}  // namespace lienthong::parse
