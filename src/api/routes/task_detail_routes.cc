// A task's history, evidence files and comments:
//   GET  /api/v1/tasks/{id}/history           every change, newest first
//   POST /api/v1/tasks/{id}/evidence          a file: multipart (field `file`) or the raw body
//   GET  /api/v1/tasks/{id}/evidence          the link and the files
//   GET  /api/v1/tasks/{id}/evidence/{n}      one file, always as an attachment
//   GET  /api/v1/tasks/{id}/comments          oldest first
//   POST /api/v1/tasks/{id}/comments          {"text"}
#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "api/task_json.h"
#include "api/upload.h"
#include "export/content_disposition.h"
#include "service/tasks/task_evidence.h"
#include "service/tasks/task_history.h"

namespace lienthong::api {

void RegisterTaskDetailRoutes(Router& router);

namespace {

constexpr size_t kMultipartOverheadBytes = 64 * 1024;

using nlohmann::json;

Result<TaskView> TaskOfPath(RouteContext& ctx, Permission permission) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  return AuthorizedTask(ctx.db, *ctx.caller, id, permission, Today());
}

Result<http::HttpResponse> HistoryRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kRead));
  LT_ASSIGN_OR_RETURN(auto rows, TaskHistory(ctx.db, view.row.id));
  json history = json::array();
  for (const TaskUpdateRow& u : rows) history.push_back(HistoryEntryJson(u));
  return JsonResponse({{"task_id", view.row.id}, {"history", std::move(history)}});
}

Result<http::HttpResponse> UploadEvidenceRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kWrite));
  // One byte over the limit still reaches the service, which names the size in its answer.
  LT_ASSIGN_OR_RETURN(UploadedFile file, UploadedFileOf(ctx, kMaxEvidenceBytes + 1));
  LT_ASSIGN_OR_RETURN(EvidenceFile stored,
                      AddEvidenceFile(ctx.db, view.row.id, file.name, file.content_type,
                                      file.bytes, ctx.caller->Actor()));
  return JsonResponse(EvidenceJson(stored), 201);
}

Result<http::HttpResponse> ListEvidenceRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kRead));
  LT_ASSIGN_OR_RETURN(auto files, ListEvidenceFiles(ctx.db, view.row.id));
  json evidence = json::array();
  for (const EvidenceFile& f : files) evidence.push_back(EvidenceJson(f));
  return JsonResponse({{"task_id", view.row.id},
                       {"evidence_link", view.row.evidence_link ? json(*view.row.evidence_link)
                                                                : json()},
                       {"files", std::move(evidence)}});
}

Result<http::HttpResponse> DownloadEvidenceRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kRead));
  LT_ASSIGN_OR_RETURN(int64_t n, ctx.PathId("n"));
  LT_ASSIGN_OR_RETURN(auto file, GetEvidenceFile(ctx.db, view.row.id, n));
  if (!file) {
    return Status::NotFound("evidence " + std::to_string(n) + " of task " +
                            std::to_string(view.row.id));
  }
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

Result<http::HttpResponse> ListCommentsRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(TaskView view, TaskOfPath(ctx, Permission::kRead));
  LT_ASSIGN_OR_RETURN(auto comments, TaskComments(ctx.db, view.row.id));
  json out = json::array();
  for (const TaskComment& c : comments) out.push_back(CommentJson(c));
  return JsonResponse({{"task_id", view.row.id}, {"comments", std::move(out)}});
}

Result<http::HttpResponse> AddCommentRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_ASSIGN_OR_RETURN(TaskView view, AuthorizedTaskForComment(ctx.db, *ctx.caller, id, Today()));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  if (!body.contains("text") || !body["text"].is_string()) {
    return Status::InvalidField("text", "required: the comment as a string");
  }
  LT_ASSIGN_OR_RETURN(TaskComment comment,
                      AddTaskComment(ctx.db, view.row.id, body["text"].get<std::string>(),
                                     ctx.caller->unit_id, ctx.caller->Actor()));
  return JsonResponse(CommentJson(comment), 201);
}

}  // namespace

void RegisterTaskDetailRoutes(Router& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks/{id}/history",
              .handler = HistoryRoute,
              .openapi = {{"summary", "Every change of a task, newest first"},
                          {"responses", {{"200", JsonResponseSchema(SchemaRef("TaskHistory"))}}}}});
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/tasks/{id}/evidence",
       .handler = UploadEvidenceRoute,
       .openapi =
           {{"summary",
             "Upload an evidence file (at most 10 MiB): a form with the field `file`, or the raw "
             "file as the body with X-File-Name; files are kept for good"},
            {"parameters",
             {{{"name", "X-File-Name"},
               {"in", "header"},
               {"required", false},
               {"description", "raw body only: the file's name, percent-encoded UTF-8"},
               {"schema", {{"type", "string"}}}}}},
            {"requestBody",
             {{"required", true},
              {"content",
               {{"multipart/form-data",
                 {{"schema", ObjectSchema({{"file", {{"type", "string"}, {"format", "binary"}}}},
                                          {"file"})}}},
                {"application/octet-stream",
                 {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}}},
            {"responses", {{"201", JsonResponseSchema(SchemaRef("Evidence"), "Stored")}}}},
       // Checked before the body is read; a multipart form's boundaries and headers add a little.
       .max_body_bytes = kMaxEvidenceBytes + kMultipartOverheadBytes});
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks/{id}/evidence",
              .handler = ListEvidenceRoute,
              .openapi = {{"summary", "A task's evidence link and files"},
                          {"responses",
                           {{"200", JsonResponseSchema(ClosedObjectSchema(
                                        {{"task_id", TypeSchema("integer")},
                                         {"evidence_link", TypeSchema("string", true)},
                                         {"files", ArraySchema(SchemaRef("Evidence"))}}))}}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/tasks/{id}/evidence/{n}",
              .handler = DownloadEvidenceRoute,
              .openapi = {{"summary", "Download evidence file n of a task (as an attachment)"},
                          {"responses",
                           {{"200",
                             {{"description", "The file"},
                              {"content",
                               {{"application/octet-stream",
                                 {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}}}}}}});
  router.Add(
      {.method = "GET",
       .pattern = "/api/v1/tasks/{id}/comments",
       .handler = ListCommentsRoute,
       .openapi = {{"summary", "Comments on a task, oldest first"},
                   {"responses",
                    {{"200", JsonResponseSchema(ClosedObjectSchema(
                                 {{"task_id", TypeSchema("integer")},
                                  {"comments", ArraySchema(SchemaRef("TaskComment"))}}))}}}}});
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/tasks/{id}/comments",
       .handler = AddCommentRoute,
       .openapi = {
           {"summary",
            "Comment on a task (its owners, and the units a higher level's plan "
            "assigns it to); comments are kept for good"},
           {"requestBody",
            JsonRequestBody({{"text", {{"type", "string"}, {"maxLength", 4000}}}}, {"text"})},
           {"responses", {{"201", JsonResponseSchema(SchemaRef("TaskComment"), "Added")}}}}});
}

}  // namespace lienthong::api
