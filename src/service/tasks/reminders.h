// Reminders: what falls due within kDueSoonDays and what is late, for a unit's task board, and
// an outbox a mail relay reads (nothing here sends mail).
//
// An item is an open (not done) task with a deadline, or an open instance of a recurring task:
// due_soon when today <= due <= today + kDueSoonDays, overdue when due < today. Ongoing tasks
// and tasks without a deadline never appear.
//
// Outbox rows (table outbox) are addressed to units: the task's resolved lead units, else the
// plan's issuing unit (a task with neither is skipped). QueueReminders(db, today) is idempotent:
//   due_soon  once per (task, instance, unit) — queued the first day it is due soon;
//   overdue   on the first run after the due date, then again once kOverdueRepeatDays have
//             passed since the last overdue row for the same (task, instance, unit).
// Running it twice on one day (or from two processes: the UNIQUE key includes remind_on) adds
// nothing the second time. `lienthong reminders queue` is meant to run it once a day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/database.h"

namespace lienthong {

inline constexpr int kDueSoonDays = 7;
inline constexpr int kOverdueRepeatDays = 7;

struct ReminderItem {
  int64_t task_id = 0;
  int64_t instance_id = 0;  // 0 for a task without instances
  int64_t plan_id = 0;
  std::optional<std::string> plan_number;
  std::string text;
  std::string period_label;  // the instance's period, "" otherwise
  Date due;
  int days = 0;  // due_soon: days left (0 = today); overdue: days late (>= 1)
  std::vector<std::string> lead;  // lead names as written
  std::vector<int64_t> recipient_unit_ids;
};

struct Reminders {
  std::vector<ReminderItem> due_soon;  // soonest first
  std::vector<ReminderItem> overdue;   // latest first (most days late)
};

// For the board of the unit with path `unit_path` (store/task_store.h).
Result<Reminders> RemindersFor(Database& db, const std::string& unit_path, const Date& today);

// Adds the outbox rows due on `today` for every board (see above) in one transaction; returns
// how many rows it added.
Result<int64_t> QueueReminders(Database& db, const Date& today);

}  // namespace lienthong
