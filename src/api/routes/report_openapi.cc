#include "api/routes/report_openapi.h"

#include "api/openapi.h"
#include "export/docx_writer.h"
#include "export/xlsx_writer.h"

namespace lienthong::api {
namespace {

using nlohmann::json;

json Str() { return {{"type", "string"}}; }
json Int() { return {{"type", "integer"}}; }
json Num() { return {{"type", "number"}}; }
json Bool() { return {{"type", "boolean"}}; }
json Nullable(json schema) {
  schema["nullable"] = true;
  return schema;
}
json Enum(std::initializer_list<const char*> values) { return {{"type", "string"}, {"enum", values}}; }
json Arr(json items) { return {{"type", "array"}, {"items", std::move(items)}}; }
json Obj(json properties) {
  json required = json::array();
  for (const auto& [name, schema] : properties.items()) required.push_back(name);
  return {{"type", "object"}, {"properties", std::move(properties)}, {"required", required}};
}
json Map(json values) { return {{"type", "object"}, {"additionalProperties", std::move(values)}}; }
json AnyValue() { return json::object(); }

json UnitRef() { return Obj({{"code", Str()}, {"name", Str()}}); }
json UnitRefWithKind() { return Obj({{"code", Str()}, {"name", Str()}, {"kind", Str()}}); }
json Period() { return Obj({{"key", Str()}, {"label", Str()}, {"start", Str()}, {"end", Str()}}); }
json PeriodKeyLabel() { return Obj({{"key", Str()}, {"label", Str()}}); }
json SlotStatus() { return Enum({"missing", "draft", "submitted", "accepted", "returned"}); }
json Aggregations() {
  return Enum({"sum", "mean", "weighted_mean", "min", "max", "share_meeting_target", "none"});
}

json Indicator() {
  return Obj({{"code", Str()}, {"name", Str()},
              {"type", Enum({"number", "percentage", "yes_no", "text"})},
              {"aggregation", Aggregations()}, {"aggregation_label", Str()},
              {"unit_label", Str()}, {"weight_code", Nullable(Str())},
              {"target", Nullable(Num())}, {"goal", Nullable(Num())},
              {"goal_period", Nullable(Str())}});
}

json Duty() {
  return Obj({{"id", Int()}, {"plan_id", Int()}, {"frequency", Str()}, {"cutoff", Str()},
              {"first_year", Nullable(Int())}, {"last_year", Nullable(Int())},
              {"period_first", Nullable(Str())}, {"period_last", Nullable(Str())},
              {"deadline", Nullable(Str())}, {"offset_days", Map(Int())},
              {"assignees", Arr(Str())}, {"note", Str()}, {"created_at", Str()},
              {"created_by", Str()}});
}

json Rates() {
  return Obj({{"expected", Int()}, {"received", Int()}, {"on_time", Int()},
              {"received_rate", Nullable(Num())}, {"on_time_rate", Nullable(Num())}});
}

json Slot() {
  return Obj({{"slot_id", Int()}, {"plan_id", Int()}, {"unit", UnitRef()}, {"period", Period()},
              {"cutoff", Enum({"statutory", "calendar"})}, {"due", Str()},
              {"days_left", Nullable(Int())}, {"status", SlotStatus()},
              {"report_id", Nullable(Int())}, {"received", Bool()}, {"late", Bool()},
              {"submitted_at", Nullable(Str())}, {"review_comment", Str()}});
}

json ActivityCounts() {
  return Arr(Obj({{"theme", Str()}, {"channel", Str()}, {"channel_label", Str()},
                  {"count", Int()}}));
}

json Report() {
  json value = Obj({{"code", Str()}, {"name", Str()}, {"type", Str()}, {"unit_label", Str()},
                    {"value", Nullable(AnyValue())}, {"not_applicable", Bool()}});
  json version = Obj({{"id", Int()}, {"version", Int()}, {"status", Str()},
                      {"created_at", Str()}, {"created_by", Str()},
                      {"submitted_at", Nullable(Str())}, {"reviewed_at", Nullable(Str())},
                      {"reviewed_by", Nullable(Str())}, {"review_comment", Str()},
                      {"counted", Bool()}});
  json narrative = Obj({{"highlights", Str()}, {"shortcomings", Str()}, {"causes", Str()},
                        {"lessons", Str()}, {"recommendations", Str()}});
  return Obj({{"id", Int()}, {"slot_id", Int()}, {"plan_id", Int()}, {"unit", UnitRef()},
              {"period", Period()}, {"due", Str()}, {"version", Int()},
              {"status", Enum({"draft", "submitted", "accepted", "returned"})},
              {"values", Arr(value)}, {"activity_counts", ActivityCounts()},
              {"narrative", narrative}, {"review_comment", Str()},
              {"submitted_at", Nullable(Str())}, {"submitted_by", Nullable(Str())},
              {"reviewed_at", Nullable(Str())}, {"reviewed_by", Nullable(Str())},
              {"late", Bool()}, {"versions", Arr(version)}});
}

json Cells() {
  return Map(Obj({{"value", Nullable(Num())}, {"reported", Int()}, {"not_applicable", Int()}}));
}

json SlotList() {
  json unit = Obj({{"code", Str()}, {"name", Str()}, {"due", Str()}, {"status", SlotStatus()},
                   {"slot_id", Int()}, {"report_id", Nullable(Int())},
                   {"submitted_at", Nullable(Str())}});
  return Obj({{"total", Int()}, {"units", Arr(unit)}});
}

json Rollup() {
  json explanation = Obj(
      {{"formula", Str()}, {"inputs", Map(AnyValue())},
       {"left_out", Obj({{"not_reported", Int()}, {"not_applicable", Int()}, {"units", Str()}})}});
  json indicator = Obj({{"code", Str()}, {"name", Str()}, {"type", Str()},
                        {"aggregation", Aggregations()}, {"aggregation_label", Str()},
                        {"unit_label", Str()}, {"value", Nullable(Num())}, {"reported", Int()},
                        {"not_applicable", Int()}, {"not_reported", Int()},
                        {"explanation", explanation}});
  // With a goal only.
  indicator["properties"]["goal"] = ObjectSchema({{"value", Num()},
                                                  {"actual", Nullable(Num())},
                                                  {"met", Bool()},
                                                  {"gap", Nullable(Num())},
                                                  {"by", Str()},
                                                  {"by_label", Str()},
                                                  {"deadline_reached", Bool()}},
                                                 {"value", "actual", "met", "gap"});
  json child = Obj({{"code", Str()}, {"name", Str()}, {"kind", Str()}, {"rates", Rates()},
                    {"indicators", Cells()}});
  return Obj({{"plan_id", Int()}, {"unit", UnitRefWithKind()}, {"period", Period()},
              {"source", Enum({"pre_aggregated", "raw_query"})}, {"rates", Rates()},
              {"indicators", Arr(indicator)}, {"own", Obj({{"indicators", Cells()}})},
              {"children", Arr(child)}, {"late", SlotList()}, {"missing", SlotList()},
              {"pending", Int()}, {"as_of", Str()}});
}

json ExplainedIndicator() {
  json indicator = Obj({{"code", Str()},
                        {"name", Str()},
                        {"aggregation", Aggregations()},
                        {"aggregation_label", Str()}});
  indicator["properties"]["weight_indicator"] = Str();  // a weighted mean's weight
  indicator["properties"]["target"] = Num();            // share meeting target
  return indicator;
}

json Explanation() {
  json who = Obj({{"code", Str()}, {"name", Str()}});
  json included = who;
  for (const char* field : {"value", "weight"}) included["properties"][field] = Nullable(Num());
  included["properties"]["text"] = Str();
  included["properties"]["meets_target"] = Bool();
  json left = who;
  left["properties"]["reason"] = Enum({"no_report", "no_value"});
  left["properties"]["status"] = SlotStatus();
  return Obj({{"plan_id", Int()},
              {"unit", UnitRef()},
              {"period", PeriodKeyLabel()},
              {"indicator", ExplainedIndicator()},
              {"included", Arr(included)},
              {"left_out", Obj({{"not_reported", Arr(left)}, {"not_applicable", Arr(who)}})}});
}

json ReportingRates() {
  return Obj({{"plan_id", Int()}, {"unit", UnitRef()}, {"period", PeriodKeyLabel()},
              {"rates", Rates()},
              {"children", Arr(Obj({{"code", Str()}, {"name", Str()}, {"rates", Rates()}}))}});
}

json Ok(json schema, const char* description, const char* status = "200") {
  return {{status, {{"description", description},
                    {"content", {{"application/json", {{"schema", std::move(schema)}}}}}}}};
}
json File(const char* type, const char* description) {
  return {{"200", {{"description", description},
                   {"content", {{type, {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}}}};
}
json IdParameter(const char* what) {
  return {{"name", "id"}, {"in", "path"}, {"required", true}, {"description", what},
          {"schema", Int()}};
}
json RollupParameters() {
  return {QueryParameter("plan", "plan id (404 alike when absent or out of reach)", true,
                         "integer"),
          QueryParameter("unit", "unit code (default: the caller's unit)"),
          QueryParameter("period", "2025-Q4, 2025-H1, 2025, 2025-M03, 2025-10-01..2025-11-30",
                         true)};
}

json IndicatorsBody() {
  json item = Indicator();
  item.erase("required");
  item["properties"].erase("aggregation_label");
  item["required"] = {"code", "name"};
  return JsonRequestBody({{"indicators", Arr(item)}}, {"indicators"});
}

json DutyBody() {
  return JsonRequestBody(
      {{"frequency", Enum({"monthly", "quarterly", "half_yearly", "yearly", "once", "ad_hoc"})},
       {"cutoff", Enum({"statutory", "calendar"})}, {"year", Int()}, {"first_year", Int()},
       {"last_year", Int()}, {"deadline", {{"type", "string"}, {"format", "date"}}},
       {"period_first", {{"type", "string"}, {"format", "date"}}},
       {"period_last", {{"type", "string"}, {"format", "date"}}},
       {"offset_days", {{"type", "object"}, {"additionalProperties", Int()},
                        {"description", "days after the period end (or the deadline) per level: "
                                        "country, province, commune, a unit kind, default"}}},
       {"assignees", Arr(Str())}, {"note", Str()}},
      {"frequency"});
}

json DraftBody() {
  json value = {{"type", "object"},
                {"properties", {{"code", Str()}, {"value", AnyValue()}, {"not_applicable", Bool()}}},
                {"required", {"code"}}};
  json narrative = {{"type", "object"},
                    {"properties", {{"highlights", Str()}, {"shortcomings", Str()},
                                    {"causes", Str()}, {"lessons", Str()},
                                    {"recommendations", Str()}}}};
  return JsonRequestBody({{"slot_id", Int()}, {"plan", Int()}, {"unit", Str()},
                          {"period", Str()}, {"values", Arr(value)}, {"narrative", narrative}});
}

// Each group answers the operations it knows, null for others.
json PlanRulesOperation(const std::string& key) {
  json plan_id = IdParameter("plan id");
  if (key == "POST /api/v1/plans/{id}/indicators") {
    return {{"summary", "Declare (replace) the indicators a plan's reports measure"},
            {"description", "Manager or admin of the plan's unit (403 for other roles)."},
            {"parameters", {plan_id}},
            {"requestBody", IndicatorsBody()},
            {"responses",
             Ok(Obj({{"indicators", Arr(SchemaRef("Indicator"))}}), "The indicators as stored")}};
  }
  if (key == "GET /api/v1/plans/{id}/indicators") {
    return {
        {"summary", "A plan's indicators"},
        {"description", "Whoever may read the plan, or reports to it."},
        {"parameters", {plan_id}},
        {"responses", Ok(Obj({{"indicators", Arr(SchemaRef("Indicator"))}}), "The indicators")}};
  }
  if (key == "POST /api/v1/plans/{id}/reporting-duties") {
    return {{"summary", "Add a reporting duty and create its report slots"},
            {"description", "Manager or admin of the plan's unit (403 for other roles)."},
            {"parameters", {plan_id}}, {"requestBody", DutyBody()},
            {"responses", Ok(Obj({{"id", Int()}, {"slots_created", Int()},
                                  {"periods", Arr(Str())}}),
                             "The duty", "201")}};
  }
  if (key == "GET /api/v1/plans/{id}/reporting-duties") {
    return {{"summary", "A plan's reporting duties"},
            {"parameters", {plan_id}},
            {"responses", Ok(Obj({{"duties", Arr(SchemaRef("ReportingDuty"))}}), "The duties")}};
  }
  return nullptr;
}

json ReportsOperation(const std::string& key) {
  json report_id = IdParameter("report id");
  if (key == "GET /api/v1/reports") {
    return {
        {"summary", "Report slots of a unit or its subtree, with status, due date and late flag"},
        {"parameters",
         {QueryParameter("plan", "plan id", false, "integer"),
          QueryParameter("unit", "unit code (default: the caller's unit)"),
          QueryParameter("scope", "subtree (default) or unit: the unit's own slots only"),
          QueryParameter("period", "2025-Q4, 2025-H1, 2025, 2025-M03"),
          QueryParameter("status",
                         "comma-separated: missing, draft, submitted, accepted, "
                         "returned (what a unit owes: missing,draft,returned)"),
          QueryParameter("limit", "at most this many (default 500)", false, "integer")}},
        {"responses", Ok(Obj({{"slots", Arr(SchemaRef("ReportSlot"))}}), "Slots in tree order")}};
  }
  if (key == "POST /api/v1/reports") {
    return {{"summary",
             "Create or update the draft report of a slot (a submitted version is "
             "never changed: a new version is made)"},
            {"description", "Specialist, manager or admin of the reporting unit."},
            {"requestBody", DraftBody()},
            {"responses", Ok(SchemaRef("Report"), "The draft", "201")}};
  }
  if (key == "GET /api/v1/report-slots/{id}") {
    return {{"summary",
             "A slot as its unit fills it in: indicators, activity counts from the "
             "log for the period, and the current version"},
            {"parameters", {IdParameter("slot id")}},
            {"responses", Ok(Obj({{"slot", SchemaRef("ReportSlot")},
                                  {"indicators", Arr(SchemaRef("Indicator"))},
                                  {"activity_counts", ActivityCounts()},
                                  {"report", NullableSchema(SchemaRef("Report"))}}),
                             "The slot")}};
  }
  if (key == "GET /api/v1/reports/{id}") {
    return {{"summary",
             "One report version with values, activity counts, narrative and "
             "version history"},
            {"parameters", {report_id}},
            {"responses", Ok(SchemaRef("Report"), "The report")}};
  }
  if (key == "POST /api/v1/reports/{id}/submit") {
    return {{"summary", "Submit a draft report (specialist, manager or admin of the unit)"},
            {"parameters", {report_id}},
            {"responses", Ok(SchemaRef("Report"), "The submitted report")}};
  }
  if (key == "POST /api/v1/reports/{id}/accept") {
    return {{"summary", "Accept a submitted report (manager or admin of a unit above)"},
            {"parameters", {report_id}},
            {"responses", Ok(SchemaRef("Report"), "The accepted report")}};
  }
  if (key == "POST /api/v1/reports/{id}/return") {
    return {{"summary",
             "Return a submitted report with a comment (manager or admin of a unit "
             "above)"},
            {"parameters", {report_id}},
            {"requestBody", JsonRequestBody({{"comment", Str()}}, {"comment"})},
            {"responses", Ok(SchemaRef("Report"), "The returned report")}};
  }
  return nullptr;
}

json RollupOperation(const std::string& key) {
  json report_id = IdParameter("report id");
  if (key == "GET /api/v1/reporting-rates") {
    return {{"summary", "Expected, received and on-time reports of a subtree and of each child"},
            {"parameters", RollupParameters()},
            {"responses", Ok(SchemaRef("ReportingRates"), "The rates")}};
  }
  if (key == "GET /api/v1/rollup") {
    json params = RollupParameters();
    params.push_back(QueryParameter("source", "raw: compute with a plain GROUP BY over the raw "
                                              "rows instead of the pre-aggregated ones"));
    params.push_back(QueryParameter("limit", "entries in the late and missing lists (default "
                                             "100)", false, "integer"));
    return {{"summary",
             "Indicators rolled up over a subtree, with children, reporting rates, "
             "late and missing units and formulas"},
            {"parameters", params},
            {"responses", Ok(SchemaRef("Rollup"), "The roll-up")}};
  }
  if (key == "GET /api/v1/rollup/explain") {
    json params = RollupParameters();
    params.push_back(QueryParameter("indicator", "indicator code", true));
    return {{"summary", "Every input of one indicator's roll-up and the units left out"},
            {"parameters", params},
            {"responses", Ok(SchemaRef("RollupExplanation"), "The inputs")}};
  }
  if (key == "GET /api/v1/rollup/export.xlsx") {
    return {{"summary", "The roll-up as an XLSX workbook (Vietnamese headings)"},
            {"parameters", RollupParameters()},
            {"responses", File(kXlsxContentType, "XLSX file")}};
  }
  if (key == "GET /api/v1/reports/{id}/export.docx") {
    return {{"summary", "A report as a báo cáo in the official layout (NĐ 30/2020)"},
            {"parameters", {report_id}}, {"responses", File(kDocxContentType, "DOCX file")}};
  }
  return nullptr;
}

}  // namespace

void RegisterReportSchemas(Router& router) {
  router.AddSchema("Indicator", Indicator());
  router.AddSchema("ReportingDuty", Duty());
  router.AddSchema("ReportSlot", Slot());
  router.AddSchema("Report", Report());
  router.AddSchema("ReportingRates", ReportingRates());
  router.AddSchema("Rollup", Rollup());
  router.AddSchema("RollupExplanation", Explanation());
}

json ReportOperation(const std::string& method, const std::string& pattern) {
  const std::string key = method + " " + pattern;
  for (auto group : {PlanRulesOperation, ReportsOperation, RollupOperation}) {
    json operation = group(key);
    if (!operation.is_null()) return operation;
  }
  return {{"summary", key}};
}

}  // namespace lienthong::api
