// Plans: import preview, save a reviewed plan, read, correct, publish, list and find.
#include "api/authorize.h"
#include "api/import_json.h"
#include "api/openapi.h"
#include "api/route.h"
#include "core/plan.h"
#include "service/plans/import_jobs.h"
#include "service/plans/plan_import.h"
#include "service/plans/plan_save.h"
#include "service/plans/plan_view.h"
#include "store/plan_document_codec.h"
#include "store/plan_store.h"

namespace lienthong::api {

void RegisterPlanRoutes(Router& router);

namespace {

using nlohmann::json;

Result<http::HttpResponse> ImportPreview(RouteContext& ctx) {
  LT_RETURN_IF_ERROR(Authorize(*ctx.caller, ctx.caller->unit_path, Permission::kWrite));
  LT_ASSIGN_OR_RETURN(UploadedFile file, UploadedPlanFile(ctx));
  std::string name = std::move(file.name);
  // Read on the import pool (a child process per file); this worker only waits for it.
  Result<ImportJobView> job =
      ctx.imports->Run(ctx.db, ctx.caller->user_id, std::move(name), std::move(file.bytes),
                       [&request = ctx.request] { return request.Cancelled(); });
  if (!job.ok()) {
    if (job.status().code() == StatusCode::kUnavailable) return ImportsBusyResponse(job.status());
    return job.status();
  }
  if (job->state != ImportJobState::kDone) return ImportErrorResponse(*job);
  return JsonResponse(ImportPreviewJson(*job->preview));
}

Result<http::HttpResponse> SavePlan(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  if (!body.contains("unit") || !body["unit"].is_string()) {
    return Status::InvalidField("unit", "expected a unit code");
  }
  if (!body.contains("document") || !body["document"].is_object()) {
    return Status::InvalidField("document", "expected an object");
  }
  LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, *ctx.caller, body["unit"].get<std::string>(),
                                                Permission::kWrite));
  auto documents = DecodePlanDocumentList(json::array({body["document"]}), "no plan was saved");
  if (!documents.ok()) return AboutField(documents.status(), "document");
  Result<std::vector<SavedPlan>> saved = Status::Ok();
  if (body.contains("upload_id")) {
    if (!body["upload_id"].is_string()) {
      return Status::InvalidField("upload_id", "expected the id POST /plans/import returned");
    }
    if (body.contains("allow_duplicate") && !body["allow_duplicate"].is_boolean()) {
      return Status::InvalidField("allow_duplicate", "expected true or false");
    }
    saved = SaveImportedPlans(ctx.db, {.upload_id = body["upload_id"].get<std::string>(),
                                       .owner_user_id = ctx.caller->user_id,
                                       .documents = std::move(*documents),
                                       .unit_code = unit.code,
                                       .allow_duplicate_file = body.value("allow_duplicate", false),
                                       .actor = ctx.caller->Actor()});
  } else {
    saved = SavePlans(ctx.db, {.documents = std::move(*documents),
                               .unit_code = unit.code,
                               .actor = ctx.caller->Actor()});
  }
  if (!saved.ok()) return AboutField(saved.status(), "document");
  return JsonResponse({{"id", saved->at(0).plan_id}, {"tasks", saved->at(0).tasks}}, 201);
}

json OptionalJson(const std::optional<std::string>& s) { return s ? json(*s) : json(); }

json TaskRowJson(const TaskRecord& t) {
  return {{"id", t.id},
          {"position", t.position},
          {"group", t.group},
          {"text", t.text},
          {"lead", t.lead},
          {"coordinators", t.coordinators},
          {"deadline_text", OptionalJson(t.deadline_text)},
          {"deadline_kind", TimeSpecKindName(t.deadline_kind)},
          {"deadline_date", t.deadline_date ? json(t.deadline_date->ToIso()) : json()},
          {"status", t.status},
          {"progress", t.progress}};
}

Result<json> PlanJson(Database& db, const Caller& caller, int64_t id) {
  LT_ASSIGN_OR_RETURN(PlanView plan, ReadPlan(db, id, caller.unit_path));
  // Legal bases link to the plans already in the system that the caller may read.
  json bases = json::array();
  for (const LegalBasisLink& b : plan.legal_bases) {
    bases.push_back({{"text", b.symbol},
                     {"symbol", b.symbol},
                     {"plan_id", b.plan_id ? json(*b.plan_id) : json()}});
  }
  json tasks = json::array();
  for (const TaskRecord& t : plan.tasks) tasks.push_back(TaskRowJson(t));
  return json{{"id", id},
              {"unit_code", plan.unit_code},
              {"status", PlanStatusName(plan.record.status)},
              {"revision", plan.record.revision},
              {"created_at", plan.record.created_at},
              {"created_by", plan.record.created_by},
              {"document", EncodePlanDocument(plan.document)},
              {"legal_bases", bases},
              {"tasks", tasks}};
}

Result<http::HttpResponse> GetPlan(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedPlanPath(ctx.db, *ctx.caller, id, Permission::kRead).status());
  LT_ASSIGN_OR_RETURN(json plan, PlanJson(ctx.db, *ctx.caller, id));
  return JsonResponse(plan);
}

Result<http::HttpResponse> PatchPlan(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  LT_RETURN_IF_ERROR(AuthorizedPlanPath(ctx.db, *ctx.caller, id, Permission::kWrite).status());
  if (body.contains("document")) {
    if (!body["document"].is_object()) {
      return Status::InvalidField("document", "expected an object");
    }
    std::optional<int> revision;
    if (body.contains("revision")) {
      if (!body["revision"].is_number_integer()) {
        return Status::InvalidField("revision", "expected the revision the edit was made on");
      }
      revision = body["revision"].get<int>();
    }
    ProblemList problems;
    PlanDocument document = DecodePlanDocument(body["document"], "document", problems);
    if (!problems.empty()) {
      return AboutField(problems.ToStatus("the plan was not changed"), "document");
    }
    LT_RETURN_IF_ERROR(AboutField(
        ReplacePlanDocument(ctx.db, id, std::move(document), ctx.caller->Actor(), revision)
            .status(),
        "document"));
  }
  if (body.contains("status")) {
    if (!body["status"].is_string()) {
      return Status::InvalidField("status", "expected a string");
    }
    LT_RETURN_IF_ERROR(
        AuthorizedPlanPath(ctx.db, *ctx.caller, id, Permission::kApprove).status());
    std::optional<PlanStatus> to = ParsePlanStatus(body["status"].get<std::string>());
    if (!to) return Status::InvalidField("status", "expected draft, published or archived");
    LT_RETURN_IF_ERROR(ChangePlanStatus(ctx.db, id, *to, ctx.caller->Actor()));
  }
  LT_ASSIGN_OR_RETURN(json plan, PlanJson(ctx.db, *ctx.caller, id));
  return JsonResponse(plan);
}

Result<http::HttpResponse> ListPlans(RouteContext& ctx) {
  std::string root_path = ctx.caller->unit_path;
  if (auto code = ctx.Query("unit"); code && !code->empty()) {
    LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, *ctx.caller, *code, Permission::kRead));
    root_path = unit.path;
  }
  LT_ASSIGN_OR_RETURN(std::vector<PlanSummary> found,
                      ListPlans(ctx.db, root_path, ctx.Query("q").value_or(""), 500));
  json plans = json::array();
  for (const PlanSummary& p : found) {
    plans.push_back({{"id", p.id},
                     {"unit_code", p.unit_code},
                     {"status", PlanStatusName(p.status)},
                     {"doc_type", p.doc_type},
                     {"number", OptionalJson(p.number)},
                     {"title", p.title},
                     {"date", OptionalJson(p.date)},
                     {"issuer", p.issuer}});
  }
  return JsonResponse({{"plans", plans}});
}

}  // namespace

void RegisterPlanRoutes(Router& router) {
  router.Add({.method = "POST",
              .pattern = "/api/v1/plans/import",
              .handler = ImportPreview,
              .openapi = {{"summary",
                           "Read an uploaded plan file into plans to review; the file is held "
                           "under `upload.id` for the save, no plan is stored"},
                          {"requestBody",
                           {{"required", true},
                            {"content",
                             {{"multipart/form-data",
                               {{"schema",
                                 {{"type", "object"},
                                  {"properties",
                                   {{"file", {{"type", "string"}, {"format", "binary"}}}}}}}}}}}}}},
              .max_body_bytes = kUploadBodyLimit});
  router.Add({.method = "POST",
              .pattern = "/api/v1/plans",
              .handler = SavePlan,
              .openapi = {{"summary", "Save a reviewed plan as a draft"},
                          {"requestBody", JsonRequestBody({{"unit", {{"type", "string"}}},
                                                           {"document", {{"type", "object"}}},
                                                           {"upload_id", {{"type", "string"}}},
                                                           {"allow_duplicate", {{"type", "boolean"}}}},
                                                          {"unit", "document"})},
                          {"responses", {{"201", {{"description", "Created"}}}}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans",
              .handler = ListPlans,
              .openapi = {{"summary", "Plans of a unit's subtree"},
                          {"parameters", {QueryParameter("unit", "unit code"),
                                          QueryParameter("q", "text to find")}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans/{id}",
              .handler = GetPlan,
              .openapi = {{"summary", "One plan with its legal bases and tasks"}}});
  router.Add({.method = "PATCH",
              .pattern = "/api/v1/plans/{id}",
              .handler = PatchPlan,
              .openapi = {{"summary",
                           "Correct a draft's document (tasks kept by id: their state survives; "
                           "tasks left out are archived) or change its status"},
                          {"requestBody", JsonRequestBody({{"document", {{"type", "object"}}},
                                                           {"revision", {{"type", "integer"}}},
                                                           {"status", {{"type", "string"}}}})},
                          {"responses",
                           {{"200", {{"description", "The plan as GET returns it"}}},
                            {"409",
                             {{"description", "Not a draft, a status the plan cannot take, or "
                                              "saved by someone else since `revision`"}}}}}}});
}

}  // namespace lienthong::api
