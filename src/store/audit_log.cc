#include "store/audit_log.h"

#include <chrono>
#include <ctime>

namespace lienthong {

std::string NowIsoUtc() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Status AppendAudit(Database& db, AuditEntry entry) {
  if (entry.at.empty()) entry.at = NowIsoUtc();
  auto opt = [](const std::optional<std::string>& s) -> SqlValue {
    if (s) return *s;
    return std::monostate{};
  };
  return db.Execute(
      "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {entry.at, entry.actor, entry.action, entry.entity, entry.entity_id, opt(entry.before_json),
       opt(entry.after_json)});
}

}  // namespace lienthong
