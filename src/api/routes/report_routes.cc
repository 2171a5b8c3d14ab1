// Reports: a plan's indicators and reporting duties, report slots with their status, drafts,
// submission, acceptance and return, one report with its versions, and reporting rates.
// Shapes: docs/reports.md.
#include <algorithm>

#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "core/date.h"
#include "core/unit_path.h"
#include "service/reports/report_duties.h"
#include "service/reports/report_workflow.h"
#include "service/reports/rollup.h"
#include "store/unit_store.h"

namespace lienthong::api {

void RegisterReportRoutes(Router& router);

namespace {

using nlohmann::json;

Result<std::optional<std::string>> OptString(const json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::optional<std::string>();
  if (!body[field].is_string()) return Status::InvalidField(field, "expected text");
  return std::optional<std::string>(body[field].get<std::string>());
}

Result<std::optional<double>> OptNumber(const json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::optional<double>();
  if (!body[field].is_number()) return Status::InvalidField(field, "expected a number");
  return std::optional<double>(body[field].get<double>());
}

Result<std::optional<Date>> OptDate(const json& body, const std::string& field) {
  LT_ASSIGN_OR_RETURN(auto text, OptString(body, field));
  if (!text) return std::optional<Date>();
  auto date = Date::FromIso(*text);
  if (!date) return Status::InvalidField(field, "expected a date YYYY-MM-DD");
  return std::optional<Date>(*date);
}

// The unit named by ?unit= (default: the caller's own unit), readable by the caller.
Result<Unit> UnitParam(RouteContext& ctx, Permission permission = Permission::kRead) {
  std::string code = ctx.Query("unit").value_or(ctx.caller->unit_code);
  return AuthorizedUnit(ctx.db, *ctx.caller, code, permission);
}

Result<std::vector<IndicatorDef>> ParseIndicators(const json& body) {
  if (!body.contains("indicators") || !body["indicators"].is_array()) {
    return Status::InvalidField("indicators", "expected a list");
  }
  std::vector<IndicatorDef> defs;
  for (size_t i = 0; i < body["indicators"].size(); ++i) {
    const json& in = body["indicators"][i];
    std::string where = "indicators[" + std::to_string(i) + "].";
    if (!in.is_object())
      return Status::InvalidField(where.substr(0, where.size() - 1), "expected an object");
    IndicatorDef d;
    LT_ASSIGN_OR_RETURN(auto code, OptString(in, "code"));
    LT_ASSIGN_OR_RETURN(auto name, OptString(in, "name"));
    LT_ASSIGN_OR_RETURN(auto type, OptString(in, "type"));
    LT_ASSIGN_OR_RETURN(auto aggregation, OptString(in, "aggregation"));
    LT_ASSIGN_OR_RETURN(d.weight_code, OptString(in, "weight_code"));
    LT_ASSIGN_OR_RETURN(d.target, OptNumber(in, "target"));
    LT_ASSIGN_OR_RETURN(d.goal, OptNumber(in, "goal"));
    LT_ASSIGN_OR_RETURN(d.goal_period, OptString(in, "goal_period"));
    LT_ASSIGN_OR_RETURN(auto label, OptString(in, "unit_label"));
    d.code = code.value_or("");
    d.name = name.value_or("");
    d.unit_label = label.value_or("");
    auto parsed = ParseIndicatorType(type.value_or("number"));
    if (!parsed)
      return Status::InvalidField(where + "type", "one of number, percentage, yes_no, text");
    d.type = *parsed;
    d.aggregation = aggregation.value_or(d.type == IndicatorType::kYesNo ? "share_meeting_target"
                                                                          : "sum");
    defs.push_back(std::move(d));
  }
  return defs;
}

Result<http::HttpResponse> PutIndicatorsRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t plan_id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(
      AuthorizedPlanPath(ctx.db, *ctx.caller, plan_id, Permission::kWrite).status());
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  LT_ASSIGN_OR_RETURN(auto defs, ParseIndicators(body));
  LT_RETURN_IF_ERROR(DeclareIndicators(ctx.db, plan_id, defs, ctx.caller->Actor()));
  LT_ASSIGN_OR_RETURN(auto stored, ReportStore(ctx.db).Indicators(plan_id));
  json out = json::array();
  for (const auto& d : stored) out.push_back(IndicatorJson(d));
  return JsonResponse({{"indicators", out}});
}

// Reading a plan's indicators and duties: whoever may read the plan, and whoever reports to it
// (a commune filling in a national plan's report needs its indicators).
Status MayReadReportingRules(RouteContext& ctx, int64_t plan_id) {
  Status plan = AuthorizedPlanPath(ctx.db, *ctx.caller, plan_id, Permission::kRead).status();
  if (plan.code() != StatusCode::kNotFound) return plan;
  LT_ASSIGN_OR_RETURN(
      auto rows, ctx.db.Query("SELECT 1 FROM report_slots s JOIN units u ON u.id = s.unit_id "
                              "WHERE s.plan_id = ? AND u.path >= ? AND u.path < ? LIMIT 1",
                              {plan_id, ctx.caller->unit_path,
                               UnitPath(ctx.caller->unit_path).RangeEnd()}));
  return rows.empty() ? plan : Status::Ok();
}

Result<http::HttpResponse> GetIndicatorsRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t plan_id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(MayReadReportingRules(ctx, plan_id));
  LT_ASSIGN_OR_RETURN(auto stored, ReportStore(ctx.db).Indicators(plan_id));
  json out = json::array();
  for (const auto& d : stored) out.push_back(IndicatorJson(d));
  return JsonResponse({{"indicators", out}});
}

Result<http::HttpResponse> AddDutyRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t plan_id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(
      AuthorizedPlanPath(ctx.db, *ctx.caller, plan_id, Permission::kWrite).status());
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  DutyRequest r;
  r.plan_id = plan_id;
  r.actor = ctx.caller->Actor();
  LT_ASSIGN_OR_RETURN(auto frequency, OptString(body, "frequency"));
  auto parsed = ParseFrequency(frequency.value_or(""));
  if (!parsed) {
    return Status::InvalidField("frequency",
                                "one of monthly, quarterly, half_yearly, yearly, once, ad_hoc");
  }
  r.frequency = *parsed;
  LT_ASSIGN_OR_RETURN(auto cutoff, OptString(body, "cutoff"));
  auto rule = ParseCutoffRule(cutoff.value_or("statutory"));
  if (!rule) return Status::InvalidField("cutoff", "statutory or calendar");
  r.cutoff = *rule;
  LT_ASSIGN_OR_RETURN(auto year, OptNumber(body, "year"));
  LT_ASSIGN_OR_RETURN(auto first_year, OptNumber(body, "first_year"));
  LT_ASSIGN_OR_RETURN(auto last_year, OptNumber(body, "last_year"));
  r.first_year = static_cast<int>(first_year.value_or(year.value_or(0)));
  r.last_year = static_cast<int>(last_year.value_or(year.value_or(r.first_year)));
  LT_ASSIGN_OR_RETURN(r.deadline, OptDate(body, "deadline"));
  LT_ASSIGN_OR_RETURN(r.period_first, OptDate(body, "period_first"));
  LT_ASSIGN_OR_RETURN(r.period_last, OptDate(body, "period_last"));
  if (body.contains("offset_days")) {
    if (!body["offset_days"].is_object())
      return Status::InvalidField("offset_days", "expected an object");
    for (const auto& [level, days] : body["offset_days"].items()) {
      if (!days.is_number_integer() || std::abs(days.get<int64_t>()) > 366) {
        return Status::InvalidField("offset_days." + level, "expected a number of days (±366)");
      }
      r.offset_days[level] = days.get<int>();
    }
  }
  if (body.contains("assignees")) {
    if (!body["assignees"].is_array())
      return Status::InvalidField("assignees", "expected unit codes");
    for (const auto& code : body["assignees"]) {
      if (!code.is_string()) return Status::InvalidField("assignees", "expected unit codes");
      r.assignees.push_back(code.get<std::string>());
    }
  }
  LT_ASSIGN_OR_RETURN(auto note, OptString(body, "note"));
  r.note = note.value_or("");
  LT_ASSIGN_OR_RETURN(auto result, AddReportingDuty(ctx.db, r));
  return JsonResponse({{"id", result.duty_id},
                       {"slots_created", result.slots_created},
                       {"periods", result.periods}},
                      201);
}

Result<http::HttpResponse> ListDutiesRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t plan_id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(MayReadReportingRules(ctx, plan_id));
  LT_ASSIGN_OR_RETURN(auto duties, ReportStore(ctx.db).Duties(plan_id));
  json out = json::array();
  for (const auto& d : duties) out.push_back(DutyJson(d));
  return JsonResponse({{"duties", out}});
}

Result<http::HttpResponse> ListReportsRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, UnitParam(ctx));
  std::optional<int64_t> plan_id;
  if (ctx.Query("plan")) {
    LT_ASSIGN_OR_RETURN(plan_id, ctx.QueryId("plan"));
  }
  LT_ASSIGN_OR_RETURN(int64_t limit, ctx.QueryCount("limit", 500, 1, 5000));
  LT_ASSIGN_OR_RETURN(auto out, ListReportSlots(ctx.db, plan_id, unit.path,
                                                ctx.Query("period").value_or(""), Today(),
                                                limit));
  return JsonResponse(out);
}

Result<std::vector<ValueInput>> ParseValues(const json& body) {
  std::vector<ValueInput> values;
  if (!body.contains("values")) return values;
  if (!body["values"].is_array()) return Status::InvalidField("values", "expected a list");
  for (size_t i = 0; i < body["values"].size(); ++i) {
    const json& in = body["values"][i];
    std::string where = "values[" + std::to_string(i) + "]";
    if (!in.is_object() || !in.contains("code") || !in["code"].is_string()) {
      return Status::InvalidField(where, "expected {\"code\", \"value\"}");
    }
    ValueInput v;
    v.code = in["code"].get<std::string>();
    if (in.contains("not_applicable")) {
      if (!in["not_applicable"].is_boolean()) {
        return Status::InvalidField(where + ".not_applicable", "expected true or false");
      }
      v.not_applicable = in["not_applicable"].get<bool>();
    }
    const json value = in.contains("value") ? in["value"] : json();
    if (value.is_boolean()) v.yes = value.get<bool>();
    else if (value.is_number()) v.number = value.get<double>();
    else if (value.is_string()) v.text = value.get<std::string>();
    else if (!value.is_null())
      return Status::InvalidField(where + ".value", "number, true/false or text");
    if (value.is_null() && !v.not_applicable) continue;  // left blank
    values.push_back(std::move(v));
  }
  return values;
}

Result<http::HttpResponse> SaveDraftRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  ReportStore store(ctx.db);
  std::optional<SlotRecord> slot;
  if (body.contains("slot_id")) {
    if (!body["slot_id"].is_number_integer())
      return Status::InvalidField("slot_id", "expected an id");
    LT_ASSIGN_OR_RETURN(slot, store.GetSlot(body["slot_id"].get<int64_t>()));
  } else {
    LT_ASSIGN_OR_RETURN(auto unit_code, OptString(body, "unit"));
    LT_ASSIGN_OR_RETURN(auto period, OptString(body, "period"));
    if (!body.contains("plan") || !body["plan"].is_number_integer() || !unit_code || !period) {
      return Status::InvalidField("slot_id", "give slot_id, or plan, unit and period");
    }
    LT_ASSIGN_OR_RETURN(Unit unit,
                        AuthorizedUnit(ctx.db, *ctx.caller, *unit_code, Permission::kRead));
    LT_ASSIGN_OR_RETURN(PeriodKey key, ParsePeriodKey(*period));
    LT_ASSIGN_OR_RETURN(slot, store.FindSlot(body["plan"].get<int64_t>(), unit.id, key.ToString()));
  }
  if (!slot) return Status::NotFound("no report is due for that plan, unit and period");
  LT_RETURN_IF_ERROR(Authorize(*ctx.caller, slot->unit_path, Permission::kWrite));
  DraftRequest r;
  r.slot_id = slot->id;
  r.actor = ctx.caller->Actor();
  LT_ASSIGN_OR_RETURN(r.values, ParseValues(body));
  json narrative = body.contains("narrative") && body["narrative"].is_object() ? body["narrative"]
                                                                                : body;
  auto text = [&](const char* key) {
    return narrative.contains(key) && narrative[key].is_string() ? narrative[key].get<std::string>()
                                                                 : std::string();
  };
  r.highlights = text("highlights");
  r.shortcomings = text("shortcomings");
  r.causes = text("causes");
  r.lessons = text("lessons");
  r.recommendations = text("recommendations");
  LT_ASSIGN_OR_RETURN(int64_t id, SaveDraft(ctx.db, r));
  LT_ASSIGN_OR_RETURN(json out, ReportJson(ctx.db, id, Today()));
  return JsonResponse(out, 201);
}

// The report's slot, checked against the caller with `permission`.
Result<SlotRecord> AuthorizedSlot(RouteContext& ctx, int64_t report_id, Permission permission) {
  auto slot = SlotOfReport(ctx.db, report_id);
  if (!slot.ok()) return slot.status();
  Status allowed = Authorize(*ctx.caller, slot->unit_path, permission);
  if (allowed.code() == StatusCode::kNotFound) {
    return Status::NotFound("report " + std::to_string(report_id));
  }
  LT_RETURN_IF_ERROR(allowed);
  return slot;
}

Result<http::HttpResponse> GetReportRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedSlot(ctx, id, Permission::kRead).status());
  LT_ASSIGN_OR_RETURN(json out, ReportJson(ctx.db, id, Today()));
  return JsonResponse(out);
}

Result<http::HttpResponse> SubmitRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedSlot(ctx, id, Permission::kWrite).status());
  LT_RETURN_IF_ERROR(SubmitReport(ctx.db, id, ctx.caller->Actor()));
  LT_ASSIGN_OR_RETURN(json out, ReportJson(ctx.db, id, Today()));
  return JsonResponse(out);
}

// Accepting and returning belong to a manager of a unit above the reporting unit.
Status CheckReviewer(RouteContext& ctx, int64_t id) {
  LT_ASSIGN_OR_RETURN(SlotRecord slot, AuthorizedSlot(ctx, id, Permission::kApprove));
  if (slot.unit_path == ctx.caller->unit_path) {
    return Status::PermissionDenied("a report is reviewed by a manager of a unit above " +
                                    slot.unit_code);
  }
  return Status::Ok();
}

Result<http::HttpResponse> AcceptRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(CheckReviewer(ctx, id));
  LT_RETURN_IF_ERROR(AcceptReport(ctx.db, id, ctx.caller->Actor()));
  LT_ASSIGN_OR_RETURN(json out, ReportJson(ctx.db, id, Today()));
  return JsonResponse(out);
}

Result<http::HttpResponse> ReturnRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(CheckReviewer(ctx, id));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  LT_ASSIGN_OR_RETURN(auto comment, OptString(body, "comment"));
  LT_RETURN_IF_ERROR(ReturnReport(ctx.db, id, comment.value_or(""), ctx.caller->Actor()));
  LT_ASSIGN_OR_RETURN(json out, ReportJson(ctx.db, id, Today()));
  return JsonResponse(out);
}

Result<http::HttpResponse> RatesRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, UnitParam(ctx));
  LT_ASSIGN_OR_RETURN(int64_t plan_id, ctx.QueryId("plan"));
  auto period = ctx.Query("period");
  if (!period) return Status::InvalidField("period", "required (2025-Q4, 2025-H1, 2025, 2025-M03)");
  LT_ASSIGN_OR_RETURN(json out, ReportingRates(ctx.db, plan_id, unit, *period));
  return JsonResponse(out);
}

json PlanIdParameter() {
  return {{"name", "id"}, {"in", "path"}, {"required", true},
          {"schema", {{"type", "integer"}}}};
}
json ReportIdParameter() {
  return {{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}};
}

}  // namespace

void RegisterReportRoutes(Router& router) {
  json indicator_schema = {
      {"indicators",
       {{"type", "array"},
        {"items",
         {{"type", "object"},
          {"properties",
           {{"code", {{"type", "string"}}},
            {"name", {{"type", "string"}}},
            {"type", {{"type", "string"}, {"enum", {"number", "percentage", "yes_no", "text"}}}},
            {"aggregation",
             {{"type", "string"},
              {"enum", {"sum", "mean", "weighted_mean", "min", "max", "share_meeting_target"}}}},
            {"weight_code", {{"type", "string"}}},
            {"target", {{"type", "number"}}},
            {"goal", {{"type", "number"}}},
            {"goal_period", {{"type", "string"}}},
            {"unit_label", {{"type", "string"}}}}}}}}}};
  router.Add({.method = "POST",
              .pattern = "/api/v1/plans/{id}/indicators",
              .handler = PutIndicatorsRoute,
              .openapi = {{"summary", "Declare (replace) the indicators a plan's reports measure"},
                          {"parameters", {PlanIdParameter()}},
                          {"requestBody", JsonRequestBody(indicator_schema, {"indicators"})}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans/{id}/indicators",
              .handler = GetIndicatorsRoute,
              .openapi = {{"summary", "A plan's indicators"},
                          {"parameters", {PlanIdParameter()}}}});
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/plans/{id}/reporting-duties",
       .handler = AddDutyRoute,
       .openapi = {{"summary", "Add a reporting duty and create its report slots"},
                   {"parameters", {PlanIdParameter()}},
                   {"requestBody",
                    JsonRequestBody(
                        {{"frequency",
                          {{"type", "string"},
                           {"enum", {"monthly", "quarterly", "half_yearly", "yearly", "once",
                                     "ad_hoc"}}}},
                         {"cutoff", {{"type", "string"}, {"enum", {"statutory", "calendar"}}}},
                         {"year", {{"type", "integer"}}},
                         {"first_year", {{"type", "integer"}}},
                         {"last_year", {{"type", "integer"}}},
                         {"deadline", {{"type", "string"}, {"format", "date"}}},
                         {"period_first", {{"type", "string"}, {"format", "date"}}},
                         {"period_last", {{"type", "string"}, {"format", "date"}}},
                         {"offset_days",
                          {{"type", "object"},
                           {"additionalProperties", {{"type", "integer"}}},
                           {"description", "days after the period end (or the deadline) per "
                                           "level: country, province, commune, a unit kind, "
                                           "default"}}},
                         {"assignees", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                         {"note", {{"type", "string"}}}},
                        {"frequency"})}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans/{id}/reporting-duties",
              .handler = ListDutiesRoute,
              .openapi = {{"summary", "A plan's reporting duties"},
                          {"parameters", {PlanIdParameter()}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/reports",
              .handler = ListReportsRoute,
              .openapi = {{"summary", "Report slots of a subtree with status and late flag"},
                          {"parameters",
                           {QueryParameter("plan", "plan id", false, "integer"),
                            QueryParameter("unit", "unit code (default: the caller's unit)"),
                            QueryParameter("period", "2025-Q4, 2025-H1, 2025, 2025-M03"),
                            QueryParameter("limit", "at most this many (default 500)", false,
                                           "integer")}}}});
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/reports",
       .handler = SaveDraftRoute,
       .openapi = {{"summary", "Create or update the draft report of a slot (a submitted version "
                               "is never changed: a new version is made)"},
                   {"requestBody",
                    JsonRequestBody({{"slot_id", {{"type", "integer"}}},
                                     {"plan", {{"type", "integer"}}},
                                     {"unit", {{"type", "string"}}},
                                     {"period", {{"type", "string"}}},
                                     {"values",
                                      {{"type", "array"},
                                       {"items",
                                        {{"type", "object"},
                                         {"properties",
                                          {{"code", {{"type", "string"}}},
                                           {"value", json::object()},
                                           {"not_applicable", {{"type", "boolean"}}}}}}}}},
                                     {"narrative", {{"type", "object"}}}})}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/reports/{id}",
              .handler = GetReportRoute,
              .openapi = {{"summary", "One report version with values, activity counts, "
                                      "narrative and version history"},
                          {"parameters", {ReportIdParameter()}}}});
  router.Add({.method = "POST",
              .pattern = "/api/v1/reports/{id}/submit",
              .handler = SubmitRoute,
              .openapi = {{"summary", "Submit a draft report"},
                          {"parameters", {ReportIdParameter()}}}});
  router.Add({.method = "POST",
              .pattern = "/api/v1/reports/{id}/accept",
              .handler = AcceptRoute,
              .openapi = {{"summary", "Accept a submitted report (manager of a unit above)"},
                          {"parameters", {ReportIdParameter()}}}});
  router.Add({.method = "POST",
              .pattern = "/api/v1/reports/{id}/return",
              .handler = ReturnRoute,
              .openapi = {{"summary", "Return a submitted report with a comment (manager of a "
                                      "unit above)"},
                          {"parameters", {ReportIdParameter()}},
                          {"requestBody",
                           JsonRequestBody({{"comment", {{"type", "string"}}}}, {"comment"})}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/reporting-rates",
              .handler = RatesRoute,
              .openapi = {{"summary", "Expected, received and on-time reports of a subtree and "
                                      "of each child"},
                          {"parameters",
                           {QueryParameter("plan", "plan id", true, "integer"),
                            QueryParameter("unit", "unit code (default: the caller's unit)"),
                            QueryParameter("period", "2025-Q4, 2025-H1, 2025, 2025-M03",
                                           true)}}}});
}

}  // namespace lienthong::api
