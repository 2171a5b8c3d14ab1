// TaskStore: the task-tracking tables (migration 0006) — task rows as a unit's board sees them,
// their assignees, recurring instances, history (task_updates) and evidence files.
//
// A unit's *board* is every task of a plan (not archived) issued by a unit of its subtree, plus
// every task assigned (task_assignees) to a unit of its subtree. A plan without an issuing unit
// belongs to the root path "/" (as in api/authorize.h), so only the board of "/" holds it.
// Writers must hold a transaction (see Transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace lienthong {

struct TaskRow {
  int64_t id = 0;
  int64_t plan_id = 0;
  std::optional<std::string> plan_number;
  std::optional<std::string> plan_date;
  std::string plan_unit_path;  // "/" for a plan without unit
  std::string group;
  std::string text;
  std::string lead_json = "[]";
  std::string coordinators_json = "[]";
  std::optional<std::string> deadline_text;
  std::string deadline_kind = "unknown";
  std::optional<std::string> deadline_date;
  std::string status = "not_started";
  int progress = 0;
  std::optional<std::string> completed_on;
  std::optional<std::string> evidence_link;
  std::string updated_at;
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
  std::string status = "not_started";
  int progress = 0;
  std::optional<std::string> completed_on;
  std::string updated_at;
};

// The tracked fields of a task or an instance (evidence_link is the task's only).
struct TrackedState {
  std::string status;
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
  std::string before_json;
  std::string after_json;
  std::string note;
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

  Status UpdateTask(int64_t task_id, const TrackedState& state, const std::string& updated_at);
  Status UpdateInstance(int64_t instance_id, const TrackedState& state,
                        const std::string& updated_at);
  Status TouchTask(int64_t task_id, const std::string& updated_at);

  Result<int64_t> InsertUpdate(const TaskUpdateRow& update);
  // Newest first.
  Result<std::vector<TaskUpdateRow>> History(int64_t task_id);

  // Numbers the file (1, 2, … per task) and returns its number.
  Result<int> InsertEvidence(const EvidenceFile& file);
  Result<std::vector<EvidenceFile>> ListEvidence(int64_t task_id);  // without content
  Result<std::optional<EvidenceFile>> GetEvidence(int64_t task_id, int n);

 private:
  Database& db_;
};

}  // namespace lienthong
