// Moves and merges of units — the 2025 reorganisation merged provinces and communes. History
// survives: a merged unit is not deleted but ended on the merge date with its successor, so
// reports for earlier periods still name it, and its active children move to the successor.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "store/database.h"

namespace lienthong {

// Re-parents `code` (with its subtree) under `new_parent_code`. `on` is recorded in history.
// Errors: kNotFound for unknown codes, kFailedPrecondition for a move into its own subtree or
// of an ended unit.
Status MoveUnit(Database& db, std::string_view code, std::string_view new_parent_code,
                const std::optional<Date>& on, std::string_view actor);

// Merges every unit in `old_codes` into `new_code` on `on`: each old unit ends on that day with
// `new_code` as successor and its active children move under `new_code`. One transaction.
// Errors: kNotFound for unknown codes; kFailedPrecondition when an old unit is already ended,
// is the new unit, contains the new unit, or the date is before an old unit's valid_from.
Status MergeUnits(Database& db, const std::vector<std::string>& old_codes,
                  std::string_view new_code, const Date& on, std::string_view actor);

}  // namespace lienthong
