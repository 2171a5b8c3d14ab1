// Tasks stated in the body of a plan rather than in a table (task_extractor.h, sources B–D).
//
//   B. Items that carry their own fields — labelled lines ("- Cơ quan chủ trì: …", "- Thời gian
//      thực hiện: …", "Cơ quan thực hiện: X chủ trì, phối hợp với Y") under an item. Text = the
//      item's title, or its "Nội dung:" field when the title only names it ("Hoạt động 2"); lead
//      from the lead field (an empty field with "+" lines under it: the body each line opens
//      with); coordinators from "(Cơ quan) phối hợp:" or the "phối hợp với Y" of the lead field;
//      deadline from "Thời gian (thực hiện):". An item without fields among fielded siblings is a
//      task too when its text opens with a body that "có trách nhiệm / chủ trì …".
//   C. The section that assigns duties — titled TỔ CHỨC THỰC HIỆN, PHÂN CÔNG NHIỆM VỤ, Trách
//      nhiệm thực hiện, Phân công trách nhiệm — one task per responsible body: each "1. Ban
//      Tuyên giáo …" heading with its duties below, each "- Văn phòng …: duties" item, each item
//      that opens with "Giao X …" or with X as subject. Lead = the body (a leading "Đề nghị"
//      dropped), text = its duties (first duty first), deadline = a time phrase the first duty
//      starts with ("Định kỳ hằng quý …") or one written inside the duties ("trước ngày
//      05/12/2025", "hoàn thành trong tháng 11/2025"). A dated limit, not any time word:
//      "Thường xuyên theo dõi" in a later duty describes how, not by when.
//   D. A Party conclusion's assignments: each sentence that opens with "Giao <body>", "Yêu cầu
//      <named body>" or "<Body> chủ trì / phối hợp / có trách nhiệm …" starts a task, which runs
//      to the next such sentence or the end of its item; an item with two such sentences (two
//      actors, two deadlines) gives two tasks.
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
#include <string_view>
#include <vector>

#include "core/task.h"
#include "import/parse/section_parser.h"

namespace lienthong::parse {

struct ExtractedTask {
  Task task;
  int line = 0;        // source line
  std::string source;  // "table", "item", "organisation", "assignment"
};

std::vector<ExtractedTask> ExtractItemTasks(const Outline& outline, size_t max_tasks);
std::vector<ExtractedTask> ExtractDutyTasks(const Outline& outline, size_t max_tasks);
std::vector<ExtractedTask> ExtractAssignments(const Outline& outline, size_t max_tasks);

// Shared with the table reader: a cell or field split into units, and a deadline as written
// typed through ParseDeadline (time_phrase.h).
std::vector<UnitRef> Units(std::string_view text);
void SetDeadline(Task* task, const std::string& text);

}  // namespace lienthong::parse
