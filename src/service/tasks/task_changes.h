// Changing a task: its status, progress, completion day, evidence link or deadline, with a note;
// every change is a task_updates row and an audit row in one transaction (store/task_audit.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/task.h"
#include "service/tasks/task_tracking.h"
#include "store/database.h"

namespace lienthong {

// A requested change. Absent fields stay as they are.
struct TaskChange {
  std::optional<TaskStatus> status;
  std::optional<int> progress;
  bool set_evidence_link = false;     // with evidence_link: nullopt clears it
  std::optional<std::string> evidence_link;
  std::optional<std::string> completed_on;  // ISO date; only with done
  std::optional<int64_t> instance_id;       // recurring tasks: which period (default: current)
  // The deadline in words ("Quý II/2026", "trước ngày 15/9/2025", "Thường xuyên", "hằng quý"),
  // typed by text/time_spec_parser.h; "" clears it. A recurring one gets its instances.
  std::optional<std::string> deadline;
  std::string note;
};

// Rules: progress 0..100; done ⇒ progress 100 (filled in when absent) and completed_on (today
// unless given; not after today); completed_on only with done; a done task keeps progress 100;
// evidence_link an http(s) address of at most 2,000 bytes; deadline at most 300 bytes and words
// text/time_spec_parser.h can read ("" clears it), never saved as an unread "no deadline"; note at
// most 4,000 bytes; instance_id one of the task's instances. A rejected change is
// Status::InvalidField naming the field at fault (kInvalidArgument without a field when nothing
// would change).
Status ValidateTaskChange(const TaskView& task, const TaskChange& change, const Date& today);

// Applies `change` (progress on a not-started task moves it to in_progress; leaving done clears
// completed_on; a new deadline is a change of its own in the history), in one transaction.
// Errors: those of ValidateTaskChange, kNotFound, kFailedPrecondition for a task a plan edit
// removed (archived: kept as it was, for its history).
Result<TaskView> UpdateTask(Database& db, int64_t task_id, const TaskChange& change,
                            const std::string& actor, const Date& today);

}  // namespace lienthong
