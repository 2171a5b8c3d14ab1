// Roll-up: GET /api/v1/rollup (each indicator over a subtree, with children, rates, late and
// missing units, and how every number was computed), GET /api/v1/rollup/explain (every input of
// one indicator), GET /api/v1/rollup/export.xlsx, and GET /api/v1/reports/{id}/export.docx (a
// report as a báo cáo in the official layout). Shapes: docs/reports.md.
#include <algorithm>

#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "core/date.h"
#include "core/reporting_period.h"
#include "export/content_disposition.h"
#include "export/docx_writer.h"
#include "export/report_document.h"
#include "export/xlsx_writer.h"
#include "service/reports/report_workflow.h"
#include "service/reports/rollup.h"
#include "store/plan_store.h"
#include "store/unit_store.h"

namespace lienthong::api {

void RegisterRollupRoutes(Router& router);

namespace {

using nlohmann::json;

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

struct RollupArgs {
  int64_t plan_id = 0;
  Unit unit;
  std::string period;
};

Result<RollupArgs> Args(RouteContext& ctx) {
  RollupArgs a;
  LT_ASSIGN_OR_RETURN(a.plan_id, ctx.QueryId("plan"));
  LT_ASSIGN_OR_RETURN(auto rows, ctx.db.Query("SELECT 1 FROM plans WHERE id = ?", {a.plan_id}));
  if (rows.empty()) return Status::NotFound("plan " + std::to_string(a.plan_id));
  std::string code = ctx.Query("unit").value_or(ctx.caller->unit_code);
  LT_ASSIGN_OR_RETURN(a.unit, AuthorizedUnit(ctx.db, *ctx.caller, code, Permission::kRead));
  auto period = ctx.Query("period");
  if (!period) {
    return Status::InvalidField("period", "required (2025-Q4, 2025-H1, 2025, 2025-M03)");
  }
  LT_ASSIGN_OR_RETURN(PeriodKey key, ParsePeriodKey(*period));
  a.period = key.ToString();
  return a;
}

Result<http::HttpResponse> RollupRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(RollupArgs a, Args(ctx));
  RollupSource source = ctx.Query("source").value_or("") == "raw" ? RollupSource::kRawQuery
                                                                   : RollupSource::kPreAggregated;
  LT_ASSIGN_OR_RETURN(int64_t limit, ctx.QueryCount("limit", 100, 0, 5000));
  LT_ASSIGN_OR_RETURN(json out, BuildRollup(ctx.db, a.plan_id, a.unit, a.period, source,
                                            Today(), limit));
  return JsonResponse(out);
}

Result<http::HttpResponse> ExplainRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(RollupArgs a, Args(ctx));
  auto indicator = ctx.Query("indicator");
  if (!indicator) return Status::InvalidField("indicator", "required");
  LT_ASSIGN_OR_RETURN(json out, ExplainIndicator(ctx.db, a.plan_id, a.unit, a.period, *indicator));
  return JsonResponse(out);
}

XlsxCell NumberCell(const json& value, const std::string& type) {
  if (!value.is_number()) return XlsxCell::Empty();
  double v = value.get<double>();
  if (type == "percentage" || type == "yes_no") return XlsxCell::Percent(v / 100.0);
  return v == static_cast<double>(static_cast<int64_t>(v)) ? XlsxCell::Integer(v)
                                                           : XlsxCell::Decimal(v);
}

// The roll-up as a table: one row per child, the subtree total last.
RollupTable TableOf(const json& r) {
  RollupTable t;
  t.title = "Tổng hợp kết quả " + r["period"]["label"].get<std::string>() + " — " +
            r["unit"]["name"].get<std::string>();
  std::vector<std::pair<std::string, std::string>> numeric;  // code, type
  for (const auto& i : r["indicators"]) {
    if (i["type"] == "text") continue;
    std::string type = i["aggregation"] == "share_meeting_target" ? "percentage"
                                                                  : i["type"].get<std::string>();
    std::string header = i["name"].get<std::string>();
    if (!i["unit_label"].get<std::string>().empty() && type != "percentage") {
      header += " (" + i["unit_label"].get<std::string>() + ")";
    }
    t.columns.push_back({header, type == "percentage" ? XlsxCell::Format::kPercent
                                                      : XlsxCell::Format::kDecimal});
    numeric.emplace_back(i["code"], type);
  }
  t.columns.push_back({"Số báo cáo phải nộp", XlsxCell::Format::kInteger});
  t.columns.push_back({"Đã nộp", XlsxCell::Format::kInteger});
  t.columns.push_back({"Đúng hạn", XlsxCell::Format::kInteger});
  auto row_of = [&](const std::string& name, const json& values, const json& rates) {
    RollupRow row{name, {}};
    for (const auto& [code, type] : numeric) row.values.push_back(NumberCell(values[code]["value"], type));
    row.values.push_back(XlsxCell::Integer(rates["expected"].get<double>()));
    row.values.push_back(XlsxCell::Integer(rates["received"].get<double>()));
    row.values.push_back(XlsxCell::Integer(rates["on_time"].get<double>()));
    return row;
  };
  for (const auto& c : r["children"]) {
    t.rows.push_back(row_of(c["name"], c["indicators"], c["rates"]));
  }
  json totals = json::object();
  for (const auto& i : r["indicators"]) totals[i["code"].get<std::string>()] = {{"value", i["value"]}};
  t.total = row_of("Tổng cộng", totals, r["rates"]);
  for (const auto& u : r["missing"]["units"]) {
    t.notes.push_back(u["name"].get<std::string>() + " chưa gửi báo cáo (hạn " +
                      u["due"].get<std::string>() + ").");
  }
  for (const auto& u : r["late"]["units"]) {
    t.notes.push_back(u["name"].get<std::string>() + " gửi báo cáo quá hạn.");
  }
  return t;
}

Result<http::HttpResponse> RollupXlsxRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(RollupArgs a, Args(ctx));
  LT_ASSIGN_OR_RETURN(json r, BuildRollup(ctx.db, a.plan_id, a.unit, a.period,
                                          RollupSource::kPreAggregated,
                                          Today(), 1000));
  XlsxSheet summary = RollupToXlsxSheet(TableOf(r), "Tổng hợp");
  XlsxSheet formulas;
  formulas.name = "Cách tính";
  formulas.title = "Cách tính từng chỉ tiêu";
  formulas.headers = {"Mã", "Chỉ tiêu", "Cách tổng hợp", "Giá trị", "Đơn vị đã báo cáo",
                      "Không áp dụng", "Chưa báo cáo", "Công thức"};
  formulas.column_widths = {14, 40, 22, 14, 14, 14, 14, 80};
  for (const auto& i : r["indicators"]) {
    formulas.rows.push_back({XlsxCell::Text(i["code"]), XlsxCell::Text(i["name"]),
                             XlsxCell::Text(i["aggregation"]),
                             i["value"].is_number() ? XlsxCell::Decimal(i["value"].get<double>())
                                                    : XlsxCell::Empty(),
                             XlsxCell::Integer(i["reported"].get<double>()),
                             XlsxCell::Integer(i["not_applicable"].get<double>()),
                             XlsxCell::Integer(i["not_reported"].get<double>()),
                             XlsxCell::Text(i["explanation"]["formula"])});
  }
  LT_ASSIGN_OR_RETURN(std::string bytes, WriteXlsx({summary, formulas}));
  http::HttpResponse response;
  response.content_type = kXlsxType;
  response.body = std::move(bytes);
  std::string base = "tong-hop-" + a.unit.code + "-" + a.period;
  response.headers.emplace_back(
      "Content-Disposition",
      AttachmentDisposition(base + ".xlsx", "Tổng hợp " + a.unit.code + " " +
                                                r["period"]["label"].get<std::string>() + ".xlsx"));
  return response;
}

Result<http::HttpResponse> ReportDocxRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  auto slot = SlotOfReport(ctx.db, id);
  if (!slot.ok()) return slot.status();
  Status allowed = Authorize(*ctx.caller, slot->unit_path, Permission::kRead);
  if (allowed.code() == StatusCode::kNotFound) return Status::NotFound("report " + std::to_string(id));
  LT_RETURN_IF_ERROR(allowed);
  ReportStore store(ctx.db);
  LT_ASSIGN_OR_RETURN(auto record, store.GetReport(id));
  LT_ASSIGN_OR_RETURN(auto defs, store.Indicators(slot->plan_id));
  LT_ASSIGN_OR_RETURN(auto key, ParsePeriodKey(slot->period_key));

  Report report;
  report.id = id;
  report.plan_id = slot->plan_id;
  report.unit_id = slot->unit_id;
  report.period = {PeriodLabelVi(key), *Date::FromIso(slot->period_first),
                   *Date::FromIso(slot->period_last), *Date::FromIso(slot->due)};
  report.version = record->version;
  report.status = ParseReportStatus(record->status).value_or(ReportStatus::kDraft);
  ReportContext context;
  for (const auto& d : defs) {
    context.indicators[d.code] = {d.name, d.unit_label};
    for (const auto& v : record->values) {
      if (v.indicator_code != d.code) continue;
      IndicatorValue iv{d.code, d.type, std::monostate{}, v.not_applicable};
      if (v.text) iv.value = *v.text;
      else if (v.number && d.type == IndicatorType::kYesNo) iv.value = *v.number != 0;
      else if (v.number) iv.value = Unscale(*v.number);
      report.indicators.push_back(std::move(iv));
    }
  }
  json counts = json::parse(record->activity_json, nullptr, false);
  if (counts.is_array()) {
    for (const auto& c : counts) {
      report.activity_counts[{c.value("theme", ""), c.value("channel", "")}] = c.value("count", 0);
    }
  }
  report.highlights = record->highlights;
  report.shortcomings = record->shortcomings;
  report.causes = record->causes;
  report.lessons = record->lessons;
  report.recommendations = record->recommendations;
  report.submitted_at = record->submitted_at;
  report.review_comment = record->review_comment;

  context.reporter = slot->unit_name;
  context.issuer = slot->unit_name;
  LT_ASSIGN_OR_RETURN(auto plan, PlanStore(ctx.db).GetPlan(slot->plan_id));
  if (plan) {
    context.plan_type_name = plan->doc_type.empty() ? "Kế hoạch" : plan->doc_type;
    context.plan_number = plan->number.value_or("");
    if (plan->date) context.plan_date = Date::FromIso(*plan->date);
    context.plan_issuer = plan->issuer;
    context.plan_title = plan->title;
  }
  if (record->submitted_at) context.date = VietnamDateOf(*record->submitted_at);
  LT_ASSIGN_OR_RETURN(std::string bytes,
                      WriteOfficialDocx(ReportToOfficialDocument(report, context)));
  http::HttpResponse response;
  response.content_type = kDocxType;
  response.body = std::move(bytes);
  response.headers.emplace_back(
      "Content-Disposition",
      AttachmentDisposition("bao-cao-" + std::to_string(id) + ".docx",
                            "Báo cáo " + slot->unit_name + " " + PeriodLabelVi(key) + ".docx"));
  return response;
}

json RollupParameters() {
  return {QueryParameter("plan", "plan id", true, "integer"),
          QueryParameter("unit", "unit code (default: the caller's unit)"),
          QueryParameter("period", "2025-Q4, 2025-H1, 2025, 2025-M03", true)};
}

}  // namespace

void RegisterRollupRoutes(Router& router) {
  json params = RollupParameters();
  json with_source = params;
  with_source.push_back(QueryParameter("source", "raw: compute with a plain GROUP BY over the "
                                                 "raw rows instead of the pre-aggregated ones"));
  with_source.push_back(QueryParameter("limit", "entries in the late and missing lists "
                                                "(default 100)", false, "integer"));
  router.Add({.method = "GET",
              .pattern = "/api/v1/rollup",
              .handler = RollupRoute,
              .openapi = {{"summary", "Indicators rolled up over a subtree, with children, "
                                      "reporting rates, late and missing units and formulas"},
                          {"parameters", with_source}}});
  json explain = params;
  explain.push_back(QueryParameter("indicator", "indicator code", true));
  router.Add({.method = "GET",
              .pattern = "/api/v1/rollup/explain",
              .handler = ExplainRoute,
              .openapi = {{"summary", "Every input of one indicator's roll-up and the units "
                                      "left out"},
                          {"parameters", explain}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/rollup/export.xlsx",
              .handler = RollupXlsxRoute,
              .openapi = {{"summary", "The roll-up as an XLSX workbook (Vietnamese headers)"},
                          {"parameters", params},
                          {"responses",
                           {{"200", {{"description", "XLSX file"},
                                     {"content", {{kXlsxType, json::object()}}}}}}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/reports/{id}/export.docx",
              .handler = ReportDocxRoute,
              .openapi = {{"summary", "A report as a báo cáo in the official layout"},
                          {"parameters",
                           {{{"name", "id"}, {"in", "path"}, {"required", true},
                             {"schema", {{"type", "integer"}}}}}},
                          {"responses",
                           {{"200", {{"description", "DOCX file"},
                                     {"content", {{kDocxType, json::object()}}}}}}}}});
}

}  // namespace lienthong::api
