// Tasks: the task board of a unit (its own tasks and those ancestors' plans assign to it) with
// standing counts, one task, changes of status/progress/deadline with a note, standing per child
// unit, reminders, and the board as an XLSX workbook. Standings are computed for today in
// Vietnam (UTC+7). History, evidence files and comments are in task_detail_routes.cc.
#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "api/task_json.h"
#include "export/content_disposition.h"
#include "export/task_board_sheet.h"
#include "service/tasks/reminders.h"
#include "service/tasks/task_changes.h"
#include "service/tasks/task_evidence.h"
#include "service/tasks/task_tracking.h"

namespace lienthong::api {

void RegisterTaskRoutes(Router& router);
void RegisterTaskDetailRoutes(Router& router);

namespace {

using nlohmann::json;

// The unit named by ?unit= (default: the caller's), checked for reading.
Result<Unit> BoardUnit(RouteContext& ctx) {
  std::string code = ctx.Query("unit").value_or("");
  if (code.empty()) code = ctx.caller->unit_code;
  return AuthorizedUnit(ctx.db, *ctx.caller, code, Permission::kRead);
}

json UnitRef(const Unit& unit) { return {{"code", unit.code}, {"name", unit.name}}; }

// The task of the path's {id} as of today, if the caller may do `permission` on it.
Result<TaskView> TaskOfPath(RouteContext& ctx, Permission permission) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  return AuthorizedTask(ctx.db, *ctx.caller, id, permission, Today());
}

Result<TaskFilter> FilterOf(RouteContext& ctx) {
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
  if (auto s = ctx.Query("source"); s && !s->empty()) {
    if (*s != "own" && *s != "all") return Status::InvalidField("source", "must be own or all");
    filter.include_assigned = *s == "all";
  }
  return filter;
}

Result<http::HttpResponse> ListTasksRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, BoardUnit(ctx));
  LT_ASSIGN_OR_RETURN(TaskFilter filter, FilterOf(ctx));
  Date today = Today();
  LT_ASSIGN_OR_RETURN(TaskList list, ListTasks(ctx.db, unit, filter, today));
  json tasks = json::array();
  for (const TaskView& v : list.tasks) tasks.push_back(TaskJson(v, *ctx.caller));
  return JsonResponse({{"unit", UnitRef(unit)},
                       {"today", today.ToIso()},
                       {"tasks", std::move(tasks)},
                       {"counts", CountsJson(list.counts)},
                       {"assigned", list.assigned},
                       {"assigned_counts", CountsJson(list.assigned_counts)}});
}

Result<http::HttpResponse> GetTaskRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kRead));
  json task = TaskJson(view, *ctx.caller);
  json instances = json::array();
  for (const InstanceView& i : view.instances) instances.push_back(InstanceJson(i));
  task["instances"] = instances;
  LT_ASSIGN_OR_RETURN(auto files, ListEvidenceFiles(ctx.db, view.row.id));
  json evidence = json::array();
  for (const EvidenceFile& f : files) evidence.push_back(EvidenceJson(f));
  task["evidence"] = evidence;
  return JsonResponse(task);
}

Result<http::HttpResponse> PatchTaskRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kWrite));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  LT_ASSIGN_OR_RETURN(TaskChange change, TaskChangeFromJson(body));
  Date today = Today();
  LT_RETURN_IF_ERROR(ValidateTaskChange(view, change, today));
  LT_ASSIGN_OR_RETURN(TaskView updated,
                      UpdateTask(ctx.db, view.row.id, change, ctx.caller->Actor(), today));
  return JsonResponse(TaskJson(updated, *ctx.caller));
}

Result<http::HttpResponse> StandingRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, BoardUnit(ctx));
  Date today = Today();
  LT_ASSIGN_OR_RETURN(StandingReport report, StandingByChild(ctx.db, unit, today));
  json children = json::array();
  for (const ChildStanding& c : report.children) {
    children.push_back({{"code", c.code},
                        {"name", c.name},
                        {"counts", CountsJson(c.counts)},
                        {"total", c.counts.Total()}});
  }
  return JsonResponse({{"unit", UnitRef(unit)},
                       {"today", today.ToIso()},
                       {"children", std::move(children)},
                       {"total", CountsJson(report.total)}});
}

Result<http::HttpResponse> RemindersRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, BoardUnit(ctx));
  Date today = Today();
  LT_ASSIGN_OR_RETURN(Reminders reminders, RemindersFor(ctx.db, BoardPath(unit), today));
  json due_soon = json::array(), overdue = json::array();
  for (const ReminderItem& i : reminders.due_soon) due_soon.push_back(ReminderJson(i));
  for (const ReminderItem& i : reminders.overdue) overdue.push_back(ReminderJson(i));
  return JsonResponse({{"unit", UnitRef(unit)},
                       {"today", today.ToIso()},
                       {"days_ahead", kDueSoonDays},
                       {"due_soon", due_soon},
                       {"overdue", overdue}});
}

TaskBoardRow BoardRowOf(const TaskView& v) {
  TaskBoardRow row{.text = v.row.text,
                   .lead = v.row.lead,
                   .coordinators = v.row.coordinators,
                   .deadline = v.row.deadline_text.value_or(""),
                   .status = v.row.status,
                   .progress = v.row.progress,
                   .standing = v.standing};
  if (v.current_instance) {
    row.deadline += " (" + v.instances[*v.current_instance].row.period_label + ")";
  }
  if (v.assigned) {
    row.assigned_by = v.row.plan_number.value_or(v.row.plan_title) + " (" +
                      v.row.plan_unit_name + ")";
  }
  return row;
}

Result<http::HttpResponse> ExportTasksRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, BoardUnit(ctx));
  LT_ASSIGN_OR_RETURN(TaskFilter filter, FilterOf(ctx));
  Date today = Today();
  LT_ASSIGN_OR_RETURN(TaskList list, ListTasks(ctx.db, unit, filter, today));
  std::vector<TaskBoardRow> rows;
  for (const TaskView& v : list.tasks) rows.push_back(BoardRowOf(v));
  LT_ASSIGN_OR_RETURN(std::string bytes, TaskBoardWorkbook(unit.name, today, rows));
  http::HttpResponse response;
  response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  response.body = std::move(bytes);
  std::string file_name = "nhiem-vu-" + unit.code + ".xlsx";
  response.headers.push_back({"Content-Disposition", AttachmentDisposition(file_name, file_name)});
  return response;
}

json UnitParameter() { return QueryParameter("unit", "unit code (default: the caller's unit)"); }

json BoardParameters() {
  return {UnitParameter(),
          QueryParameter("status", "not_started, in_progress or done"),
          QueryParameter("standing",
                         "done_on_time, done_late, open_within_term, open_overdue or no_deadline"),
          QueryParameter("due_before", "YYYY-MM-DD (exclusive)"),
          QueryParameter("source",
                         "all (default): also tasks that plans of higher levels assign to the "
                         "unit; own: only the unit's own")};
}

void RegisterBoardRoutes(Router& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks",
              .handler = ListTasksRoute,
              .openapi = {{"summary",
                           "A unit's task board: its own tasks and those plans of higher levels "
                           "assign to it, each kind counted per standing bucket"},
                          {"parameters", BoardParameters()},
                          {"responses", {{"200", JsonResponseSchema(SchemaRef("TaskBoard"))}}}}});
  router.Add(
      {.method = "GET",
       .pattern = "/api/v1/tasks/standing",
       .handler = StandingRoute,
       .openapi = {{"summary", "Standing counts per child unit and in total"},
                   {"parameters", {UnitParameter()}},
                   {"responses", {{"200", JsonResponseSchema(SchemaRef("TaskStanding"))}}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks/export.xlsx",
              .handler = ExportTasksRoute,
              .openapi = {{"summary", "A unit's task board as an XLSX workbook"},
                          {"parameters", BoardParameters()},
                          {"responses",
                           {{"200",
                             {{"description", "XLSX file"},
                              {"content",
                               {{"application/vnd.openxmlformats-officedocument.spreadsheetml."
                                 "sheet",
                                 {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}}}}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/reminders",
              .handler = RemindersRoute,
              .openapi = {{"summary", "Tasks due within 7 days and overdue tasks of a unit"},
                          {"parameters", {UnitParameter()}},
                          {"responses", {{"200", JsonResponseSchema(SchemaRef("Reminders"))}}}}});
}

json PatchSchema() {
  return {{"status", {{"type", "string"}, {"enum", {"not_started", "in_progress", "done"}}}},
          {"progress", {{"type", "integer"}, {"minimum", 0}, {"maximum", 100}}},
          {"evidence_link", {{"type", "string"}, {"nullable", true}}},
          {"completed_on", {{"type", "string"}, {"format", "date"}}},
          {"instance_id", {{"type", "integer"}}},
          {"deadline",
           {{"type", "string"},
            {"nullable", true},
            {"description", "in words, as plans write it: \"Quý II/2026\", \"trước ngày "
                            "15/9/2025\", \"Thường xuyên\", \"định kỳ hằng quý\"; null clears"}}},
          {"note", {{"type", "string"}}}};
}

void RegisterTaskItemRoutes(Router& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks/{id}",
              .handler = GetTaskRoute,
              .openapi = {{"summary", "One task with its instances and evidence files"},
                          {"responses", {{"200", JsonResponseSchema(SchemaRef("TaskDetail"))}}}}});
  router.Add({.method = "PATCH",
              .pattern = "/api/v1/tasks/{id}",
              .handler = PatchTaskRoute,
              .openapi = {{"summary",
                           "Change a task's status, progress, evidence link or deadline, with a "
                           "note (its owners: the plan's unit or an assignee unit)"},
                          {"requestBody", JsonRequestBody(PatchSchema())},
                          {"responses", {{"200", JsonResponseSchema(SchemaRef("Task"))}}}}});
}

}  // namespace

void RegisterTaskRoutes(Router& router) {
  router.AddSchema("Task", TaskSchema());
  router.AddSchema("TaskDetail", TaskDetailSchema());
  router.AddSchema("TaskBoard", TaskBoardSchema());
  router.AddSchema("TaskStanding", StandingSchema());
  router.AddSchema("Reminders", RemindersSchema());
  router.AddSchema("Evidence", EvidenceSchema());
  router.AddSchema("TaskHistory", HistorySchema());
  router.AddSchema("TaskComment", CommentSchema());
  RegisterBoardRoutes(router);
  RegisterTaskItemRoutes(router);
  RegisterTaskDetailRoutes(router);
}

}  // namespace lienthong::api
