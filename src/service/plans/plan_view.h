// Reading plans: one plan with its document, legal bases and task rows, and the plan list of a
// subtree (GET /api/v1/plans, /plans/{id}). Authorisation is the caller's (api/authorize.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/plan_document.h"
#include "store/database.h"
#include "store/plan_store.h"

namespace lienthong {

struct PlanView {
  PlanRecord record;
  std::string unit_code;  // "" for a plan without unit
  PlanDocument document;  // its tasks carry their row ids once saved
  std::vector<LegalBasisLink> legal_bases;
  std::vector<TaskRecord> tasks;  // current (not archived) rows, by position
};

// The plan; each legal basis links to the oldest plan of that number within `visible_path` (the
// reader's subtree). kNotFound for an unknown plan.
Result<PlanView> ReadPlan(Database& db, int64_t plan_id, const std::string& visible_path);

// Plans of the units in the subtree at `unit_path` whose header contains `query` (diacritics and
// case ignored; "" for all), newest date first, at most `limit`.
Result<std::vector<PlanSummary>> ListPlans(Database& db, const std::string& unit_path,
                                           const std::string& query, int limit);

}  // namespace lienthong
