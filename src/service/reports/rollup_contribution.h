// Internal to service/reports/rollup*.cc: what one report adds to the roll-up.
#pragma once

#include <string>
#include <vector>

#include "core/report.h"
#include "store/report_store.h"
#include "store/rollup_store.h"

namespace lienthong {

// Per indicator, the share of a report with these values. Values missing from the report add
// nothing; not-applicable ones count only as not applicable. A weighted mean's weight is the same
// report's value of the weight indicator.
TotalsByCode ReportContribution(const std::vector<IndicatorDef>& defs,
                                const std::vector<StoredValue>& values);

}  // namespace lienthong
