#include "export/task_board_sheet.h"

#include <algorithm>

#include "export/xlsx_writer.h"

namespace lienthong {
namespace {

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : "; ") + name;
  return out;
}

}  // namespace

const char* TaskStatusLabelVi(TaskStatus status) {
  switch (status) {
    case TaskStatus::kDone: return "Hoàn thành";
    case TaskStatus::kInProgress: return "Đang thực hiện";
    case TaskStatus::kNotStarted: return "Chưa thực hiện";
  }
  return "Chưa thực hiện";
}

const char* TaskStandingLabelVi(TaskStanding standing) {
  switch (standing) {
    case TaskStanding::kDoneOnTime: return "Hoàn thành đúng hạn";
    case TaskStanding::kDoneLate: return "Hoàn thành quá hạn";
    case TaskStanding::kOpenWithinTerm: return "Đang thực hiện trong hạn";
    case TaskStanding::kOpenOverdue: return "Quá hạn";
    case TaskStanding::kNoDeadline: return "Không có thời hạn";
  }
  return "";
}

Result<std::string> TaskBoardWorkbook(const std::string& unit_name, const Date& today,
                                      const std::vector<TaskBoardRow>& rows) {
  XlsxSheet sheet;
  sheet.name = "Nhiệm vụ";
  sheet.title = "Tình hình thực hiện nhiệm vụ - " + unit_name + " (ngày " +
                std::to_string(today.day) + "/" + std::to_string(today.month) + "/" +
                std::to_string(today.year) + ")";
  sheet.headers = {"STT",      "Nhiệm vụ",   "Đơn vị chủ trì", "Đơn vị phối hợp",
                   "Thời hạn", "Trạng thái", "Tiến độ (%)",    "Tình trạng"};
  sheet.column_widths = {6, 60, 28, 28, 18, 16, 10, 24};
  bool any_assigned = std::any_of(rows.begin(), rows.end(),
                                  [](const TaskBoardRow& r) { return !r.assigned_by.empty(); });
  if (any_assigned) {
    sheet.headers.push_back("Kế hoạch giao");
    sheet.column_widths.push_back(36);
  }
  int n = 0;
  for (const TaskBoardRow& r : rows) {
    std::vector<XlsxCell> cells = {
        XlsxCell::Integer(++n),           XlsxCell::Text(r.text),
        XlsxCell::Text(Joined(r.lead)),   XlsxCell::Text(Joined(r.coordinators)),
        XlsxCell::Text(r.deadline),       XlsxCell::Text(TaskStatusLabelVi(r.status)),
        XlsxCell::Integer(r.progress),    XlsxCell::Text(TaskStandingLabelVi(r.standing))};
    if (any_assigned) cells.push_back(XlsxCell::Text(r.assigned_by));
    sheet.rows.push_back(std::move(cells));
  }
  return WriteXlsx({sheet});
}

}  // namespace lienthong
