// PlanStore's task rows: what a plan's document says of each task. The tracking columns (status,
// progress, evidence, history) belong to service/tasks and store/task_store.h; nothing here
// deletes a task, so they survive every edit of the document.
#include <nlohmann/json.hpp>

#include "store/plan_store.h"
#include "store/sql_text.h"
#include "text/keys.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

std::string NamesJson(const std::vector<std::string>& names) { return nlohmann::json(names).dump(); }

std::vector<std::string> NamesOf(const std::string& text) {
  std::vector<std::string> names;
  nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return names;
  for (const auto& name : list) {
    if (name.is_string()) names.push_back(name.get<std::string>());
  }
  return names;
}

SqlValue DateOrNull(const std::optional<Date>& date) {
  return date ? SqlValue(date->ToIso()) : SqlValue(std::monostate{});
}

TaskRecord ReadTask(const SqlRow& r) {
  TaskRecord t;
  t.id = r.Int(0);
  t.position = static_cast<int>(r.Int(1));
  t.group = r.Text(2);
  t.text = r.Text(3);
  t.lead = NamesOf(r.Text(4));
  t.coordinators = NamesOf(r.Text(5));
  t.deadline_text = r.OptText(6);
  t.deadline_kind = ParseTimeSpecKind(r.Text(7)).value_or(TimeSpecKind::kUnknown);
  if (auto date = r.OptText(8)) t.deadline_date = Date::FromIso(*date);
  t.status = r.Text(9);
  t.progress = static_cast<int>(r.Int(10));
  t.archived_at = r.OptText(11);
  return t;
}

}  // namespace

Result<int64_t> PlanStore::InsertTask(int64_t plan_id, const TaskRecord& t) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO tasks (plan_id, position, group_name, text, lead_json, "
                "coordinators_json, deadline_text, deadline_kind, deadline_date, updated_at, "
                "search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {plan_id, static_cast<int64_t>(t.position), t.group, t.text, NamesJson(t.lead),
                 NamesJson(t.coordinators), NullableText(t.deadline_text),
                 std::string(TimeSpecKindName(t.deadline_kind)), DateOrNull(t.deadline_date),
                 NowIsoUtc(), SearchKey(t.group + " " + t.text)}));
  return rows.at(0).Int(0);
}

Status PlanStore::UpdateTaskContent(int64_t task_id, const TaskRecord& t) {
  return db_.Execute(
      "UPDATE tasks SET position = ?, group_name = ?, text = ?, lead_json = ?, "
      "coordinators_json = ?, deadline_text = ?, deadline_kind = ?, deadline_date = ?, "
      "updated_at = ?, search_key = ? WHERE id = ?",
      {static_cast<int64_t>(t.position), t.group, t.text, NamesJson(t.lead),
       NamesJson(t.coordinators), NullableText(t.deadline_text),
       std::string(TimeSpecKindName(t.deadline_kind)), DateOrNull(t.deadline_date), NowIsoUtc(),
       SearchKey(t.group + " " + t.text), task_id});
}

Status PlanStore::ArchiveTask(int64_t task_id, const std::string& actor) {
  std::string now = NowIsoUtc();
  return db_.Execute(
      "UPDATE tasks SET archived_at = ?, archived_by = ?, updated_at = ? WHERE id = ?",
      {now, actor, now, task_id});
}

Result<std::vector<TaskRecord>> PlanStore::Tasks(int64_t plan_id, bool archived) {
  std::vector<TaskRecord> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      std::string("SELECT id, position, group_name, text, lead_json, coordinators_json, "
                  "deadline_text, deadline_kind, deadline_date, status, progress, archived_at "
                  "FROM tasks WHERE plan_id = ? AND archived_at IS ") +
          (archived ? "NOT NULL" : "NULL") + " ORDER BY position, id",
      {plan_id}, [&](const SqlRow& r) {
        out.push_back(ReadTask(r));
        return true;
      }));
  return out;
}

}  // namespace lienthong
