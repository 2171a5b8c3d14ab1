// Plans: import preview, save a reviewed plan, read, correct, publish, list and find.
#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "core/plan.h"
#include "core/unit_path.h"
#include "http/multipart.h"
#include "import/parse/plan_parser.h"
#include "import/plan_json.h"
#include "import/readers.h"
#include "service/plans/plan_save.h"
#include "store/audit_log.h"
#include "store/plan_document_codec.h"
#include "store/plan_store.h"
#include "store/unit_store.h"
#include "text/keys.h"
#include "util/sha256.h"

namespace lienthong::api {

void RegisterPlanRoutes(Router& router);

namespace {

using nlohmann::json;

// The document's text as the reader saw it, for the reviewer to compare with the parsed fields.
std::string PlainText(const RawDocument& raw) {
  std::string out;
  for (const Block& block : raw.blocks) {
    if (block.region != BlockRegion::kBody) continue;
    std::string line;
    if (!block.cells.empty()) {
      for (const std::string& cell : block.cells) line += (line.empty() ? "" : " | ") + cell;
    } else {
      line = block.list_label.empty() ? block.text : block.list_label + " " + block.text;
    }
    out += line;
    out += '\n';
  }
  return out;
}

Result<http::HttpResponse> ImportPreview(RouteContext& ctx) {
  LT_RETURN_IF_ERROR(Authorize(*ctx.caller, ctx.caller->unit_path, Permission::kWrite));
  LT_ASSIGN_OR_RETURN(auto parts,
                      http::ParseMultipart(ctx.request.Header("content-type"), ctx.request.body));
  const http::FormPart* file = nullptr;
  for (const auto& part : parts) {
    if (part.name == "file") file = &part;
  }
  if (!file) return Status::InvalidField("file", "no form field named 'file'");
  if (file->data.empty()) return Status::InvalidField("file", "the file is empty");
  std::string name = file->filename.empty() ? "upload" : file->filename;
  LT_ASSIGN_OR_RETURN(RawDocument raw, ReadDocumentBytes(file->data, name));
  LT_ASSIGN_OR_RETURN(auto documents, ParsePlans(raw));
  json imported = json::parse(ImportedDocumentsToJson(documents).dump());
  return JsonResponse({{"file",
                        {{"name", name},
                         {"format", raw.format},
                         {"size", file->data.size()},
                         {"sha256", Sha256Hex(file->data)}}},
                       {"text", PlainText(raw)},
                       {"warnings", raw.warnings},
                       {"documents", imported.value("documents", json::array())}});
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
  PlanSaveRequest request{
      .documents = std::move(*documents), .unit_code = unit.code, .actor = ctx.caller->Actor()};
  auto saved = SavePlans(ctx.db, request);
  if (!saved.ok()) return AboutField(saved.status(), "document");
  return JsonResponse({{"id", saved->at(0).plan_id}, {"tasks", saved->at(0).tasks}}, 201);
}

json TaskRowJson(const SqlRow& r) {
  return {{"id", r.Int(0)},
          {"position", r.Int(1)},
          {"group", r.Text(2)},
          {"text", r.Text(3)},
          {"lead", json::parse(r.Text(4), nullptr, false)},
          {"coordinators", json::parse(r.Text(5), nullptr, false)},
          {"deadline_text", r.OptText(6) ? json(*r.OptText(6)) : json()},
          {"deadline_kind", r.Text(7)},
          {"deadline_date", r.OptText(8) ? json(*r.OptText(8)) : json()},
          {"status", r.Text(9)},
          {"progress", r.Int(10)}};
}

Result<json> PlanJson(Database& db, const Caller& caller, int64_t id) {
  LT_ASSIGN_OR_RETURN(auto plan, PlanStore(db).GetPlan(id));
  if (!plan) return Status::NotFound("plan " + std::to_string(id));
  std::string unit_code;
  if (plan->unit_id) {
    LT_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT code FROM units WHERE id = ?", {*plan->unit_id}));
    if (!rows.empty()) unit_code = rows[0].Text(0);
  }
  json document = json::parse(plan->document_json, nullptr, false);
  // Legal bases link to the plans already in the system that the caller may read.
  json bases = json::array();
  LT_ASSIGN_OR_RETURN(
      auto base_rows,
      db.Query("SELECT b.symbol, (SELECT p.id FROM plans p JOIN units u ON u.id = p.unit_id "
               "WHERE p.number = b.symbol AND u.path >= ? AND u.path < ? ORDER BY p.id LIMIT 1) "
               "FROM plan_legal_bases b WHERE b.plan_id = ? ORDER BY b.position",
               {caller.unit_path, UnitPath(caller.unit_path).RangeEnd(), id}));
  for (const auto& r : base_rows) {
    bases.push_back({{"text", r.Text(0)},
                     {"symbol", r.Text(0)},
                     {"plan_id", r.OptInt(1) ? json(*r.OptInt(1)) : json()}});
  }
  json tasks = json::array();
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT id, position, group_name, text, lead_json, coordinators_json, deadline_text, "
      "deadline_kind, deadline_date, status, progress FROM tasks WHERE plan_id = ? "
      "ORDER BY position",
      {id}, [&](const SqlRow& r) {
        tasks.push_back(TaskRowJson(r));
        return true;
      }));
  return json{{"id", id},
              {"unit_code", unit_code},
              {"status", PlanStatusName(plan->status)},
              {"created_at", plan->created_at},
              {"created_by", plan->created_by},
              {"document", document},
              {"legal_bases", bases},
              {"tasks", tasks}};
}

Result<http::HttpResponse> GetPlan(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedPlanPath(ctx.db, *ctx.caller, id, Permission::kRead).status());
  LT_ASSIGN_OR_RETURN(json plan, PlanJson(ctx.db, *ctx.caller, id));
  return JsonResponse(plan);
}

// draft → published → archived; publishing and archiving are a manager's decision.
Status ChangeStatus(Database& db, int64_t id, PlanStatus to, const Caller& caller) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  PlanStore store(db);
  LT_ASSIGN_OR_RETURN(auto plan, store.GetPlan(id));
  if (!plan) return Status::NotFound("plan " + std::to_string(id));
  if (plan->status == to) return tx->Commit();
  if (!PlanStatusMayBecome(plan->status, to)) {
    return Status::FailedPrecondition("a " + std::string(PlanStatusName(plan->status)) +
                                      " plan cannot become " + std::string(PlanStatusName(to)));
  }
  LT_RETURN_IF_ERROR(store.SetStatus(id, to));
  LT_RETURN_IF_ERROR(
      AppendAudit(db, {.actor = caller.Actor(),
                       .action = "update",
                       .entity = "plan",
                       .entity_id = std::to_string(id),
                       .before_json = json{{"status", PlanStatusName(plan->status)}}.dump(),
                       .after_json = json{{"status", PlanStatusName(to)}}.dump()}));
  return tx->Commit();
}

Result<http::HttpResponse> PatchPlan(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  LT_RETURN_IF_ERROR(AuthorizedPlanPath(ctx.db, *ctx.caller, id, Permission::kWrite).status());
  if (body.contains("document")) {
    if (!body["document"].is_object()) {
      return Status::InvalidField("document", "expected an object");
    }
    ProblemList problems;
    PlanDocument document = DecodePlanDocument(body["document"], "document", problems);
    if (!problems.empty()) {
      return AboutField(problems.ToStatus("the plan was not changed"), "document");
    }
    LT_RETURN_IF_ERROR(AboutField(
        ReplacePlanDocument(ctx.db, id, std::move(document), ctx.caller->Actor()).status(),
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
    LT_RETURN_IF_ERROR(ChangeStatus(ctx.db, id, *to, *ctx.caller));
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
  std::string sql =
      "SELECT p.id, u.code, p.status, p.doc_type, p.number, p.title, p.date, p.issuer "
      "FROM plans p JOIN units u ON u.id = p.unit_id WHERE u.path >= ? AND u.path < ?";
  SqlParams params = {root_path, UnitPath(root_path).RangeEnd()};
  if (auto q = ctx.Query("q"); q && !q->empty()) {
    sql += " AND p.search_key LIKE ?";
    params.push_back("%" + SearchKey(*q) + "%");
  }
  sql += " ORDER BY p.date DESC, p.id DESC LIMIT 500";
  json plans = json::array();
  LT_RETURN_IF_ERROR(ctx.db.QueryEach(sql, params, [&](const SqlRow& r) {
    plans.push_back({{"id", r.Int(0)},
                     {"unit_code", r.Text(1)},
                     {"status", r.Text(2)},
                     {"doc_type", r.Text(3)},
                     {"number", r.OptText(4) ? json(*r.OptText(4)) : json()},
                     {"title", r.Text(5)},
                     {"date", r.OptText(6) ? json(*r.OptText(6)) : json()},
                     {"issuer", r.Text(7)}});
    return true;
  }));
  return JsonResponse({{"plans", plans}});
}

}  // namespace

void RegisterPlanRoutes(Router& router) {
  router.Add({.method = "POST",
              .pattern = "/api/v1/plans/import",
              .handler = ImportPreview,
              .openapi = {{"summary", "Read an uploaded plan file; nothing is stored"},
                          {"requestBody",
                           {{"required", true},
                            {"content",
                             {{"multipart/form-data",
                               {{"schema",
                                 {{"type", "object"},
                                  {"properties",
                                   {{"file", {{"type", "string"}, {"format", "binary"}}}}}}}}}}}}}}});
  router.Add({.method = "POST",
              .pattern = "/api/v1/plans",
              .handler = SavePlan,
              .openapi = {{"summary", "Save a reviewed plan as a draft"},
                          {"requestBody", JsonRequestBody({{"unit", {{"type", "string"}}},
                                                           {"document", {{"type", "object"}}}},
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
              .openapi = {{"summary", "Correct a draft's document or change its status"},
                          {"requestBody", JsonRequestBody({{"document", {{"type", "object"}}},
                                                           {"status", {{"type", "string"}}}})}}});
}

}  // namespace lienthong::api
