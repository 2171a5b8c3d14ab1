// Which units must implement a plan (plan_coverage.h), within the plan's territory:
//   "assignee"     a unit a task's lead or coordinator list names (cascade_units.h
//                  NameNamesUnit; bodies of the plan's own territory also by their short name);
//                  the most specific unit when a name matches a body and its territory;
//   "subordinate"  for each generic name in the task lists and the recipients ("UBND các xã,
//                  phường", "các địa phương", "cấp ủy cơ sở"), every territory of the named level
//                  below the plan's — its bodies of the named family (direct children), or the
//                  territory itself when the name has no family or the territory has no such body.
// The plan's own unit and territory are never required.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/unit.h"
#include "service/plans/cascade_units.h"

namespace lienthong {

struct RequiredUnit {
  Unit unit;
  Unit territory;           // the unit's territory (itself for a territory)
  std::string required_by;  // "assignee" | "subordinate"
};

// `active_subtree`: the plan territory's units active on the day judged, in path order (parents
// first, as UnitStore::Subtree returns them). Answers in path order.
std::vector<RequiredUnit> FindRequiredUnits(const std::vector<Unit>& active_subtree,
                                            const PlanPlace& place,
                                            const std::set<std::string>& task_names,
                                            const std::vector<std::string>& recipients);

}  // namespace lienthong
