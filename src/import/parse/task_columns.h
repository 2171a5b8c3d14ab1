// The columns of a task table (an appendix "phân công nhiệm vụ"), found from its header row's
// labels: "STT/TT" (number), "Nội dung/Nhiệm vụ/Công việc/Hoạt động" (text), "chủ trì/thực
// hiện/phụ trách/Đơn vị/Cơ quan" (lead), "phối hợp" (coordinators), "Thời gian/Thời hạn/Tiến
// độ/hoàn thành" (deadline). Used for table rows (task_extractor.h) and for a table whose cells
// arrive one per line (stacked_tables.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lienthong::parse {

enum class TaskColumn { kNone, kNumber, kText, kLead, kCoordinators, kDeadline };

// What one header cell names; kNone for a data cell or another column ("Sản phẩm", "Ghi chú").
TaskColumn TaskColumnOf(std::string_view label);

struct TaskColumns {
  int stt = -1, text = -1, lead = -1, coord = -1, deadline = -1;
  bool Valid() const { return text >= 0 && (lead >= 0 || deadline >= 0); }
};

// The columns a header row names, added to `known` (a header over two rows).
TaskColumns FindTaskColumns(const std::vector<std::string>& cells, TaskColumns known);

}  // namespace lienthong::parse
