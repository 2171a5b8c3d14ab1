#include "service/tasks/task_tracking.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/unit_path.h"
#include "store/audit_log.h"
#include "store/unit_store.h"
#include "text/collation.h"
#include "text/normalize.h"
#include "util/iso_time.h"
#include "util/sha256.h"

namespace lienthong {
namespace {

using nlohmann::json;

std::optional<Date> DateOf(const std::optional<std::string>& iso) {
  if (!iso || iso->size() < 10) return std::nullopt;
  return Date::FromIso(iso->substr(0, 10));
}

TaskStanding StandingOn(const std::string& status, const std::optional<std::string>& completed_on,
                        const std::optional<Date>& due, bool ongoing, const Date& today) {
  Task task;
  task.status = ParseTaskStatus(status).value_or(TaskStatus::kNotStarted);
  task.completed_on = DateOf(completed_on);
  if (ongoing) {
    task.deadline.kind = TimeSpecKind::kOngoing;
  } else if (due) {
    task.deadline.kind = TimeSpecKind::kDate;
    task.deadline.start = due;
  }
  return StandingOf(task, today);
}

bool IsRecurring(const TaskView& view) {
  return view.row.deadline_kind == "recurring" && !view.instances.empty();
}

json StateJson(const TrackedState& s) {
  return {{"status", s.status},
          {"progress", s.progress},
          {"completed_on", s.completed_on ? json(*s.completed_on) : json(nullptr)},
          {"evidence_link", s.evidence_link ? json(*s.evidence_link) : json(nullptr)}};
}

TrackedState StateOf(const TaskRow& r) {
  return {r.status, r.progress, r.completed_on, r.evidence_link};
}

// The instance a change applies to: the one named, else the current one.
std::optional<size_t> TargetInstance(const TaskView& view, const TaskChange& change) {
  if (!IsRecurring(view)) return std::nullopt;
  if (change.instance_id) {
    for (size_t i = 0; i < view.instances.size(); ++i) {
      if (view.instances[i].row.id == *change.instance_id) return i;
    }
    return std::nullopt;
  }
  return view.current_instance;
}

TrackedState TargetState(const TaskView& view, std::optional<size_t> instance) {
  if (!instance) return StateOf(view.row);
  const InstanceRow& r = view.instances[*instance].row;
  return {r.status, r.progress, r.completed_on, std::nullopt};
}

bool IsHttpAddress(const std::string& link) {
  std::string lower = link.substr(0, 8);
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) return false;
  return std::none_of(link.begin(), link.end(), [](unsigned char c) { return c <= ' ' || c == 127; });
}

// The summary a recurring task's own row carries.
TrackedState SummaryOf(const std::vector<InstanceView>& instances, const TrackedState& task) {
  TrackedState s = task;
  int done = 0, started = 0, progress_sum = 0;
  std::optional<std::string> last_completed;
  for (const InstanceView& i : instances) {
    done += i.row.status == "done";
    started += i.row.status != "not_started";
    progress_sum += i.row.progress;
    if (i.row.completed_on && (!last_completed || *i.row.completed_on > *last_completed)) {
      last_completed = i.row.completed_on;
    }
  }
  int n = static_cast<int>(instances.size());
  s.status = done == n ? "done" : started > 0 ? "in_progress" : "not_started";
  s.progress = n == 0 ? 0 : (progress_sum + n / 2) / n;
  if (s.status == "done") s.progress = 100;
  s.completed_on = s.status == "done" ? last_completed : std::nullopt;
  return s;
}

std::string CleanFileName(const std::string& raw) {
  std::string name = raw.substr(raw.find_last_of("/\\") == std::string::npos
                                    ? 0
                                    : raw.find_last_of("/\\") + 1);
  name = ToNfc(name);
  std::string out;
  for (unsigned char c : name) {
    if (c >= 0x20 && c != 0x7f && c != '"') out += static_cast<char>(c);
  }
  if (out.size() > 200) {
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  if (out.empty() || out == "." || out == "..") out = "evidence";
  return out;
}

std::string CleanContentType(const std::string& raw) {
  std::string type;
  for (char c : raw) type += static_cast<char>(::tolower(static_cast<unsigned char>(c)));
  bool usable = !type.empty() && type.size() <= 100 && type.find('/') != std::string::npos &&
                std::all_of(type.begin(), type.end(), [](unsigned char c) {
                  return std::isalnum(c) || std::string_view("!#$&^_.+-/;= \"").find(c) !=
                                                std::string_view::npos;
                });
  return usable ? type : "application/octet-stream";
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

std::optional<TaskStatus> ParseTaskStatus(const std::string& name) {
  for (TaskStatus s : {TaskStatus::kNotStarted, TaskStatus::kInProgress, TaskStatus::kDone}) {
    if (name == TaskStatusName(s)) return s;
  }
  return std::nullopt;
}

std::optional<TaskStanding> ParseTaskStanding(const std::string& name) {
  for (TaskStanding s : {TaskStanding::kDoneOnTime, TaskStanding::kDoneLate,
                         TaskStanding::kOpenWithinTerm, TaskStanding::kOpenOverdue,
                         TaskStanding::kNoDeadline}) {
    if (name == TaskStandingName(s)) return s;
  }
  return std::nullopt;
}

void ComputeStanding(TaskView& view, const Date& today) {
  const TaskRow& row = view.row;
  view.counts = {};
  view.current_instance.reset();
  std::optional<Date> updated = DateOf(row.updated_at);
  view.days_since_update =
      updated ? std::max(0, today.DaysSinceEpoch() - updated->DaysSinceEpoch()) : 0;
  bool ongoing = row.deadline_kind == "ongoing";
  view.stale = ongoing && row.status != "done" && view.days_since_update >= kStaleAfterDays;

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
    if (!first_open && inst.row.status != "done") first_open = i;
  }
  view.current_instance = first_open ? first_open : last_begun ? last_begun : size_t{0};
  const InstanceView& current = view.instances[*view.current_instance];
  view.standing = current.standing;
  view.due = DateOf(current.row.due_date);
}

namespace {

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

}  // namespace

Result<std::vector<TaskView>> LoadBoard(Database& db, const std::string& unit_path,
                                        const Date& today) {
  TaskStore store(db);
  LT_ASSIGN_OR_RETURN(auto rows, store.Board(unit_path));
  LT_ASSIGN_OR_RETURN(auto assignees, store.BoardAssignees(unit_path));
  LT_ASSIGN_OR_RETURN(auto instances, store.BoardInstances(unit_path));
  return Assemble(std::move(rows), std::move(assignees), std::move(instances), today);
}

Result<TaskView> LoadTask(Database& db, int64_t task_id, const Date& today) {
  TaskStore store(db);
  LT_ASSIGN_OR_RETURN(auto row, store.Get(task_id));
  if (!row) return Status::NotFound("task " + std::to_string(task_id));
  LT_ASSIGN_OR_RETURN(auto assignees, store.Assignees(task_id));
  LT_ASSIGN_OR_RETURN(auto instances, store.Instances(task_id));
  std::vector<TaskRow> rows;
  rows.push_back(std::move(*row));
  return std::move(
      Assemble(std::move(rows), std::move(assignees), std::move(instances), today).front());
}

Result<TaskList> ListTasks(Database& db, const std::string& unit_path, const TaskFilter& filter,
                           const Date& today) {
  LT_ASSIGN_OR_RETURN(std::vector<TaskView> board, LoadBoard(db, unit_path, today));
  TaskList list;
  for (TaskView& v : board) {
    if (filter.status && v.row.status != TaskStatusName(*filter.status)) continue;
    if (filter.due_before && !(v.due && *v.due < *filter.due_before)) continue;
    list.counts.Add(v.counts);
    if (filter.standing && v.standing != *filter.standing) continue;
    list.tasks.push_back(std::move(v));
  }
  return list;
}

Status ValidateTaskChange(const TaskView& task, const TaskChange& change, const Date& today) {
  if (change.instance_id && !TargetInstance(task, change)) {
    return Status::InvalidField("instance_id",
                                "not an instance of task " + std::to_string(task.row.id));
  }
  if (change.status && !ParseTaskStatus(*change.status)) {
    return Status::InvalidField("status", "must be not_started, in_progress or done");
  }
  if (change.progress && (*change.progress < 0 || *change.progress > 100)) {
    return Status::InvalidField("progress", "must be a whole number from 0 to 100");
  }
  TrackedState current = TargetState(task, TargetInstance(task, change));
  std::string status = change.status.value_or(current.status);
  if (status == "done" && change.progress && *change.progress != 100) {
    return Status::InvalidField("progress", "a done task has progress 100");
  }
  if (change.completed_on) {
    std::optional<Date> day = Date::FromIso(*change.completed_on);
    if (!day) return Status::InvalidField("completed_on", "must be a date YYYY-MM-DD");
    if (*day > today) return Status::InvalidField("completed_on", "must not be after today");
    if (status != "done") {
      return Status::InvalidField("completed_on", "only a done task has a completion date");
    }
  }
  if (change.set_evidence_link && change.evidence_link) {
    if (change.evidence_link->size() > 2000 || !IsHttpAddress(*change.evidence_link)) {
      return Status::InvalidField("evidence_link",
                                  "must be an http:// or https:// address of at most 2000 bytes");
    }
  }
  if (change.note.size() > 4000) return Status::InvalidField("note", "at most 4000 bytes");
  if (!change.status && !change.progress && !change.set_evidence_link && !change.completed_on &&
      change.note.empty()) {
    return Status::InvalidArgument(
        "nothing to change: give status, progress, evidence_link or note");
  }
  return Status::Ok();
}

Result<TaskView> UpdateTask(Database& db, int64_t task_id, const TaskChange& change,
                            const std::string& actor, const Date& today) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(TaskView view, LoadTask(db, task_id, today));
  LT_RETURN_IF_ERROR(ValidateTaskChange(view, change, today));
  std::optional<size_t> instance = TargetInstance(view, change);
  TrackedState before = TargetState(view, instance);
  TrackedState after = before;
  if (change.status) after.status = *change.status;
  if (change.progress) after.progress = *change.progress;
  if (!change.status && change.progress && *change.progress > 0 &&
      before.status == "not_started") {
    after.status = "in_progress";
  }
  if (after.status == "done") {
    after.progress = 100;
    if (change.completed_on) {
      after.completed_on = change.completed_on;
    } else if (before.status != "done" || !before.completed_on) {
      after.completed_on = today.ToIso();
    }
  } else {
    after.completed_on.reset();
  }

  TaskStore store(db);
  std::string now = NowIsoUtc();
  TrackedState task_after = StateOf(view.row);
  if (change.set_evidence_link) task_after.evidence_link = change.evidence_link;
  json before_json = StateJson(before);
  json after_json = StateJson(after);
  if (instance) {
    InstanceView& target = view.instances[*instance];
    LT_RETURN_IF_ERROR(store.UpdateInstance(target.row.id, after, now));
    target.row.status = after.status;
    target.row.progress = after.progress;
    target.row.completed_on = after.completed_on;
    task_after = SummaryOf(view.instances, task_after);
    before_json["evidence_link"] = view.row.evidence_link ? json(*view.row.evidence_link) : json();
    after_json["evidence_link"] = task_after.evidence_link ? json(*task_after.evidence_link) : json();
    for (json* j : {&before_json, &after_json}) {
      (*j)["instance"] = {{"id", target.row.id}, {"period", target.row.period_label}};
    }
  } else {
    task_after.status = after.status;
    task_after.progress = after.progress;
    task_after.completed_on = after.completed_on;
    after_json = StateJson(task_after);
  }
  LT_RETURN_IF_ERROR(store.UpdateTask(task_id, task_after, now));
  std::optional<int64_t> instance_id;
  if (instance) instance_id = view.instances[*instance].row.id;
  LT_RETURN_IF_ERROR(store
                         .InsertUpdate({.task_id = task_id,
                                        .instance_id = instance_id,
                                        .at = now,
                                        .actor = actor,
                                        .before_json = before_json.dump(),
                                        .after_json = after_json.dump(),
                                        .note = change.note})
                         .status());
  json audit_after = after_json;
  if (!change.note.empty()) audit_after["note"] = change.note;
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = actor,
                                                .action = "update",
                                                .entity = "task",
                                                .entity_id = std::to_string(task_id),
                                                .before_json = before_json.dump(),
                                                .after_json = audit_after.dump()}));
  LT_RETURN_IF_ERROR(tx->Commit());
  return LoadTask(db, task_id, today);
}

Result<EvidenceFile> AddEvidenceFile(Database& db, int64_t task_id, const std::string& file_name,
                                     const std::string& content_type, const std::string& bytes,
                                     const std::string& actor) {
  if (bytes.size() > kMaxEvidenceBytes) {
    return Status::TooLarge("evidence file is " + std::to_string(bytes.size()) +
                            " bytes; the limit is " + std::to_string(kMaxEvidenceBytes) +
                            " bytes (10 MiB)");
  }
  if (bytes.empty()) return Status::InvalidArgument("evidence file is empty");
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  TaskStore store(db);
  LT_ASSIGN_OR_RETURN(auto row, store.Get(task_id));
  if (!row) return Status::NotFound("task " + std::to_string(task_id));
  EvidenceFile file{.task_id = task_id,
                    .file_name = CleanFileName(file_name),
                    .content_type = CleanContentType(content_type),
                    .size = static_cast<int64_t>(bytes.size()),
                    .sha256 = Sha256Hex(bytes),
                    .added_at = NowIsoUtc(),
                    .added_by = actor,
                    .content = bytes};
  LT_ASSIGN_OR_RETURN(file.n, store.InsertEvidence(file));
  LT_RETURN_IF_ERROR(store.TouchTask(task_id, file.added_at));
  json after = {{"evidence", {{"n", file.n},
                              {"file_name", file.file_name},
                              {"content_type", file.content_type},
                              {"size", file.size},
                              {"sha256", file.sha256}}}};
  LT_RETURN_IF_ERROR(store
                         .InsertUpdate({.task_id = task_id,
                                        .at = file.added_at,
                                        .actor = actor,
                                        .before_json = "{}",
                                        .after_json = after.dump()})
                         .status());
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = actor,
                                                .action = "add_evidence",
                                                .entity = "task",
                                                .entity_id = std::to_string(task_id),
                                                .after_json = after.dump()}));
  LT_RETURN_IF_ERROR(tx->Commit());
  file.content.clear();
  return file;
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
