// A task's history (every change, newest first) and its comments (oldest first). Comments are
// kept for good: there is no edit or delete, and each one is an audit row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/task_store.h"

namespace lienthong {

inline constexpr size_t kMaxCommentBytes = 4000;

Result<std::vector<TaskUpdateRow>> TaskHistory(Database& db, int64_t task_id);

// Adds a comment by `actor` of the unit `unit_id` (nullopt: none) to task `task_id`. The text is stored NFC
// and trimmed; it must have visible content (text/visible_text.h) and at most kMaxCommentBytes
// bytes (Status::InvalidField "text"). kNotFound for an unknown task.
Result<TaskComment> AddTaskComment(Database& db, int64_t task_id, const std::string& text,
                                   std::optional<int64_t> unit_id, const std::string& actor);

Result<std::vector<TaskComment>> TaskComments(Database& db, int64_t task_id);

}  // namespace lienthong
