// Import jobs (issue 13 workflow 9): POST /imports starts reading an uploaded plan file and
// answers at once with the job's id; GET /imports/{id} tells the page being read (or OCRed) and,
// once done, holds the same preview POST /plans/import answers; DELETE /imports/{id} cancels.
// A job is its starter's only: any other account gets 404.
#include "api/authorize.h"
#include "api/import_json.h"
#include "api/openapi.h"
#include "api/route.h"
#include "service/plans/import_jobs.h"

namespace lienthong::api {

void RegisterImportJobRoutes(Router& router);

namespace {

Result<http::HttpResponse> StartImport(RouteContext& ctx) {
  LT_RETURN_IF_ERROR(Authorize(*ctx.caller, ctx.caller->unit_path, Permission::kWrite));
  LT_ASSIGN_OR_RETURN(UploadedFile file, UploadedPlanFile(ctx));
  std::string name = std::move(file.name);
  Result<std::string> id = ctx.imports->Start(ctx.caller->user_id, name, std::move(file.bytes));
  if (!id.ok()) {
    if (id.status().code() == StatusCode::kUnavailable) return ImportsBusyResponse(id.status());
    return id.status();
  }
  LT_ASSIGN_OR_RETURN(ImportJobView job, ctx.imports->Get(ctx.db, *id, ctx.caller->user_id));
  http::HttpResponse answer = JsonResponse(ImportJobJson(job), 202);
  answer.headers.emplace_back("Location", "/api/v1/imports/" + *id);
  return answer;
}

Result<http::HttpResponse> GetImport(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(ImportJobView job,
                      ctx.imports->Get(ctx.db, ctx.path_params.at("id"), ctx.caller->user_id));
  return JsonResponse(ImportJobJson(job));
}

Result<http::HttpResponse> CancelImport(RouteContext& ctx) {
  LT_RETURN_IF_ERROR(ctx.imports->Cancel(ctx.path_params.at("id"), ctx.caller->user_id));
  http::HttpResponse none;
  none.status = 204;
  return none;
}

nlohmann::json JobResponses() {
  nlohmann::json responses =
      RefResponse("ImportJob", "The job: state, stage, page of pages; result when done");
  responses["404"] = {{"description", "Unknown, expired or another account's job"}};
  return responses;
}

// import_json.cc ImportJobJson: `result` once read, `error` (an error body's inner object) once
// failed or cancelled.
nlohmann::json ImportJobSchema() {
  nlohmann::json schema =
      ClosedObjectSchema({{"id", TypeSchema("string")},
                          {"name", TypeSchema("string")},
                          {"state", EnumSchema({"running", "done", "failed", "cancelled"})},
                          {"stage", EnumSchema({"reading", "ocr"})},
                          {"page", TypeSchema("integer")},
                          {"pages", TypeSchema("integer")}});
  schema["properties"]["result"] = SchemaRef("ImportPreview");
  schema["properties"]["error"] = ObjectSchema(
      {{"code", TypeSchema("string")},
       {"message", TypeSchema("string")},
       {"field", TypeSchema("string")}},
      {"code", "message"});
  return schema;
}

}  // namespace

void RegisterImportJobRoutes(Router& router) {
  router.AddSchema("ImportJob", ImportJobSchema());
  router.Add({.method = "POST",
              .pattern = "/api/v1/imports",
              .handler = StartImport,
              .openapi = {{"summary",
                           "Start reading an uploaded plan file (as POST /plans/import) without "
                           "waiting: answers 202 with the job to follow at /imports/{id}"},
                          {"requestBody", FileUploadBody()},
                          {"responses",
                           {{"202", JsonResponseSchema(SchemaRef("ImportJob"),
                                                "Started: the job as GET answers it")},
                            {"503", {{"description", "--max-imports files are being read"}}}}}},
              .max_body_bytes = kUploadBodyLimit});
  router.Add({.method = "GET",
              .pattern = "/api/v1/imports/{id}",
              .handler = GetImport,
              .openapi = {{"summary",
                           "An import job: {state: running|done|failed|cancelled, stage: "
                           "reading|ocr, page, pages, result, error}"},
                          {"responses", JobResponses()}}});
  router.Add({.method = "DELETE",
              .pattern = "/api/v1/imports/{id}",
              .handler = CancelImport,
              .openapi = {{"summary", "Cancel an import job (its reader is stopped) or forget a "
                                      "finished one"},
                          {"responses", {{"204", {{"description", "Cancelled"}}},
                                         {"404", {{"description", "Unknown or not yours"}}}}}}});
}

}  // namespace lienthong::api
