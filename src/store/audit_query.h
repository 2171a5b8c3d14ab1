// Reading the audit log back: newest first, filtered, optionally only the changes made by users
// of one subtree (what a non-root administrator may see).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/audit_entry.h"
#include "store/database.h"

namespace lienthong {

struct AuditFilter {
  std::string actors_of_subtree;  // a unit path: only actors "web:<user of that subtree>"; "" all
  std::string since;              // ISO timestamp or date, inclusive; "" none
  std::string until;              // exclusive; "" none
  std::string entity;             // "" any
  std::string action;             // "" any
  std::string actor;              // exact, "" any
  int64_t limit = 200;
};

// Calls `visit` for each matching entry, newest first; `visit` returns false to stop.
Status ForEachAuditEntry(Database& db, const AuditFilter& filter,
                         const std::function<bool(const AuditEntry&)>& visit);

}  // namespace lienthong
