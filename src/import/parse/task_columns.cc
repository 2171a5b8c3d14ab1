#include "import/parse/task_columns.h"

#include "import/parse/line_kinds.h"

namespace lienthong::parse {

TaskColumn TaskColumnOf(std::string_view label) {
  const std::string k = FoldKey(label);
  // A header cell is a short label; a data cell that mentions "thực hiện" is not one.
  if (k.empty() || KeyWords(k).size() > 8) return TaskColumn::kNone;
  if (k == "stt" || k == "tt" || k == "so tt" || k == "tt." || k == "stt.") return TaskColumn::kNumber;
  if (KeyFind(k, "phoi hop") != kNpos) return TaskColumn::kCoordinators;
  if (KeyFind(k, "thoi gian") != kNpos || KeyFind(k, "thoi han") != kNpos ||
      KeyFind(k, "tien do") != kNpos || KeyFind(k, "hoan thanh") != kNpos) {
    return TaskColumn::kDeadline;
  }
  // Why before the lead: "Nhiệm vụ thực hiện" names the text column although it says "thực hiện".
  if (KeyFind(k, "noi dung") != kNpos || KeyFind(k, "nhiem vu") != kNpos ||
      KeyFind(k, "cong viec") != kNpos || KeyFind(k, "hoat dong") != kNpos) {
    return TaskColumn::kText;
  }
  if (KeyFind(k, "chu tri") != kNpos || KeyFind(k, "thuc hien") != kNpos ||
      KeyFind(k, "phu trach") != kNpos || KeyStartsWith(k, "don vi") || KeyStartsWith(k, "co quan") ||
      KeyStartsWith(k, "nguoi")) {
    return TaskColumn::kLead;
  }
  return TaskColumn::kNone;
}

TaskColumns FindTaskColumns(const std::vector<std::string>& cells, TaskColumns c) {
  for (size_t i = 0; i < cells.size(); ++i) {
    const int col = static_cast<int>(i);
    switch (TaskColumnOf(cells[i])) {
      case TaskColumn::kNumber: c.stt = col; break;
      case TaskColumn::kCoordinators: c.coord = col; break;
      case TaskColumn::kDeadline: c.deadline = col; break;
      case TaskColumn::kText: if (c.text < 0) c.text = col; break;
      case TaskColumn::kLead: if (c.lead < 0) c.lead = col; break;
      case TaskColumn::kNone: break;
    }
  }
  return c;
}

}  // namespace lienthong::parse
