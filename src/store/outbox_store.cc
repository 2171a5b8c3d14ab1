#include "store/outbox_store.h"

namespace lienthong {

Result<bool> OutboxStore::QueuedAfter(const OutboxMessage& m, const std::string& after) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db_.Query("SELECT COUNT(*) FROM outbox WHERE task_id = ? AND "
                                "instance_id = ? AND unit_id = ? AND kind = ? AND remind_on > ?",
                                {m.task_id, m.instance_id, m.unit_id, m.kind, after}));
  return rows.at(0).Int(0) > 0;
}

Result<bool> OutboxStore::Add(const OutboxMessage& m) {
  LT_ASSIGN_OR_RETURN(
      auto inserted,
      db_.Query("INSERT INTO outbox (task_id, instance_id, unit_id, kind, remind_on, due_date, "
                "subject, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (task_id, instance_id, unit_id, kind, remind_on) DO NOTHING "
                "RETURNING id",
                {m.task_id, m.instance_id, m.unit_id, m.kind, m.remind_on, m.due_date, m.subject,
                 m.body, m.created_at}));
  return !inserted.empty();
}

}  // namespace lienthong
