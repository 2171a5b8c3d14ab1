#include "store/task_store.h"

#include <nlohmann/json.hpp>

#include "core/unit_path.h"
#include "store/sql_text.h"

// The account behind an actor column holding "web:USER" (as alias `a`), for its display name;
// other actors (the CLI's) join nothing. By user name, so the users index answers it.
#define LT_ACCOUNT_OF(column) \
  " LEFT JOIN users a ON " column " LIKE 'web:%' AND a.username = SUBSTR(" column ", 5)"

namespace lienthong {
namespace {

constexpr const char* kTaskColumns =
    "SELECT t.id, t.plan_id, p.number, p.date, p.title, p.status, COALESCE(pu.path, '/'), "
    "COALESCE(pu.code, ''), COALESCE(pu.name, ''), t.group_name, t.text, t.lead_json, "
    "t.coordinators_json, t.deadline_text, t.deadline_kind, t.deadline_date, t.status, "
    "t.progress, t.completed_on, t.evidence_link, t.updated_at, t.archived_at "
    "FROM tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN units pu ON pu.id = p.unit_id ";

// Four parameters: the subtree range twice (see BoardParams). Tasks a plan edit removed
// (archived_at set) and tasks of archived plans are off every board.
constexpr const char* kBoardIds =
    "SELECT t.id FROM tasks t JOIN plans p ON p.id = t.plan_id "
    "LEFT JOIN units pu ON pu.id = p.unit_id WHERE p.status <> 'archived' AND "
    "t.archived_at IS NULL AND "
    "((COALESCE(pu.path, '/') >= ? AND COALESCE(pu.path, '/') < ?) OR t.id IN "
    "(SELECT a.task_id FROM task_assignees a JOIN units au ON au.id = a.unit_id "
    "WHERE au.path >= ? AND au.path < ?))";

constexpr const char* kAssigneeColumns =
    "SELECT a.task_id, a.role, a.position, a.name, a.unit_id, u.code, u.name, u.path "
    "FROM task_assignees a LEFT JOIN units u ON u.id = a.unit_id ";

constexpr const char* kInstanceColumns =
    "SELECT id, task_id, frequency, period_label, period_start, due_date, status, progress, "
    "completed_on, updated_at FROM task_instances ";

SqlParams BoardParams(const std::string& unit_path) {
  std::string end = UnitPath(unit_path).RangeEnd();
  return {unit_path, end, unit_path, end};
}

// The names of a stored lead/coordinator list (a JSON array of strings).
std::vector<std::string> NamesOf(const std::string& json_text) {
  std::vector<std::string> out;
  nlohmann::json list = nlohmann::json::parse(json_text, nullptr, false);
  if (!list.is_array()) return out;
  for (const auto& item : list) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

TaskStatus StatusOf(const std::string& text) {
  return ParseTaskStatus(text).value_or(TaskStatus::kNotStarted);
}

TaskRow ReadTask(const SqlRow& r) {
  TaskRow t;
  t.id = r.Int(0);
  t.plan_id = r.Int(1);
  t.plan_number = r.OptText(2);
  t.plan_date = r.OptText(3);
  t.plan_title = r.Text(4);
  t.plan_status = ParsePlanStatus(r.Text(5)).value_or(PlanStatus::kDraft);
  t.plan_unit_path = r.Text(6);
  t.plan_unit_code = r.Text(7);
  t.plan_unit_name = r.Text(8);
  t.group = r.Text(9);
  t.text = r.Text(10);
  t.lead = NamesOf(r.Text(11));
  t.coordinators = NamesOf(r.Text(12));
  t.deadline_text = r.OptText(13);
  t.deadline_kind = ParseTimeSpecKind(r.Text(14)).value_or(TimeSpecKind::kUnknown);
  t.deadline_date = r.OptText(15);
  t.status = StatusOf(r.Text(16));
  t.progress = static_cast<int>(r.Int(17));
  t.completed_on = r.OptText(18);
  t.evidence_link = r.OptText(19);
  t.updated_at = r.Text(20);
  t.archived_at = r.OptText(21);
  return t;
}

AssigneeRow ReadAssignee(const SqlRow& r) {
  return {r.Int(0), r.Text(1), static_cast<int>(r.Int(2)), r.Text(3), r.OptInt(4),
          r.Text(5), r.Text(6), r.Text(7)};
}

InstanceRow ReadInstance(const SqlRow& r) {
  return {r.Int(0),          r.Int(1),  r.Text(2), r.Text(3), r.Text(4), r.Text(5),
          StatusOf(r.Text(6)), static_cast<int>(r.Int(7)), r.OptText(8), r.Text(9)};
}

template <typename T, typename Reader>
Result<std::vector<T>> QueryRows(Database& db, const std::string& sql, const SqlParams& params,
                                 Reader read) {
  std::vector<T> out;
  LT_RETURN_IF_ERROR(db.QueryEach(sql, params, [&](const SqlRow& row) {
    out.push_back(read(row));
    return true;
  }));
  return out;
}

// Rows of `columns` + "WHERE <id_column> IN (…) <order>" for each chunk of `ids` (id_column may
// start with further conditions: "p.status = 'published' AND p.unit_id").
template <typename T, typename Reader>
Result<std::vector<T>> RowsOfIds(Database& db, const std::string& columns,
                                 const std::string& id_column, const std::vector<int64_t>& ids,
                                 const std::string& order, Reader read) {
  constexpr size_t kChunk = 500;
  std::vector<T> out;
  for (size_t start = 0; start < ids.size(); start += kChunk) {
    size_t n = std::min(kChunk, ids.size() - start);
    SqlParams params(ids.begin() + start, ids.begin() + start + n);
    LT_ASSIGN_OR_RETURN(auto rows, QueryRows<T>(db,
                                                columns + "WHERE " + id_column + " IN (" +
                                                    PlaceholderList(n) + ") " + order,
                                                params, read));
    out.insert(out.end(), std::make_move_iterator(rows.begin()),
               std::make_move_iterator(rows.end()));
  }
  return out;
}

}  // namespace

Result<std::vector<TaskRow>> TaskStore::Board(const std::string& unit_path) {
  return QueryRows<TaskRow>(db_,
                            std::string(kTaskColumns) + "WHERE t.id IN (" + kBoardIds +
                                ") ORDER BY t.plan_id, t.position",
                            BoardParams(unit_path), ReadTask);
}

Result<std::vector<AssigneeRow>> TaskStore::BoardAssignees(const std::string& unit_path) {
  return QueryRows<AssigneeRow>(db_,
                                std::string(kAssigneeColumns) + "WHERE a.task_id IN (" +
                                    kBoardIds + ") ORDER BY a.task_id, a.role DESC, a.position",
                                BoardParams(unit_path), ReadAssignee);
}

Result<std::vector<InstanceRow>> TaskStore::BoardInstances(const std::string& unit_path) {
  return QueryRows<InstanceRow>(db_,
                                std::string(kInstanceColumns) + "WHERE task_id IN (" + kBoardIds +
                                    ") ORDER BY task_id, due_date, frequency",
                                BoardParams(unit_path), ReadInstance);
}

Result<std::optional<TaskRow>> TaskStore::Get(int64_t task_id) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      QueryRows<TaskRow>(db_, std::string(kTaskColumns) + "WHERE t.id = ?",
                                         {task_id}, ReadTask));
  if (rows.empty()) return std::optional<TaskRow>();
  return std::optional<TaskRow>(std::move(rows[0]));
}

Result<std::vector<AssigneeRow>> TaskStore::Assignees(int64_t task_id) {
  return AssigneesOf({task_id});
}

Result<std::vector<InstanceRow>> TaskStore::Instances(int64_t task_id) {
  return InstancesOf({task_id});
}

Result<std::vector<AssigneeRow>> TaskStore::AssigneesOf(const std::vector<int64_t>& task_ids) {
  return RowsOfIds<AssigneeRow>(db_, kAssigneeColumns, "a.task_id", task_ids,
                                "ORDER BY a.task_id, a.role DESC, a.position", ReadAssignee);
}

Result<std::vector<InstanceRow>> TaskStore::InstancesOf(const std::vector<int64_t>& task_ids) {
  return RowsOfIds<InstanceRow>(db_, kInstanceColumns, "task_id", task_ids,
                                "ORDER BY task_id, due_date, frequency", ReadInstance);
}

Result<std::vector<TaskRow>> TaskStore::PlanTasks(int64_t plan_id) {
  return QueryRows<TaskRow>(
      db_,
      std::string(kTaskColumns) + "WHERE t.plan_id = ? AND t.archived_at IS NULL ORDER BY t.position",
      {plan_id},
      ReadTask);
}

Result<std::vector<TaskRow>> TaskStore::PublishedTasksOf(const std::vector<int64_t>& unit_ids) {
  return RowsOfIds<TaskRow>(db_, kTaskColumns,
                            "p.status = 'published' AND t.archived_at IS NULL AND p.unit_id", unit_ids,
                            "ORDER BY t.plan_id, t.position", ReadTask);
}

Result<std::vector<int64_t>> TaskStore::PlanIds() {
  return QueryRows<int64_t>(db_, "SELECT id FROM plans ORDER BY id", {},
                            [](const SqlRow& r) { return r.Int(0); });
}

Result<PlanSchedule> TaskStore::Schedule(int64_t plan_id) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db_.Query("SELECT date, document_json, created_at FROM plans WHERE id = ?",
                                {plan_id}));
  if (rows.empty()) return Status::NotFound("plan " + std::to_string(plan_id));
  PlanSchedule schedule{rows[0].OptText(0), {}, rows[0].Text(2)};
  nlohmann::json document = nlohmann::json::parse(rows[0].Text(1), nullptr, false);
  if (document.is_object() && document.contains("phases") && document["phases"].is_array()) {
    for (const auto& phase : document["phases"]) {
      if (phase.is_object() && phase.contains("end") && phase["end"].is_string()) {
        schedule.phase_ends.push_back(phase["end"].get<std::string>());
      }
    }
  }
  return schedule;
}

Status TaskStore::ReplaceAssignees(int64_t plan_id, const std::vector<AssigneeWrite>& rows) {
  LT_RETURN_IF_ERROR(db_.Execute(
      "DELETE FROM task_assignees WHERE task_id IN "
      "(SELECT id FROM tasks WHERE plan_id = ? AND archived_at IS NULL)",
      {plan_id}));
  for (const AssigneeWrite& a : rows) {
    LT_RETURN_IF_ERROR(db_.Execute(
        "INSERT INTO task_assignees (task_id, role, position, name, unit_id) "
        "VALUES (?, ?, ?, ?, ?)",
        {a.task_id, a.role, int64_t{a.position}, a.name, NullableInt(a.unit_id)}));
  }
  return Status::Ok();
}

Status TaskStore::AddInstance(const InstanceRow& i) {
  return db_.Execute(
      "INSERT INTO task_instances (task_id, frequency, period_label, period_start, due_date, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (task_id, frequency, period_start) DO NOTHING",
      {i.task_id, i.frequency, i.period_label, i.period_start, i.due_date, i.updated_at});
}

Status TaskStore::UpdateTask(int64_t task_id, const TrackedState& s,
                             const std::string& updated_at) {
  return db_.Execute(
      "UPDATE tasks SET status = ?, progress = ?, completed_on = ?, evidence_link = ?, "
      "updated_at = ? WHERE id = ?",
      {std::string(TaskStatusName(s.status)), int64_t{s.progress}, NullableText(s.completed_on),
       NullableText(s.evidence_link), updated_at, task_id});
}

Status TaskStore::UpdateInstance(int64_t instance_id, const TrackedState& s,
                                 const std::string& updated_at) {
  return db_.Execute(
      "UPDATE task_instances SET status = ?, progress = ?, completed_on = ?, updated_at = ? "
      "WHERE id = ?",
      {std::string(TaskStatusName(s.status)), int64_t{s.progress}, NullableText(s.completed_on),
       updated_at, instance_id});
}

Status TaskStore::SetDeadline(int64_t task_id, const TaskDeadline& d,
                              const std::string& updated_at) {
  return db_.Execute(
      "UPDATE tasks SET deadline_text = ?, deadline_kind = ?, deadline_date = ?, updated_at = ? "
      "WHERE id = ?",
      {NullableText(d.text), std::string(TimeSpecKindName(d.kind)), NullableText(d.date),
       updated_at, task_id});
}

Status TaskStore::TouchTask(int64_t task_id, const std::string& updated_at) {
  return db_.Execute("UPDATE tasks SET updated_at = ? WHERE id = ?", {updated_at, task_id});
}

Result<int64_t> TaskStore::InsertUpdate(const TaskUpdateRow& u) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO task_updates (task_id, instance_id, at, actor, before_json, "
                "after_json, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {u.task_id, NullableInt(u.instance_id), u.at, u.actor, u.before_json,
                 u.after_json, u.note}));
  return rows.at(0).Int(0);
}

Result<std::vector<TaskUpdateRow>> TaskStore::History(int64_t task_id) {
  return QueryRows<TaskUpdateRow>(
      db_,
      "SELECT t.id, t.task_id, t.instance_id, t.at, t.actor, t.before_json, t.after_json, "
      "t.note, COALESCE(a.display_name, '') FROM task_updates t " LT_ACCOUNT_OF("t.actor")
      " WHERE t.task_id = ? ORDER BY t.id DESC",
      {task_id}, [](const SqlRow& r) {
        return TaskUpdateRow{r.Int(0),  r.Int(1),  r.OptInt(2), r.Text(3), r.Text(4),
                             r.Text(5), r.Text(6), r.Text(7),   r.Text(8)};
      });
}

Result<int64_t> TaskStore::InsertComment(const TaskComment& c, std::optional<int64_t> unit_id) {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query("INSERT INTO task_comments (task_id, unit_id, at, "
                                           "actor, text) VALUES (?, ?, ?, ?, ?) RETURNING id",
                                           {c.task_id, NullableInt(unit_id), c.at, c.actor,
                                            c.text}));
  return rows.at(0).Int(0);
}

Result<std::vector<TaskComment>> TaskStore::Comments(int64_t task_id) {
  return QueryRows<TaskComment>(
      db_,
      "SELECT c.id, c.task_id, c.at, c.actor, COALESCE(u.code, ''), COALESCE(u.name, ''), "
      "c.text, COALESCE(a.display_name, '') FROM task_comments c "
      "LEFT JOIN units u ON u.id = c.unit_id " LT_ACCOUNT_OF("c.actor")
      " WHERE c.task_id = ? ORDER BY c.id",
      {task_id}, [](const SqlRow& r) {
        return TaskComment{r.Int(0),  r.Int(1),  r.Text(2), r.Text(3),
                           r.Text(4), r.Text(5), r.Text(6), r.Text(7)};
      });
}

Result<int> TaskStore::InsertEvidence(const EvidenceFile& f) {
  LT_ASSIGN_OR_RETURN(auto next, db_.Query("SELECT COALESCE(MAX(n), 0) + 1 FROM task_evidence "
                                           "WHERE task_id = ?",
                                           {f.task_id}));
  int n = static_cast<int>(next.at(0).Int(0));
  LT_RETURN_IF_ERROR(db_.Execute(
      "INSERT INTO task_evidence (task_id, n, file_name, content_type, size, sha256, content, "
      "added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {f.task_id, int64_t{n}, f.file_name, f.content_type, f.size, f.sha256, SqlBlob{f.content},
       f.added_at, f.added_by}));
  return n;
}

Result<std::vector<EvidenceFile>> TaskStore::ListEvidence(int64_t task_id) {
  return QueryRows<EvidenceFile>(
      db_,
      "SELECT e.task_id, e.n, e.file_name, e.content_type, e.size, e.sha256, e.added_at, "
      "e.added_by, COALESCE(a.display_name, '') FROM task_evidence e " LT_ACCOUNT_OF("e.added_by")
      " WHERE e.task_id = ? ORDER BY e.n",
      {task_id}, [](const SqlRow& r) {
        return EvidenceFile{r.Int(0), static_cast<int>(r.Int(1)), r.Text(2), r.Text(3),
                            r.Int(4), r.Text(5), r.Text(6), r.Text(7), "", r.Text(8)};
      });
}

Result<std::optional<EvidenceFile>> TaskStore::GetEvidence(int64_t task_id, int n) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT file_name, content_type, size, sha256, added_at, added_by, content "
                "FROM task_evidence WHERE task_id = ? AND n = ?",
                {task_id, int64_t{n}}));
  if (rows.empty()) return std::optional<EvidenceFile>();
  const SqlRow& r = rows[0];
  return std::optional<EvidenceFile>(EvidenceFile{task_id, n, r.Text(0), r.Text(1), r.Int(2),
                                                  r.Text(3), r.Text(4), r.Text(5), r.Blob(6)});
}

}  // namespace lienthong
