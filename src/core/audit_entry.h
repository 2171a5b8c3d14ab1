// AuditEntry: one change — who, when, what, before → after — written in the same transaction as
// the change itself (store/audit_log.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace lienthong {

struct AuditEntry {
  int64_t id = 0;
  std::string at;      // ISO 8601 UTC timestamp
  std::string actor;   // "user:lan.nt", "cli:root"
  std::string action;  // "create", "update", "delete", "move", "merge", "login"
  std::string entity;  // "unit", "plan", "task"…
  std::string entity_id;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
};

}  // namespace lienthong
