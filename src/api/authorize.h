// The one authorisation point. Every route that names a unit, a plan, a task, an activity or a
// report resolves it through these functions, which check it against the caller's subtree and
// role; nothing else decides who may read or write what.
//
//   viewer      reads its subtree
//   specialist  reads and writes its subtree (plans, tasks, activities, reports)
//   manager     as specialist, and accepts/returns reports and publishes plans
//   admin       as manager, and manages accounts, unit data, level words; reads the audit log
//
// Out-of-subtree objects answer kNotFound (404) for reads, so a sibling's data cannot even be
// probed for existence; a known object the role may not change answers kPermissionDenied (403).
#pragma once

#include <cstdint>
#include <string_view>

#include "core/caller.h"
#include "core/date.h"
#include "core/unit.h"
#include "service/activities/activity_edit.h"
#include "service/tasks/task_tracking.h"
#include "store/report_store.h"
#include "store/database.h"
#include "util/status.h"

namespace lienthong::api {

enum class Permission { kRead, kWrite, kApprove, kAdminister };

// OK when `caller` may do `permission` on things owned by the unit with this path.
Status Authorize(const Caller& caller, std::string_view unit_path, Permission permission);

// The unit with `code`, if the caller may do `permission` on it. kNotFound names the code for an
// unknown unit and for one outside the caller's subtree alike.
Result<Unit> AuthorizedUnit(Database& db, const Caller& caller, std::string_view code,
                            Permission permission);

// The path of the unit owning plan `plan_id`, checked like AuthorizedUnit — except that a
// PUBLISHED plan of an ancestor unit is readable (it is the plan the caller's unit implements).
// kNotFound "plan 12" when absent or out of scope.
Result<std::string> AuthorizedPlanPath(Database& db, const Caller& caller, int64_t plan_id,
                                       Permission permission);

// Plan `plan_id` as the reports domain needs it: readable by the caller (AuthorizedPlanPath), or
// one a unit of the caller's subtree reports to (a commune filling in a national plan's report
// needs its indicators, and may roll up its own subtree). kNotFound "plan 12" alike for a plan
// that does not exist and one out of reach, so answers never tell which ids exist.
Status AuthorizedReportingPlan(Database& db, const Caller& caller, int64_t plan_id);

// The slot of report `report_id` (AuthorizedReportSlot) or slot `slot_id` (AuthorizedSlot), if
// the caller may do `permission` on the reporting unit. kNotFound "report 12" / "report slot 12"
// when absent or out of reach.
Result<SlotRecord> AuthorizedReportSlot(Database& db, const Caller& caller, int64_t report_id,
                                        Permission permission);
Result<SlotRecord> AuthorizedSlot(Database& db, const Caller& caller, int64_t slot_id,
                                  Permission permission);
// Accepting and returning a report belong to a manager (or admin) of a unit ABOVE the reporting
// unit: its own manager gets kPermissionDenied.
Status AuthorizedReviewer(Database& db, const Caller& caller, int64_t report_id);

// Task `task_id` with its standing on `today`, if the caller may do `permission` on it: through
// the plan's unit or any unit the task is assigned to (a plan without a unit belongs to the root,
// as in AuthorizedPlanPath). A task that a published plan of an ancestor assigns to the caller's
// own unit (service/tasks/assigned_tasks.h) is readable too. kNotFound "task 12" when absent or
// out of reach; kPermissionDenied when reachable but the role may not change it.
Result<TaskView> AuthorizedTask(Database& db, const Caller& caller, int64_t task_id,
                                Permission permission, const Date& today);

// True when `caller` may change `task` (status, progress, evidence, deadline): write access
// through the plan's unit or one of its assignee units; never for a task a plan edit removed
// (archived_at set).
bool MayUpdateTask(const Caller& caller, const TaskView& task);

// The task if the caller may comment on it: those who may change it, and a specialist or above
// of a unit the task is assigned to by an ancestor's plan. Errors as AuthorizedTask.
Result<TaskView> AuthorizedTaskForComment(Database& db, const Caller& caller, int64_t task_id,
                                          const Date& today);

// True when `caller` may change or delete `activity`, recorded by a unit of its subtree: a
// specialist the activities they recorded themselves, a manager or an admin any of them (they
// correct their subtree's log); a viewer none.
bool MayChangeActivity(const Caller& caller, const ActivityWithUnit& activity);

// Activity `id` with its unit, if the caller may do `permission` on it: kRead through the
// recording unit's subtree, kWrite as MayChangeActivity says. kNotFound "activity 12" when absent
// or out of reach; kPermissionDenied when readable but not the caller's to change.
Result<ActivityWithUnit> AuthorizedActivity(Database& db, const Caller& caller, int64_t id,
                                            Permission permission);

}  // namespace lienthong::api
