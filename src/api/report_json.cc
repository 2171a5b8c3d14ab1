// Indicators, duties, slots and reports as JSON, and the request decoders (api/report_json.h).
#include "api/report_json.h"

#include <cstdlib>

#include "core/activity_vocabulary.h"
#include "core/reporting_period.h"

namespace lienthong::api {
namespace {

using nlohmann::json;

json NullableDate(const std::optional<Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }

json PeriodJson(const SlotRecord& s) {
  auto key = ParsePeriodKey(s.period_key);
  return {{"key", s.period_key}, {"label", key.ok() ? PeriodLabelVi(*key) : s.period_key},
          {"start", s.period_first}, {"end", s.period_last}};
}

json ActivityCountsJson(const std::vector<ActivityCount>& counts) {
  json out = json::array();
  for (const auto& c : counts) {
    out.push_back({{"theme", c.theme}, {"channel", c.channel},
                   {"channel_label", ChannelLabelVi(c.channel)}, {"count", c.count}});
  }
  return out;
}

json ValueJson(const IndicatorValue& v) {
  if (const auto* number = std::get_if<double>(&v.value)) return *number;
  if (const auto* yes = std::get_if<bool>(&v.value)) return *yes;
  if (const auto* text = std::get_if<std::string>(&v.value)) return *text;
  return nullptr;
}

json VersionJson(const ReportRecord& v, const SlotRecord& slot) {
  return {{"id", v.id},
          {"version", v.version},
          {"status", ReportStatusName(v.status)},
          {"created_at", v.created_at},
          {"created_by", v.created_by},
          {"submitted_at", Nullable(v.submitted_at)},
          {"reviewed_at", Nullable(v.reviewed_at)},
          {"reviewed_by", Nullable(v.reviewed_by)},
          {"review_comment", v.review_comment},
          {"counted", slot.counted_report_id == v.id}};
}

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

// A field of an element of a list: errors name "list[i].field".
Status Within(const Status& s, const std::string& prefix) {
  if (s.ok() || s.field().empty()) return s;
  return Status::InvalidField(prefix + s.field(), s.message());
}

Result<IndicatorDef> IndicatorFromJson(const json& in) {
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
  if (!parsed) return Status::InvalidField("type", "one of number, percentage, yes_no, text");
  d.type = *parsed;
  std::string fallback = d.type == IndicatorType::kYesNo ? "share_meeting_target" : "sum";
  auto how = ParseAggregation(aggregation.value_or(fallback));
  if (!how) {
    return Status::InvalidField("aggregation",
                                "one of sum, mean, weighted_mean, min, max, share_meeting_target");
  }
  d.aggregation = *how;
  return d;
}

}  // namespace

json IndicatorJson(const IndicatorDef& d) {
  return {{"code", d.code},
          {"name", d.name},
          {"type", IndicatorTypeName(d.type)},
          {"aggregation", AggregationName(d.aggregation)},
          {"aggregation_label", AggregationLabelVi(d.aggregation)},
          {"unit_label", d.unit_label},
          {"weight_code", Nullable(d.weight_code)},
          {"target", Nullable(d.target)},
          {"goal", Nullable(d.goal)},
          {"goal_period", Nullable(d.goal_period)}};
}

json DutyJson(const DutyRecord& d) {
  return {{"id", d.id},
          {"plan_id", d.plan_id},
          {"frequency", FrequencyName(d.frequency)},
          {"cutoff", CutoffRuleName(d.cutoff)},
          {"first_year", Nullable(d.first_year)},
          {"last_year", Nullable(d.last_year)},
          {"period_first", NullableDate(d.period_first)},
          {"period_last", NullableDate(d.period_last)},
          {"deadline", NullableDate(d.deadline)},
          {"offset_days", d.offset_days},
          {"assignees", d.assignees},
          {"note", d.note},
          {"created_at", d.created_at},
          {"created_by", d.created_by}};
}

json SlotJson(const SlotRecord& s, bool late, const Date& today) {
  json days_left = nullptr;
  if (auto due = Date::FromIso(s.due)) days_left = due->DaysSinceEpoch() - today.DaysSinceEpoch();
  return {{"slot_id", s.id},
          {"plan_id", s.plan_id},
          {"unit", {{"code", s.unit_code}, {"name", s.unit_name}}},
          {"period", PeriodJson(s)},
          {"cutoff", CutoffRuleName(s.cutoff)},
          {"due", s.due},
          {"days_left", days_left},
          {"status", SlotStatusName(s.status)},
          {"report_id", Nullable(s.current_report_id)},
          {"received", s.counted_report_id.has_value()},
          {"late", late},
          {"submitted_at", Nullable(s.first_submitted_at)},
          {"review_comment", s.review_comment}};
}

json ReportJson(const ReportView& view) {
  const ReportRecord& r = view.report;
  const SlotRecord& s = view.slot;
  json values = json::array();
  for (const auto& e : view.values) {
    values.push_back({{"code", e.def.code}, {"name", e.def.name},
                      {"type", IndicatorTypeName(e.def.type)}, {"unit_label", e.def.unit_label},
                      {"value", ValueJson(e.value)}, {"not_applicable", e.value.not_applicable}});
  }
  json versions = json::array();
  for (const auto& v : view.versions) versions.push_back(VersionJson(v, s));
  return {{"id", r.id},
          {"slot_id", s.id},
          {"plan_id", s.plan_id},
          {"unit", {{"code", s.unit_code}, {"name", s.unit_name}}},
          {"period", PeriodJson(s)},
          {"due", s.due},
          {"version", r.version},
          {"status", ReportStatusName(r.status)},
          {"values", std::move(values)},
          {"activity_counts", ActivityCountsJson(r.activity_counts)},
          {"narrative", {{"highlights", r.highlights},
                         {"shortcomings", r.shortcomings},
                         {"causes", r.causes},
                         {"lessons", r.lessons},
                         {"recommendations", r.recommendations}}},
          {"review_comment", r.review_comment},
          {"submitted_at", Nullable(r.submitted_at)},
          {"submitted_by", Nullable(r.submitted_by)},
          {"reviewed_at", Nullable(r.reviewed_at)},
          {"reviewed_by", Nullable(r.reviewed_by)},
          {"late", view.late},
          {"versions", versions}};
}

json SlotFormJson(const SlotForm& form, const Date& today) {
  json indicators = json::array();
  for (const auto& d : form.indicators) indicators.push_back(IndicatorJson(d));
  return {{"slot", SlotJson(form.slot, form.late, today)},
          {"indicators", std::move(indicators)},
          {"activity_counts", ActivityCountsJson(form.activity_counts)},
          {"report", form.current ? ReportJson(*form.current) : json(nullptr)}};
}

Result<std::vector<IndicatorDef>> IndicatorsFromJson(const json& body) {
  if (!body.contains("indicators") || !body["indicators"].is_array()) {
    return Status::InvalidField("indicators", "expected a list");
  }
  std::vector<IndicatorDef> defs;
  for (size_t i = 0; i < body["indicators"].size(); ++i) {
    const json& in = body["indicators"][i];
    std::string where = "indicators[" + std::to_string(i) + "]";
    if (!in.is_object()) return Status::InvalidField(where, "expected an object");
    auto def = IndicatorFromJson(in);
    if (!def.ok()) return Within(def.status(), where + ".");
    defs.push_back(std::move(*def));
  }
  return defs;
}

Result<DutyRequest> DutyRequestFromJson(const json& body) {
  DutyRequest r;
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
  for (const auto& [field, value] : {std::pair{"year", year}, {"first_year", first_year},
                                     {"last_year", last_year}}) {
    if (value && (*value < 0 || *value > 9999)) return Status::InvalidField(field, "a year");
  }
  r.first_year = static_cast<int>(first_year.value_or(year.value_or(0)));
  r.last_year = static_cast<int>(last_year.value_or(year.value_or(r.first_year)));
  LT_ASSIGN_OR_RETURN(r.deadline, OptDate(body, "deadline"));
  LT_ASSIGN_OR_RETURN(r.period_first, OptDate(body, "period_first"));
  LT_ASSIGN_OR_RETURN(r.period_last, OptDate(body, "period_last"));
  if (body.contains("offset_days")) {
    if (!body["offset_days"].is_object()) {
      return Status::InvalidField("offset_days", "expected an object");
    }
    for (const auto& [level, days] : body["offset_days"].items()) {
      if (!days.is_number_integer() || std::abs(days.get<int64_t>()) > 366) {
        return Status::InvalidField("offset_days." + level, "expected a number of days (±366)");
      }
      r.offset_days[level] = days.get<int>();
    }
  }
  if (body.contains("assignees")) {
    if (!body["assignees"].is_array()) return Status::InvalidField("assignees", "expected unit codes");
    for (const auto& code : body["assignees"]) {
      if (!code.is_string()) return Status::InvalidField("assignees", "expected unit codes");
      r.assignees.push_back(code.get<std::string>());
    }
  }
  LT_ASSIGN_OR_RETURN(auto note, OptString(body, "note"));
  r.note = note.value_or("");
  return r;
}

namespace {

Result<ValueInput> ValueFromJson(const json& in, const std::string& where) {
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
  return v;
}

}  // namespace

Result<DraftRequest> DraftFromJson(const json& body) {
  DraftRequest r;
  if (body.contains("values")) {
    if (!body["values"].is_array()) return Status::InvalidField("values", "expected a list");
    for (size_t i = 0; i < body["values"].size(); ++i) {
      const json& in = body["values"][i];
      LT_ASSIGN_OR_RETURN(ValueInput v, ValueFromJson(in, "values[" + std::to_string(i) + "]"));
      bool blank = (!in.contains("value") || in["value"].is_null()) && !v.not_applicable;
      if (!blank) r.values.push_back(std::move(v));
    }
  }
  const json& narrative =
      body.contains("narrative") && body["narrative"].is_object() ? body["narrative"] : body;
  for (auto [key, out] : {std::pair{"highlights", &r.highlights}, {"shortcomings", &r.shortcomings},
                          {"causes", &r.causes}, {"lessons", &r.lessons},
                          {"recommendations", &r.recommendations}}) {
    if (narrative.contains(key) && narrative[key].is_string()) *out = narrative[key].get<std::string>();
  }
  return r;
}

}  // namespace lienthong::api
