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
                                       .actor = ctx.caller->Actor(),
                                       .reader_path = ctx.caller->unit_path});
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
              {"legal_bases", std::move(bases)},
              {"tasks", std::move(tasks)}};
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
  return JsonResponse({{"plans", std::move(plans)}});
}

// The import JSON (docs/import-schema.md) as EncodePlanDocument writes it; fields other tools
// added are carried along (additional properties).
json PlanDocumentSchema() {
  json text = TypeSchema("string"), maybe_text = TypeSchema("string", true);
  json texts = ArraySchema(text);
  json position =
      ObjectSchema({{"page", TypeSchema("integer")}, {"line", TypeSchema("integer")}}, {"line"});
  json phase = ClosedObjectSchema(
      {{"name", text},
       {"start", maybe_text},
       {"end", maybe_text},
       {"objective", maybe_text},
       {"period", maybe_text},
       {"targets",
        ArraySchema(ClosedObjectSchema(
            {{"text", text}, {"unit", maybe_text}, {"value", TypeSchema("number", true)}}))}});
  json task = ObjectSchema(
      {{"group", maybe_text},
       {"text", text},
       {"lead", texts},
       {"coordinators", texts},
       {"deadline", maybe_text},
       {"deadline_date", DateSchema(true)},
       {"deadline_kind", maybe_text},
       {"from",
        {{"type", "string"}, {"description", "a derived task: the parent task it came from"}}},
       {"id", {{"type", "integer"}, {"description", "the stored task (a saved plan)"}}}},
      {"group", "text", "lead", "coordinators", "deadline", "deadline_date", "deadline_kind"});
  json signer = NullableSchema(
      ClosedObjectSchema({{"on_behalf", maybe_text}, {"title", maybe_text}, {"name", maybe_text}}));
  json source = NullableSchema(ClosedObjectSchema({{"file", text},
                                                   {"format", text},
                                                   {"encoding", text},
                                                   {"begin", position},
                                                   {"end", position}}));
  json theme = ObjectSchema({{"label", text}, {"title", text}, {"text", text}}, {"label", "title"});
  return ObjectSchema(
      {{"doc_type", maybe_text},
       {"number", maybe_text},
       {"issuer", maybe_text},
       {"parent_issuer", maybe_text},
       {"place", maybe_text},
       {"date", maybe_text},
       {"title", maybe_text},
       {"family", NullableSchema(EnumSchema({"state", "party"}))},
       {"legal_bases", texts},
       {"implements", maybe_text},
       {"sections", texts},
       {"content_items", TypeSchema("integer", true)},
       {"phases", ArraySchema(phase)},
       {"tasks", ArraySchema(task)},
       {"report_deadlines", texts},
       {"recipients", texts},
       {"signer", signer},
       {"diacritics", EnumSchema({"ok", "missing", "restored"})},
       {"warnings", texts},
       {"source", source},
       {"positions", MapSchema(position)},
       {"legal_basis_details", ArraySchema(ClosedObjectSchema({{"symbol", text}, {"text", text}}))},
       {"section_tree", ArraySchema({{"type", "object"},
                                     {"description", "label, title, body, children (nested)"}})},
       {"themes", ArraySchema(theme)},
       {"channels", ArraySchema(ClosedObjectSchema({{"code", text}, {"name", text}}))},
       {"derived_from",
        ClosedObjectSchema({{"plan_id", TypeSchema("integer")}, {"number", maybe_text}})},
       {"warning_details", ArraySchema(ClosedObjectSchema(
                               {{"code", text}, {"params", MapSchema(text)}, {"message", text}}))},
       {"diacritics_restored",
        ObjectSchema({{"words", TypeSchema("integer")},
                      {"uncertain_words", TypeSchema("integer")},
                      {"uncertain",
                       ArraySchema(ClosedObjectSchema({{"original", text},
                                                       {"restored", text},
                                                       {"confidence", TypeSchema("number")}}))}},
                     {"words", "uncertain_words", "uncertain"})}},
      {"doc_type",
       "number",
       "issuer",
       "parent_issuer",
       "place",
       "date",
       "title",
       "family",
       "legal_bases",
       "implements",
       "sections",
       "content_items",
       "phases",
       "tasks",
       "report_deadlines",
       "recipients",
       "signer",
       "diacritics",
       "warnings",
       "source",
       "positions",
       "legal_basis_details",
       "section_tree",
       "themes",
       "channels"});
}

void RegisterPlanSchemas(Router& router) {
  json text = TypeSchema("string"), maybe_text = TypeSchema("string", true);
  router.AddSchema("PlanDocument", PlanDocumentSchema());
  router.AddSchema("PlanStatus", EnumSchema({"draft", "published", "archived"}));
  router.AddSchema(
      "ImportPreview",
      ClosedObjectSchema({{"file", ClosedObjectSchema({{"name", text},
                                                       {"format", text},
                                                       {"size", TypeSchema("integer")},
                                                       {"sha256", text}})},
                          {"upload", ClosedObjectSchema({{"id", text}, {"expires_at", text}})},
                          {"text", text},
                          {"warnings", ArraySchema(text)},
                          {"documents", ArraySchema(SchemaRef("PlanDocument"))}}));
  router.AddSchema("PlanSummary", ClosedObjectSchema({{"id", TypeSchema("integer")},
                                                      {"unit_code", text},
                                                      {"status", SchemaRef("PlanStatus")},
                                                      {"doc_type", text},
                                                      {"number", maybe_text},
                                                      {"title", text},
                                                      {"date", maybe_text},
                                                      {"issuer", text}}));
  json task_row = ClosedObjectSchema({{"id", TypeSchema("integer")},
                                      {"position", TypeSchema("integer")},
                                      {"group", text},
                                      {"text", text},
                                      {"lead", ArraySchema(text)},
                                      {"coordinators", ArraySchema(text)},
                                      {"deadline_text", maybe_text},
                                      {"deadline_kind", text},
                                      {"deadline_date", DateSchema(true)},
                                      {"status", text},
                                      {"progress", TypeSchema("integer")}});
  router.AddSchema(
      "Plan",
      ClosedObjectSchema(
          {{"id", TypeSchema("integer")},
           {"unit_code", text},
           {"status", SchemaRef("PlanStatus")},
           {"revision", TypeSchema("integer")},
           {"created_at", text},
           {"created_by", text},
           {"document", SchemaRef("PlanDocument")},
           {"legal_bases",
            ArraySchema(ClosedObjectSchema(
                {{"text", text}, {"symbol", text}, {"plan_id", TypeSchema("integer", true)}}))},
           {"tasks", ArraySchema(task_row)}}));
}

}  // namespace

void RegisterPlanRoutes(Router& router) {
  RegisterPlanSchemas(router);
  router.Add({.method = "POST",
              .pattern = "/api/v1/plans/import",
              .handler = ImportPreview,
              .openapi = {{"summary",
                           "Read an uploaded plan file into plans to review; the file is held "
                           "under `upload.id` for the save, no plan is stored"},
                          {"requestBody", FileUploadBody()},
                          {"responses", RefResponse("ImportPreview", "The plans read")}},
              .max_body_bytes = kUploadBodyLimit});
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/plans",
       .handler = SavePlan,
       .openapi = {
           {"summary", "Save a reviewed plan as a draft"},
           {"requestBody", JsonRequestBody({{"unit", {{"type", "string"}}},
                                            {"document", {{"type", "object"}}},
                                            {"upload_id", {{"type", "string"}}},
                                            {"allow_duplicate", {{"type", "boolean"}}}},
                                           {"unit", "document"})},
           {"responses",
            {{"201", JsonResponseSchema(ClosedObjectSchema({{"id", TypeSchema("integer")},
                                                            {"tasks", TypeSchema("integer")}}),
                                        "Created: the plan's id and task count")}}}}});
  router.Add(
      {.method = "GET",
       .pattern = "/api/v1/plans",
       .handler = ListPlans,
       .openapi = {{"summary", "Plans of a unit's subtree"},
                   {"parameters",
                    {QueryParameter("unit", "unit code"), QueryParameter("q", "text to find")}},
                   {"responses",
                    {{"200", JsonResponseSchema(ClosedObjectSchema(
                                 {{"plans", ArraySchema(SchemaRef("PlanSummary"))}}))}}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans/{id}",
              .handler = GetPlan,
              .openapi = {{"summary", "One plan with its legal bases and tasks"},
                          {"responses", RefResponse("Plan")}}});
  router.Add(
      {.method = "PATCH",
       .pattern = "/api/v1/plans/{id}",
       .handler = PatchPlan,
       .openapi = {{"summary",
                    "Correct a draft's document (tasks kept by id: their state survives; "
                    "tasks left out are archived) or change its status"},
                   {"requestBody", JsonRequestBody({{"document", {{"type", "object"}}},
                                                    {"revision", {{"type", "integer"}}},
                                                    {"status", {{"type", "string"}}}})},
                   {"responses",
                    {{"200", JsonResponseSchema(SchemaRef("Plan"), "The plan as GET returns it")},
                     {"409",
                      {{"description",
                        "Not a draft, a status the plan cannot take, or "
                        "saved by someone else since `revision`"}}}}}}});
}

}  // namespace lienthong::api
