// The audit rows of the reports domain (store/audit_log.h): the before → after JSON of a plan's
// indicator list, a reporting duty and a report version, built here and nowhere else.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/audit_entry.h"
#include "store/report_store.h"

namespace lienthong {

// entity "plan_indicators", action "update", before and after as lists of definitions.
AuditEntry IndicatorsAudit(const std::string& actor, int64_t plan_id,
                           const std::vector<IndicatorDef>& before,
                           const std::vector<IndicatorDef>& after);
// entity "reporting_duty", action "create": the duty, the slots it created and its periods.
AuditEntry DutyAudit(const std::string& actor, const DutyRecord& duty, int64_t slots_created,
                     const std::vector<std::string>& periods);
// entity "report", `action` ("create", "update", "submit", "accept", "return"): the version's
// status, values and review comment; `before` is absent for a new version.
AuditEntry ReportAudit(const std::string& actor, const std::string& action,
                       const ReportRecord* before, const ReportRecord& after);

}  // namespace lienthong
