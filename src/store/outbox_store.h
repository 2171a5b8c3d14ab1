// OutboxStore: the reminder outbox a mail relay reads (migration 0006, service/tasks/reminders.h).
// Writers must hold a transaction.
#pragma once

#include <cstdint>
#include <string>

#include "store/database.h"

namespace lienthong {

struct OutboxMessage {
  int64_t task_id = 0;
  int64_t instance_id = 0;  // 0 for a task without instances
  int64_t unit_id = 0;
  std::string kind;         // "due_soon" | "overdue"
  std::string remind_on;    // ISO day
  std::string due_date;
  std::string subject;
  std::string body;
  std::string created_at;
};

class OutboxStore {
 public:
  explicit OutboxStore(Database& db) : db_(db) {}

  // Whether a message of this (task, instance, unit, kind) was queued for a day after `after`
  // ("" for any day).
  Result<bool> QueuedAfter(const OutboxMessage& message, const std::string& after);
  // Queues `message` unless its (task, instance, unit, kind, remind_on) is queued already;
  // returns whether it was added.
  Result<bool> Add(const OutboxMessage& message);

 private:
  Database& db_;
};

}  // namespace lienthong
