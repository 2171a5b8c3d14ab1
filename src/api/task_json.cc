#include "api/task_json.h"

#include <algorithm>

#include "api/authorize.h"
#include "api/openapi.h"

namespace lienthong::api {
namespace {

using nlohmann::json;

json OptJson(const std::optional<std::string>& text) { return text ? json(*text) : json(); }

json AssigneesJson(const TaskView& v, const std::string& role) {
  json out = json::array();
  for (const AssigneeRow& a : v.assignees) {
    if (a.role != role) continue;
    out.push_back({{"name", a.name},
                   {"unit_code", a.unit_id ? json(a.unit_code) : json()},
                   {"unit_name", a.unit_id ? json(a.unit_name) : json()}});
  }
  return out;
}

json AssignedByJson(const TaskView& v) {
  if (!v.assigned) return json();
  const TaskRow& r = v.row;
  return {{"plan_id", r.plan_id},
          {"plan_number", OptJson(r.plan_number)},
          {"plan_title", r.plan_title},
          {"unit_code", r.plan_unit_code},
          {"unit_name", r.plan_unit_name}};
}

json StatusSchema() {
  return {{"type", "string"}, {"enum", {"not_started", "in_progress", "done"}}};
}

json StandingEnumSchema() {
  return {{"type", "string"},
          {"enum", {"done_on_time", "done_late", "open_within_term", "open_overdue", "no_deadline"}}};
}

json UnitRefSchema() {
  return ObjectSchema({{"code", TypeSchema("string")}, {"name", TypeSchema("string")}},
                      {"code", "name"});
}

}  // namespace

json CountsJson(const StandingCounts& c) {
  return {{"done_on_time", c.done_on_time},
          {"done_late", c.done_late},
          {"open_within_term", c.open_within_term},
          {"open_overdue", c.open_overdue},
          {"no_deadline", c.no_deadline}};
}

json InstanceJson(const InstanceView& i) {
  return {{"id", i.row.id},
          {"frequency", i.row.frequency},
          {"period", i.row.period_label},
          {"period_start", i.row.period_start},
          {"due_date", i.row.due_date},
          {"status", TaskStatusName(i.row.status)},
          {"progress", i.row.progress},
          {"completed_on", OptJson(i.row.completed_on)},
          {"standing", TaskStandingName(i.standing)},
          {"begun", i.begun},
          {"updated_at", i.row.updated_at}};
}

json TaskJson(const TaskView& v, const Caller& caller) {
  const TaskRow& r = v.row;
  json task = {{"id", r.id},
               {"plan_id", r.plan_id},
               {"plan_number", OptJson(r.plan_number)},
               {"plan_title", r.plan_title},
               {"group", r.group},
               {"text", r.text},
               {"lead", r.lead},
               {"coordinators", r.coordinators},
               {"lead_units", AssigneesJson(v, "lead")},
               {"coordinator_units", AssigneesJson(v, "coordinator")},
               {"deadline_text", OptJson(r.deadline_text)},
               {"deadline_kind", TimeSpecKindName(r.deadline_kind)},
               {"deadline_date", v.due ? json(v.due->ToIso()) : json()},
               {"status", TaskStatusName(r.status)},
               {"progress", r.progress},
               {"completed_on", OptJson(r.completed_on)},
               {"standing", TaskStandingName(v.standing)},
               {"evidence_link", OptJson(r.evidence_link)},
               {"updated_at", r.updated_at},
               {"days_since_update", v.days_since_update},
               {"stale", v.stale},
               {"source", v.assigned ? "assigned" : "own"},
               {"assigned_by", AssignedByJson(v)},
               {"can_update", MayUpdateTask(caller, v)},
               {"archived_at", OptJson(r.archived_at)}};
  task["current_instance"] =
      v.current_instance ? InstanceJson(v.instances[*v.current_instance]) : json();
  return task;
}

json EvidenceJson(const EvidenceFile& f) {
  return {{"n", f.n},
          {"file_name", f.file_name},
          {"content_type", f.content_type},
          {"size", f.size},
          {"sha256", f.sha256},
          {"added_at", f.added_at},
          {"added_by", f.added_by},
          {"added_by_name", f.added_by_name},
          {"url", "/api/v1/tasks/" + std::to_string(f.task_id) + "/evidence/" +
                      std::to_string(f.n)}};
}

json HistoryEntryJson(const TaskUpdateRow& u) {
  return {{"id", u.id},
          {"at", u.at},
          {"actor", u.actor},
          {"actor_name", u.actor_name},
          {"instance_id", u.instance_id ? json(*u.instance_id) : json()},
          {"before", json::parse(u.before_json, nullptr, false)},
          {"after", json::parse(u.after_json, nullptr, false)},
          {"note", u.note}};
}

json CommentJson(const TaskComment& c) {
  return {{"id", c.id},
          {"task_id", c.task_id},
          {"at", c.at},
          {"actor", c.actor},
          {"actor_name", c.actor_name},
          {"unit", c.unit_code.empty() ? json() : json{{"code", c.unit_code}, {"name", c.unit_name}}},
          {"text", c.text}};
}

json ReminderJson(const ReminderItem& item) {
  return {{"task_id", item.task_id},
          {"instance_id", item.instance_id ? json(item.instance_id) : json()},
          {"plan_id", item.plan_id},
          {"plan_number", OptJson(item.plan_number)},
          {"text", item.text},
          {"period", item.period_label.empty() ? json() : json(item.period_label)},
          {"due_date", item.due.ToIso()},
          {"days", item.days},
          {"lead", item.lead}};
}

Result<TaskChange> TaskChangeFromJson(const json& body) {
  TaskChange change;
  if (body.contains("status")) {
    if (!body["status"].is_string()) return Status::InvalidField("status", "must be a string");
    change.status = ParseTaskStatus(body["status"].get<std::string>());
    if (!change.status) {
      return Status::InvalidField("status", "must be not_started, in_progress or done");
    }
  }
  if (body.contains("progress")) {
    if (!body["progress"].is_number_integer()) {
      return Status::InvalidField("progress", "must be a whole number from 0 to 100");
    }
    int64_t progress = body["progress"].get<int64_t>();
    change.progress = static_cast<int>(std::clamp<int64_t>(progress, -1, 101));
  }
  if (body.contains("evidence_link")) {
    const json& link = body["evidence_link"];
    if (!link.is_null() && !link.is_string()) {
      return Status::InvalidField("evidence_link", "must be a string or null");
    }
    change.set_evidence_link = true;
    if (link.is_string() && !link.get<std::string>().empty()) {
      change.evidence_link = link.get<std::string>();
    }
  }
  if (body.contains("completed_on")) {
    if (!body["completed_on"].is_string()) {
      return Status::InvalidField("completed_on", "must be a date YYYY-MM-DD");
    }
    change.completed_on = body["completed_on"].get<std::string>();
  }
  if (body.contains("instance_id")) {
    if (!body["instance_id"].is_number_integer()) {
      return Status::InvalidField("instance_id", "must be an instance id");
    }
    change.instance_id = body["instance_id"].get<int64_t>();
  }
  if (body.contains("deadline")) {
    const json& deadline = body["deadline"];
    if (!deadline.is_null() && !deadline.is_string()) {
      return Status::InvalidField("deadline", "must be the deadline in words, or null");
    }
    change.deadline = deadline.is_string() ? deadline.get<std::string>() : "";
  }
  if (body.contains("note") && !body["note"].is_null()) {
    if (!body["note"].is_string()) return Status::InvalidField("note", "must be a string");
    change.note = body["note"].get<std::string>();
  }
  return change;
}

json CountsSchema() {
  json p = json::object();
  for (const char* k : {"done_on_time", "done_late", "open_within_term", "open_overdue", "no_deadline"}) {
    p[k] = TypeSchema("integer");
  }
  return ClosedObjectSchema(p);
}

json InstanceSchema() {
  return ClosedObjectSchema({{"id", TypeSchema("integer")},
                             {"frequency", TypeSchema("string")},
                             {"period", TypeSchema("string")},
                             {"period_start", DateSchema()},
                             {"due_date", DateSchema()},
                             {"status", StatusSchema()},
                             {"progress", TypeSchema("integer")},
                             {"completed_on", DateSchema(true)},
                             {"standing", StandingEnumSchema()},
                             {"begun", TypeSchema("boolean")},
                             {"updated_at", TypeSchema("string")}});
}

json TaskSchema() {
  json assignee = ClosedObjectSchema({{"name", TypeSchema("string")},
                                      {"unit_code", TypeSchema("string", true)},
                                      {"unit_name", TypeSchema("string", true)}});
  json assigned_by = ClosedObjectSchema({{"plan_id", TypeSchema("integer")},
                                         {"plan_number", TypeSchema("string", true)},
                                         {"plan_title", TypeSchema("string")},
                                         {"unit_code", TypeSchema("string")},
                                         {"unit_name", TypeSchema("string")}});
  assigned_by["nullable"] = true;
  json instance = InstanceSchema();
  instance["nullable"] = true;
  return ClosedObjectSchema(
      {{"id", TypeSchema("integer")},
       {"plan_id", TypeSchema("integer")},
       {"plan_number", TypeSchema("string", true)},
       {"plan_title", TypeSchema("string")},
       {"group", TypeSchema("string")},
       {"text", TypeSchema("string")},
       {"lead", ArraySchema(TypeSchema("string"))},
       {"coordinators", ArraySchema(TypeSchema("string"))},
       {"lead_units", ArraySchema(assignee)},
       {"coordinator_units", ArraySchema(assignee)},
       {"deadline_text", TypeSchema("string", true)},
       {"deadline_kind",
        {{"type", "string"},
         {"enum", {"unknown", "date", "period", "ongoing", "done", "recurring"}}}},
       {"deadline_date", DateSchema(true)},
       {"status", StatusSchema()},
       {"progress", TypeSchema("integer")},
       {"completed_on", DateSchema(true)},
       {"standing", StandingEnumSchema()},
       {"evidence_link", TypeSchema("string", true)},
       {"updated_at", TypeSchema("string")},
       {"days_since_update", TypeSchema("integer")},
       {"stale", TypeSchema("boolean")},
       {"source", {{"type", "string"}, {"enum", {"own", "assigned"}}}},
       {"assigned_by", assigned_by},
       {"can_update", TypeSchema("boolean")},
       {"archived_at", TypeSchema("string", true)},
       {"current_instance", instance}});
}

json TaskDetailSchema() {
  json schema = TaskSchema();
  schema["properties"]["instances"] = ArraySchema(InstanceSchema());
  schema["properties"]["evidence"] = ArraySchema(EvidenceSchema());
  schema["required"].push_back("instances");
  schema["required"].push_back("evidence");
  return schema;
}

json TaskBoardSchema() {
  return ClosedObjectSchema({{"unit", UnitRefSchema()},
                             {"today", DateSchema()},
                             {"tasks", ArraySchema(TaskSchema())},
                             {"counts", CountsSchema()},
                             {"assigned", TypeSchema("integer")},
                             {"assigned_counts", CountsSchema()}});
}

json EvidenceSchema() {
  return ClosedObjectSchema({{"n", TypeSchema("integer")},
                             {"file_name", TypeSchema("string")},
                             {"content_type", TypeSchema("string")},
                             {"size", TypeSchema("integer")},
                             {"sha256", TypeSchema("string")},
                             {"added_at", TypeSchema("string")},
                             {"added_by", TypeSchema("string")},
                             {"added_by_name", TypeSchema("string")},
                             {"url", TypeSchema("string")}});
}

json HistorySchema() {
  json entry = ClosedObjectSchema({{"id", TypeSchema("integer")},
                                   {"at", TypeSchema("string")},
                                   {"actor", TypeSchema("string")},
                                   {"actor_name", TypeSchema("string")},
                                   {"instance_id", TypeSchema("integer", true)},
                                   {"before", TypeSchema("object")},
                                   {"after", TypeSchema("object")},
                                   {"note", TypeSchema("string")}});
  return ClosedObjectSchema({{"task_id", TypeSchema("integer")}, {"history", ArraySchema(entry)}});
}

json CommentSchema() {
  json unit = UnitRefSchema();
  unit["nullable"] = true;
  return ClosedObjectSchema({{"id", TypeSchema("integer")},
                             {"task_id", TypeSchema("integer")},
                             {"at", TypeSchema("string")},
                             {"actor", TypeSchema("string")},
                             {"actor_name", TypeSchema("string")},
                             {"unit", unit},
                             {"text", TypeSchema("string")}});
}

json RemindersSchema() {
  json item = ClosedObjectSchema({{"task_id", TypeSchema("integer")},
                                  {"instance_id", TypeSchema("integer", true)},
                                  {"plan_id", TypeSchema("integer")},
                                  {"plan_number", TypeSchema("string", true)},
                                  {"text", TypeSchema("string")},
                                  {"period", TypeSchema("string", true)},
                                  {"due_date", DateSchema()},
                                  {"days", TypeSchema("integer")},
                                  {"lead", ArraySchema(TypeSchema("string"))}});
  return ClosedObjectSchema({{"unit", UnitRefSchema()},
                             {"today", DateSchema()},
                             {"days_ahead", TypeSchema("integer")},
                             {"due_soon", ArraySchema(item)},
                             {"overdue", ArraySchema(item)}});
}

json StandingSchema() {
  json child = ClosedObjectSchema({{"code", TypeSchema("string")},
                                   {"name", TypeSchema("string")},
                                   {"counts", CountsSchema()},
                                   {"total", TypeSchema("integer")}});
  return ClosedObjectSchema({{"unit", UnitRefSchema()},
                             {"today", DateSchema()},
                             {"children", ArraySchema(child)},
                             {"total", CountsSchema()}});
}

}  // namespace lienthong::api
