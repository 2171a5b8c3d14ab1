#include "service/tasks/task_changes.h"

#include <algorithm>

#include "service/tasks/task_recurrence.h"
#include "store/audit_log.h"
#include "store/task_audit.h"
#include "text/normalize.h"
#include "text/time_spec_parser.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

constexpr size_t kMaxDeadlineBytes = 300;

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

bool ChangesState(const TaskChange& c) {
  return c.status || c.progress || c.set_evidence_link || c.completed_on || !c.note.empty();
}

// The summary a recurring task's own row carries.
TrackedState SummaryOf(const std::vector<InstanceView>& instances, const TrackedState& task) {
  TrackedState s = task;
  int done = 0, started = 0, progress_sum = 0;
  std::optional<std::string> last_completed;
  for (const InstanceView& i : instances) {
    done += i.row.status == TaskStatus::kDone;
    started += i.row.status != TaskStatus::kNotStarted;
    progress_sum += i.row.progress;
    if (i.row.completed_on && (!last_completed || *i.row.completed_on > *last_completed)) {
      last_completed = i.row.completed_on;
    }
  }
  int n = static_cast<int>(instances.size());
  s.status = done == n              ? TaskStatus::kDone
             : started > 0          ? TaskStatus::kInProgress
                                    : TaskStatus::kNotStarted;
  s.progress = n == 0 ? 0 : (progress_sum + n / 2) / n;
  if (s.status == TaskStatus::kDone) s.progress = 100;
  s.completed_on = s.status == TaskStatus::kDone ? last_completed : std::nullopt;
  return s;
}

// The target's state after `change` (rules in the header).
TrackedState Applied(const TrackedState& before, const TaskChange& change, const Date& today) {
  TrackedState after = before;
  if (change.status) after.status = *change.status;
  if (change.progress) after.progress = *change.progress;
  if (!change.status && change.progress && *change.progress > 0 &&
      before.status == TaskStatus::kNotStarted) {
    after.status = TaskStatus::kInProgress;
  }
  if (after.status == TaskStatus::kDone) {
    after.progress = 100;
    if (change.completed_on) {
      after.completed_on = change.completed_on;
    } else if (before.status != TaskStatus::kDone || !before.completed_on) {
      after.completed_on = today.ToIso();
    }
  } else {
    after.completed_on.reset();
  }
  return after;
}

Status Record(Database& db, int64_t task_id, std::optional<int64_t> instance_id,
              const std::string& actor, const std::string& at, const std::string& before,
              const std::string& after, const std::string& audit_after, const std::string& note) {
  LT_RETURN_IF_ERROR(TaskStore(db)
                         .InsertUpdate({.task_id = task_id,
                                        .instance_id = instance_id,
                                        .at = at,
                                        .actor = actor,
                                        .before_json = before,
                                        .after_json = after,
                                        .note = note})
                         .status());
  return AppendAudit(db, AuditEntry{.actor = actor,
                                    .action = "update",
                                    .entity = "task",
                                    .entity_id = std::to_string(task_id),
                                    .before_json = before,
                                    .after_json = audit_after});
}

// Status, progress, completion, evidence link and note, of the task or one of its instances.
Status ApplyStateChange(Database& db, TaskView& view, const TaskChange& change,
                        const std::string& actor, const std::string& now, const Date& today) {
  std::optional<size_t> instance = TargetInstance(view, change);
  TrackedState before = TargetState(view, instance);
  TrackedState after = Applied(before, change, today);
  TaskStore store(db);
  TrackedState task_after = StateOf(view.row);
  if (change.set_evidence_link) task_after.evidence_link = change.evidence_link;
  if (!instance) {
    task_after.status = after.status;
    task_after.progress = after.progress;
    task_after.completed_on = after.completed_on;
    LT_RETURN_IF_ERROR(store.UpdateTask(view.row.id, task_after, now));
    return Record(db, view.row.id, std::nullopt, actor, now, TaskStateJson(before),
                  TaskStateJson(task_after), TaskStateJson(task_after, nullptr, change.note),
                  change.note);
  }
  InstanceView& target = view.instances[*instance];
  LT_RETURN_IF_ERROR(store.UpdateInstance(target.row.id, after, now));
  target.row.status = after.status;
  target.row.progress = after.progress;
  target.row.completed_on = after.completed_on;
  task_after = SummaryOf(view.instances, task_after);
  LT_RETURN_IF_ERROR(store.UpdateTask(view.row.id, task_after, now));
  InstanceLabel label{target.row.id, target.row.period_label};
  before.evidence_link = view.row.evidence_link;
  after.evidence_link = task_after.evidence_link;
  return Record(db, view.row.id, target.row.id, actor, now, TaskStateJson(before, &label),
                TaskStateJson(after, &label), TaskStateJson(after, &label, change.note),
                change.note);
}

// The deadline words as stored: NFC, without surrounding white space.
std::string TrimmedNfc(const std::string& text) {
  std::string words = ToNfc(text);
  words.erase(0, words.find_first_not_of(" \t\r\n"));
  words.erase(words.find_last_not_of(" \t\r\n") + 1);
  return words;
}

TaskDeadline DeadlineOf(const std::string& words) {
  if (words.empty()) return TaskDeadline{};
  TimeSpec spec = ParseTimeSpec(words);
  TaskDeadline d{spec.original, spec.kind, std::nullopt};
  if (auto due = spec.DueDate()) d.date = due->ToIso();
  return d;
}

Status ApplyDeadline(Database& db, const TaskView& view, const std::string& words,
                     const std::string& actor, const std::string& now) {
  TaskDeadline before{view.row.deadline_text, view.row.deadline_kind, view.row.deadline_date};
  TaskDeadline after = DeadlineOf(words);
  LT_RETURN_IF_ERROR(TaskStore(db).SetDeadline(view.row.id, after, now));
  if (after.kind == TimeSpecKind::kRecurring) {
    LT_RETURN_IF_ERROR(CreateRecurringInstances(db, view.row.plan_id));
  }
  std::string after_json = TaskDeadlineJson(after);
  return Record(db, view.row.id, std::nullopt, actor, now, TaskDeadlineJson(before), after_json,
                after_json, "");
}

}  // namespace

Status ValidateTaskChange(const TaskView& task, const TaskChange& change, const Date& today) {
  if (change.instance_id && !TargetInstance(task, change)) {
    return Status::InvalidField("instance_id",
                                "not an instance of task " + std::to_string(task.row.id));
  }
  if (change.progress && (*change.progress < 0 || *change.progress > 100)) {
    return Status::InvalidField("progress", "must be a whole number from 0 to 100")
        .WithReason("whole_number_range", {{"min", "0"}, {"max", "100"}});
  }
  TrackedState current = TargetState(task, TargetInstance(task, change));
  TaskStatus status = change.status.value_or(current.status);
  if (status == TaskStatus::kDone && change.progress && *change.progress != 100) {
    return Status::InvalidField("progress", "a done task has progress 100")
        .WithReason("done_needs_full_progress");
  }
  if (change.completed_on) {
    std::optional<Date> day = Date::FromIso(*change.completed_on);
    if (!day) {
      return Status::InvalidField("completed_on", "must be a date YYYY-MM-DD")
          .WithReason("date_invalid", {{"value", change.completed_on->substr(0, 40)}});
    }
    if (*day > today) {
      return Status::InvalidField("completed_on", "must not be after today")
          .WithReason("date_future", {{"date", day->ToIso()}, {"today", today.ToIso()}});
    }
    if (status != TaskStatus::kDone) {
      return Status::InvalidField("completed_on", "only a done task has a completion date")
          .WithReason("completed_on_not_done");
    }
  }
  if (change.set_evidence_link && change.evidence_link) {
    if (change.evidence_link->size() > 2000 || !IsHttpAddress(*change.evidence_link)) {
      return Status::InvalidField("evidence_link",
                                  "must be an http:// or https:// address of at most 2000 bytes")
          .WithReason("link_not_web");
    }
  }
  if (change.deadline && change.deadline->size() > kMaxDeadlineBytes) {
    return Status::InvalidField("deadline", "at most 300 bytes")
        .WithReason("too_long", {{"limit", "300"}});
  }
  // Words the parser cannot read would be saved as "no deadline" without anyone noticing.
  if (change.deadline && !TrimmedNfc(*change.deadline).empty() &&
      ParseTimeSpec(TrimmedNfc(*change.deadline)).kind == TimeSpecKind::kUnknown) {
    return Status::InvalidField("deadline",
                                "cannot read this deadline: write a date, a period (\"Quý "
                                "IV/2025\", \"trong tháng 10 năm 2025\"), \"trước ngày …\" or "
                                "\"Thường xuyên\"")
        .WithReason("deadline_unreadable", {{"value", change.deadline->substr(0, 80)}});
  }
  if (change.note.size() > 4000) {
    return Status::InvalidField("note", "at most 4000 bytes").WithReason("too_long", {{"limit", "4000"}});
  }
  if (!ChangesState(change) && !change.deadline) {
    return Status::InvalidArgument(
        "nothing to change: give status, progress, evidence_link, deadline or note");
  }
  return Status::Ok();
}

Result<TaskView> UpdateTask(Database& db, int64_t task_id, const TaskChange& change,
                            const std::string& actor, const Date& today) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(TaskView view, LoadTask(db, task_id, today));
  if (view.row.archived_at) {
    return Status::FailedPrecondition("task " + std::to_string(task_id) +
                                      " was removed from its plan on " +
                                      view.row.archived_at->substr(0, 10) + "; it is kept as it was")
        .WithReason("task_archived", {{"date", view.row.archived_at->substr(0, 10)}});
  }
  LT_RETURN_IF_ERROR(ValidateTaskChange(view, change, today));
  std::string now = NowIsoUtc();
  if (change.deadline) {
    LT_RETURN_IF_ERROR(ApplyDeadline(db, view, TrimmedNfc(*change.deadline), actor, now));
  }
  if (ChangesState(change)) {
    LT_RETURN_IF_ERROR(ApplyStateChange(db, view, change, actor, now, today));
  }
  LT_RETURN_IF_ERROR(tx->Commit());
  return LoadTask(db, task_id, today);
}

}  // namespace lienthong
