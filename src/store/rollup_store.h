// RollupStore: the roll-up's rows and reads (docs/reports.md, "Roll-up"). rollup_values and
// rollup_rates hold per (plan, period, unit) the totals of the unit's subtree as quantities that
// add (core/report.h IndicatorTotals, RateTotals); the raw reads — the plain GROUP BY the
// maintained rows are checked against, the chains they are maintained along, the late and missing
// lists, the inputs of one indicator — are here too, so every statement of the roll-up lives in
// one file. Writers must hold a transaction (see Transaction).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/report.h"
#include "core/rollup.h"
#include "store/database.h"
#include "store/report_store.h"

namespace lienthong {

using TotalsByCode = std::map<std::string, IndicatorTotals>;

// A unit on the chain a report counts towards.
struct ChainUnit {
  int64_t id = 0;
  std::string path;
};

// A slot as a rebuild sees it: where it counts, whether and how.
struct RebuildSlot {
  std::string path;  // effective: the successor's after a merge
  bool counted = false;
  bool on_time = false;
  std::vector<StoredValue> values;  // of the counted report
};

struct SlotStateCounts {
  int64_t late = 0, missing = 0, pending = 0;
};

// One slot of a subtree against one indicator (RollupStore::IndicatorInputs).
struct IndicatorInputRow {
  std::string code, name;
  std::optional<ReportStatus> status;  // the slot's
  bool counted = false;                // a submitted or accepted version is counted
  bool has_value = false;              // that version has a row for the indicator
  bool not_applicable = false;
  std::optional<int64_t> number;  // scaled
  std::optional<std::string> text;
  std::optional<int64_t> weight;  // scaled; the same report's weight indicator
};

class RollupStore {
 public:
  explicit RollupStore(Database& db) : db_(db) {}

  // Maintained rows. Add* upserts deltas (min/max only ever widen); Set* replaces.
  Status AddTotals(int64_t plan_id, const std::string& period_key, int64_t unit_id,
                   const TotalsByCode& delta);
  Status SetTotals(int64_t plan_id, const std::string& period_key, int64_t unit_id,
                   const TotalsByCode& totals);
  Status AddRates(int64_t plan_id, const std::string& period_key,
                  const std::vector<int64_t>& unit_ids, const RateTotals& delta);
  Status Clear(int64_t plan_id, const std::string& period_key);
  // Bulk writes after Clear (rebuilds): multi-row INSERTs, a few hundred rows a statement.
  Status InsertTotalsMany(int64_t plan_id, const std::string& period_key,
                          const std::map<int64_t, TotalsByCode>& rows);
  Status InsertRatesMany(int64_t plan_id, const std::string& period_key,
                         const std::map<int64_t, RateTotals>& rows);
  // unit id → indicator code → totals, for the listed units.
  Result<std::map<int64_t, TotalsByCode>> Totals(int64_t plan_id, const std::string& period_key,
                                                 const std::vector<int64_t>& unit_ids);
  Result<std::map<int64_t, RateTotals>> Rates(int64_t plan_id, const std::string& period_key,
                                              const std::vector<int64_t>& unit_ids);

  // The plain GROUP BY over the raw rows, over the subtree at `path` or per child of a unit
  // (key: the child's id). A report counts where its unit's effective path lies: its successor's
  // for periods starting on or after a merge.
  Result<TotalsByCode> RawSubtreeTotals(int64_t plan_id, const std::string& period_key,
                                        const std::string& path);
  Result<std::map<int64_t, TotalsByCode>> RawChildTotals(int64_t plan_id,
                                                         const std::string& period_key,
                                                         int64_t parent_id);
  Result<RateTotals> RawSubtreeRates(int64_t plan_id, const std::string& period_key,
                                     const std::string& path);
  Result<std::map<int64_t, RateTotals>> RawChildRates(int64_t plan_id,
                                                      const std::string& period_key,
                                                      int64_t parent_id);

  // The units a report of `unit_id` for a period starting `period_first` (ISO) counts towards,
  // root first: the unit — or its successor, when it ended on or before that day — and every
  // ancestor. kNotFound for an unknown unit.
  Result<std::vector<ChainUnit>> Chain(int64_t unit_id, const std::string& period_first);
  // Unit ids by path, for the listed paths that exist.
  Result<std::map<std::string, int64_t>> UnitIdsByPath(const std::vector<std::string>& paths);

  // Every slot of a plan period with its counted report's values (rebuilds), by slot id.
  Result<std::map<int64_t, RebuildSlot>> SlotsForRebuild(int64_t plan_id,
                                                         const std::string& period_key);
  // The periods of a plan that have slots.
  Result<std::vector<std::string>> PlanPeriods(int64_t plan_id);
  // (plan, period) of every slot whose window ends on or after `date` (ISO).
  Result<std::vector<std::pair<int64_t, std::string>>> PeriodsEndingSince(const std::string& date);

  // The stored window of a plan period (every slot of a period has the same one); nullopt when
  // the period has no slot.
  Result<std::optional<std::pair<std::string, std::string>>> PeriodWindow(
      int64_t plan_id, const std::string& period_key);
  // The counted reports' values of the unit itself and of the units merged into it before the
  // period, one list per report.
  Result<std::vector<std::vector<StoredValue>>> OwnCountedValues(int64_t plan_id,
                                                                 const std::string& period_key,
                                                                 int64_t unit_id);
  // How many slots of the subtree at `path` are late (received after the due date), missing
  // (not received, due before `today`) and pending (not received, not yet due).
  Result<SlotStateCounts> CountStates(int64_t plan_id, const std::string& period_key,
                                      const std::string& path, const std::string& today);
  // The first `limit` late / missing slots of the subtree, in tree order.
  Result<std::vector<SlotSummary>> FirstLate(int64_t plan_id, const std::string& period_key,
                                             const std::string& path, int64_t limit);
  Result<std::vector<SlotSummary>> FirstMissing(int64_t plan_id, const std::string& period_key,
                                                const std::string& path,
                                                const std::string& today, int64_t limit);
  // Every slot of the subtree (effective paths) with its counted value of `code` and weight of
  // `weight_code`, in tree order.
  Result<std::vector<IndicatorInputRow>> IndicatorInputs(int64_t plan_id,
                                                         const std::string& period_key,
                                                         const std::string& path,
                                                         const std::string& code,
                                                         const std::string& weight_code);

 private:
  Result<std::vector<SlotSummary>> FirstSlots(const char* condition, SqlParams params,
                                              const std::string& path, int64_t limit);
  Database& db_;
};

}  // namespace lienthong
