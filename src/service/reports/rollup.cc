// Maintaining the pre-aggregated roll-up rows (declared in service/reports/rollup.h); reading
// them is rollup_view.cc.
#include "service/reports/rollup.h"

#include <set>

#include "core/unit_path.h"
#include "service/reports/rollup_contribution.h"
#include "store/rollup_store.h"

namespace lienthong {
namespace {

// The rates a slot change moves on its chain: a new slot is expected; a report counted or no
// longer counted is received (on time or not).
RateTotals RateDelta(const SlotRecord& before, const SlotRecord& after) {
  bool was = before.id != 0 && before.counted_report_id.has_value();
  bool is = after.counted_report_id.has_value();
  RateTotals delta;
  delta.expected = before.id == 0 ? 1 : 0;
  delta.received = (is ? 1 : 0) - (was ? 1 : 0);
  delta.on_time = (is && after.on_time.value_or(false) ? 1 : 0) -
                  (was && before.on_time.value_or(false) ? 1 : 0);
  return delta;
}

}  // namespace

Status RollupSlotChanged(Database& db, const SlotRecord& before, const SlotRecord& after) {
  RollupStore rollups(db);
  LT_ASSIGN_OR_RETURN(auto chain, rollups.Chain(after.unit_id, after.period_first));
  std::vector<int64_t> ids;
  for (const auto& c : chain) ids.push_back(c.id);
  RateTotals delta = RateDelta(before, after);
  if (delta != RateTotals{}) {
    LT_RETURN_IF_ERROR(rollups.AddRates(after.plan_id, after.period_key, ids, delta));
  }
  if (before.counted_report_id == after.counted_report_id) return Status::Ok();
  bool was_counted = before.id != 0 && before.counted_report_id.has_value();
  if (!was_counted) {
    // The common case — a report counted for the first time — only adds.
    ReportStore reports(db);
    LT_ASSIGN_OR_RETURN(auto defs, reports.Indicators(after.plan_id));
    LT_ASSIGN_OR_RETURN(auto values, reports.Values(*after.counted_report_id));
    auto share = ReportContribution(defs, values);
    for (int64_t id : ids) {
      LT_RETURN_IF_ERROR(rollups.AddTotals(after.plan_id, after.period_key, id, share));
    }
    return Status::Ok();
  }
  // A report taken out or replaced: min/max cannot be un-widened, so recompute the chain.
  for (const auto& c : chain) {
    LT_ASSIGN_OR_RETURN(auto raw, rollups.RawSubtreeTotals(after.plan_id, after.period_key, c.path));
    LT_RETURN_IF_ERROR(rollups.SetTotals(after.plan_id, after.period_key, c.id, raw));
  }
  return Status::Ok();
}

Status RebuildRollup(Database& db, int64_t plan_id, const std::string& period_key) {
  LT_ASSIGN_OR_RETURN(auto defs, ReportStore(db).Indicators(plan_id));
  RollupStore rollups(db);
  LT_RETURN_IF_ERROR(rollups.Clear(plan_id, period_key));
  LT_ASSIGN_OR_RETURN(auto slots, rollups.SlotsForRebuild(plan_id, period_key));
  // Unit ids of every path on a chain in play.
  std::set<std::string> lineage;
  for (const auto& [id, s] : slots) {
    for (auto& p : UnitPath(s.path).Lineage()) lineage.insert(std::move(p));
  }
  LT_ASSIGN_OR_RETURN(auto id_of,
                      rollups.UnitIdsByPath(std::vector<std::string>(lineage.begin(), lineage.end())));
  std::map<int64_t, TotalsByCode> totals;
  std::map<int64_t, RateTotals> rates;
  for (const auto& [id, s] : slots) {
    TotalsByCode share;
    if (s.counted) share = ReportContribution(defs, s.values);
    for (const auto& p : UnitPath(s.path).Lineage()) {
      auto it = id_of.find(p);
      if (it == id_of.end()) continue;
      RateTotals& r = rates[it->second];
      r.expected += 1;
      r.received += s.counted ? 1 : 0;
      r.on_time += s.counted && s.on_time ? 1 : 0;
      for (const auto& [code, t] : share) totals[it->second][code].Add(t);
    }
  }
  LT_RETURN_IF_ERROR(rollups.InsertTotalsMany(plan_id, period_key, totals));
  return rollups.InsertRatesMany(plan_id, period_key, rates);
}

Status RebuildRollupsSince(Database& db, const std::string& date) {
  LT_ASSIGN_OR_RETURN(auto periods, RollupStore(db).PeriodsEndingSince(date));
  for (const auto& [plan_id, period] : periods) {
    LT_RETURN_IF_ERROR(RebuildRollup(db, plan_id, period));
  }
  return Status::Ok();
}

Status RebuildPlanRollups(Database& db, int64_t plan_id) {
  LT_ASSIGN_OR_RETURN(auto periods, RollupStore(db).PlanPeriods(plan_id));
  for (const auto& period : periods) LT_RETURN_IF_ERROR(RebuildRollup(db, plan_id, period));
  return Status::Ok();
}

}  // namespace lienthong
