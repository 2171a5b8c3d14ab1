// Task: one thing a plan assigns — text, its group (the appendix row group), lead and
// coordinating units, and a deadline as written ("Quý IV/2025", "Thường xuyên").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/time_spec.h"

namespace lienthong {

enum class TaskStatus { kNotStarted, kInProgress, kDone };

// The Government Office's four buckets, computed at query time from the deadline.
enum class TaskStanding { kDoneOnTime, kDoneLate, kOpenWithinTerm, kOpenOverdue, kNoDeadline };

// A unit named in a task: as written, and resolved to a unit of the hierarchy when possible.
// A group name ("Các sở, ban, ngành tỉnh") stays whole and unresolved.
struct UnitRef {
  std::string name;
  std::optional<int64_t> unit_id;
};

struct Task {
  int64_t id = 0;
  int64_t plan_id = 0;
  std::string group;  // "NHÓM NHIỆM VỤ CHỈ ĐẠO VÀ TỔNG HỢP"
  std::string text;
  std::vector<UnitRef> lead;
  std::vector<UnitRef> coordinators;
  TimeSpec deadline;
  TaskStatus status = TaskStatus::kNotStarted;
  int progress_percent = 0;
  std::optional<Date> completed_on;
  std::optional<std::string> last_updated_at;  // ISO timestamp
};

// Which bucket a task falls into on `today`.
TaskStanding StandingOf(const Task& task, const Date& today);

const char* TaskStatusName(TaskStatus status);    // "not_started", "in_progress", "done"
const char* TaskStandingName(TaskStanding standing);  // "done_on_time", …
// The value a name above stands for; nullopt for anything else.
std::optional<TaskStatus> ParseTaskStatus(std::string_view name);
std::optional<TaskStanding> ParseTaskStanding(std::string_view name);

}  // namespace lienthong
