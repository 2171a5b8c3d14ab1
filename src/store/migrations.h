// Versioned schema migrations, embedded in the binary. Each version has one script per backend
// (src/store/migrations/NNNN_name.sqlite.sql and NNNN_name.postgres.sql). Applied versions are
// recorded in `schema_migrations`; each version runs in its own transaction.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace lienthong {

struct MigrationInfo {
  int version = 0;
  std::string name;
  bool applied = false;
};

// Applies every migration newer than the database's version. Returns the versions applied now.
Result<std::vector<int>> MigrateDatabase(Database& db);

// Every known migration and whether this database has it.
Result<std::vector<MigrationInfo>> ListMigrations(Database& db);

}  // namespace lienthong
