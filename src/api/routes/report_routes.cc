// Reports: a plan's indicators and reporting duties, report slots with their status, a slot as a
// unit fills it in, drafts, submission, acceptance and return, one report with its versions, and
// reporting rates. Shapes: docs/reports.md; OpenAPI: report_openapi.cc.
#include <algorithm>

#include "api/authorize.h"
#include "api/report_json.h"
#include "api/route.h"
#include "api/routes/report_openapi.h"
#include "core/date.h"

namespace lienthong::api {

void RegisterReportRoutes(Router& router);

namespace {

using nlohmann::json;

// The unit named by ?unit= (default: the caller's own unit), readable by the caller.
Result<Unit> UnitParam(RouteContext& ctx) {
  std::string code = ctx.Query("unit").value_or(ctx.caller->unit_code);
  return AuthorizedUnit(ctx.db, *ctx.caller, code, Permission::kRead);
}

// ---- A plan's reporting rules: declared by a manager (or admin) of the plan's unit; read by
// whoever may read the plan or reports to it.

Result<int64_t> PlanToDeclareOn(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t plan_id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(
      AuthorizedPlanPath(ctx.db, *ctx.caller, plan_id, Permission::kApprove).status());
  return plan_id;
}

Result<int64_t> PlanToRead(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t plan_id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedReportingPlan(ctx.db, *ctx.caller, plan_id));
  return plan_id;
}

json IndicatorsJson(const std::vector<IndicatorDef>& defs) {
  json out = json::array();
  for (const auto& d : defs) out.push_back(IndicatorJson(d));
  return {{"indicators", std::move(out)}};
}

Result<http::HttpResponse> DeclareIndicatorsRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t plan_id, PlanToDeclareOn(ctx));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  LT_ASSIGN_OR_RETURN(auto defs, IndicatorsFromJson(body));
  LT_ASSIGN_OR_RETURN(auto stored, DeclareIndicators(ctx.db, plan_id, defs, ctx.caller->Actor()));
  return JsonResponse(IndicatorsJson(stored));
}

Result<http::HttpResponse> GetIndicatorsRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t plan_id, PlanToRead(ctx));
  LT_ASSIGN_OR_RETURN(auto stored, PlanIndicators(ctx.db, plan_id));
  return JsonResponse(IndicatorsJson(stored));
}

Result<http::HttpResponse> AddDutyRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t plan_id, PlanToDeclareOn(ctx));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  LT_ASSIGN_OR_RETURN(DutyRequest request, DutyRequestFromJson(body));
  request.plan_id = plan_id;
  request.actor = ctx.caller->Actor();
  LT_ASSIGN_OR_RETURN(auto result, AddReportingDuty(ctx.db, request));
  return JsonResponse({{"id", result.duty_id},
                       {"slots_created", result.slots_created},
                       {"periods", result.periods}},
                      201);
}

Result<http::HttpResponse> ListDutiesRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t plan_id, PlanToRead(ctx));
  LT_ASSIGN_OR_RETURN(auto duties, PlanDuties(ctx.db, plan_id));
  json out = json::array();
  for (const auto& d : duties) out.push_back(DutyJson(d));
  return JsonResponse({{"duties", std::move(out)}});
}

// ---- Slots and reports.

// ?status=missing,draft,returned → the slot states to list.
Result<std::vector<std::optional<ReportStatus>>> StatusesParam(RouteContext& ctx) {
  std::vector<std::optional<ReportStatus>> out;
  std::string text = ctx.Query("status").value_or("");
  size_t start = 0;
  while (start < text.size()) {
    size_t end = std::min(text.find(',', start), text.size());
    std::string name = text.substr(start, end - start);
    start = end + 1;
    if (name.empty()) continue;
    if (name == "missing") {
      out.push_back(std::nullopt);
    } else if (auto status = ParseReportStatus(name)) {
      out.push_back(*status);
    } else {
      return Status::InvalidField("status", "missing, draft, submitted, accepted or returned");
    }
  }
  return out;
}

Result<http::HttpResponse> ListReportsRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, UnitParam(ctx));
  SlotFilter filter{.unit_path = unit.path, .period_key = ctx.Query("period").value_or("")};
  if (ctx.Query("plan")) {
    LT_ASSIGN_OR_RETURN(filter.plan_id, ctx.QueryId("plan"));
  }
  std::string scope = ctx.Query("scope").value_or("subtree");
  if (scope != "subtree" && scope != "unit") {
    return Status::InvalidField("scope", "unit (the unit's own slots) or subtree");
  }
  filter.unit_only = scope == "unit";
  LT_ASSIGN_OR_RETURN(filter.statuses, StatusesParam(ctx));
  LT_ASSIGN_OR_RETURN(int64_t limit, ctx.QueryCount("limit", 500, 1, 5000));
  Date today = Today();
  LT_ASSIGN_OR_RETURN(auto slots, ListReportSlots(ctx.db, filter, today, limit));
  json out = json::array();
  for (const auto& s : slots) out.push_back(SlotJson(s.slot, s.late, today));
  return JsonResponse({{"slots", std::move(out)}});
}

Result<http::HttpResponse> OpenSlotRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedSlot(ctx.db, *ctx.caller, id, Permission::kRead).status());
  Date today = Today();
  LT_ASSIGN_OR_RETURN(SlotForm form, OpenReportSlot(ctx.db, id, today));
  return JsonResponse(SlotFormJson(form, today));
}

// The slot a draft is for: {"slot_id"}, or {"plan", "unit", "period"}; writable by the caller.
Result<int64_t> DraftSlot(RouteContext& ctx, const json& body) {
  if (body.contains("slot_id")) {
    if (!body["slot_id"].is_number_integer()) {
      return Status::InvalidField("slot_id", "expected an id");
    }
    int64_t id = body["slot_id"].get<int64_t>();
    LT_RETURN_IF_ERROR(AuthorizedSlot(ctx.db, *ctx.caller, id, Permission::kWrite).status());
    return id;
  }
  bool named = body.contains("plan") && body["plan"].is_number_integer() &&
               body.contains("unit") && body["unit"].is_string() && body.contains("period") &&
               body["period"].is_string();
  if (!named) return Status::InvalidField("slot_id", "give slot_id, or plan, unit and period");
  LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, *ctx.caller,
                                                body["unit"].get<std::string>(), Permission::kRead));
  auto slot = FindReportSlot(ctx.db, body["plan"].get<int64_t>(), unit.id,
                             body["period"].get<std::string>());
  if (!slot.ok()) return AboutField(slot.status(), "period");
  LT_RETURN_IF_ERROR(AuthorizedSlot(ctx.db, *ctx.caller, slot->id, Permission::kWrite).status());
  return slot->id;
}

Result<http::HttpResponse> SaveDraftRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  LT_ASSIGN_OR_RETURN(int64_t slot_id, DraftSlot(ctx, body));
  LT_ASSIGN_OR_RETURN(DraftRequest request, DraftFromJson(body));
  request.slot_id = slot_id;
  request.actor = ctx.caller->Actor();
  LT_ASSIGN_OR_RETURN(ReportView view, SaveDraftView(ctx.db, request, Today()));
  return JsonResponse(ReportJson(view), 201);
}

Result<http::HttpResponse> GetReportRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedReportSlot(ctx.db, *ctx.caller, id, Permission::kRead).status());
  LT_ASSIGN_OR_RETURN(ReportView view, GetReportView(ctx.db, id, Today()));
  return JsonResponse(ReportJson(view));
}

Result<http::HttpResponse> SubmitRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedReportSlot(ctx.db, *ctx.caller, id, Permission::kWrite).status());
  LT_ASSIGN_OR_RETURN(ReportView view, SubmitReportView(ctx.db, id, ctx.caller->Actor(), Today()));
  return JsonResponse(ReportJson(view));
}

Result<http::HttpResponse> AcceptRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedReviewer(ctx.db, *ctx.caller, id));
  LT_ASSIGN_OR_RETURN(ReportView view,
                      ReviewReportView(ctx.db, id, true, "", ctx.caller->Actor(), Today()));
  return JsonResponse(ReportJson(view));
}

Result<http::HttpResponse> ReturnRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedReviewer(ctx.db, *ctx.caller, id));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  const json comment = body.contains("comment") ? body["comment"] : json();
  if (!comment.is_null() && !comment.is_string()) {
    return Status::InvalidField("comment", "expected text");
  }
  std::string text = comment.is_string() ? comment.get<std::string>() : "";
  LT_ASSIGN_OR_RETURN(ReportView view,
                      ReviewReportView(ctx.db, id, false, text, ctx.caller->Actor(), Today()));
  return JsonResponse(ReportJson(view));
}

Result<http::HttpResponse> RatesRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t plan_id, ctx.QueryId("plan"));
  LT_RETURN_IF_ERROR(AuthorizedReportingPlan(ctx.db, *ctx.caller, plan_id));
  LT_ASSIGN_OR_RETURN(Unit unit, UnitParam(ctx));
  auto period = ctx.Query("period");
  if (!period) return Status::InvalidField("period", "required (2025-Q4, 2025-H1, 2025, 2025-M03)");
  auto view = ReportingRates(ctx.db, plan_id, unit, *period);
  if (!view.ok()) return AboutField(view.status(), "period");
  return JsonResponse(ReportingRatesJson(*view));
}

}  // namespace

void RegisterReportRoutes(Router& router) {
  struct Entry {
    const char* method;
    const char* pattern;
    Handler handler;
  };
  const Entry entries[] = {
      {"POST", "/api/v1/plans/{id}/indicators", DeclareIndicatorsRoute},
      {"GET", "/api/v1/plans/{id}/indicators", GetIndicatorsRoute},
      {"POST", "/api/v1/plans/{id}/reporting-duties", AddDutyRoute},
      {"GET", "/api/v1/plans/{id}/reporting-duties", ListDutiesRoute},
      {"GET", "/api/v1/reports", ListReportsRoute},
      {"POST", "/api/v1/reports", SaveDraftRoute},
      {"GET", "/api/v1/report-slots/{id}", OpenSlotRoute},
      {"GET", "/api/v1/reports/{id}", GetReportRoute},
      {"POST", "/api/v1/reports/{id}/submit", SubmitRoute},
      {"POST", "/api/v1/reports/{id}/accept", AcceptRoute},
      {"POST", "/api/v1/reports/{id}/return", ReturnRoute},
      {"GET", "/api/v1/reporting-rates", RatesRoute},
  };
  RegisterReportSchemas(router);
  for (const Entry& e : entries) {
    router.Add({.method = e.method,
                .pattern = e.pattern,
                .handler = e.handler,
                .openapi = ReportOperation(e.method, e.pattern)});
  }
}

}  // namespace lienthong::api
