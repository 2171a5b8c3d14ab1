#include "store/report_audit.h"

#include <nlohmann/json.hpp>

namespace lienthong {
namespace {

using nlohmann::json;

template <typename T>
json Nullable(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json IndicatorDocument(const IndicatorDef& d) {
  return {{"code", d.code},
          {"name", d.name},
          {"type", IndicatorTypeName(d.type)},
          {"aggregation", AggregationName(d.aggregation)},
          {"unit_label", d.unit_label},
          {"weight_code", Nullable(d.weight_code)},
          {"target", Nullable(d.target)},
          {"goal", Nullable(d.goal)},
          {"goal_period", Nullable(d.goal_period)}};
}

json ReportDocument(const ReportRecord& r) {
  json values = json::array();
  for (const auto& v : r.values) {
    json j = {{"code", v.indicator_code}, {"not_applicable", v.not_applicable}};
    if (v.number) j["value"] = Unscale(*v.number);
    if (v.text) j["text"] = *v.text;
    values.push_back(std::move(j));
  }
  return {{"id", r.id},           {"slot_id", r.slot_id},
          {"version", r.version}, {"status", ReportStatusName(r.status)},
          {"values", values},     {"review_comment", r.review_comment}};
}

}  // namespace

AuditEntry IndicatorsAudit(const std::string& actor, int64_t plan_id,
                           const std::vector<IndicatorDef>& before,
                           const std::vector<IndicatorDef>& after) {
  json before_json = json::array(), after_json = json::array();
  for (const auto& d : before) before_json.push_back(IndicatorDocument(d));
  for (const auto& d : after) after_json.push_back(IndicatorDocument(d));
  return {.actor = actor, .action = "update", .entity = "plan_indicators",
          .entity_id = std::to_string(plan_id), .before_json = before_json.dump(),
          .after_json = after_json.dump()};
}

AuditEntry DutyAudit(const std::string& actor, const DutyRecord& d, int64_t slots_created,
                     const std::vector<std::string>& periods) {
  auto date = [](const std::optional<Date>& v) { return v ? json(v->ToIso()) : json(nullptr); };
  json after = {{"id", d.id},
                {"plan_id", d.plan_id},
                {"frequency", FrequencyName(d.frequency)},
                {"cutoff", CutoffRuleName(d.cutoff)},
                {"first_year", Nullable(d.first_year)},
                {"last_year", Nullable(d.last_year)},
                {"period_first", date(d.period_first)},
                {"period_last", date(d.period_last)},
                {"deadline", date(d.deadline)},
                {"offset_days", d.offset_days},
                {"assignees", d.assignees},
                {"note", d.note},
                {"created_by", d.created_by},
                {"slots_created", slots_created},
                {"periods", periods}};
  return {.actor = actor, .action = "create", .entity = "reporting_duty",
          .entity_id = std::to_string(d.id), .after_json = after.dump()};
}

AuditEntry ReportAudit(const std::string& actor, const std::string& action,
                       const ReportRecord* before, const ReportRecord& after) {
  return {.actor = actor, .action = action, .entity = "report",
          .entity_id = std::to_string(after.id),
          .before_json = before ? std::optional(ReportDocument(*before).dump()) : std::nullopt,
          .after_json = ReportDocument(after).dump()};
}

}  // namespace lienthong
