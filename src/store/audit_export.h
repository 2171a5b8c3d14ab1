// Audit rows as JSON lines (one object per line, oldest first) for archiving and review.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "store/database.h"

namespace lienthong {

// Writes rows with since <= at < until (ISO timestamps or dates; either may be absent).
// Returns how many rows were written.
Result<int64_t> ExportAuditJsonLines(Database& db, const std::optional<std::string>& since,
                                     const std::optional<std::string>& until, std::ostream& out);

}  // namespace lienthong
