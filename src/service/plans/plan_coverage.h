// Coverage of a plan down the hierarchy (GET /api/v1/plans/{id}/coverage): which units must
// implement it, which have, when, which are late, and how much of the parent each implementing
// plan covers — the units × themes matrix a leader reads at a glance.
//
// Required units: coverage_required_units.h. The plan's own unit and territory are never
// required; ended units are left out. With `visible_path`, only units within it are listed (the
// caller's subtree).
//
// A unit's implementing plan is a plan (not archived) with implements_plan_id = this plan whose
// unit is the required unit or below it; the best one is shown: issued first (published, or
// carrying both a number and a full date, as imported documents do), then the earliest date.
//
// Late: the parent's deadline for implementing plans (implementing_deadline.h; default_days 30).
// A unit is late when its issued plan is dated after the deadline, or it has none issued and
// `today` is after it. No deadline, never late.
//
// Theme coverage: theme_coverage.h. Task coverage: text_similarity.h (covered at ≥ kCoveredScore).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/plan.h"
#include "core/plan_document.h"
#include "core/unit.h"
#include "service/plans/implementing_deadline.h"
#include "store/database.h"

namespace lienthong {

struct CoverageOptions {
  std::optional<Date> today;  // what lateness is judged on; none: Today() (in Vietnam)
  int default_days = 30;     // deadline = plan date + this, when the document states none
  std::string visible_path;  // list only units whose path starts with it; "" = all
};

struct CoverageTheme {
  size_t index = 0;
  std::string label;
  std::string title;
};

struct CoverageTask {
  int64_t id = 0;
  std::string text;
};

// How well a unit's plan covers one theme or task of the parent.
struct CoverageScore {
  size_t theme_index = 0;  // themes
  int64_t task_id = 0;     // tasks
  double score = 0;        // rounded to 2 decimals
  bool covered = false;
  std::string passage;
  bool assigned = false;  // tasks: the task falls to the unit (plan_derive.h TaskFallsToUnit)
};

struct CoveragePlan {
  int64_t id = 0;
  std::optional<std::string> number;
  std::optional<std::string> date;
  PlanStatus status = PlanStatus::kDraft;
  bool issued = false;
};

struct CoverageUnit {
  std::string code;
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::string required_by;  // "assignee" | "subordinate"
  std::optional<CoveragePlan> plan;
  bool late = false;
  std::vector<CoverageScore> themes;
  std::vector<CoverageScore> tasks;
};

struct CoverageSummary {
  size_t required = 0;
  int issued = 0;
  int drafting = 0;
  int missing = 0;
  int late = 0;
};

// What docs/cascade.md shows (api/routes/cascade_routes.cc writes it as JSON).
struct PlanCoverageReport {
  int64_t plan_id = 0;
  std::optional<std::string> unit_code;
  std::optional<std::string> number;
  std::optional<std::string> date;
  std::string title;
  PlanStatus status = PlanStatus::kDraft;
  ImplementingDeadline implementing_deadline;
  std::vector<CoverageTheme> themes;
  std::vector<CoverageTask> tasks;
  std::vector<CoverageUnit> units;
  CoverageSummary summary;
};

// kNotFound for an unknown plan.
Result<PlanCoverageReport> PlanCoverage(Database& db, int64_t plan_id,
                                        const CoverageOptions& options);

}  // namespace lienthong
