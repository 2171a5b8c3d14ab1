// The task board as an XLSX workbook (GET /api/v1/tasks/export.xlsx): one sheet "Nhiệm vụ" with
// STT, Nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn, Trạng thái, Tiến độ (%), Tình trạng
// and, for tasks another level's plan assigns, the plan that assigns them.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/task.h"
#include "util/status.h"

namespace lienthong {

struct TaskBoardRow {
  std::string text;
  std::vector<std::string> lead;
  std::vector<std::string> coordinators;
  std::string deadline;  // as written, with the current period of a recurring task
  TaskStatus status = TaskStatus::kNotStarted;
  int progress = 0;
  TaskStanding standing = TaskStanding::kNoDeadline;
  std::string assigned_by;  // "" for the unit's own; else "12/KH-UBND (Ủy ban nhân dân tỉnh …)"
};

// The workbook of `unit_name`'s board on `today`.
Result<std::string> TaskBoardWorkbook(const std::string& unit_name, const Date& today,
                                      const std::vector<TaskBoardRow>& rows);

const char* TaskStatusLabelVi(TaskStatus status);
const char* TaskStandingLabelVi(TaskStanding standing);

}  // namespace lienthong
