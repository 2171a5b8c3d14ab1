#include "store/task_store.h"

#include "core/unit_path.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

constexpr const char* kTaskColumns =
    "SELECT t.id, t.plan_id, p.number, p.date, COALESCE(pu.path, '/'), t.group_name, t.text, "
    "t.lead_json, t.coordinators_json, t.deadline_text, t.deadline_kind, t.deadline_date, "
    "t.status, t.progress, t.completed_on, t.evidence_link, t.updated_at "
    "FROM tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN units pu ON pu.id = p.unit_id ";

// Four parameters: the subtree range twice (see BoardParams).
constexpr const char* kBoardIds =
    "SELECT t.id FROM tasks t JOIN plans p ON p.id = t.plan_id "
    "LEFT JOIN units pu ON pu.id = p.unit_id WHERE p.status <> 'archived' AND "
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

SqlValue Nullable(const std::optional<std::string>& text) {
  return text ? SqlValue(*text) : SqlValue(std::monostate{});
}

TaskRow ReadTask(const SqlRow& r) {
  TaskRow t;
  t.id = r.Int(0);
  t.plan_id = r.Int(1);
  t.plan_number = r.OptText(2);
  t.plan_date = r.OptText(3);
  t.plan_unit_path = r.Text(4);
  t.group = r.Text(5);
  t.text = r.Text(6);
  t.lead_json = r.Text(7);
  t.coordinators_json = r.Text(8);
  t.deadline_text = r.OptText(9);
  t.deadline_kind = r.Text(10);
  t.deadline_date = r.OptText(11);
  t.status = r.Text(12);
  t.progress = static_cast<int>(r.Int(13));
  t.completed_on = r.OptText(14);
  t.evidence_link = r.OptText(15);
  t.updated_at = r.Text(16);
  return t;
}

AssigneeRow ReadAssignee(const SqlRow& r) {
  return {r.Int(0), r.Text(1), static_cast<int>(r.Int(2)), r.Text(3), r.OptInt(4),
          r.Text(5), r.Text(6), r.Text(7)};
}

InstanceRow ReadInstance(const SqlRow& r) {
  return {r.Int(0),  r.Int(1),  r.Text(2), r.Text(3), r.Text(4), r.Text(5),
          r.Text(6), static_cast<int>(r.Int(7)), r.OptText(8), r.Text(9)};
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
  return QueryRows<AssigneeRow>(
      db_, std::string(kAssigneeColumns) + "WHERE a.task_id = ? ORDER BY a.role DESC, a.position",
      {task_id}, ReadAssignee);
}

Result<std::vector<InstanceRow>> TaskStore::Instances(int64_t task_id) {
  return QueryRows<InstanceRow>(
      db_, std::string(kInstanceColumns) + "WHERE task_id = ? ORDER BY due_date, frequency",
      {task_id}, ReadInstance);
}

Status TaskStore::UpdateTask(int64_t task_id, const TrackedState& s,
                             const std::string& updated_at) {
  return db_.Execute(
      "UPDATE tasks SET status = ?, progress = ?, completed_on = ?, evidence_link = ?, "
      "updated_at = ? WHERE id = ?",
      {s.status, int64_t{s.progress}, Nullable(s.completed_on), Nullable(s.evidence_link),
       updated_at, task_id});
}

Status TaskStore::UpdateInstance(int64_t instance_id, const TrackedState& s,
                                 const std::string& updated_at) {
  return db_.Execute(
      "UPDATE task_instances SET status = ?, progress = ?, completed_on = ?, updated_at = ? "
      "WHERE id = ?",
      {s.status, int64_t{s.progress}, Nullable(s.completed_on), updated_at, instance_id});
}

Status TaskStore::TouchTask(int64_t task_id, const std::string& updated_at) {
  return db_.Execute("UPDATE tasks SET updated_at = ? WHERE id = ?", {updated_at, task_id});
}

Result<int64_t> TaskStore::InsertUpdate(const TaskUpdateRow& u) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO task_updates (task_id, instance_id, at, actor, before_json, "
                "after_json, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {u.task_id, u.instance_id ? SqlValue(*u.instance_id) : SqlValue(std::monostate{}),
                 u.at, u.actor, u.before_json, u.after_json, u.note}));
  return rows.at(0).Int(0);
}

Result<std::vector<TaskUpdateRow>> TaskStore::History(int64_t task_id) {
  return QueryRows<TaskUpdateRow>(
      db_,
      "SELECT id, task_id, instance_id, at, actor, before_json, after_json, note "
      "FROM task_updates WHERE task_id = ? ORDER BY id DESC",
      {task_id}, [](const SqlRow& r) {
        return TaskUpdateRow{r.Int(0),  r.Int(1),  r.OptInt(2), r.Text(3),
                             r.Text(4), r.Text(5), r.Text(6),   r.Text(7)};
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
      "SELECT task_id, n, file_name, content_type, size, sha256, added_at, added_by "
      "FROM task_evidence WHERE task_id = ? ORDER BY n",
      {task_id}, [](const SqlRow& r) {
        return EvidenceFile{r.Int(0),  static_cast<int>(r.Int(1)), r.Text(2), r.Text(3),
                            r.Int(4),  r.Text(5), r.Text(6), r.Text(7), ""};
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
