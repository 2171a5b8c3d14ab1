// Versioned schema migrations, embedded in the binary. Each version has one script per backend
// (src/store/migrations/NNNN_name.sqlite.sql and NNNN_name.postgres.sql). Applied versions are
// recorded in `schema_migrations`; each version runs in its own transaction.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"
#include "store/migration_scripts.h"

namespace lienthong {

struct MigrationInfo {
  int version = 0;
  std::string name;
  bool applied = false;
};

// Applies every known migration the database does not have yet, in version order, each in its
// own transaction. Returns the versions applied now (empty when up to date). Safe to run from
// several processes at once: a version is applied exactly once (PostgreSQL serializes on an
// advisory lock, SQLite on its write lock). Errors: kFailedPrecondition when the database has a
// version newer than this binary knows; a failing script rolls back its version and is reported
// with the migration's name.
Result<std::vector<int>> MigrateDatabase(Database& db);

// MigrateDatabase over an explicit script list instead of the embedded one (tests, tools).
Result<std::vector<int>> MigrateDatabaseWith(Database& db,
                                             const std::vector<MigrationScript>& scripts);

// Every known migration and whether this database has it, followed by any version the database
// has that this binary does not know (applied, under its recorded name). Changes nothing.
Result<std::vector<MigrationInfo>> ListMigrations(Database& db);

}  // namespace lienthong
