// Readiness: can this server take writes now? A real write that is rolled back (a read-only
// database file, a lost PostgreSQL primary or a full tablespace on a server that checks at write
// fail it), and, for SQLite, the free space on the database's file system (a rolled-back write
// reaches no disk, so a full disk shows only there).
#pragma once

#include <cstdint>
#include <string>

#include "store/database.h"
#include "util/status.h"

namespace lienthong {

// Inserts a row into login_failures inside a transaction and rolls it back.
// kUnavailable naming the cause when the database refuses.
Status ProbeWrite(Database& db);

// For sqlite:PATH, kUnavailable when the file system holding PATH has less than `min_free_bytes`
// available to this process; OK for other backends (their disks are not ours to see).
Status CheckFreeSpace(const std::string& db_url, uint64_t min_free_bytes);

}  // namespace lienthong
