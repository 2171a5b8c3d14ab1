#include "api/authorize.h"

#include "core/plan.h"
#include "core/unit_path.h"
#include "service/reports/report_workflow.h"
#include "service/tasks/assigned_tasks.h"
#include "store/plan_store.h"
#include "store/report_store.h"
#include "store/unit_store.h"

namespace lienthong::api {
namespace {

bool RoleAllows(Role role, Permission permission) {
  switch (permission) {
    case Permission::kRead: return true;
    case Permission::kWrite: return role != Role::kViewer;
    case Permission::kApprove: return role == Role::kManager || role == Role::kAdmin;
    case Permission::kAdminister: return role == Role::kAdmin;
  }
  return false;
}

}  // namespace

Status Authorize(const Caller& caller, std::string_view unit_path, Permission permission) {
  if (!UnitPath(unit_path).Within(caller.unit_path)) {
    // Outside the subtree nothing is revealed, not even that the thing exists.
    return Status::NotFound("not found in the units you can reach");
  }
  if (!RoleAllows(caller.role, permission)) {
    return Status::PermissionDenied("role " + std::string(RoleName(caller.role)) +
                                    " may not make this change");
  }
  return Status::Ok();
}

Result<Unit> AuthorizedUnit(Database& db, const Caller& caller, std::string_view code,
                            Permission permission) {
  UnitStore units(db);
  LT_ASSIGN_OR_RETURN(std::optional<Unit> unit, units.FindByCode(code));
  std::string shown(code.substr(0, 60));
  if (!unit) return Status::NotFound("unknown unit '" + shown + "'");
  Status allowed = Authorize(caller, unit->path, permission);
  if (allowed.code() == StatusCode::kNotFound) {
    return Status::NotFound("unknown unit '" + shown + "'");
  }
  LT_RETURN_IF_ERROR(allowed);
  return *unit;
}

Result<std::string> AuthorizedPlanPath(Database& db, const Caller& caller, int64_t plan_id,
                                       Permission permission) {
  LT_ASSIGN_OR_RETURN(std::optional<PlanOwner> owner, PlanStore(db).Owner(plan_id));
  std::string name = "plan " + std::to_string(plan_id);
  if (!owner) return Status::NotFound(name);
  // A plan without an issuing unit (a CLI import without --unit) belongs to the root of the
  // tree: only users of a root unit ("/VN/") reach it.
  std::string path = owner->unit_path.value_or("");
  if (!owner->unit_path) {
    path = UnitPath(caller.unit_path).AtRoot() ? caller.unit_path : "/";
  }
  // A published plan of an ancestor is what the caller's unit implements: readable, not writable.
  bool published_by_ancestor = owner->status == PlanStatus::kPublished && owner->unit_path &&
                               UnitPath(caller.unit_path).Within(path);
  if (permission == Permission::kRead && published_by_ancestor) return path;
  Status allowed = Authorize(caller, path, permission);
  if (allowed.code() == StatusCode::kNotFound) return Status::NotFound(name);
  LT_RETURN_IF_ERROR(allowed);
  return path;
}

Status AuthorizedReportingPlan(Database& db, const Caller& caller, int64_t plan_id) {
  Status readable = AuthorizedPlanPath(db, caller, plan_id, Permission::kRead).status();
  if (readable.code() != StatusCode::kNotFound) return readable;
  LT_ASSIGN_OR_RETURN(bool reports_to, ReportStore(db).SubtreeReportsTo(plan_id, caller.unit_path));
  return reports_to ? Status::Ok() : readable;
}

namespace {
Result<SlotRecord> SlotIfAllowed(const Caller& caller, Result<SlotRecord> slot,
                                 Permission permission, const std::string& name) {
  if (!slot.ok()) {
    if (slot.status().code() == StatusCode::kNotFound) return Status::NotFound(name);
    return slot.status();
  }
  Status allowed = Authorize(caller, slot->unit_path, permission);
  if (allowed.code() == StatusCode::kNotFound) return Status::NotFound(name);
  LT_RETURN_IF_ERROR(allowed);
  return slot;
}
}  // namespace

Result<SlotRecord> AuthorizedReportSlot(Database& db, const Caller& caller, int64_t report_id,
                                        Permission permission) {
  return SlotIfAllowed(caller, SlotOfReport(db, report_id), permission,
                       "report " + std::to_string(report_id));
}

Result<SlotRecord> AuthorizedSlot(Database& db, const Caller& caller, int64_t slot_id,
                                  Permission permission) {
  return SlotIfAllowed(caller, GetReportSlot(db, slot_id), permission,
                       "report slot " + std::to_string(slot_id));
}

Status AuthorizedReviewer(Database& db, const Caller& caller, int64_t report_id) {
  LT_ASSIGN_OR_RETURN(SlotRecord slot,
                      AuthorizedReportSlot(db, caller, report_id, Permission::kApprove));
  if (slot.unit_path == caller.unit_path) {
    return Status::PermissionDenied("a report is reviewed by a manager of a unit above " +
                                    slot.unit_code);
  }
  return Status::Ok();
}

namespace {

// OK when `caller` may do `permission` through one of the task's owner units.
Status AuthorizeThroughOwners(const Caller& caller, const TaskView& task, Permission permission) {
  Status denied = Status::NotFound("task " + std::to_string(task.row.id));
  for (std::string path : task.owner_paths) {
    if (path == "/" && UnitPath(caller.unit_path).AtRoot()) path = caller.unit_path;
    Status allowed = Authorize(caller, path, permission);
    if (allowed.ok()) return allowed;
    if (allowed.code() == StatusCode::kPermissionDenied) denied = allowed;
  }
  return denied;
}

// Whether an ancestor's plan assigns `task` to the caller's own unit.
Result<bool> AssignedToCaller(Database& db, const Caller& caller, const TaskView& task) {
  LT_ASSIGN_OR_RETURN(auto unit, UnitStore(db).FindByCode(caller.unit_code));
  if (!unit) return false;
  return TaskIsAssignedTo(db, task, *unit);
}

Result<TaskView> LoadAuthorizableTask(Database& db, int64_t task_id, const Date& today) {
  Result<TaskView> view = LoadTask(db, task_id, today);
  if (!view.ok() && view.status().code() == StatusCode::kNotFound) {
    return Status::NotFound("task " + std::to_string(task_id));
  }
  return view;
}

}  // namespace

bool MayUpdateTask(const Caller& caller, const TaskView& task) {
  if (task.row.archived_at) return false;  // removed from its plan: kept as it was
  return AuthorizeThroughOwners(caller, task, Permission::kWrite).ok();
}

Result<TaskView> AuthorizedTask(Database& db, const Caller& caller, int64_t task_id,
                                Permission permission, const Date& today) {
  LT_ASSIGN_OR_RETURN(TaskView view, LoadAuthorizableTask(db, task_id, today));
  Status allowed = AuthorizeThroughOwners(caller, view, permission);
  if (allowed.ok()) return view;
  if (allowed.code() == StatusCode::kNotFound) {
    LT_ASSIGN_OR_RETURN(bool assigned, AssignedToCaller(db, caller, view));
    if (assigned && permission == Permission::kRead) return view;
    if (assigned) {
      return Status::PermissionDenied("task " + std::to_string(task_id) +
                                      " is assigned by plan " + std::to_string(view.row.plan_id) +
                                      " of another level; only its owners change it");
    }
  }
  return allowed;
}

Result<TaskView> AuthorizedTaskForComment(Database& db, const Caller& caller, int64_t task_id,
                                          const Date& today) {
  LT_ASSIGN_OR_RETURN(TaskView view, LoadAuthorizableTask(db, task_id, today));
  Status allowed = AuthorizeThroughOwners(caller, view, Permission::kWrite);
  if (allowed.ok() || allowed.code() == StatusCode::kPermissionDenied) {
    LT_RETURN_IF_ERROR(allowed);
    return view;
  }
  LT_ASSIGN_OR_RETURN(bool assigned, AssignedToCaller(db, caller, view));
  if (!assigned) return allowed;
  if (!RoleAllows(caller.role, Permission::kWrite)) {
    return Status::PermissionDenied("role " + std::string(RoleName(caller.role)) +
                                    " may not comment");
  }
  return view;
}

bool MayChangeActivity(const Caller& caller, const ActivityWithUnit& activity) {
  if (!Authorize(caller, activity.unit.path, Permission::kWrite).ok()) return false;
  return caller.role == Role::kManager || caller.role == Role::kAdmin ||
         activity.stored.activity.created_by == caller.Actor();
}

Result<ActivityWithUnit> AuthorizedActivity(Database& db, const Caller& caller, int64_t id,
                                            Permission permission) {
  std::string name = "activity " + std::to_string(id);
  Result<ActivityWithUnit> activity = LoadActivity(db, id);
  if (!activity.ok()) {
    if (activity.status().code() == StatusCode::kNotFound) return Status::NotFound(name);
    return activity.status();
  }
  Status readable = Authorize(caller, activity->unit.path, Permission::kRead);
  if (!readable.ok()) return Status::NotFound(name);
  if (permission != Permission::kRead && !MayChangeActivity(caller, *activity)) {
    return Status::PermissionDenied(name + " was recorded by someone else; only its author, a "
                                    "manager or an admin may change it");
  }
  return activity;
}

}  // namespace lienthong::api
