// Task tracking: a unit's task board with each task's standing on a given day, and standing
// counts per child unit. Standings are computed on the day asked (core/task.h StandingOf), never
// stored. Changes are task_changes.h, files task_evidence.h, history and comments
// task_history.h, tasks that ancestors' plans assign assigned_tasks.h.
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
  // On a board: true when the task is not the unit's own but one a published plan of an
  // ancestor assigns to it (assigned_tasks.h); row.plan_* then name the assigning plan.
  bool assigned = false;
};

// True when the task's deadline is recurring and it has instances to track.
bool IsRecurring(const TaskView& view);

// Recomputes every derived field of `view` (standing, due, current instance, counts…) on `today`.
void ComputeStanding(TaskView& view, const Date& today);

// The path whose board a unit sees: its own, or "/" for a root unit, so that plans without an
// issuing unit (which belong to the root, as in api/authorize.h) are on the root's board.
std::string BoardPath(const Unit& unit);

// The board of the unit with path `unit_path` (store/task_store.h), computed on `today`.
Result<std::vector<TaskView>> LoadBoard(Database& db, const std::string& unit_path,
                                        const Date& today);
// One task; kNotFound "task N" when absent.
Result<TaskView> LoadTask(Database& db, int64_t task_id, const Date& today);
// Views of these rows with their assignees and instances, computed on `today`.
Result<std::vector<TaskView>> ViewsOf(Database& db, std::vector<TaskRow> rows, const Date& today);

struct TaskFilter {
  std::optional<TaskStatus> status;
  std::optional<TaskStanding> standing;
  std::optional<Date> due_before;  // due strictly before this day
  bool include_assigned = true;    // also tasks ancestors' plans assign to the unit
};

struct TaskList {
  std::vector<TaskView> tasks;  // the unit's own, then assigned ones; matching every filter
  StandingCounts counts;        // over its OWN tasks matching status and due_before (not standing)
  StandingCounts assigned_counts;  // the same over the assigned tasks (include_assigned only)
  int64_t assigned = 0;         // assigned tasks matching every filter
};

// The board of `unit` (BoardPath), filtered.
Result<TaskList> ListTasks(Database& db, const Unit& unit, const TaskFilter& filter,
                           const Date& today);

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
// for the unit's board as a whole (own tasks only).
Result<StandingReport> StandingByChild(Database& db, const Unit& unit, const Date& today);

}  // namespace lienthong
