// The roll-up of a plan's indicators over a unit's subtree for one reporting period, as
// service/reports/rollup.h computes it and the API (api/report_json.h) and the XLSX export
// (export/rollup_workbook.h) present it: each indicator's value with the formula and inputs it
// came from, each child's share, reporting rates, and the late, missing and pending units.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/report.h"
#include "core/unit.h"

namespace lienthong {

// kPreAggregated reads the maintained totals (what the API serves); kRawQuery recomputes them with
// a plain GROUP BY over the raw rows — the reference the first is checked against.
enum class RollupSource { kPreAggregated, kRawQuery };

struct RollupUnit {
  std::string code;
  std::string name;
  UnitKind kind = UnitKind::kOther;
  bool operator==(const RollupUnit&) const = default;
};

struct RollupPeriod {
  std::string key;    // "2025-Q4"
  std::string label;  // "Quý IV/2025"
  Date start, end;    // the data window, inclusive
  bool operator==(const RollupPeriod&) const = default;
};

// One indicator aggregated over some units.
struct IndicatorCell {
  std::optional<double> value;  // nullopt: nothing to aggregate
  int64_t reported = 0;
  int64_t not_applicable = 0;
  bool operator==(const IndicatorCell&) const = default;
};
using IndicatorCells = std::map<std::string, IndicatorCell>;  // by indicator code

// A rolled-up value against the indicator's phase goal ("100% by Q4/2025").
struct GoalProgress {
  double goal = 0;
  std::optional<double> actual;
  bool met = false;
  std::optional<double> gap;                // goal − actual, at least 0
  std::optional<std::string> by, by_label;  // "2025-Q4", "Quý IV/2025"
  std::optional<bool> deadline_reached;     // the period ends on or after the goal's period
  bool operator==(const GoalProgress&) const = default;
};

struct IndicatorRollup {
  IndicatorDef def;
  std::optional<double> value;
  IndicatorTotals inputs;    // what the value was computed from
  int64_t not_reported = 0;  // expected reports without a value or an n/a
  std::string formula;       // in Vietnamese, numbers as 1.234,5
  std::optional<GoalProgress> goal;
  bool operator==(const IndicatorRollup&) const = default;
};

struct RollupChild {
  RollupUnit unit;
  RateTotals rates;
  IndicatorCells indicators;
  bool operator==(const RollupChild&) const = default;
};

// A report slot in a list of late or missing units.
struct SlotSummary {
  int64_t slot_id = 0;
  std::string code, name;  // the reporting unit
  Date due;
  std::optional<ReportStatus> status;  // nullopt: nothing filed yet
  std::optional<int64_t> report_id;    // the current version, if any
  std::optional<std::string> submitted_at;
  bool operator==(const SlotSummary&) const = default;
};

struct SlotSummaryList {
  int64_t total = 0;               // complete
  std::vector<SlotSummary> units;  // the first ones in tree order, up to a limit
  bool operator==(const SlotSummaryList&) const = default;
};

struct Rollup {
  int64_t plan_id = 0;
  RollupUnit unit;
  RollupPeriod period;
  RollupSource source = RollupSource::kPreAggregated;
  RateTotals rates;
  std::vector<IndicatorRollup> indicators;  // in the plan's order
  IndicatorCells own;                       // the unit's own report
  std::vector<RollupChild> children;        // each with its whole subtree
  SlotSummaryList late;                     // received after the due date
  SlotSummaryList missing;                  // not received and overdue
  int64_t pending = 0;                      // not received, not yet due
  Date as_of;
  bool operator==(const Rollup&) const = default;
};

// One reporting unit's input to an indicator's roll-up (ExplainIndicator).
struct IndicatorInput {
  std::string code, name;
  std::optional<double> value;
  std::optional<std::string> text;    // text indicators
  std::optional<double> weight;       // weighted means: the same report's weight, if any
  std::optional<bool> meets_target;   // indicators with a target
  bool operator==(const IndicatorInput&) const = default;
};

// A unit left out of an indicator's roll-up.
struct LeftOutUnit {
  enum class Reason { kNoReport, kNoValue, kNotApplicable };
  std::string code, name;
  Reason reason = Reason::kNoReport;
  std::optional<ReportStatus> status;  // kNoReport: the slot's state (nullopt: nothing filed)
  bool operator==(const LeftOutUnit&) const = default;
};

// Every input of one indicator's roll-up over a subtree, so a reader can redo the number.
struct IndicatorExplanation {
  int64_t plan_id = 0;
  RollupUnit unit;
  RollupPeriod period;
  IndicatorDef def;
  std::vector<IndicatorInput> included;
  std::vector<LeftOutUnit> not_reported;    // kNoReport, kNoValue
  std::vector<LeftOutUnit> not_applicable;  // kNotApplicable
};

}  // namespace lienthong
