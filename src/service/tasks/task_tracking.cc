#include "service/tasks/task_tracking.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/unit_path.h"
#include "service/tasks/assigned_tasks.h"
#include "store/unit_store.h"
#include "text/collation.h"

namespace lienthong {
namespace {

std::optional<Date> DateOf(const std::optional<std::string>& iso) {
  if (!iso || iso->size() < 10) return std::nullopt;
  return Date::FromIso(iso->substr(0, 10));
}

TaskStanding StandingOn(TaskStatus status, const std::optional<std::string>& completed_on,
                        const std::optional<Date>& due, bool ongoing, const Date& today) {
  Task task;
  task.status = status;
  task.completed_on = DateOf(completed_on);
  if (ongoing) {
    task.deadline.kind = TimeSpecKind::kOngoing;
  } else if (due) {
    task.deadline.kind = TimeSpecKind::kDate;
    task.deadline.start = due;
  }
  return StandingOf(task, today);
}

std::vector<TaskView> Assemble(std::vector<TaskRow> rows, std::vector<AssigneeRow> assignees,
                               std::vector<InstanceRow> instances, const Date& today) {
  std::vector<TaskView> views;
  views.reserve(rows.size());
  std::map<int64_t, size_t> index;
  for (TaskRow& r : rows) {
    index[r.id] = views.size();
    views.push_back(TaskView{.row = std::move(r)});
  }
  for (AssigneeRow& a : assignees) {
    auto it = index.find(a.task_id);
    if (it != index.end()) views[it->second].assignees.push_back(std::move(a));
  }
  for (InstanceRow& i : instances) {
    auto it = index.find(i.task_id);
    if (it != index.end()) views[it->second].instances.push_back({std::move(i)});
  }
  for (TaskView& v : views) ComputeStanding(v, today);
  return views;
}

// Whether `v` passes the status and due_before filters (standing is applied after counting).
bool Matches(const TaskView& v, const TaskFilter& filter) {
  if (filter.status && v.row.status != *filter.status) return false;
  if (filter.due_before && !(v.due && *v.due < *filter.due_before)) return false;
  return true;
}

}  // namespace

void StandingCounts::Add(TaskStanding standing, int64_t n) {
  switch (standing) {
    case TaskStanding::kDoneOnTime: done_on_time += n; break;
    case TaskStanding::kDoneLate: done_late += n; break;
    case TaskStanding::kOpenWithinTerm: open_within_term += n; break;
    case TaskStanding::kOpenOverdue: open_overdue += n; break;
    case TaskStanding::kNoDeadline: no_deadline += n; break;
  }
}

void StandingCounts::Add(const StandingCounts& o) {
  done_on_time += o.done_on_time;
  done_late += o.done_late;
  open_within_term += o.open_within_term;
  open_overdue += o.open_overdue;
  no_deadline += o.no_deadline;
}

int64_t StandingCounts::Total() const {
  return done_on_time + done_late + open_within_term + open_overdue + no_deadline;
}

bool IsRecurring(const TaskView& view) {
  return view.row.deadline_kind == TimeSpecKind::kRecurring && !view.instances.empty();
}

void ComputeStanding(TaskView& view, const Date& today) {
  const TaskRow& row = view.row;
  view.counts = {};
  view.current_instance.reset();
  std::optional<Date> updated = DateOf(row.updated_at);
  view.days_since_update =
      updated ? std::max(0, today.DaysSinceEpoch() - updated->DaysSinceEpoch()) : 0;
  bool ongoing = row.deadline_kind == TimeSpecKind::kOngoing;
  view.stale = ongoing && row.status != TaskStatus::kDone &&
               view.days_since_update >= kStaleAfterDays;

  view.owner_paths = {row.plan_unit_path};
  for (const AssigneeRow& a : view.assignees) {
    if (a.unit_id && !a.unit_path.empty()) view.owner_paths.push_back(a.unit_path);
  }

  if (!IsRecurring(view)) {
    view.due = DateOf(row.deadline_date);
    view.standing = StandingOn(row.status, row.completed_on, view.due, ongoing, today);
    view.counts.Add(view.standing);
    return;
  }
  std::optional<size_t> first_open, last_begun;
  for (size_t i = 0; i < view.instances.size(); ++i) {
    InstanceView& inst = view.instances[i];
    std::optional<Date> start = DateOf(inst.row.period_start);
    std::optional<Date> due = DateOf(inst.row.due_date);
    inst.begun = start && *start <= today;
    inst.standing = StandingOn(inst.row.status, inst.row.completed_on, due, false, today);
    if (!inst.begun) continue;
    view.counts.Add(inst.standing);
    last_begun = i;
    if (!first_open && inst.row.status != TaskStatus::kDone) first_open = i;
  }
  view.current_instance = first_open ? first_open : last_begun ? last_begun : size_t{0};
  const InstanceView& current = view.instances[*view.current_instance];
  view.standing = current.standing;
  view.due = DateOf(current.row.due_date);
}

std::string BoardPath(const Unit& unit) {
  return UnitPath(unit.path).AtRoot() ? "/" : unit.path;
}

Result<std::vector<TaskView>> LoadBoard(Database& db, const std::string& unit_path,
                                        const Date& today) {
  TaskStore store(db);
  LT_ASSIGN_OR_RETURN(auto rows, store.Board(unit_path));
  LT_ASSIGN_OR_RETURN(auto assignees, store.BoardAssignees(unit_path));
  LT_ASSIGN_OR_RETURN(auto instances, store.BoardInstances(unit_path));
  return Assemble(std::move(rows), std::move(assignees), std::move(instances), today);
}

Result<std::vector<TaskView>> ViewsOf(Database& db, std::vector<TaskRow> rows, const Date& today) {
  std::vector<int64_t> ids;
  for (const TaskRow& r : rows) ids.push_back(r.id);
  TaskStore store(db);
  LT_ASSIGN_OR_RETURN(auto assignees, store.AssigneesOf(ids));
  LT_ASSIGN_OR_RETURN(auto instances, store.InstancesOf(ids));
  return Assemble(std::move(rows), std::move(assignees), std::move(instances), today);
}

Result<TaskView> LoadTask(Database& db, int64_t task_id, const Date& today) {
  LT_ASSIGN_OR_RETURN(auto row, TaskStore(db).Get(task_id));
  if (!row) return Status::NotFound("task " + std::to_string(task_id));
  std::vector<TaskRow> rows;
  rows.push_back(std::move(*row));
  LT_ASSIGN_OR_RETURN(auto views, ViewsOf(db, std::move(rows), today));
  return std::move(views.front());
}

Result<TaskList> ListTasks(Database& db, const Unit& unit, const TaskFilter& filter,
                           const Date& today) {
  LT_ASSIGN_OR_RETURN(std::vector<TaskView> board, LoadBoard(db, BoardPath(unit), today));
  TaskList list;
  std::set<int64_t> own;
  for (TaskView& v : board) {
    own.insert(v.row.id);
    if (!Matches(v, filter)) continue;
    list.counts.Add(v.counts);
    if (filter.standing && v.standing != *filter.standing) continue;
    list.tasks.push_back(std::move(v));
  }
  if (!filter.include_assigned) return list;
  LT_ASSIGN_OR_RETURN(std::vector<TaskView> assigned, AssignedFromAncestors(db, unit, today));
  for (TaskView& v : assigned) {
    if (own.count(v.row.id) || !Matches(v, filter)) continue;
    list.assigned_counts.Add(v.counts);
    if (filter.standing && v.standing != *filter.standing) continue;
    ++list.assigned;
    list.tasks.push_back(std::move(v));
  }
  return list;
}

Result<StandingReport> StandingByChild(Database& db, const Unit& unit, const Date& today) {
  UnitStore units(db);
  LT_ASSIGN_OR_RETURN(std::vector<Unit> children, units.Children(unit));
  std::erase_if(children, [](const Unit& u) { return u.IsEnded(); });
  const VietnameseCollator& collator = VietnameseCollator::Get();
  std::stable_sort(children.begin(), children.end(), [&](const Unit& a, const Unit& b) {
    return collator.Less(a.name, b.name);
  });
  LT_ASSIGN_OR_RETURN(std::vector<TaskView> board, LoadBoard(db, unit.path, today));
  StandingReport report;
  for (const Unit& child : children) report.children.push_back({child.code, child.name, {}});
  for (const TaskView& v : board) {
    report.total.Add(v.counts);
    for (size_t i = 0; i < children.size(); ++i) {
      bool inside = std::any_of(v.owner_paths.begin(), v.owner_paths.end(),
                                [&](const std::string& p) {
                                  return UnitPath(p).Within(children[i].path);
                                });
      if (inside) report.children[i].counts.Add(v.counts);
    }
  }
  return report;
}

}  // namespace lienthong
