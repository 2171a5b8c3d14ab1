#include "core/task.h"

namespace lienthong {

TaskStanding StandingOf(const Task& task, const Date& today) {
  if (task.deadline.kind == TimeSpecKind::kOngoing) return TaskStanding::kNoDeadline;
  std::optional<Date> due = task.deadline.DueDate();
  if (task.status == TaskStatus::kDone) {
    if (!due || !task.completed_on || *task.completed_on <= *due) return TaskStanding::kDoneOnTime;
    return TaskStanding::kDoneLate;
  }
  if (!due) return TaskStanding::kNoDeadline;
  return today <= *due ? TaskStanding::kOpenWithinTerm : TaskStanding::kOpenOverdue;
}

const char* TaskStatusName(TaskStatus status) {
  switch (status) {
    case TaskStatus::kNotStarted: return "not_started";
    case TaskStatus::kInProgress: return "in_progress";
    case TaskStatus::kDone: return "done";
  }
  return "not_started";
}

const char* TaskStandingName(TaskStanding standing) {
  switch (standing) {
    case TaskStanding::kDoneOnTime: return "done_on_time";
    case TaskStanding::kDoneLate: return "done_late";
    case TaskStanding::kOpenWithinTerm: return "open_within_term";
    case TaskStanding::kOpenOverdue: return "open_overdue";
    case TaskStanding::kNoDeadline: return "no_deadline";
  }
  return "no_deadline";
}

std::optional<TaskStatus> ParseTaskStatus(std::string_view name) {
  for (TaskStatus s : {TaskStatus::kNotStarted, TaskStatus::kInProgress, TaskStatus::kDone}) {
    if (name == TaskStatusName(s)) return s;
  }
  return std::nullopt;
}

std::optional<TaskStanding> ParseTaskStanding(std::string_view name) {
  for (TaskStanding s : {TaskStanding::kDoneOnTime, TaskStanding::kDoneLate,
                         TaskStanding::kOpenWithinTerm, TaskStanding::kOpenOverdue,
                         TaskStanding::kNoDeadline}) {
    if (name == TaskStandingName(s)) return s;
  }
  return std::nullopt;
}

}  // namespace lienthong
