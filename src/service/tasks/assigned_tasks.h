// Tasks that reach a unit from the plans of the levels above it (issue 13, workflow 5): a
// province plan that gives "UBND các xã, phường" a task puts that task on every commune's board,
// with the assigning plan named. Which tasks fall to a unit is the cascade's rule — by the unit's
// name, by its territory's name, or by a generic name of its level and body family
// (service/plans/plan_derive.h TaskFallsToUnit, the rule deriving a plan uses) — read here, not
// copied.
//
// Plans looked at: PUBLISHED plans (a draft is its issuer's business) issued at the level of a
// territory that holds the unit — its own territory (for a body: the plans of the other bodies
// of its commune) and every territory above — that is, by the territory itself or one of its
// bodies (units under it not inside a lower territory), never inside the unit's own subtree
// (those tasks are the unit's own). Their tasks are shared with every unit they reach: a unit
// reads and comments on them; their status is their owners' to change.
#pragma once

#include <vector>

#include "core/date.h"
#include "core/unit.h"
#include "service/tasks/task_tracking.h"
#include "store/database.h"

namespace lienthong {

// The tasks assigned to `unit` as above, each with `assigned` set, by plan then position.
Result<std::vector<TaskView>> AssignedFromAncestors(Database& db, const Unit& unit,
                                                    const Date& today);

// Whether `task` is one of those for `unit`.
Result<bool> TaskIsAssignedTo(Database& db, const TaskView& task, const Unit& unit);

}  // namespace lienthong
