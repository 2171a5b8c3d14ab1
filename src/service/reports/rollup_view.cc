// BuildRollup and ExplainIndicator (declared in service/reports/rollup.h): the roll-up as JSON,
// from the pre-aggregated rows or from the plain GROUP BY over raw rows, with its explanations.
#include <cmath>
#include <cstdio>

#include "core/reporting_period.h"
#include "core/unit_path.h"
#include "service/reports/rollup.h"
#include "service/reports/rollup_raw.h"
#include "store/sql_text.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

using nlohmann::json;
using TotalsByCode = std::map<std::string, IndicatorTotals>;

double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

std::string Fmt(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", Round4(x));
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::optional<double> AggregateValue(const IndicatorDef& d, const IndicatorTotals& t) {
  const std::string& a = d.aggregation;
  if (a == "sum") return t.reported > 0 ? std::optional(Round4(Unscale(t.sum))) : std::nullopt;
  if (a == "mean") {
    return t.reported > 0 ? std::optional(Round4(Unscale(t.sum) / static_cast<double>(t.reported)))
                          : std::nullopt;
  }
  if (a == "weighted_mean") {
    return t.weight_sum != 0
               ? std::optional(Round4(static_cast<double>(t.weighted) / static_cast<double>(t.weight_sum)))
               : std::nullopt;
  }
  if (a == "min") return t.min ? std::optional(Round4(Unscale(*t.min))) : std::nullopt;
  if (a == "max") return t.max ? std::optional(Round4(Unscale(*t.max))) : std::nullopt;
  if (a == "share_meeting_target") {
    return t.reported > 0 ? std::optional(Round4(100.0 * static_cast<double>(t.meeting) /
                                                 static_cast<double>(t.reported)))
                          : std::nullopt;
  }
  return std::nullopt;
}

json ValueJson(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

std::string Formula(const IndicatorDef& d, const IndicatorTotals& t, const std::optional<double>& v) {
  std::string n = std::to_string(t.reported);
  std::string value = v ? Fmt(*v) : "không có số liệu";
  const std::string& a = d.aggregation;
  if (a == "sum") return "Tổng giá trị của " + n + " đơn vị đã báo cáo = " + value;
  if (a == "mean") {
    return "Trung bình = tổng " + Fmt(Unscale(t.sum)) + " / " + n + " đơn vị đã báo cáo = " + value;
  }
  if (a == "weighted_mean") {
    std::string w = d.weight_code.value_or("");
    return "Bình quân gia quyền = Σ(giá trị × " + w + ") / Σ " + w + " = " +
           Fmt(Unscale(t.weighted)) + " / " + Fmt(Unscale(t.weight_sum)) + " = " + value + " (" +
           std::to_string(t.weighted_n) + " đơn vị có cả giá trị và trọng số)";
  }
  if (a == "min") return "Giá trị nhỏ nhất trong " + n + " đơn vị đã báo cáo = " + value;
  if (a == "max") return "Giá trị lớn nhất trong " + n + " đơn vị đã báo cáo = " + value;
  if (a == "share_meeting_target") {
    return "Tỷ lệ đơn vị đạt (giá trị ≥ " + Fmt(d.target.value_or(0)) + ") = " +
           std::to_string(t.meeting) + " / " + n + " × 100 = " + value + "%";
  }
  return "Chỉ tiêu dạng văn bản, không tổng hợp số; " + n + " đơn vị có nội dung";
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

bool ActiveDuring(const Unit& u, const std::string& first, const std::string& last) {
  if (u.valid_from && u.valid_from->ToIso() > last) return false;
  if (u.valid_to && u.valid_to->ToIso() <= first) return false;
  return true;
}

// The own report of `unit` (and of units merged into it before the period): the same for both
// sources, as it is one or two rows.
Result<TotalsByCode> OwnTotals(Database& db, const std::vector<IndicatorDef>& defs,
                               int64_t plan_id, const std::string& period_key, int64_t unit_id) {
  // The unit itself, then the units merged into it (rare; found through units_successor).
  SqlParams ids = {unit_id};
  // Driven from the (partial) successor index: a join from the period's slots would visit all of
  // them, as SQLite's planner prefers without statistics.
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT u.id FROM units u WHERE u.successor_id = ? AND u.valid_to IS NOT NULL AND EXISTS "
      "(SELECT 1 FROM report_slots s WHERE s.unit_id = u.id AND s.plan_id = ? AND "
      "s.period_key = ? AND u.valid_to <= s.period_first)",
      {unit_id, plan_id, period_key}, [&](const SqlRow& r) {
        ids.push_back(r.Int(0));
        return true;
      }));
  SqlParams params = {plan_id, period_key};
  params.insert(params.end(), ids.begin(), ids.end());
  std::map<int64_t, std::vector<StoredValue>> by_report;
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT s.counted_report_id, rv.indicator_code, rv.num_value, rv.text_value, "
      "rv.not_applicable FROM report_slots s "
      "JOIN report_values rv ON rv.report_id = s.counted_report_id "
      "WHERE s.plan_id = ? AND s.period_key = ? AND s.unit_id IN (" +
          PlaceholderList(ids.size()) + ")",
      params, [&](const SqlRow& r) {
        by_report[r.Int(0)].push_back({r.Text(1), r.OptInt(2), r.OptText(3), r.Int(4) != 0});
        return true;
      }));
  TotalsByCode out;
  for (const auto& [id, values] : by_report) {
    for (const auto& [code, t] : ReportContribution(defs, values)) out[code].Add(t);
  }
  return out;
}

// The conditions on a period's slots that make the late, missing and pending lists. Unary +
// keeps the planners on the late index (few rows) rather than the open one.
constexpr const char* kLate = "s.on_time = 0 AND +s.counted_report_id IS NOT NULL";
constexpr const char* kMissing = "s.counted_report_id IS NULL AND s.due < ?";
constexpr const char* kPending = "s.counted_report_id IS NULL AND s.due >= ?";
constexpr const char* kInSubtree = " AND s.unit_path >= ? AND s.unit_path < ?";

struct SlotCounts {
  int64_t late = 0, missing = 0, pending = 0;
};

// How many of the period's slots in `unit`'s subtree are late, missing and pending: three
// covering-index ranges of migration 0010 (plan, period, state, unit_path, …) in one query.
Result<SlotCounts> CountSlots(Database& db, int64_t plan_id, const std::string& period_key,
                              const Unit& unit, const std::string& today) {
  std::vector<std::string> counts;
  SqlParams params;
  for (const auto& [condition, with_today] :
       {std::pair<const char*, bool>{kLate, false}, {kMissing, true}, {kPending, true}}) {
    counts.push_back("(SELECT COUNT(*) FROM report_slots s WHERE s.plan_id = ? AND "
                     "s.period_key = ? AND " + std::string(condition) + kInSubtree + ")");
    params.insert(params.end(), {plan_id, period_key});
    if (with_today) params.push_back(today);
    params.insert(params.end(), {unit.path, UnitPath(unit.path).RangeEnd()});
  }
  std::string sql = "SELECT " + counts[0] + ", " + counts[1] + ", " + counts[2];
  LT_ASSIGN_OR_RETURN(auto rows, db.Query(sql, params));
  return SlotCounts{rows.at(0).Int(0), rows.at(0).Int(1), rows.at(0).Int(2)};
}

// The first `limit` slots in tree order of the subtree that meet `condition`: an index range
// read in order, no sort.
Result<json> FirstSlots(Database& db, int64_t plan_id, const std::string& period_key,
                        const Unit& unit, const char* condition, const SqlParams& extra,
                        int64_t limit) {
  json units = json::array();
  SqlParams params = {plan_id, period_key};
  params.insert(params.end(), extra.begin(), extra.end());
  params.insert(params.end(), {unit.path, UnitPath(unit.path).RangeEnd(), limit});
  LT_RETURN_IF_ERROR(db.QueryEach(
      std::string("SELECT u.code, u.name, s.due, s.status, s.first_submitted_at, s.id "
                  "FROM report_slots s JOIN units u ON u.id = s.unit_id "
                  "WHERE s.plan_id = ? AND s.period_key = ? AND ") +
          condition + kInSubtree + " ORDER BY s.unit_path LIMIT ?",
      params, [&](const SqlRow& r) {
        json j = {{"code", r.Text(0)}, {"name", r.Text(1)}, {"due", r.Text(2)},
                  {"status", r.Text(3)}, {"slot_id", r.Int(5)}};
        j["submitted_at"] = r.IsNull(4) ? json(nullptr) : json(r.Text(4));
        units.push_back(std::move(j));
        return true;
      }));
  return units;
}

json RatesJson(const RateTotals& r) {
  json j = {{"expected", r.expected}, {"received", r.received}, {"on_time", r.on_time}};
  j["received_rate"] = r.expected ? json(Round4(100.0 * r.received / r.expected)) : json(nullptr);
  j["on_time_rate"] = r.expected ? json(Round4(100.0 * r.on_time / r.expected)) : json(nullptr);
  return j;
}

}  // namespace

Result<nlohmann::json> BuildRollup(Database& db, int64_t plan_id, const Unit& unit,
                                   const std::string& period_key, RollupSource source,
                                   const Date& today, int64_t list_limit) {
  LT_ASSIGN_OR_RETURN(PeriodKey key, ParsePeriodKey(period_key));
  std::string period = key.ToString();
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto defs, store.Indicators(plan_id));
  ReportingPeriod window = PeriodWindow(key);
  std::string first = window.start.ToIso(), last = window.end.ToIso();
  // Every slot of a period has the same window; read one.
  LT_ASSIGN_OR_RETURN(auto span, db.Query("SELECT period_first, period_last FROM report_slots "
                                          "WHERE plan_id = ? AND period_key = ? LIMIT 1",
                                          {plan_id, period}));
  if (!span.empty() && !span[0].IsNull(0)) {
    first = span[0].Text(0);
    last = span[0].Text(1);
  }
  UnitStore units(db);
  LT_ASSIGN_OR_RETURN(auto all_children, units.Children(unit));
  std::vector<Unit> children;
  for (auto& c : all_children) {
    if (ActiveDuring(c, first, last)) children.push_back(std::move(c));
  }

  TotalsByCode subtree;
  std::map<int64_t, TotalsByCode> child_totals;
  RateTotals rates;
  std::map<int64_t, RateTotals> child_rates;
  if (source == RollupSource::kPreAggregated) {
    std::vector<int64_t> ids = {unit.id};
    for (const auto& c : children) ids.push_back(c.id);
    LT_ASSIGN_OR_RETURN(child_totals, store.Totals(plan_id, period, ids));
    LT_ASSIGN_OR_RETURN(child_rates, store.Rates(plan_id, period, ids));
    subtree = child_totals[unit.id];
    rates = child_rates[unit.id];
  } else {
    LT_ASSIGN_OR_RETURN(auto whole, rollup_internal::RawTotals(db, plan_id, period, unit.path, 0));
    subtree = whole[0];
    LT_ASSIGN_OR_RETURN(child_totals, rollup_internal::RawTotals(db, plan_id, period, "", unit.id));
    LT_ASSIGN_OR_RETURN(auto whole_rates, rollup_internal::RawRates(db, plan_id, period, unit.path, 0));
    rates = whole_rates[0];
    LT_ASSIGN_OR_RETURN(child_rates, rollup_internal::RawRates(db, plan_id, period, "", unit.id));
  }
  LT_ASSIGN_OR_RETURN(auto own, OwnTotals(db, defs, plan_id, period, unit.id));

  json out;
  out["plan_id"] = plan_id;
  out["unit"] = {{"code", unit.code}, {"name", unit.name}, {"kind", UnitKindName(unit.kind)}};
  out["period"] = {{"key", period}, {"label", PeriodLabelVi(key)}, {"start", first},
                   {"end", last}};
  out["source"] = source == RollupSource::kPreAggregated ? "pre_aggregated" : "raw_query";
  out["rates"] = RatesJson(rates);
  json indicators = json::array();
  for (const auto& d : defs) {
    const IndicatorTotals& t = subtree[d.code];
    auto value = AggregateValue(d, t);
    json j = {{"code", d.code}, {"name", d.name}, {"type", IndicatorTypeName(d.type)},
              {"aggregation", d.aggregation}, {"unit_label", d.unit_label},
              {"value", ValueJson(value)}, {"reported", t.reported},
              {"not_applicable", t.not_applicable}};
    int64_t not_reported = std::max<int64_t>(0, rates.expected - t.reported - t.not_applicable);
    j["not_reported"] = not_reported;
    j["explanation"] = {
        {"formula", Formula(d, t, value)},
        {"inputs", Inputs(d, t)},
        {"left_out", {{"not_reported", not_reported}, {"not_applicable", t.not_applicable},
                      {"units", "/api/v1/rollup/explain?plan=" + std::to_string(plan_id) +
                                    "&unit=" + unit.code + "&period=" + period +
                                    "&indicator=" + d.code}}}};
    if (d.goal) {
      json g = {{"value", *d.goal}, {"actual", ValueJson(value)}};
      g["met"] = value && *value >= *d.goal;
      g["gap"] = value ? json(Round4(std::max(0.0, *d.goal - *value))) : json(nullptr);
      if (d.goal_period) {
        g["by"] = *d.goal_period;
        auto gk = ParsePeriodKey(*d.goal_period);
        if (gk.ok()) {
          g["by_label"] = PeriodLabelVi(*gk);
          g["deadline_reached"] = last >= PeriodWindow(*gk).end.ToIso();
        }
      }
      j["goal"] = std::move(g);
    }
    indicators.push_back(std::move(j));
  }
  out["indicators"] = std::move(indicators);

  auto values_of = [&](const TotalsByCode& totals) {
    json v = json::object();
    for (const auto& d : defs) {
      auto it = totals.find(d.code);
      IndicatorTotals t = it == totals.end() ? IndicatorTotals{} : it->second;
      v[d.code] = {{"value", ValueJson(AggregateValue(d, t))}, {"reported", t.reported},
                   {"not_applicable", t.not_applicable}};
    }
    return v;
  };
  out["own"] = {{"indicators", values_of(own)}};
  json kids = json::array();
  for (const auto& c : children) {
    kids.push_back({{"code", c.code}, {"name", c.name}, {"kind", UnitKindName(c.kind)},
                    {"rates", RatesJson(child_rates[c.id])},
                    {"indicators", values_of(child_totals[c.id])}});
  }
  out["children"] = std::move(kids);

  std::string today_iso = today.ToIso();
  LT_ASSIGN_OR_RETURN(SlotCounts counts, CountSlots(db, plan_id, period, unit, today_iso));
  json late = json::array(), missing = json::array();
  if (counts.late > 0 && list_limit > 0) {
    LT_ASSIGN_OR_RETURN(late, FirstSlots(db, plan_id, period, unit, kLate, {}, list_limit));
  }
  if (counts.missing > 0 && list_limit > 0) {
    LT_ASSIGN_OR_RETURN(missing,
                        FirstSlots(db, plan_id, period, unit, kMissing, {today_iso}, list_limit));
  }
  out["late"] = {{"total", counts.late}, {"units", std::move(late)}};
  out["missing"] = {{"total", counts.missing}, {"units", std::move(missing)}};
  out["pending"] = counts.pending;
  out["as_of"] = today_iso;
  return out;
}

Result<nlohmann::json> ExplainIndicator(Database& db, int64_t plan_id, const Unit& unit,
                                        const std::string& period_key,
                                        const std::string& indicator_code) {
  LT_ASSIGN_OR_RETURN(PeriodKey key, ParsePeriodKey(period_key));
  std::string period = key.ToString();
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto defs, store.Indicators(plan_id));
  const IndicatorDef* def = nullptr;
  for (const auto& d : defs) {
    if (d.code == indicator_code) def = &d;
  }
  if (!def) {
    return Status::NotFound("plan " + std::to_string(plan_id) + " has no indicator '" +
                            indicator_code.substr(0, 60) + "'");
  }
  std::string eff = rollup_internal::kEffectivePath;
  json rows = json::array(), not_reported = json::array(), not_applicable = json::array();
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT u.code, u.name, s.status, s.counted_report_id, rv.num_value, rv.text_value, "
      "rv.not_applicable, w.num_value" + std::string(rollup_internal::kSlotUnits) +
          "LEFT JOIN report_values rv ON rv.report_id = s.counted_report_id AND "
          "rv.indicator_code = ? LEFT JOIN report_values w ON w.report_id = s.counted_report_id "
          "AND w.indicator_code = ? AND w.not_applicable = 0 "
          "WHERE s.plan_id = ? AND s.period_key = ? AND " + eff + " >= ? AND " + eff +
          " < ? ORDER BY u.path",
      {def->code, def->weight_code.value_or(""), plan_id, period, unit.path,
       UnitPath(unit.path).RangeEnd()},
      [&](const SqlRow& r) {
        json who = {{"code", r.Text(0)}, {"name", r.Text(1)}};
        if (r.IsNull(3)) {
          who["reason"] = "no_report";
          who["status"] = r.Text(2);
          not_reported.push_back(std::move(who));
        } else if (r.IsNull(6)) {
          who["reason"] = "no_value";
          not_reported.push_back(std::move(who));
        } else if (r.Int(6) != 0) {
          not_applicable.push_back(std::move(who));
        } else {
          if (!r.IsNull(4)) {
            double v = Unscale(r.Int(4));
            who["value"] = Round4(v);
            if (def->target) who["meets_target"] = static_cast<double>(r.Int(4)) >= *def->target * 10000;
          } else {
            who["text"] = r.Text(5);
          }
          if (def->weight_code) {
            who["weight"] = r.IsNull(7) ? json(nullptr) : json(Round4(Unscale(r.Int(7))));
          }
          rows.push_back(std::move(who));
        }
        return true;
      }));
  json out = {{"plan_id", plan_id}, {"unit", {{"code", unit.code}, {"name", unit.name}}},
              {"period", {{"key", period}, {"label", PeriodLabelVi(key)}}},
              {"indicator", {{"code", def->code}, {"name", def->name},
                             {"aggregation", def->aggregation}}},
              {"included", std::move(rows)},
              {"left_out", {{"not_reported", std::move(not_reported)},
                            {"not_applicable", std::move(not_applicable)}}}};
  if (def->weight_code) out["indicator"]["weight_indicator"] = *def->weight_code;
  if (def->target) out["indicator"]["target"] = *def->target;
  return out;
}

}  // namespace lienthong
