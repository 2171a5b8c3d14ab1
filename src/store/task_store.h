// TaskStore: the task-tracking tables (migrations 0006 and 0011) — task rows as a unit's board
// sees them, their assignees, recurring instances, history (task_updates), comments and evidence
// files. The lead/coordinator lists, stored as JSON arrays, are decoded here.
//
// A unit's *board* is every task of a plan (not archived) issued by a unit of its subtree, plus
// every task assigned (task_assignees) to a unit of its subtree. A task a plan edit removed
// (archived_at set, service/plans/plan_tasks.h) is on no board, list or search; Get still reads
// it, for its history, with archived_at telling it apart. A plan without an issuing unit
// belongs to the root path "/" (as in api/authorize.h), so only the board of "/" holds it.
// Writers must hold a transaction (see Transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/plan.h"
#include "core/task.h"
#include "core/time_spec.h"
#include "store/database.h"

namespace lienthong {

struct TaskRow {
  int64_t id = 0;
  int64_t plan_id = 0;
  std::optional<std::string> plan_number;
  std::optional<std::string> plan_date;
  std::string plan_title;
  PlanStatus plan_status = PlanStatus::kDraft;
  std::string plan_unit_path;  // "/" for a plan without unit
  std::string plan_unit_code;  // "" for a plan without unit
  std::string plan_unit_name;
  std::string group;
  std::string text;
  std::vector<std::string> lead;          // as written
  std::vector<std::string> coordinators;  // as written
  std::optional<std::string> deadline_text;
  TimeSpecKind deadline_kind = TimeSpecKind::kUnknown;
  std::optional<std::string> deadline_date;
  TaskStatus status = TaskStatus::kNotStarted;
  int progress = 0;
  std::optional<std::string> completed_on;
  std::optional<std::string> evidence_link;
  std::string updated_at;
  std::optional<std::string> archived_at;  // set once a plan edit removed the task
};

struct AssigneeRow {
  int64_t task_id = 0;
  std::string role;  // "lead" | "coordinator"
  int position = 0;
  std::string name;  // as written
  std::optional<int64_t> unit_id;
  std::string unit_code;  // "" when unresolved
  std::string unit_name;
  std::string unit_path;
};

struct InstanceRow {
  int64_t id = 0;
  int64_t task_id = 0;
  std::string frequency;
  std::string period_label;
  std::string period_start;
  std::string due_date;
  TaskStatus status = TaskStatus::kNotStarted;
  int progress = 0;
  std::optional<std::string> completed_on;
  std::string updated_at;
};

// The tracked fields of a task or an instance (evidence_link is the task's only).
struct TrackedState {
  TaskStatus status = TaskStatus::kNotStarted;
  int progress = 0;
  std::optional<std::string> completed_on;
  std::optional<std::string> evidence_link;
};

struct TaskUpdateRow {
  int64_t id = 0;
  int64_t task_id = 0;
  std::optional<int64_t> instance_id;
  std::string at;
  std::string actor;
  std::string before_json;  // store/task_audit.h shapes
  std::string after_json;
  std::string note;
  std::string actor_name;  // the account's display name when `actor` is "web:USER" (read only)
};

struct TaskComment {
  int64_t id = 0;
  int64_t task_id = 0;
  std::string at;
  std::string actor;
  std::string unit_code;  // the commenter's unit
  std::string unit_name;
  std::string text;
  std::string actor_name;  // the account's display name when `actor` is "web:USER" (read only)
};

struct EvidenceFile {
  int64_t task_id = 0;
  int n = 0;
  std::string file_name;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
  std::string added_at;
  std::string added_by;
  std::string content;  // filled by GetEvidence only
  std::string added_by_name;  // the account's display name (ListEvidence only)
};

// A task's deadline as stored: the words and their typed reading (text/time_spec_parser.h).
struct TaskDeadline {
  std::optional<std::string> text;
  TimeSpecKind kind = TimeSpecKind::kUnknown;
  std::optional<std::string> date;  // the due day, ISO
};

// A plan as recurring instances need it: its date, the ends of its phases ("YYYY-MM" or "YYYY",
// from the stored document) and the day it was stored.
struct PlanSchedule {
  std::optional<std::string> date;
  std::vector<std::string> phase_ends;
  std::string created_at;
};

// One name of a task's lead or coordinator list and the unit it resolved to.
struct AssigneeWrite {
  int64_t task_id = 0;
  std::string role;  // "lead" | "coordinator"
  int position = 0;
  std::string name;
  std::optional<int64_t> unit_id;
};

class TaskStore {
 public:
  explicit TaskStore(Database& db) : db_(db) {}

  // The board of the unit with this path (see above), by plan then position.
  Result<std::vector<TaskRow>> Board(const std::string& unit_path);
  Result<std::vector<AssigneeRow>> BoardAssignees(const std::string& unit_path);
  Result<std::vector<InstanceRow>> BoardInstances(const std::string& unit_path);

  Result<std::optional<TaskRow>> Get(int64_t task_id);
  Result<std::vector<AssigneeRow>> Assignees(int64_t task_id);
  Result<std::vector<InstanceRow>> Instances(int64_t task_id);
  // The same for several tasks at once (any order of ids; rows by task then position/due date).
  Result<std::vector<AssigneeRow>> AssigneesOf(const std::vector<int64_t>& task_ids);
  Result<std::vector<InstanceRow>> InstancesOf(const std::vector<int64_t>& task_ids);

  // Every current (not archived) task of plan `plan_id`, by position.
  Result<std::vector<TaskRow>> PlanTasks(int64_t plan_id);
  // Every current task of the PUBLISHED plans issued by the units `unit_ids`, by plan then
  // position.
  Result<std::vector<TaskRow>> PublishedTasksOf(const std::vector<int64_t>& unit_ids);
  // Every plan id, ascending.
  Result<std::vector<int64_t>> PlanIds();
  // kNotFound "plan N" when absent.
  Result<PlanSchedule> Schedule(int64_t plan_id);

  // Replaces the assignee rows of every current task of plan `plan_id` with `rows`; an archived
  // task keeps the assignees it had, for its history.
  Status ReplaceAssignees(int64_t plan_id, const std::vector<AssigneeWrite>& rows);
  // Adds one instance of a recurring task unless (task, frequency, period_start) exists.
  Status AddInstance(const InstanceRow& instance);

  Status UpdateTask(int64_t task_id, const TrackedState& state, const std::string& updated_at);
  Status UpdateInstance(int64_t instance_id, const TrackedState& state,
                        const std::string& updated_at);
  Status SetDeadline(int64_t task_id, const TaskDeadline& deadline, const std::string& updated_at);
  Status TouchTask(int64_t task_id, const std::string& updated_at);

  Result<int64_t> InsertUpdate(const TaskUpdateRow& update);
  // Newest first.
  Result<std::vector<TaskUpdateRow>> History(int64_t task_id);

  // Stores a comment (its id and time are the caller's to fill) and returns its id.
  Result<int64_t> InsertComment(const TaskComment& comment, std::optional<int64_t> unit_id);
  // Oldest first.
  Result<std::vector<TaskComment>> Comments(int64_t task_id);

  // Numbers the file (1, 2, … per task) and returns its number.
  Result<int> InsertEvidence(const EvidenceFile& file);
  Result<std::vector<EvidenceFile>> ListEvidence(int64_t task_id);  // without content
  Result<std::optional<EvidenceFile>> GetEvidence(int64_t task_id, int n);

 private:
  Database& db_;
};

}  // namespace lienthong
