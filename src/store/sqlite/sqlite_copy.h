// Copying a whole SQLite database into another through SQLite's online backup API: the copy
// takes the destination's write lock and replaces its content page by page, so connections
// other processes hold see the new content on their next transaction (used by `db restore`).
#pragma once

#include <string>

#include "util/status.h"

namespace lienthong {

// Replaces the content of the database at `to_path` (created if missing) with that of
// `from_path`. kIoError naming the file and SQLite's message on failure.
Status CopySqliteDatabase(const std::string& from_path, const std::string& to_path);

}  // namespace lienthong
