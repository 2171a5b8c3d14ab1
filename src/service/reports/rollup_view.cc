// BuildRollup and ExplainIndicator (declared in service/reports/rollup.h): the roll-up from the
// pre-aggregated rows or from the plain GROUP BY over raw rows, with its explanations.
#include <algorithm>

#include "core/reporting_period.h"
#include "export/vn_number_format.h"
#include "service/reports/rollup.h"
#include "service/reports/rollup_contribution.h"
#include "store/rollup_store.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

// A number as a person reads it in a formula: "1.234,5678".
std::string Vi(double x) { return FormatVietnameseNumber(Round4(x), 4); }

std::optional<double> AggregateValue(const IndicatorDef& d, const IndicatorTotals& t) {
  auto per_report = [&](double x) {
    return t.reported > 0 ? std::optional(Round4(x)) : std::nullopt;
  };
  switch (d.aggregation) {
    case Aggregation::kSum: return per_report(Unscale(t.sum));
    case Aggregation::kMean:
      return per_report(Unscale(t.sum) / static_cast<double>(std::max<int64_t>(1, t.reported)));
    case Aggregation::kWeightedMean:
      if (t.weight_sum == 0) return std::nullopt;
      return Round4(static_cast<double>(t.weighted) / static_cast<double>(t.weight_sum));
    case Aggregation::kMin: return t.min ? std::optional(Round4(Unscale(*t.min))) : std::nullopt;
    case Aggregation::kMax: return t.max ? std::optional(Round4(Unscale(*t.max))) : std::nullopt;
    case Aggregation::kShareMeetingTarget:
      return per_report(100.0 * static_cast<double>(t.meeting) /
                        static_cast<double>(std::max<int64_t>(1, t.reported)));
    case Aggregation::kNone: break;
  }
  return std::nullopt;
}

// How the value was computed, in Vietnamese, with the numbers it came from.
std::string Formula(const IndicatorDef& d, const std::string& weight_name,
                    const IndicatorTotals& t, const std::optional<double>& v) {
  std::string n = std::to_string(t.reported);
  std::string value = v ? Vi(*v) : "không có số liệu";
  if (v && d.type == IndicatorType::kPercentage) value += "%";
  switch (d.aggregation) {
    case Aggregation::kSum: return "Tổng giá trị của " + n + " đơn vị đã báo cáo = " + value;
    case Aggregation::kMean:
      return "Trung bình = tổng " + Vi(Unscale(t.sum)) + " / " + n + " đơn vị đã báo cáo = " +
             value;
    case Aggregation::kWeightedMean:
      return "Bình quân gia quyền theo " + weight_name + " = Σ(giá trị × " + weight_name +
             ") / Σ " + weight_name + " = " + Vi(Unscale(t.weighted)) + " / " +
             Vi(Unscale(t.weight_sum)) + " = " + value + " (" + std::to_string(t.weighted_n) +
             " đơn vị có cả giá trị và trọng số)";
    case Aggregation::kMin: return "Giá trị nhỏ nhất trong " + n + " đơn vị đã báo cáo = " + value;
    case Aggregation::kMax: return "Giá trị lớn nhất trong " + n + " đơn vị đã báo cáo = " + value;
    case Aggregation::kShareMeetingTarget: {
      std::string who = d.type == IndicatorType::kYesNo
                            ? "Tỷ lệ đơn vị trả lời “Có”"
                            : "Tỷ lệ đơn vị đạt mục tiêu (giá trị ≥ " + Vi(d.target.value_or(0)) + ")";
      return who + " = " + std::to_string(t.meeting) + " / " + n + " × 100 = " + value +
             (v ? "%" : "");
    }
    case Aggregation::kNone: break;
  }
  return "Chỉ tiêu dạng văn bản, không tổng hợp số; " + n + " đơn vị có nội dung";
}

std::optional<GoalProgress> Goal(const IndicatorDef& d, const std::optional<double>& value,
                                 const RollupPeriod& period) {
  if (!d.goal) return std::nullopt;
  GoalProgress g;
  g.goal = *d.goal;
  g.actual = value;
  g.met = value && *value >= *d.goal;
  if (value) g.gap = Round4(std::max(0.0, *d.goal - *value));
  if (d.goal_period) {
    g.by = *d.goal_period;
    if (auto key = ParsePeriodKey(*d.goal_period); key.ok()) {
      g.by_label = PeriodLabelVi(*key);
      g.deadline_reached = period.end >= PeriodWindow(*key).end;
    }
  }
  return g;
}

IndicatorRollup RollIndicator(const IndicatorDef& d, const std::vector<IndicatorDef>& defs,
                              const IndicatorTotals& t, const RateTotals& rates,
                              const RollupPeriod& period) {
  IndicatorRollup out;
  out.def = d;
  out.value = AggregateValue(d, t);
  out.inputs = t;
  out.not_reported = std::max<int64_t>(0, rates.expected - t.reported - t.not_applicable);
  std::string weight_name = d.weight_code.value_or("");
  for (const auto& w : defs) {
    if (d.weight_code && w.code == *d.weight_code) weight_name = w.name;
  }
  out.formula = Formula(d, weight_name, t, out.value);
  out.goal = Goal(d, out.value, period);
  return out;
}

IndicatorCells CellsOf(const std::vector<IndicatorDef>& defs, const TotalsByCode& totals) {
  IndicatorCells cells;
  for (const auto& d : defs) {
    auto it = totals.find(d.code);
    IndicatorTotals t = it == totals.end() ? IndicatorTotals{} : it->second;
    cells[d.code] = {AggregateValue(d, t), t.reported, t.not_applicable};
  }
  return cells;
}

RollupUnit UnitOf(const Unit& u) { return {u.code, u.name, u.kind}; }

// The period's key, label and window: the window its slots were made with (a plan may use
// calendar windows), else the statutory one.
Result<RollupPeriod> ResolvePeriod(RollupStore& rollups, int64_t plan_id,
                                   const std::string& period_key) {
  LT_ASSIGN_OR_RETURN(PeriodKey key, ParsePeriodKey(period_key));
  ReportingPeriod window = PeriodWindow(key);
  RollupPeriod period{key.ToString(), PeriodLabelVi(key), window.start, window.end};
  LT_ASSIGN_OR_RETURN(auto stored, rollups.PeriodWindow(plan_id, period.key));
  if (stored) {
    period.start = Date::FromIso(stored->first).value_or(period.start);
    period.end = Date::FromIso(stored->second).value_or(period.end);
  }
  return period;
}

struct SubtreeTotals {
  TotalsByCode subtree;
  RateTotals rates;
  std::map<int64_t, TotalsByCode> children;
  std::map<int64_t, RateTotals> child_rates;
};

Result<SubtreeTotals> ReadTotals(RollupStore& rollups, int64_t plan_id, const std::string& period,
                                 const Unit& unit, const std::vector<Unit>& children,
                                 RollupSource source) {
  SubtreeTotals out;
  if (source == RollupSource::kPreAggregated) {
    std::vector<int64_t> ids = {unit.id};
    for (const auto& c : children) ids.push_back(c.id);
    LT_ASSIGN_OR_RETURN(out.children, rollups.Totals(plan_id, period, ids));
    LT_ASSIGN_OR_RETURN(out.child_rates, rollups.Rates(plan_id, period, ids));
    out.subtree = out.children[unit.id];
    out.rates = out.child_rates[unit.id];
    return out;
  }
  LT_ASSIGN_OR_RETURN(out.subtree, rollups.RawSubtreeTotals(plan_id, period, unit.path));
  LT_ASSIGN_OR_RETURN(out.children, rollups.RawChildTotals(plan_id, period, unit.id));
  LT_ASSIGN_OR_RETURN(out.rates, rollups.RawSubtreeRates(plan_id, period, unit.path));
  LT_ASSIGN_OR_RETURN(out.child_rates, rollups.RawChildRates(plan_id, period, unit.id));
  return out;
}

// The unit's own report (and those of units merged into it before the period): the same for
// both sources, as it is one or two rows.
Result<TotalsByCode> OwnTotals(RollupStore& rollups, const std::vector<IndicatorDef>& defs,
                               int64_t plan_id, const std::string& period, int64_t unit_id) {
  LT_ASSIGN_OR_RETURN(auto reports, rollups.OwnCountedValues(plan_id, period, unit_id));
  TotalsByCode out;
  for (const auto& values : reports) {
    for (const auto& [code, t] : ReportContribution(defs, values)) out[code].Add(t);
  }
  return out;
}

// Late, missing and pending: counted first, and a list read only when it has entries.
Status ReadSlotStates(RollupStore& rollups, Rollup& r, const std::string& path, int64_t limit) {
  std::string today = r.as_of.ToIso();
  LT_ASSIGN_OR_RETURN(SlotStateCounts counts,
                      rollups.CountStates(r.plan_id, r.period.key, path, today));
  r.late.total = counts.late;
  r.missing.total = counts.missing;
  r.pending = counts.pending;
  if (counts.late > 0 && limit > 0) {
    LT_ASSIGN_OR_RETURN(r.late.units, rollups.FirstLate(r.plan_id, r.period.key, path, limit));
  }
  if (counts.missing > 0 && limit > 0) {
    LT_ASSIGN_OR_RETURN(r.missing.units,
                        rollups.FirstMissing(r.plan_id, r.period.key, path, today, limit));
  }
  return Status::Ok();
}

}  // namespace

Result<Rollup> BuildRollup(Database& db, int64_t plan_id, const Unit& unit,
                           const std::string& period_key, RollupSource source, const Date& today,
                           int64_t list_limit) {
  RollupStore rollups(db);
  Rollup r{.plan_id = plan_id, .unit = UnitOf(unit), .source = source, .as_of = today};
  LT_ASSIGN_OR_RETURN(r.period, ResolvePeriod(rollups, plan_id, period_key));
  LT_ASSIGN_OR_RETURN(auto defs, ReportStore(db).Indicators(plan_id));
  LT_ASSIGN_OR_RETURN(auto all_children, UnitStore(db).Children(unit));
  std::vector<Unit> children;
  for (auto& c : all_children) {
    bool active = !(c.valid_from && *c.valid_from > r.period.end) &&
                  !(c.valid_to && *c.valid_to <= r.period.start);
    if (active) children.push_back(std::move(c));
  }
  LT_ASSIGN_OR_RETURN(SubtreeTotals totals,
                      ReadTotals(rollups, plan_id, r.period.key, unit, children, source));
  r.rates = totals.rates;
  for (const auto& d : defs) {
    r.indicators.push_back(RollIndicator(d, defs, totals.subtree[d.code], r.rates, r.period));
  }
  LT_ASSIGN_OR_RETURN(auto own, OwnTotals(rollups, defs, plan_id, r.period.key, unit.id));
  r.own = CellsOf(defs, own);
  for (const auto& c : children) {
    r.children.push_back(
        {UnitOf(c), totals.child_rates[c.id], CellsOf(defs, totals.children[c.id])});
  }
  LT_RETURN_IF_ERROR(ReadSlotStates(rollups, r, unit.path, list_limit));
  return r;
}

Result<IndicatorExplanation> ExplainIndicator(Database& db, int64_t plan_id, const Unit& unit,
                                              const std::string& period_key,
                                              const std::string& indicator_code) {
  LT_ASSIGN_OR_RETURN(PeriodKey key, ParsePeriodKey(period_key));
  LT_ASSIGN_OR_RETURN(auto defs, ReportStore(db).Indicators(plan_id));
  auto def = std::find_if(defs.begin(), defs.end(),
                          [&](const IndicatorDef& d) { return d.code == indicator_code; });
  if (def == defs.end()) {
    return Status::NotFound("plan " + std::to_string(plan_id) + " has no indicator '" +
                            indicator_code.substr(0, 60) + "'");
  }
  ReportingPeriod window = PeriodWindow(key);
  IndicatorExplanation out{.plan_id = plan_id, .unit = UnitOf(unit),
                           .period = {key.ToString(), PeriodLabelVi(key), window.start, window.end},
                           .def = *def};
  LT_ASSIGN_OR_RETURN(auto rows, RollupStore(db).IndicatorInputs(plan_id, out.period.key,
                                                                 unit.path, def->code,
                                                                 def->weight_code.value_or("")));
  for (auto& row : rows) {
    using Reason = LeftOutUnit::Reason;
    if (!row.counted) {
      out.not_reported.push_back({row.code, row.name, Reason::kNoReport, row.status});
    } else if (!row.has_value) {
      out.not_reported.push_back({row.code, row.name, Reason::kNoValue, row.status});
    } else if (row.not_applicable) {
      out.not_applicable.push_back({row.code, row.name, Reason::kNotApplicable, row.status});
    } else {
      IndicatorInput in{row.code, row.name};
      if (row.number) {
        in.value = Round4(Unscale(*row.number));
        if (def->target) in.meets_target = static_cast<double>(*row.number) >= *def->target * kValueScale;
      } else {
        in.text = row.text.value_or("");
      }
      if (row.weight) in.weight = Round4(Unscale(*row.weight));
      out.included.push_back(std::move(in));
    }
  }
  return out;
}

}  // namespace lienthong
