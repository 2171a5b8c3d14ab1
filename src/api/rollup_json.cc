// The roll-up, its explanations and reporting rates as JSON (api/report_json.h).
#include "api/report_json.h"

#include "core/reporting_period.h"

namespace lienthong::api {
namespace {

using nlohmann::json;

json RollupUnitJson(const RollupUnit& u) {
  return {{"code", u.code}, {"name", u.name}, {"kind", UnitKindName(u.kind)}};
}

json Inputs(const IndicatorDef& d, const IndicatorTotals& t) {
  json in = {{"count", t.reported}, {"sum", Round4(Unscale(t.sum))}};
  in["min"] = t.min ? json(Round4(Unscale(*t.min))) : json(nullptr);
  in["max"] = t.max ? json(Round4(Unscale(*t.max))) : json(nullptr);
  if (d.weight_code) {
    in["weight_indicator"] = *d.weight_code;
    in["weighted_sum"] = Round4(Unscale(t.weighted));
    in["weight_sum"] = Round4(Unscale(t.weight_sum));
    in["weighted_count"] = t.weighted_n;
  }
  if (d.target) {
    in["target"] = *d.target;
    in["meeting_target"] = t.meeting;
  }
  return in;
}

json GoalJson(const GoalProgress& g) {
  json j = {{"value", g.goal}, {"actual", Nullable(g.actual)}, {"met", g.met},
            {"gap", Nullable(g.gap)}};
  if (g.by) j["by"] = *g.by;
  if (g.by_label) j["by_label"] = *g.by_label;
  if (g.deadline_reached) j["deadline_reached"] = *g.deadline_reached;
  return j;
}

json IndicatorRollupJson(const Rollup& r, const IndicatorRollup& i) {
  const IndicatorDef& d = i.def;
  json j = {{"code", d.code},
            {"name", d.name},
            {"type", IndicatorTypeName(d.type)},
            {"aggregation", AggregationName(d.aggregation)},
            {"aggregation_label", AggregationLabelVi(d.aggregation)},
            {"unit_label", d.unit_label},
            {"value", Nullable(i.value)},
            {"reported", i.inputs.reported},
            {"not_applicable", i.inputs.not_applicable},
            {"not_reported", i.not_reported}};
  std::string explain = "/api/v1/rollup/explain?plan=" + std::to_string(r.plan_id) +
                        "&unit=" + r.unit.code + "&period=" + r.period.key +
                        "&indicator=" + d.code;
  j["explanation"] = {{"formula", i.formula},
                      {"inputs", Inputs(d, i.inputs)},
                      {"left_out", {{"not_reported", i.not_reported},
                                    {"not_applicable", i.inputs.not_applicable},
                                    {"units", explain}}}};
  if (i.goal) j["goal"] = GoalJson(*i.goal);
  return j;
}

json CellsJson(const IndicatorCells& cells) {
  json out = json::object();
  for (const auto& [code, c] : cells) {
    out[code] = {{"value", Nullable(c.value)}, {"reported", c.reported},
                 {"not_applicable", c.not_applicable}};
  }
  return out;
}

json SlotListJson(const SlotSummaryList& list) {
  json units = json::array();
  for (const auto& s : list.units) {
    units.push_back({{"code", s.code},
                     {"name", s.name},
                     {"due", s.due.ToIso()},
                     {"status", SlotStatusName(s.status)},
                     {"slot_id", s.slot_id},
                     {"report_id", Nullable(s.report_id)},
                     {"submitted_at", Nullable(s.submitted_at)}});
  }
  return {{"total", list.total}, {"units", std::move(units)}};
}

json LeftOutJson(const LeftOutUnit& u) {
  json j = {{"code", u.code}, {"name", u.name}};
  if (u.reason == LeftOutUnit::Reason::kNoReport) {
    j["reason"] = "no_report";
    j["status"] = SlotStatusName(u.status);
  } else if (u.reason == LeftOutUnit::Reason::kNoValue) {
    j["reason"] = "no_value";
  }
  return j;
}

}  // namespace

json RatesJson(const RateTotals& r) {
  return {{"expected", r.expected},
          {"received", r.received},
          {"on_time", r.on_time},
          {"received_rate", Nullable(r.ReceivedRate())},
          {"on_time_rate", Nullable(r.OnTimeRate())}};
}

json RollupJson(const Rollup& r) {
  json indicators = json::array();
  for (const auto& i : r.indicators) indicators.push_back(IndicatorRollupJson(r, i));
  json children = json::array();
  for (const auto& c : r.children) {
    json child = RollupUnitJson(c.unit);
    child["rates"] = RatesJson(c.rates);
    child["indicators"] = CellsJson(c.indicators);
    children.push_back(std::move(child));
  }
  return {{"plan_id", r.plan_id},
          {"unit", RollupUnitJson(r.unit)},
          {"period", {{"key", r.period.key}, {"label", r.period.label},
                      {"start", r.period.start.ToIso()}, {"end", r.period.end.ToIso()}}},
          {"source", r.source == RollupSource::kPreAggregated ? "pre_aggregated" : "raw_query"},
          {"rates", RatesJson(r.rates)},
          {"indicators", std::move(indicators)},
          {"own", {{"indicators", CellsJson(r.own)}}},
          {"children", std::move(children)},
          {"late", SlotListJson(r.late)},
          {"missing", SlotListJson(r.missing)},
          {"pending", r.pending},
          {"as_of", r.as_of.ToIso()}};
}

json ExplanationJson(const IndicatorExplanation& e) {
  const IndicatorDef& d = e.def;
  json indicator = {{"code", d.code}, {"name", d.name},
                    {"aggregation", AggregationName(d.aggregation)},
                    {"aggregation_label", AggregationLabelVi(d.aggregation)}};
  if (d.weight_code) indicator["weight_indicator"] = *d.weight_code;
  if (d.target) indicator["target"] = *d.target;
  json included = json::array(), not_reported = json::array(), not_applicable = json::array();
  for (const auto& in : e.included) {
    json j = {{"code", in.code}, {"name", in.name}};
    if (in.value) j["value"] = *in.value;
    if (in.text) j["text"] = *in.text;
    if (in.meets_target) j["meets_target"] = *in.meets_target;
    if (d.weight_code) j["weight"] = Nullable(in.weight);
    included.push_back(std::move(j));
  }
  for (const auto& u : e.not_reported) not_reported.push_back(LeftOutJson(u));
  for (const auto& u : e.not_applicable) not_applicable.push_back(LeftOutJson(u));
  return {{"plan_id", e.plan_id},
          {"unit", {{"code", e.unit.code}, {"name", e.unit.name}}},
          {"period", {{"key", e.period.key}, {"label", e.period.label}}},
          {"indicator", std::move(indicator)},
          {"included", std::move(included)},
          {"left_out",
           {{"not_reported", std::move(not_reported)}, {"not_applicable", std::move(not_applicable)}}}};
}

json ReportingRatesJson(const ReportingRatesView& v) {
  json children = json::array();
  for (const auto& c : v.children) {
    children.push_back({{"code", c.unit.code}, {"name", c.unit.name}, {"rates", RatesJson(c.rates)}});
  }
  return {{"plan_id", v.plan_id},
          {"unit", {{"code", v.unit.code}, {"name", v.unit.name}}},
          {"period", {{"key", v.period.key}, {"label", v.period.label}}},
          {"rates", RatesJson(v.rates)},
          {"children", std::move(children)}};
}

}  // namespace lienthong::api
