// Indicators and reporting duties of a plan: what each report measures and how it rolls up, how
// often and by when units report, and the report slots (one per unit and period) that duties
// create; and the reporting rates of a subtree. Each change is one transaction with its audit row.
// Who may change them (a manager or admin of the plan's unit) is decided by the API.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/reporting_period.h"
#include "core/rollup.h"
#include "core/unit.h"
#include "store/database.h"
#include "store/report_store.h"

namespace lienthong {

// Replaces the plan's indicator list. Checks: codes unique and made of letters, digits, '_', '-',
// '.'; names not empty; weight_code only for weighted_mean and naming a numeric indicator of the
// list; share_meeting_target needs a target (a yes/no indicator defaults to 1 = "có"); text
// indicators aggregate as kNone. kInvalidArgument naming indicators[i].field otherwise. When the
// change alters what a report adds to the roll-up (codes, types, aggregations, weights, targets),
// the plan's pre-aggregated rows are rebuilt in the same transaction. Returns the list as stored.
Result<std::vector<IndicatorDef>> DeclareIndicators(Database& db, int64_t plan_id,
                                                    std::vector<IndicatorDef> defs,
                                                    const std::string& actor);
Result<std::vector<IndicatorDef>> PlanIndicators(Database& db, int64_t plan_id);

struct DutyRequest {
  int64_t plan_id = 0;
  ReportFrequency frequency = ReportFrequency::kQuarterly;
  CutoffRule cutoff = CutoffRule::kStatutory;
  int first_year = 0, last_year = 0;  // recurring duties: the years covered
  // kOnce / kAdHoc: the deadline (required) and the window (default: 1 January of the deadline's
  // year to the deadline).
  std::optional<Date> deadline, period_first, period_last;
  // Days added to the base date (window end for recurring duties, the deadline otherwise) per
  // level: "country", "province", "commune", a unit kind ("party_committee"), or "default".
  // Lower levels may be given earlier dates (smaller or negative offsets) so the level above
  // has time to aggregate. Missing: 6 days for recurring duties (the 20th of the month, as in
  // Nghị định 09/2019), 0 for one-off ones.
  std::map<std::string, int> offset_days;
  std::vector<std::string> assignees;  // unit codes; empty: territorial units under the issuer
  std::string note;
  std::string actor;
};

struct DutyResult {
  int64_t duty_id = 0;
  int64_t slots_created = 0;
  std::vector<std::string> periods;
};

// Stores the duty and creates its slots for every unit active during each period (existing
// slots for the same plan, unit and period are kept). kFailedPrecondition for a plan without an
// issuing unit; kInvalidArgument for bad years/dates; kNotFound for an unknown assignee or one
// outside the issuing unit's subtree.
Result<DutyResult> AddReportingDuty(Database& db, const DutyRequest& request);
Result<std::vector<DutyRecord>> PlanDuties(Database& db, int64_t plan_id);

// The level a unit reports at: "country", "province" or "commune" (bodies take the level of the
// territory they belong to).
std::string ReportingLevel(const Unit& unit);

// Expected, received and on-time reports of a subtree and of each child (pre-aggregated).
struct ReportingRatesView {
  struct Child {
    RollupUnit unit;
    RateTotals rates;
  };
  int64_t plan_id = 0;
  RollupUnit unit;
  RollupPeriod period;
  RateTotals rates;
  std::vector<Child> children;  // those with a slot in their subtree
};
// kInvalidArgument for a malformed period key.
Result<ReportingRatesView> ReportingRates(Database& db, int64_t plan_id, const Unit& unit,
                                          const std::string& period_key);

}  // namespace lienthong
