// Backup, restore and checks of a lienthong database (`lienthong db backup|restore|check`).
//
// SQLite: a backup is `VACUUM INTO` a new file — one read transaction, so it is a consistent
// snapshot however many writers run meanwhile, and compact — written beside FILE and renamed
// into place once complete and checked. A restore checks the file, then copies it into the
// database through SQLite's backup API. PostgreSQL: `pg_dump --format=custom` and `pg_restore
// --clean --if-exists`, run with the same URL (both must be on PATH: Debian's
// postgresql-client).
#pragma once

#include <string>
#include <vector>

#include "store/database.h"
#include "util/status.h"

namespace lienthong {

struct DatabaseCheck {
  std::string backend;
  bool integrity_ok = false;
  std::vector<std::string> problems;  // integrity and foreign-key findings, pending migrations
  int schema_version = 0;             // the highest applied migration
  int known_version = 0;              // the highest migration this binary knows
  bool ok() const { return integrity_ok && problems.empty(); }
};

// Integrity (SQLite: integrity_check and foreign_key_check; PostgreSQL: the catalog answers)
// and schema version. Errors only when the database cannot be read at all.
Result<DatabaseCheck> CheckDatabase(Database& db);

// Writes a consistent copy of the database at `db_url` to `file`, which must not exist.
// Returns the copy's check. kAlreadyExists when `file` exists.
Result<DatabaseCheck> BackupDatabase(const std::string& db_url, const std::string& file);

// Replaces the content of the database at `db_url` with the backup in `file` after checking it:
// kFailedPrecondition when the backup fails its check or has a schema newer than this binary.
Status RestoreDatabase(const std::string& file, const std::string& db_url);

}  // namespace lienthong
