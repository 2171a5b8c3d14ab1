#include "service/plans/plan_tasks.h"

#include <map>
#include <optional>
#include <vector>

#include "store/audit_log.h"
#include "store/plan_audit.h"
#include "text/time_spec_parser.h"

namespace lienthong {
namespace {

bool SameContent(const TaskRecord& a, const TaskRecord& b) {
  return a.position == b.position && a.group == b.group && a.text == b.text && a.lead == b.lead &&
         a.coordinators == b.coordinators && a.deadline_text == b.deadline_text &&
         a.deadline_kind == b.deadline_kind && a.deadline_date == b.deadline_date;
}

// For each document task, the index of the current row it keeps, if any: by id first, then (for
// tasks without a usable id) by identical text, preferring the row at the same position.
std::vector<std::optional<size_t>> MatchRows(const PlanDocument& document,
                                             const std::vector<TaskRecord>& rows) {
  std::vector<std::optional<size_t>> match(document.tasks.size());
  std::vector<bool> claimed(rows.size(), false);
  std::map<int64_t, size_t> by_id;
  for (size_t r = 0; r < rows.size(); ++r) by_id[rows[r].id] = r;
  for (size_t i = 0; i < document.tasks.size(); ++i) {
    const auto& id = document.tasks[i].id;
    if (!id) continue;
    auto it = by_id.find(*id);
    if (it == by_id.end() || claimed[it->second]) continue;
    match[i] = it->second;
    claimed[it->second] = true;
  }
  for (size_t i = 0; i < document.tasks.size(); ++i) {
    if (match[i]) continue;
    std::optional<size_t> best;
    for (size_t r = 0; r < rows.size(); ++r) {
      if (claimed[r] || rows[r].text != document.tasks[i].text) continue;
      if (!best || rows[r].position == static_cast<int>(i)) best = r;
      if (rows[r].position == static_cast<int>(i)) break;
    }
    if (best) {
      match[i] = best;
      claimed[*best] = true;
    }
  }
  return match;
}

Status AuditTask(Database& db, const std::string& actor, const char* action, int64_t task_id,
                 const std::string& before, const std::string& after) {
  return AppendAudit(db, AuditEntry{.actor = actor,
                                    .action = action,
                                    .entity = "task",
                                    .entity_id = std::to_string(task_id),
                                    .before_json = before,
                                    .after_json = after});
}

}  // namespace

TaskRecord TaskRecordFor(const DocumentTask& task, int position) {
  TaskRecord t;
  t.position = position;
  t.group = task.group;
  t.text = task.text;
  t.lead = task.lead;
  t.coordinators = task.coordinators;
  if (!task.deadline.empty()) {
    TimeSpec spec = ParseTimeSpec(task.deadline);
    t.deadline_text = spec.original;
    t.deadline_kind = spec.kind;
    t.deadline_date = spec.DueDate();
  }
  if (!t.deadline_date && task.deadline_date) t.deadline_date = task.deadline_date;
  return t;
}

Result<TaskSync> SyncPlanTasks(Database& db, int64_t plan_id, PlanDocument& document,
                               const std::string& actor, bool audit) {
  PlanStore store(db);
  LT_ASSIGN_OR_RETURN(std::vector<TaskRecord> rows, store.Tasks(plan_id));
  const std::vector<std::optional<size_t>> match = MatchRows(document, rows);
  std::vector<bool> kept(rows.size(), false);
  TaskSync sync;
  for (size_t i = 0; i < document.tasks.size(); ++i) {
    TaskRecord record = TaskRecordFor(document.tasks[i], static_cast<int>(i));
    if (!match[i]) {
      LT_ASSIGN_OR_RETURN(record.id, store.InsertTask(plan_id, record));
      document.tasks[i].id = record.id;
      ++sync.added;
      if (audit) {
        LT_RETURN_IF_ERROR(AuditTask(db, actor, "create", record.id, "", TaskAuditJson(record)));
      }
      continue;
    }
    const TaskRecord& row = rows[*match[i]];
    kept[*match[i]] = true;
    document.tasks[i].id = row.id;
    if (SameContent(row, record)) {
      ++sync.unchanged;
      continue;
    }
    LT_RETURN_IF_ERROR(store.UpdateTaskContent(row.id, record));
    ++sync.updated;
    if (audit) {
      LT_RETURN_IF_ERROR(AuditTask(db, actor, "update", row.id, TaskAuditJson(row),
                                   TaskAuditJson(record)));
    }
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    if (kept[r]) continue;
    LT_RETURN_IF_ERROR(store.ArchiveTask(rows[r].id, actor));
    ++sync.archived;
    if (audit) {
      LT_RETURN_IF_ERROR(AuditTask(db, actor, "archive", rows[r].id, TaskAuditJson(rows[r]),
                                   TaskAuditJson(rows[r], /*archived=*/true)));
    }
  }
  return sync;
}

}  // namespace lienthong
