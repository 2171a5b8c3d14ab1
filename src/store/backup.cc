#include "store/backup.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "store/migrations.h"
#include "store/redact.h"
#include "store/sqlite/sqlite_copy.h"
#include "util/run_program.h"

namespace lienthong {
namespace {

namespace fs = std::filesystem;

int KnownSchemaVersion() {
  int known = 0;
  for (const MigrationScript& script : EmbeddedMigrationScripts()) {
    known = std::max(known, script.version);
  }
  return known;
}

Status CheckSqliteIntegrity(Database& db, DatabaseCheck& check) {
  LT_ASSIGN_OR_RETURN(auto rows, db.Query("PRAGMA integrity_check"));
  check.integrity_ok = rows.size() == 1 && rows[0].Text(0) == "ok";
  if (!check.integrity_ok) {
    for (size_t i = 0; i < rows.size() && i < 20; ++i) check.problems.push_back(rows[i].Text(0));
  }
  LT_ASSIGN_OR_RETURN(auto orphans, db.Query("PRAGMA foreign_key_check"));
  if (!orphans.empty()) {
    check.problems.push_back(std::to_string(orphans.size()) +
                             " rows refer to rows that do not exist (first in table " +
                             orphans[0].Text(0) + ")");
  }
  return Status::Ok();
}

// A file name beside `file` for the copy being written.
std::string PartialName(const std::string& file) {
  return file + ".partial-" + std::to_string(getpid());
}

Result<DatabaseCheck> CheckFile(const std::string& file) {
  LT_ASSIGN_OR_RETURN(auto copy, OpenDatabase("sqlite:" + file));
  return CheckDatabase(*copy);
}

}  // namespace

Result<DatabaseCheck> CheckDatabase(Database& db) {
  DatabaseCheck check;
  check.backend = std::string(db.Backend());
  check.known_version = KnownSchemaVersion();
  if (db.Backend() == "sqlite") {
    LT_RETURN_IF_ERROR(CheckSqliteIntegrity(db, check));
  } else {
    // PostgreSQL checks its pages itself (checksums, WAL); a catalog query that answers is the
    // check here.
    LT_RETURN_IF_ERROR(db.Query("SELECT count(*) FROM pg_catalog.pg_class").status());
    check.integrity_ok = true;
  }
  LT_ASSIGN_OR_RETURN(auto migrations, ListMigrations(db));
  for (const MigrationInfo& m : migrations) {
    if (m.applied) check.schema_version = std::max(check.schema_version, m.version);
  }
  for (const MigrationInfo& m : migrations) {
    if (!m.applied) {
      check.problems.push_back("migration " + std::to_string(m.version) + " '" + m.name +
                               "' is not applied; run `lienthong db migrate`");
    } else if (m.version > check.known_version) {
      check.problems.push_back("schema version " + std::to_string(m.version) +
                               " is newer than this lienthong knows (" +
                               std::to_string(check.known_version) + ")");
    }
  }
  return check;
}

Result<DatabaseCheck> BackupDatabase(const std::string& db_url, const std::string& file) {
  if (fs::exists(file)) return Status::AlreadyExists(file + " exists; choose a new file name");
  std::optional<std::string> path = SqliteFilePath(db_url);
  if (!path) {
    LT_RETURN_IF_ERROR(RunProgram({"pg_dump", "--format=custom", "--file=" + file, db_url})
                           .WithContext("backup of " + RedactDatabaseUrl(db_url)));
    DatabaseCheck dumped;
    dumped.backend = "postgresql";
    dumped.integrity_ok = true;
    // pg_restore --list reads the whole archive's table of contents: a truncated dump fails.
    LT_RETURN_IF_ERROR(RunProgram({"pg_restore", "--list", "--file=/dev/null", file}));
    return dumped;
  }
  LT_ASSIGN_OR_RETURN(auto db, OpenDatabase(db_url));
  std::string partial = PartialName(file);
  std::error_code ec;
  fs::remove(partial, ec);
  // One read transaction: a snapshot of the last commit, whatever writers do meanwhile.
  Status copied = db->Execute("VACUUM INTO ?", {partial});
  if (!copied.ok()) {
    fs::remove(partial, ec);
    return copied.WithContext("backup into " + file);
  }
  Result<DatabaseCheck> check = CheckFile(partial);
  if (!check.ok() || !check->integrity_ok) {
    fs::remove(partial, ec);
    if (!check.ok()) return check.status();
    return Status::Internal("the backup copy fails its integrity check");
  }
  fs::rename(partial, file, ec);
  if (ec) return Status::IoError("cannot rename the backup to " + file + ": " + ec.message());
  return check;
}

Status RestoreDatabase(const std::string& file, const std::string& db_url) {
  if (!fs::exists(file)) return Status::NotFound(file + ": no such backup file");
  std::optional<std::string> path = SqliteFilePath(db_url);
  if (!path) {
    return RunProgram({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                       "--dbname=" + db_url, file})
        .WithContext("restore into " + RedactDatabaseUrl(db_url));
  }
  // Check a private copy, so the check cannot change the backup (opening converts it to WAL).
  std::string scratch = PartialName(*path + ".restore");
  std::error_code ec;
  fs::copy_file(file, scratch, fs::copy_options::overwrite_existing, ec);
  if (ec) return Status::IoError("cannot read " + file + ": " + ec.message());
  Result<DatabaseCheck> check = CheckFile(scratch);
  Status verdict = Status::Ok();
  if (!check.ok()) {
    verdict = Status::FailedPrecondition(file + " is not a lienthong SQLite backup: " +
                                         check.status().message());
  } else if (!check->integrity_ok || check->schema_version > check->known_version) {
    verdict = Status::FailedPrecondition(
        file + " fails its check: " +
        (check->problems.empty() ? std::string("integrity") : check->problems.front()));
  }
  if (verdict.ok()) verdict = CopySqliteDatabase(scratch, *path);
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(scratch + suffix, ec);
  return verdict;
}

}  // namespace lienthong
