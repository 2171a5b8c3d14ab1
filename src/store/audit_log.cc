#include "store/audit_log.h"

#include <algorithm>

#include "store/sql_text.h"
#include "util/iso_time.h"

namespace lienthong {

namespace {

constexpr size_t kAuditBatchRows = 500;  // 7 parameters a row: far below both backends' limits

}  // namespace

Status AppendAudit(Database& db, AuditEntry entry) {
  std::vector<AuditEntry> one;
  one.push_back(std::move(entry));
  return AppendAuditMany(db, std::move(one));
}

Status AppendAuditMany(Database& db, std::vector<AuditEntry> entries) {
  std::string now = NowIsoUtc();
  SqlParams params;
  params.reserve(entries.size() * 7);
  // Moved one by one: an initializer list would copy every string (the JSON snapshots too).
  auto text = [](std::optional<std::string>& json) {
    return json ? SqlValue(std::move(*json)) : SqlValue();
  };
  for (AuditEntry& e : entries) {
    params.emplace_back(e.at.empty() ? now : std::move(e.at));
    params.emplace_back(std::move(e.actor));
    params.emplace_back(std::move(e.action));
    params.emplace_back(std::move(e.entity));
    params.emplace_back(std::move(e.entity_id));
    params.push_back(text(e.before_json));
    params.push_back(text(e.after_json));
  }
  return ExecuteRows(db,
                     "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, "
                     "after_json) VALUES ",
                     "", 7, params, kAuditBatchRows);
}

}  // namespace lienthong
