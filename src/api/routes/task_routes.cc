// Tasks: the task board of a unit with standing counts, one task with its instances and evidence,
// status/progress changes with history, evidence files, standing per child unit, reminders, and
// the board as an XLSX workbook. Standings are computed for today in Vietnam (UTC+7).
#include <algorithm>

#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "core/unit_path.h"
#include "export/content_disposition.h"
#include "export/xlsx_writer.h"
#include "http/request_parsing.h"
#include "service/tasks/reminders.h"
#include "service/tasks/task_tracking.h"
#include "store/unit_store.h"

namespace lienthong::api {

void RegisterTaskRoutes(Router& router);

namespace {

using nlohmann::json;

json OptJson(const std::optional<std::string>& text) { return text ? json(*text) : json(); }

json CountsJson(const StandingCounts& c) {
  return {{"done_on_time", c.done_on_time},
          {"done_late", c.done_late},
          {"open_within_term", c.open_within_term},
          {"open_overdue", c.open_overdue},
          {"no_deadline", c.no_deadline}};
}

json NamesJson(const std::string& list_json) {
  json list = json::parse(list_json, nullptr, false);
  return list.is_array() ? list : json::array();
}

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

json InstanceJson(const InstanceView& i) {
  return {{"id", i.row.id},
          {"frequency", i.row.frequency},
          {"period", i.row.period_label},
          {"period_start", i.row.period_start},
          {"due_date", i.row.due_date},
          {"status", i.row.status},
          {"progress", i.row.progress},
          {"completed_on", OptJson(i.row.completed_on)},
          {"standing", TaskStandingName(i.standing)},
          {"begun", i.begun},
          {"updated_at", i.row.updated_at}};
}

json TaskJson(const TaskView& v) {
  const TaskRow& r = v.row;
  json task = {{"id", r.id},
               {"plan_id", r.plan_id},
               {"plan_number", OptJson(r.plan_number)},
               {"group", r.group},
               {"text", r.text},
               {"lead", NamesJson(r.lead_json)},
               {"coordinators", NamesJson(r.coordinators_json)},
               {"lead_units", AssigneesJson(v, "lead")},
               {"coordinator_units", AssigneesJson(v, "coordinator")},
               {"deadline_text", OptJson(r.deadline_text)},
               {"deadline_kind", r.deadline_kind},
               {"deadline_date", v.due ? json(v.due->ToIso()) : json()},
               {"status", r.status},
               {"progress", r.progress},
               {"completed_on", OptJson(r.completed_on)},
               {"standing", TaskStandingName(v.standing)},
               {"evidence_link", OptJson(r.evidence_link)},
               {"updated_at", r.updated_at},
               {"days_since_update", v.days_since_update},
               {"stale", v.stale}};
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
          {"url", "/api/v1/tasks/" + std::to_string(f.task_id) + "/evidence/" +
                      std::to_string(f.n)}};
}

// The unit named by ?unit= (default: the caller's), checked for reading, and the board path to
// load for it: "/" for a root unit, so that plans without an issuing unit (which belong to the
// root, as in AuthorizedPlanPath) are on the root's board.
Result<std::pair<Unit, std::string>> BoardUnit(RouteContext& ctx) {
  std::string code = ctx.Query("unit").value_or("");
  if (code.empty()) code = ctx.caller->unit_code;
  LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, *ctx.caller, code, Permission::kRead));
  std::string path = UnitPath(unit.path).AtRoot() ? "/" : unit.path;
  return std::make_pair(unit, path);
}

// The task of the path's {id} as of today, if the caller may do `permission` on it.
Result<TaskView> TaskOfPath(RouteContext& ctx, Permission permission) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  return AuthorizedTask(ctx.db, *ctx.caller, id, permission, Today());
}

Result<http::HttpResponse> ListTasksRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(auto board, BoardUnit(ctx));
  TaskFilter filter;
  if (auto s = ctx.Query("status"); s && !s->empty()) {
    filter.status = ParseTaskStatus(*s);
    if (!filter.status) {
      return Status::InvalidField("status", "must be not_started, in_progress or done");
    }
  }
  if (auto s = ctx.Query("standing"); s && !s->empty()) {
    filter.standing = ParseTaskStanding(*s);
    if (!filter.standing) {
      return Status::InvalidField("standing",
                                  "must be done_on_time, done_late, open_within_term, "
                                  "open_overdue or no_deadline");
    }
  }
  if (auto s = ctx.Query("due_before"); s && !s->empty()) {
    filter.due_before = Date::FromIso(*s);
    if (!filter.due_before) {
      return Status::InvalidField("due_before", "must be a date YYYY-MM-DD");
    }
  }
  Date today = Today();
  LT_ASSIGN_OR_RETURN(TaskList list, ListTasks(ctx.db, board.second, filter, today));
  json tasks = json::array();
  for (const TaskView& v : list.tasks) tasks.push_back(TaskJson(v));
  return JsonResponse({{"unit", {{"code", board.first.code}, {"name", board.first.name}}},
                       {"today", today.ToIso()},
                       {"tasks", tasks},
                       {"counts", CountsJson(list.counts)}});
}

Result<http::HttpResponse> GetTaskRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kRead));
  json task = TaskJson(view);
  json instances = json::array();
  for (const InstanceView& i : view.instances) instances.push_back(InstanceJson(i));
  task["instances"] = instances;
  LT_ASSIGN_OR_RETURN(auto files, TaskStore(ctx.db).ListEvidence(view.row.id));
  json evidence = json::array();
  for (const EvidenceFile& f : files) evidence.push_back(EvidenceJson(f));
  task["evidence"] = evidence;
  return JsonResponse(task);
}

Result<http::HttpResponse> PatchTaskRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kWrite));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  TaskChange change;
  if (body.contains("status")) {
    if (!body["status"].is_string()) return Status::InvalidField("status", "must be a string");
    change.status = body["status"].get<std::string>();
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
  if (body.contains("note") && !body["note"].is_null()) {
    if (!body["note"].is_string()) return Status::InvalidField("note", "must be a string");
    change.note = body["note"].get<std::string>();
  }
  Date today = Today();
  LT_RETURN_IF_ERROR(ValidateTaskChange(view, change, today));
  LT_ASSIGN_OR_RETURN(TaskView updated,
                      UpdateTask(ctx.db, view.row.id, change, ctx.caller->Actor(), today));
  return JsonResponse(TaskJson(updated));
}

Result<http::HttpResponse> TaskHistoryRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kRead));
  LT_ASSIGN_OR_RETURN(auto rows, TaskStore(ctx.db).History(view.row.id));
  json history = json::array();
  for (const TaskUpdateRow& u : rows) {
    history.push_back({{"id", u.id},
                       {"at", u.at},
                       {"actor", u.actor},
                       {"instance_id", u.instance_id ? json(*u.instance_id) : json()},
                       {"before", json::parse(u.before_json, nullptr, false)},
                       {"after", json::parse(u.after_json, nullptr, false)},
                       {"note", u.note}});
  }
  return JsonResponse({{"task_id", view.row.id}, {"history", history}});
}

Result<http::HttpResponse> UploadEvidenceRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kWrite));
  std::string name = http::PercentDecode(ctx.request.Header("x-file-name"), false);
  LT_ASSIGN_OR_RETURN(EvidenceFile file,
                      AddEvidenceFile(ctx.db, view.row.id, name,
                                      ctx.request.Header("content-type"), ctx.request.body,
                                      ctx.caller->Actor()));
  return JsonResponse(EvidenceJson(file), 201);
}

Result<http::HttpResponse> ListEvidenceRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kRead));
  LT_ASSIGN_OR_RETURN(auto files, TaskStore(ctx.db).ListEvidence(view.row.id));
  json evidence = json::array();
  for (const EvidenceFile& f : files) evidence.push_back(EvidenceJson(f));
  return JsonResponse({{"task_id", view.row.id},
                       {"evidence_link", OptJson(view.row.evidence_link)},
                       {"files", evidence}});
}

Result<http::HttpResponse> DownloadEvidenceRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kRead));
  LT_ASSIGN_OR_RETURN(int64_t n, ctx.PathId("n"));
  std::string name = "evidence " + std::to_string(n) + " of task " + std::to_string(view.row.id);
  if (n > 1000000) return Status::NotFound(name);
  LT_ASSIGN_OR_RETURN(auto file, TaskStore(ctx.db).GetEvidence(view.row.id, static_cast<int>(n)));
  if (!file) return Status::NotFound(name);
  http::HttpResponse response;
  response.content_type = file->content_type;
  response.body = std::move(file->content);
  // Always a download, never rendered in our origin: an uploaded HTML file cannot run script.
  response.headers.push_back(
      {"Content-Disposition",
       AttachmentDisposition("evidence-" + std::to_string(n), file->file_name)});
  response.headers.push_back({"X-Content-Type-Options", "nosniff"});
  return response;
}

Result<http::HttpResponse> StandingRoute(RouteContext& ctx) {
  std::string code = ctx.Query("unit").value_or("");
  if (code.empty()) code = ctx.caller->unit_code;
  LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, *ctx.caller, code, Permission::kRead));
  Date today = Today();
  LT_ASSIGN_OR_RETURN(StandingReport report, StandingByChild(ctx.db, unit, today));
  json children = json::array();
  for (const ChildStanding& c : report.children) {
    children.push_back({{"code", c.code},
                        {"name", c.name},
                        {"counts", CountsJson(c.counts)},
                        {"total", c.counts.Total()}});
  }
  return JsonResponse({{"unit", {{"code", unit.code}, {"name", unit.name}}},
                       {"today", today.ToIso()},
                       {"children", children},
                       {"total", CountsJson(report.total)}});
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

Result<http::HttpResponse> RemindersRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(auto board, BoardUnit(ctx));
  Date today = Today();
  LT_ASSIGN_OR_RETURN(Reminders reminders, RemindersFor(ctx.db, board.second, today));
  json due_soon = json::array(), overdue = json::array();
  for (const ReminderItem& i : reminders.due_soon) due_soon.push_back(ReminderJson(i));
  for (const ReminderItem& i : reminders.overdue) overdue.push_back(ReminderJson(i));
  return JsonResponse({{"unit", {{"code", board.first.code}, {"name", board.first.name}}},
                       {"today", today.ToIso()},
                       {"days_ahead", kDueSoonDays},
                       {"due_soon", due_soon},
                       {"overdue", overdue}});
}

const char* StatusLabelVi(const std::string& status) {
  if (status == "done") return "Hoàn thành";
  if (status == "in_progress") return "Đang thực hiện";
  return "Chưa thực hiện";
}

const char* StandingLabelVi(TaskStanding standing) {
  switch (standing) {
    case TaskStanding::kDoneOnTime: return "Hoàn thành đúng hạn";
    case TaskStanding::kDoneLate: return "Hoàn thành quá hạn";
    case TaskStanding::kOpenWithinTerm: return "Đang thực hiện trong hạn";
    case TaskStanding::kOpenOverdue: return "Quá hạn";
    case TaskStanding::kNoDeadline: return "Không có thời hạn";
  }
  return "";
}

std::string JoinNames(const std::string& list_json) {
  std::string out;
  for (const json& name : NamesJson(list_json)) {
    if (name.is_string()) out += (out.empty() ? "" : "; ") + name.get<std::string>();
  }
  return out;
}

Result<http::HttpResponse> ExportTasksRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(auto board, BoardUnit(ctx));
  Date today = Today();
  LT_ASSIGN_OR_RETURN(TaskList list, ListTasks(ctx.db, board.second, {}, today));
  XlsxSheet sheet;
  sheet.name = "Nhiệm vụ";
  sheet.title = "Tình hình thực hiện nhiệm vụ - " + board.first.name + " (ngày " +
                std::to_string(today.day) + "/" + std::to_string(today.month) + "/" +
                std::to_string(today.year) + ")";
  sheet.headers = {"STT",      "Nhiệm vụ",   "Đơn vị chủ trì", "Đơn vị phối hợp",
                   "Thời hạn", "Trạng thái", "Tiến độ (%)",    "Tình trạng"};
  sheet.column_widths = {6, 60, 28, 28, 18, 16, 10, 24};
  int n = 0;
  for (const TaskView& v : list.tasks) {
    std::string deadline = v.row.deadline_text.value_or("");
    if (v.current_instance) deadline += " (" + v.instances[*v.current_instance].row.period_label + ")";
    sheet.rows.push_back({XlsxCell::Integer(++n), XlsxCell::Text(v.row.text),
                          XlsxCell::Text(JoinNames(v.row.lead_json)),
                          XlsxCell::Text(JoinNames(v.row.coordinators_json)),
                          XlsxCell::Text(deadline), XlsxCell::Text(StatusLabelVi(v.row.status)),
                          XlsxCell::Integer(v.row.progress),
                          XlsxCell::Text(StandingLabelVi(v.standing))});
  }
  LT_ASSIGN_OR_RETURN(std::string bytes, WriteXlsx({sheet}));
  http::HttpResponse response;
  response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  response.body = std::move(bytes);
  std::string file_name = "nhiem-vu-" + board.first.code + ".xlsx";
  response.headers.push_back({"Content-Disposition", AttachmentDisposition(file_name, file_name)});
  return response;
}

json UnitParameter() { return QueryParameter("unit", "unit code (default: the caller's unit)"); }

}  // namespace

void RegisterTaskRoutes(Router& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks",
              .handler = ListTasksRoute,
              .openapi = {{"summary", "A unit's task board with counts per standing bucket"},
                          {"parameters",
                           {UnitParameter(),
                            QueryParameter("status", "not_started, in_progress or done"),
                            QueryParameter("standing",
                                           "done_on_time, done_late, open_within_term, "
                                           "open_overdue or no_deadline"),
                            QueryParameter("due_before", "YYYY-MM-DD (exclusive)")}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks/standing",
              .handler = StandingRoute,
              .openapi = {{"summary", "Standing counts per child unit and in total"},
                          {"parameters", {UnitParameter()}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks/export.xlsx",
              .handler = ExportTasksRoute,
              .openapi = {{"summary", "A unit's task board as an XLSX workbook"},
                          {"parameters", {UnitParameter()}},
                          {"responses",
                           {{"200",
                             {{"description", "XLSX file"},
                              {"content",
                               {{"application/vnd.openxmlformats-officedocument.spreadsheetml."
                                 "sheet",
                                 json::object()}}}}}}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks/{id}",
              .handler = GetTaskRoute,
              .openapi = {{"summary", "One task with its instances and evidence files"}}});
  router.Add(
      {.method = "PATCH",
       .pattern = "/api/v1/tasks/{id}",
       .handler = PatchTaskRoute,
       .openapi = {{"summary", "Change a task's status, progress or evidence link, with a note"},
                   {"requestBody",
                    JsonRequestBody({{"status",
                                      {{"type", "string"},
                                       {"enum", {"not_started", "in_progress", "done"}}}},
                                     {"progress",
                                      {{"type", "integer"}, {"minimum", 0}, {"maximum", 100}}},
                                     {"evidence_link", {{"type", "string"}, {"nullable", true}}},
                                     {"completed_on", {{"type", "string"}, {"format", "date"}}},
                                     {"instance_id", {{"type", "integer"}}},
                                     {"note", {{"type", "string"}}}})}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks/{id}/history",
              .handler = TaskHistoryRoute,
              .openapi = {{"summary", "Every change of a task, newest first"}}});
  router.Add({.method = "POST",
              .pattern = "/api/v1/tasks/{id}/evidence",
              .handler = UploadEvidenceRoute,
              .openapi = {{"summary", "Upload an evidence file (raw body, at most 10 MiB)"},
                          {"parameters",
                           {{{"name", "X-File-Name"},
                             {"in", "header"},
                             {"required", false},
                             {"description", "the file's name, percent-encoded UTF-8"},
                             {"schema", {{"type", "string"}}}}}},
                          {"requestBody",
                           {{"required", true},
                            {"content",
                             {{"application/octet-stream",
                               {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}}},
                          {"responses", {{"201", {{"description", "Stored"}}}}}},
              .max_body_bytes = kMaxEvidenceBytes});
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks/{id}/evidence",
              .handler = ListEvidenceRoute,
              .openapi = {{"summary", "A task's evidence link and files"}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks/{id}/evidence/{n}",
              .handler = DownloadEvidenceRoute,
              .openapi = {{"summary", "Download evidence file n of a task"}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/reminders",
              .handler = RemindersRoute,
              .openapi = {{"summary", "Tasks due within 7 days and overdue tasks of a unit"},
                          {"parameters", {UnitParameter()}}}});
}

}  // namespace lienthong::api
