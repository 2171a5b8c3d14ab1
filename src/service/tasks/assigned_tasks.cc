#include "service/tasks/assigned_tasks.h"

#include <map>

#include "core/unit_path.h"
#include "service/plans/cascade_units.h"
#include "service/plans/plan_derive.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

// Where plans that may assign work to a unit come from: issuing unit code → the territory whose
// level it belongs to.
struct Issuers {
  Unit unit_territory;                  // the unit's own territory
  std::map<std::string, Unit> territory_of;
  std::vector<int64_t> ids;
};

// `territory` and its bodies (descendants not inside a lower territory), leaving out `skip_path`'s
// subtree.
Status AddLevel(UnitStore& store, const Unit& territory, const std::string& skip_path,
                Issuers& issuers) {
  std::vector<Unit> pending = {territory};
  while (!pending.empty()) {
    Unit u = std::move(pending.back());
    pending.pop_back();
    if (UnitPath(u.path).Within(skip_path)) continue;
    issuers.territory_of.emplace(u.code, territory);
    issuers.ids.push_back(u.id);
    LT_ASSIGN_OR_RETURN(auto children, store.Children(u));
    for (Unit& child : children) {
      if (!IsTerritorial(child.kind)) pending.push_back(std::move(child));
    }
  }
  return Status::Ok();
}

// The issuers for `unit`; nullopt when the unit belongs to no territory.
Result<std::optional<Issuers>> IssuersFor(Database& db, const Unit& unit) {
  Result<Unit> own = TerritoryOf(db, unit);
  if (!own.ok()) {
    if (own.status().code() == StatusCode::kNotFound) return std::optional<Issuers>();
    return own.status();
  }
  Issuers issuers{.unit_territory = *own};
  UnitStore store(db);
  // The codes on the territory's path, root first: "/VN/66/66904/" → VN, 66, 66904.
  const std::string& path = own->path;
  for (size_t start = 1; start < path.size();) {
    size_t slash = path.find('/', start);
    LT_ASSIGN_OR_RETURN(auto ancestor, store.FindByCode(path.substr(start, slash - start)));
    start = slash + 1;
    if (!ancestor || !IsTerritorial(ancestor->kind)) continue;
    LT_RETURN_IF_ERROR(AddLevel(store, *ancestor, unit.path, issuers));
  }
  return std::optional<Issuers>(std::move(issuers));
}

bool FallsTo(const TaskRow& row, const Unit& unit, const Issuers& issuers) {
  auto it = issuers.territory_of.find(row.plan_unit_code);
  if (row.plan_status != PlanStatus::kPublished || it == issuers.territory_of.end()) return false;
  const Unit& plan_territory = it->second;
  std::vector<std::string> names = row.lead;
  names.insert(names.end(), row.coordinators.begin(), row.coordinators.end());
  return TaskFallsToUnit(names, unit, issuers.unit_territory, LevelOfTerritory(plan_territory.kind),
                         plan_territory.id == issuers.unit_territory.id);
}

}  // namespace

Result<std::vector<TaskView>> AssignedFromAncestors(Database& db, const Unit& unit,
                                                    const Date& today) {
  LT_ASSIGN_OR_RETURN(auto issuers, IssuersFor(db, unit));
  if (!issuers) return std::vector<TaskView>();
  LT_ASSIGN_OR_RETURN(auto rows, TaskStore(db).PublishedTasksOf(issuers->ids));
  std::erase_if(rows, [&](const TaskRow& row) { return !FallsTo(row, unit, *issuers); });
  LT_ASSIGN_OR_RETURN(auto views, ViewsOf(db, std::move(rows), today));
  for (TaskView& v : views) v.assigned = true;
  return views;
}

Result<bool> TaskIsAssignedTo(Database& db, const TaskView& task, const Unit& unit) {
  if (task.row.plan_status != PlanStatus::kPublished) return false;
  LT_ASSIGN_OR_RETURN(auto issuers, IssuersFor(db, unit));
  return issuers && FallsTo(task.row, unit, *issuers);
}

}  // namespace lienthong
