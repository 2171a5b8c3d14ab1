// Roll-up of reports over the unit tree: each indicator aggregated over a subtree, each child's
// share, reporting rates, late and missing units — and, for every number, how it was computed.
//
// Design (docs/reports.md): the roll-up is pre-aggregated. rollup_values / rollup_rates hold per
// (plan, period, unit) the totals of the unit's subtree, as sums that can be added to — count,
// Σ value, min, max, Σ value×weight, Σ weight, count meeting the target — all exact integers
// (values scaled by kValueScale). A report being counted (first submission, resubmission) adds its
// share to the row of every unit on its chain (the unit, or its successor for periods after a
// merge, and that unit's ancestors): a few upserts in the submitting transaction. Taking a
// report out (a return, a replacing version) cannot un-widen a min/max, so the chain's rows are
// recomputed from the raw rows instead, in the same transaction; returns are rare. Reading a
// roll-up is then one lookup for the unit and its children, whatever the subtree size.
//
// The same answer computed by plain SQL GROUP BY over the raw tables (RollupSource::kRawQuery)
// is kept as the reference: tests and bench/rollup_bench.cc check both give identical answers.
// Units moved after reports were counted keep their old chain until RebuildRollup runs.
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"
#include "core/rollup.h"
#include "core/unit.h"
#include "store/database.h"
#include "store/report_store.h"

namespace lienthong {

// Keeps the pre-aggregated rows in step with a slot that changed from `before` to `after` (a new
// slot has before.id == 0). Call after writing the slot, inside the same transaction.
Status RollupSlotChanged(Database& db, const SlotRecord& before, const SlotRecord& after);

// Recomputes a plan's period from the raw rows (after moves, or to repair).
Status RebuildRollup(Database& db, int64_t plan_id, const std::string& period_key);

// Rebuilds every plan period whose window ends on or after `date` (ISO): what a merge or move of
// units on that date calls for, since the pre-aggregated chains follow the tree as it was.
Status RebuildRollupsSince(Database& db, const std::string& date);

// Rebuilds every period of the plan that has slots: after its indicators changed in a way that
// changes what a report adds (types, aggregations, weights, targets, the list of codes).
Status RebuildPlanRollups(Database& db, int64_t plan_id);

// The roll-up of `unit`'s subtree for `plan_id` and `period_key` (GET /api/v1/rollup). `today`
// decides which not-yet-received slots are overdue ("missing") or still pending; the late and
// missing lists hold at most `list_limit` entries (their totals are complete).
// kInvalidArgument naming "period" for a malformed period key.
Result<Rollup> BuildRollup(Database& db, int64_t plan_id, const Unit& unit,
                           const std::string& period_key, RollupSource source, const Date& today,
                           int64_t list_limit = 100);

// Every input of one indicator's roll-up: per reporting unit its value, weight, n/a flag and
// whether it meets the target, plus the units left out — so a reader can redo the number.
// kNotFound when the plan has no such indicator.
Result<IndicatorExplanation> ExplainIndicator(Database& db, int64_t plan_id, const Unit& unit,
                                              const std::string& period_key,
                                              const std::string& indicator_code);

}  // namespace lienthong
