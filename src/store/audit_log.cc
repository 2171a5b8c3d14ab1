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
  for (AuditEntry& e : entries) {
    params.insert(params.end(), {e.at.empty() ? now : std::move(e.at), std::move(e.actor),
                                 std::move(e.action), std::move(e.entity), std::move(e.entity_id),
                                 NullableText(e.before_json), NullableText(e.after_json)});
  }
  return ExecuteRows(db,
                     "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, "
                     "after_json) VALUES ",
                     "", 7, params, kAuditBatchRows);
}

}  // namespace lienthong
