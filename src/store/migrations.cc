#include "store/migrations.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "util/iso_time.h"

namespace lienthong {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

// Script files say "postgres"; Database::Backend() says "postgresql".
Result<std::string_view> ScriptBackend(std::string_view backend) {
  if (backend == "sqlite") return std::string_view("sqlite");
  if (backend == "postgresql") return std::string_view("postgres");
  return Status::Unsupported("no migrations for database backend " + std::string(backend));
}

// This backend's scripts in version order.
Result<std::vector<const MigrationScript*>> ScriptsFor(
    Database& db, const std::vector<MigrationScript>& scripts) {
  LT_ASSIGN_OR_RETURN(std::string_view backend, ScriptBackend(db.Backend()));
  std::vector<const MigrationScript*> out;
  for (const MigrationScript& script : scripts) {
    if (script.backend == backend) out.push_back(&script);
  }
  std::sort(out.begin(), out.end(),
            [](const auto* a, const auto* b) { return a->version < b->version; });
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i]->version == out[i - 1]->version) {
      return Status::Internal("two " + std::string(backend) + " migrations have version " +
                              std::to_string(out[i]->version));
    }
  }
  return out;
}

std::string MigrationLabel(const MigrationScript& script) {
  char version[16];
  std::snprintf(version, sizeof(version), "%04d", script.version);
  return "migration " + std::string(version) + "_" + std::string(script.name);
}

// Serializes migrators of the same schema. On SQLite the BEGIN IMMEDIATE that started the
// transaction already holds the database's write lock.
Status LockMigrations(Database& db) {
  if (db.Backend() != "postgresql") return Status::Ok();
  // Read committed, so that after waiting for the lock we see what the holder committed; a
  // serializable snapshot would be taken before the wait and miss it.
  LT_RETURN_IF_ERROR(db.Execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"));
  // Keyed by schema, so test schemas in one database do not wait for each other.
  return db.Execute(
      "SELECT pg_advisory_xact_lock(hashtext('lienthong.migrate'), hashtext(current_schema()))");
}

Result<bool> MigrationsTableExists(Database& db) {
  std::string_view sql =
      db.Backend() == "postgresql"
          ? "SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL"
          : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
  LT_ASSIGN_OR_RETURN(std::vector<SqlRow> rows, db.Query(sql));
  return !rows.empty();
}

// Applied version → recorded name.
Result<std::map<int, std::string>> AppliedVersions(Database& db) {
  LT_ASSIGN_OR_RETURN(std::vector<SqlRow> rows,
                      db.Query("SELECT version, name FROM schema_migrations ORDER BY version"));
  std::map<int, std::string> applied;
  for (const SqlRow& row : rows) applied[static_cast<int>(row.Int(0))] = row.Text(1);
  return applied;
}

}  // namespace

Result<std::vector<int>> MigrateDatabaseWith(Database& db,
                                             const std::vector<MigrationScript>& scripts) {
  LT_ASSIGN_OR_RETURN(std::vector<const MigrationScript*> known, ScriptsFor(db, scripts));
  int newest_known = known.empty() ? 0 : known.back()->version;
  std::vector<int> applied_now;
  // One transaction per version; the applied set is read again under the lock each time, so a
  // concurrent migrator's work is never repeated.
  for (;;) {
    LT_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> txn, Transaction::Start(db));
    LT_RETURN_IF_ERROR(LockMigrations(db));
    LT_RETURN_IF_ERROR(db.Execute(kCreateTable));
    LT_ASSIGN_OR_RETURN(auto applied, AppliedVersions(db));
    if (!applied.empty() && applied.rbegin()->first > newest_known) {
      return Status::FailedPrecondition("database schema version " +
                                        std::to_string(applied.rbegin()->first) +
                                        " is newer than this lienthong (" +
                                        std::to_string(newest_known) + "); upgrade lienthong");
    }
    auto next = std::find_if(known.begin(), known.end(), [&applied](const auto* script) {
      return !applied.contains(script->version);
    });
    if (next == known.end()) {
      LT_RETURN_IF_ERROR(txn->Commit());  // keeps schema_migrations if this run created it
      return applied_now;
    }
    const MigrationScript& script = **next;
    LT_RETURN_IF_ERROR(db.ExecuteScript(script.sql).WithContext(MigrationLabel(script)));
    LT_RETURN_IF_ERROR(
        db.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                   {int64_t{script.version}, std::string(script.name), NowIsoUtc()}));
    LT_RETURN_IF_ERROR(txn->Commit().WithContext(MigrationLabel(script)));
    applied_now.push_back(script.version);
  }
}

Result<std::vector<int>> MigrateDatabase(Database& db) {
  return MigrateDatabaseWith(db, EmbeddedMigrationScripts());
}

Result<std::vector<MigrationInfo>> ListMigrations(Database& db) {
  LT_ASSIGN_OR_RETURN(std::vector<const MigrationScript*> known,
                      ScriptsFor(db, EmbeddedMigrationScripts()));
  std::map<int, std::string> applied;
  LT_ASSIGN_OR_RETURN(bool has_table, MigrationsTableExists(db));
  if (has_table) {
    LT_ASSIGN_OR_RETURN(applied, AppliedVersions(db));
  }
  std::vector<MigrationInfo> out;
  std::set<int> known_versions;
  for (const MigrationScript* script : known) {
    out.push_back({script->version, std::string(script->name), applied.contains(script->version)});
    known_versions.insert(script->version);
  }
  for (const auto& [version, name] : applied) {
    if (!known_versions.contains(version)) out.push_back({version, name, true});
  }
  return out;
}

}  // namespace lienthong
