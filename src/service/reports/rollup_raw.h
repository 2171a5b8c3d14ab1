// Internal to service/reports/rollup*.cc: the plain GROUP BY over raw rows that the pre-aggregated
// roll-up is checked against. Grouped into one group (key 0) over the subtree of `subtree_path`,
// or, when parent_id != 0, one group per child of that unit (key: the child's id).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "store/report_store.h"

namespace lienthong::rollup_internal {

using TotalsByCode = std::map<std::string, IndicatorTotals>;

Result<std::map<int64_t, TotalsByCode>> RawTotals(Database& db, int64_t plan_id,
                                                  const std::string& period_key,
                                                  const std::string& subtree_path,
                                                  int64_t parent_id);
Result<std::map<int64_t, RateTotals>> RawRates(Database& db, int64_t plan_id,
                                               const std::string& period_key,
                                               const std::string& subtree_path, int64_t parent_id);

// SQL pieces: slots joined with their unit and, for periods after a merge, its successor.
extern const char* const kSlotUnits;
extern const char* const kEffectivePath;

}  // namespace lienthong::rollup_internal
