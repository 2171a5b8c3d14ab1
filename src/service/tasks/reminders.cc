#include "service/tasks/reminders.h"

#include <algorithm>
#include <map>

#include "service/tasks/task_tracking.h"
#include "store/audit_log.h"
#include "store/outbox_store.h"
#include "store/unit_store.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

std::string DayMonthYear(const Date& d) {
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  return two(d.day) + "/" + two(d.month) + "/" + std::to_string(d.year);
}

// Cuts to at most `limit` bytes on a UTF-8 character boundary, adding "…" when cut.
std::string Shorten(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}


Result<Reminders> Collect(Database& db, const std::string& unit_path, const Date& today,
                          bool with_recipients) {
  LT_ASSIGN_OR_RETURN(std::vector<TaskView> board, LoadBoard(db, unit_path, today));
  Reminders out;
  std::map<std::string, std::optional<int64_t>> unit_by_path;
  UnitStore units(db);
  for (const TaskView& v : board) {
    ReminderItem base{.task_id = v.row.id,
                      .plan_id = v.row.plan_id,
                      .plan_number = v.row.plan_number,
                      .text = v.row.text};
    for (const AssigneeRow& a : v.assignees) {
      if (a.role != "lead") continue;
      base.lead.push_back(a.name);
      if (a.unit_id) base.recipient_unit_ids.push_back(*a.unit_id);
    }
    if (with_recipients && base.recipient_unit_ids.empty()) {
      auto [it, inserted] = unit_by_path.try_emplace(v.row.plan_unit_path);
      if (inserted) {
        LT_ASSIGN_OR_RETURN(auto unit, units.FindByPath(v.row.plan_unit_path));
        if (unit) it->second = unit->id;
      }
      if (it->second) base.recipient_unit_ids.push_back(*it->second);
    }
    auto consider = [&](int64_t instance_id, const std::string& label, TaskStatus status,
                        const std::optional<Date>& due) {
      if (status == TaskStatus::kDone || !due) return;
      ReminderItem item = base;
      item.instance_id = instance_id;
      item.period_label = label;
      item.due = *due;
      int left = due->DaysSinceEpoch() - today.DaysSinceEpoch();
      if (left < 0) {
        item.days = -left;
        out.overdue.push_back(std::move(item));
      } else if (left <= kDueSoonDays) {
        item.days = left;
        out.due_soon.push_back(std::move(item));
      }
    };
    if (IsRecurring(v)) {
      for (const InstanceView& i : v.instances) {
        consider(i.row.id, i.row.period_label, i.row.status, Date::FromIso(i.row.due_date));
      }
    } else if (v.row.deadline_kind != TimeSpecKind::kOngoing) {
      consider(0, "", v.row.status, v.due);
    }
  }
  auto by_due = [](const ReminderItem& a, const ReminderItem& b) {
    return a.due != b.due ? a.due < b.due : a.task_id < b.task_id;
  };
  std::stable_sort(out.due_soon.begin(), out.due_soon.end(), by_due);
  std::stable_sort(out.overdue.begin(), out.overdue.end(), by_due);
  return out;
}

std::string BodyOf(const ReminderItem& item, bool overdue) {
  std::string body = "Nhiệm vụ: " + item.text + "\n";
  if (item.plan_number) body += "Theo văn bản: " + *item.plan_number + "\n";
  if (!item.period_label.empty()) body += "Kỳ: " + item.period_label + "\n";
  body += "Thời hạn: " + DayMonthYear(item.due) + "\n";
  body += overdue ? "Đã quá hạn " + std::to_string(item.days) + " ngày.\n"
                  : (item.days == 0 ? std::string("Đến hạn hôm nay.\n")
                                    : "Còn " + std::to_string(item.days) + " ngày.\n");
  return body;
}

}  // namespace

Result<Reminders> RemindersFor(Database& db, const std::string& unit_path, const Date& today) {
  return Collect(db, unit_path, today, false);
}

Result<int64_t> QueueReminders(Database& db, const Date& today) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(Reminders all, Collect(db, "/", today, true));
  std::string now = NowIsoUtc();
  std::string repeat_after =
      Date::FromDaysSinceEpoch(today.DaysSinceEpoch() - kOverdueRepeatDays).ToIso();
  int64_t added = 0;
  OutboxStore outbox(db);
  for (bool overdue : {false, true}) {
    const std::string kind = overdue ? "overdue" : "due_soon";
    for (const ReminderItem& item : overdue ? all.overdue : all.due_soon) {
      for (int64_t unit_id : item.recipient_unit_ids) {
        OutboxMessage message{.task_id = item.task_id,
                              .instance_id = item.instance_id,
                              .unit_id = unit_id,
                              .kind = kind,
                              .remind_on = today.ToIso(),
                              .due_date = item.due.ToIso(),
                              .subject = std::string(overdue ? "[Quá hạn] " : "[Sắp đến hạn] ") +
                                         Shorten(item.text, 120),
                              .body = BodyOf(item, overdue),
                              .created_at = now};
        // due_soon: any earlier row suffices; overdue: a row within the repeat interval.
        LT_ASSIGN_OR_RETURN(bool queued,
                            outbox.QueuedAfter(message, overdue ? repeat_after : std::string("")));
        if (queued) continue;
        LT_ASSIGN_OR_RETURN(bool inserted, outbox.Add(message));
        added += inserted ? 1 : 0;
      }
    }
  }
  if (added > 0) {
    LT_RETURN_IF_ERROR(AppendAudit(
        db, AuditEntry{.actor = "system:reminders",
                       .action = "queue",
                       .entity = "outbox",
                       .entity_id = today.ToIso(),
                       .after_json = "{\"added\": " + std::to_string(added) + "}"}));
  }
  LT_RETURN_IF_ERROR(tx->Commit());
  return added;
}

}  // namespace lienthong
