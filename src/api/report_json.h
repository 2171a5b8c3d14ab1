// The JSON forms of the reports domain (docs/reports.md): indicators, duties, report slots,
// reports, reporting rates, the roll-up and its explanations — and the decoders of the request
// bodies. The routes (api/routes/report_routes.cc, rollup_routes.cc) decode with these, make one
// service call and encode with these; nothing else builds this JSON.
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/rollup.h"
#include "service/reports/report_duties.h"
#include "service/reports/report_workflow.h"
#include "util/status.h"

namespace lienthong::api {

// The value, or null when absent (the reports domain's JSON writes absent values as null).
template <typename T>
nlohmann::json Nullable(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// {"code", "name", "type", "aggregation", "aggregation_label", "unit_label", "weight_code",
//  "target", "goal", "goal_period"}.
nlohmann::json IndicatorJson(const IndicatorDef& def);
// {"id", "plan_id", "frequency", "cutoff", "first_year", "last_year", "period_first",
//  "period_last", "deadline", "offset_days", "assignees", "note", "created_at", "created_by"}.
nlohmann::json DutyJson(const DutyRecord& duty);
// {"expected", "received", "on_time", "received_rate", "on_time_rate"} (rates in %, or null).
nlohmann::json RatesJson(const RateTotals& rates);
// A slot of GET /reports: {"slot_id", "plan_id", "unit", "period", "cutoff", "due", "days_left",
//  "status", "report_id", "received", "late", "submitted_at", "review_comment"}.
nlohmann::json SlotJson(const SlotRecord& slot, bool late, const Date& today);
// One report version: {"id", "slot_id", "plan_id", "unit", "period", "due", "version", "status",
//  "values", "activity_counts", "narrative", "review_comment", "submitted_at", "submitted_by",
//  "reviewed_at", "reviewed_by", "late", "versions"}.
nlohmann::json ReportJson(const ReportView& view);
// GET /report-slots/{id}: {"slot", "indicators", "activity_counts", "report" (or null)}.
nlohmann::json SlotFormJson(const SlotForm& form, const Date& today);
nlohmann::json ReportingRatesJson(const ReportingRatesView& view);
// GET /rollup (docs/reports.md, "Roll-up").
nlohmann::json RollupJson(const Rollup& rollup);
// GET /rollup/explain.
nlohmann::json ExplanationJson(const IndicatorExplanation& explanation);

// Request bodies. Errors are Status::InvalidField naming the input ("indicators[2].type").
Result<std::vector<IndicatorDef>> IndicatorsFromJson(const nlohmann::json& body);
Result<DutyRequest> DutyRequestFromJson(const nlohmann::json& body);
// "values" and "narrative" of POST /reports (slot_id and actor are the route's).
Result<DraftRequest> DraftFromJson(const nlohmann::json& body);

}  // namespace lienthong::api
