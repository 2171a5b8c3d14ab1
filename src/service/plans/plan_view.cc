#include "service/plans/plan_view.h"

#include "store/unit_store.h"
#include "text/keys.h"

namespace lienthong {

Result<PlanView> ReadPlan(Database& db, int64_t plan_id, const std::string& visible_path) {
  PlanStore store(db);
  LT_ASSIGN_OR_RETURN(std::optional<StoredPlan> stored, store.LoadPlan(plan_id));
  if (!stored) return Status::NotFound("plan " + std::to_string(plan_id));
  PlanView view{.record = std::move(stored->record), .document = std::move(stored->document)};
  if (view.record.unit_id) {
    LT_ASSIGN_OR_RETURN(std::optional<Unit> unit, UnitStore(db).FindById(*view.record.unit_id));
    if (unit) view.unit_code = unit->code;
  }
  LT_ASSIGN_OR_RETURN(view.legal_bases, store.LegalBasesWithPlans(plan_id, visible_path));
  LT_ASSIGN_OR_RETURN(view.tasks, store.Tasks(plan_id));
  return view;
}

Result<std::vector<PlanSummary>> ListPlans(Database& db, const std::string& unit_path,
                                           const std::string& query, int limit) {
  return PlanStore(db).ListInSubtree(unit_path, query.empty() ? "" : SearchKey(query), limit);
}

}  // namespace lienthong
