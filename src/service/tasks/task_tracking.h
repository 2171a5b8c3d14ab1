// Task tracking: a unit's task board with each task's standing on a given day, changes to a
// task's status/progress/evidence with their history, evidence files, and standing counts per
// child unit. Standings are computed on the day asked (core/task.h StandingOf), never stored.
//
// Recurring tasks (task_recurrence.h) are tracked per instance: each instance whose period has
// begun by `today` counts once in the buckets (future periods are not counted yet); the task's
// own standing, due date, status and progress describe its *current* instance — the earliest
// begun instance not done, else the latest begun one — and its status/progress summarise them
// all (done when every instance is done; progress the mean of the instances').
//
// Ongoing tasks ("Thường xuyên") are never overdue (no_deadline); they carry the days since
// their last update and are flagged stale after kStaleAfterDays.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/task.h"
#include "core/unit.h"
#include "store/database.h"
#include "store/task_store.h"

namespace lienthong {

// A month: the rhythm of the periodic reports most plans ask for.
inline constexpr int kStaleAfterDays = 30;
// Evidence files larger than this are refused (kTooLarge).
inline constexpr size_t kMaxEvidenceBytes = 10 * 1024 * 1024;
// Every function here takes the day it computes for; in production that is Today()
// (core/date.h).

struct StandingCounts {
  int64_t done_on_time = 0;
  int64_t done_late = 0;
  int64_t open_within_term = 0;
  int64_t open_overdue = 0;
  int64_t no_deadline = 0;

  void Add(TaskStanding standing, int64_t n = 1);
  void Add(const StandingCounts& other);
  int64_t Total() const;
};

struct InstanceView {
  InstanceRow row;
  bool begun = false;  // period_start <= today
  TaskStanding standing = TaskStanding::kNoDeadline;
};

struct TaskView {
  TaskRow row;  // status/progress/completed_on of the row; for recurring tasks the summary
  std::vector<AssigneeRow> assignees;
  std::vector<InstanceView> instances;
  std::optional<size_t> current_instance;  // index into instances
  TaskStanding standing = TaskStanding::kNoDeadline;
  std::optional<Date> due;           // the deadline, or the current instance's due date
  int days_since_update = 0;         // from updated_at to today
  bool stale = false;                // ongoing and not updated for kStaleAfterDays days
  StandingCounts counts;             // what this task adds to the buckets (instances counted)
  std::vector<std::string> owner_paths;  // plan unit path + resolved assignee unit paths
};

// Recomputes every derived field of `view` (standing, due, current instance, counts…) on `today`.
void ComputeStanding(TaskView& view, const Date& today);

// The board of the unit with path `unit_path` (store/task_store.h), computed on `today`.
Result<std::vector<TaskView>> LoadBoard(Database& db, const std::string& unit_path,
                                        const Date& today);
// One task; kNotFound "task N" when absent.
Result<TaskView> LoadTask(Database& db, int64_t task_id, const Date& today);

struct TaskFilter {
  std::optional<TaskStatus> status;
  std::optional<TaskStanding> standing;
  std::optional<Date> due_before;  // due strictly before this day
};

struct TaskList {
  std::vector<TaskView> tasks;  // matching every filter
  StandingCounts counts;        // over the tasks matching status and due_before (not standing)
};

Result<TaskList> ListTasks(Database& db, const std::string& unit_path, const TaskFilter& filter,
                           const Date& today);

std::optional<TaskStatus> ParseTaskStatus(const std::string& name);
std::optional<TaskStanding> ParseTaskStanding(const std::string& name);

// A requested change. Absent fields stay as they are.
struct TaskChange {
  std::optional<std::string> status;  // "not_started" | "in_progress" | "done"
  std::optional<int> progress;
  bool set_evidence_link = false;     // with evidence_link: nullopt clears it
  std::optional<std::string> evidence_link;
  std::optional<std::string> completed_on;  // ISO date; only with done
  std::optional<int64_t> instance_id;       // recurring tasks: which period (default: current)
  std::string note;
};

// Rules: status is one of the three names; progress 0..100; done ⇒ progress 100 (filled in when
// absent) and completed_on (today unless given; not after today); completed_on only with done;
// a done task keeps progress 100; evidence_link an http(s) address of at most 2,000 bytes; note
// at most 4,000 bytes; instance_id one of the task's instances. A rejected change is
// Status::InvalidField naming the field at fault (kInvalidArgument without a field when nothing
// would change).
Status ValidateTaskChange(const TaskView& task, const TaskChange& change, const Date& today);

// Applies `change` (progress on a not-started task moves it to in_progress; leaving done clears
// completed_on), appends a task_updates row (before → after, note) and an audit row, all in one
// transaction. Errors: those of ValidateTaskChange, kNotFound.
Result<TaskView> UpdateTask(Database& db, int64_t task_id, const TaskChange& change,
                            const std::string& actor, const Date& today);

// Stores an evidence file (with a task_updates row and an audit row). kTooLarge beyond
// kMaxEvidenceBytes, kInvalidArgument for an empty file. The name is reduced to its last path
// component, NFC, at most 200 bytes; an empty or unusable content type becomes
// application/octet-stream.
Result<EvidenceFile> AddEvidenceFile(Database& db, int64_t task_id, const std::string& file_name,
                                     const std::string& content_type, const std::string& bytes,
                                     const std::string& actor);

struct ChildStanding {
  std::string code;
  std::string name;
  StandingCounts counts;
};

struct StandingReport {
  std::vector<ChildStanding> children;  // active children, Vietnamese name order
  StandingCounts total;                 // the unit's whole board, each task once
};

// Counts per direct child's subtree board (a task assigned to two children counts in both) and
// for the unit's board as a whole.
Result<StandingReport> StandingByChild(Database& db, const Unit& unit, const Date& today);

}  // namespace lienthong
