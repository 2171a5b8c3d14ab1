// The audit log: every change writes one row, inside the change's own transaction, so a change
// and its audit row commit or vanish together.
#pragma once

#include <string>
#include <vector>

#include "core/audit_entry.h"
#include "store/database.h"

namespace lienthong {

// Appends `entry` (its `at` is filled with the current UTC time when empty). REQUIRES: an open
// transaction on `db` that also holds the change.
Status AppendAudit(Database& db, AuditEntry entry);

// Appends many entries with multi-row INSERTs (bulk imports): one round trip per few hundred rows
// instead of one per row. Same REQUIRES as AppendAudit.
Status AppendAuditMany(Database& db, std::vector<AuditEntry> entries);

}  // namespace lienthong
