// The PostgreSQL backup procedure of docs/operations.md §7, run as an operator would: `lienthong
// db backup FILE` (pg_dump --format=custom, checked with pg_restore --list) while two writers
// commit, then `lienthong db restore FILE` into a new database and into the live one, and `db
// check` on both. The counts must be the backup's: a consistent snapshot, restored whole.
// Runs under scripts/with-postgres.sh (LIENTHONG_TEST_POSTGRES); skipped without it unless
// LIENTHONG_REQUIRE_POSTGRES=1, which makes it fail.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_run.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/testing/paired_writers.h"

namespace lienthong {
namespace {

namespace fs = std::filesystem;

// The binary with LIENTHONG_DB set as the docs do.
CliRun Lienthong(const std::string& db_url, const std::string& args) {
  return RunLienthong(args, db_url);
}

int64_t Count(const std::string& url, const std::string& table) {
  auto db = OpenDatabase(url);
  if (!db.ok()) return -1;
  auto rows = (*db)->Query("SELECT COUNT(*) FROM " + table);
  return rows.ok() ? (*rows)[0].Int(0) : -1;
}

// A database of its own next to the test cluster's: restore --clean replaces a whole database,
// which must not be the one other tests share.
class PostgresBackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* base = std::getenv("LIENTHONG_TEST_POSTGRES");
    const char* required = std::getenv("LIENTHONG_REQUIRE_POSTGRES");
    if (!base || !*base) {
      if (required && std::string(required) == "1") {
        FAIL() << "LIENTHONG_REQUIRE_POSTGRES=1 but LIENTHONG_TEST_POSTGRES is unset";
      }
      GTEST_SKIP() << "no PostgreSQL (run under scripts/with-postgres.sh)";
    }
    base_ = base;
    auto admin = OpenDatabase(base_);
    ASSERT_TRUE(admin.ok()) << admin.status().ToString();
    std::string stem = "lt_backup_" + std::to_string(getpid());
    for (const char* suffix : {"_live", "_fresh"}) {
      std::string name = stem + suffix;
      ASSERT_TRUE((*admin)->Execute("DROP DATABASE IF EXISTS " + name).ok());
      auto created = (*admin)->Execute("CREATE DATABASE " + name);
      ASSERT_TRUE(created.ok()) << created.ToString();
      databases_.push_back(name);
    }
    live_ = UrlOf(databases_[0]);
    fresh_ = UrlOf(databases_[1]);
    dir_ = fs::temp_directory_path() / (stem + "_files");
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    CliRun migrate = Lienthong(live_, "db migrate");
    ASSERT_EQ(migrate.exit_code, 0) << migrate.out;
  }

  void TearDown() override {
    if (base_.empty()) return;
    fs::remove_all(dir_);
    auto admin = OpenDatabase(base_);
    if (!admin.ok()) return;
    for (const std::string& name : databases_) {
      (void)(*admin)->Execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  // The test cluster's URL with another database name (…/lienthong_test → …/NAME).
  std::string UrlOf(const std::string& name) const {
    std::string url = base_;
    size_t query = url.find('?');
    std::string tail = query == std::string::npos ? "" : url.substr(query);
    url = url.substr(0, query);
    return url.substr(0, url.rfind('/') + 1) + name + tail;
  }

  std::string base_, live_, fresh_;
  std::vector<std::string> databases_;
  fs::path dir_;
};

TEST_F(PostgresBackupTest, TheDocumentedProcedureBacksUpUnderWritesAndRestoresTheCounts) {
  const int64_t baseline_audit = Count(live_, "audit_log");
  ASSERT_GE(baseline_audit, 0);
  // Each transaction commits one audit row and one login_failures row: in any consistent
  // snapshot the two counts grow together.
  PairedWriters writers(live_);
  writers.WaitForMore(20);
  std::string file = (dir_ / "backup.dump").string();
  CliRun backup = Lienthong(live_, "db backup " + file);
  writers.WaitForMore(10);  // writes go on afterwards
  writers.Stop();
  ASSERT_EQ(backup.exit_code, 0) << backup.out;
  ASSERT_TRUE(fs::exists(file));

  // A new, empty database first: what the backup holds, nothing else.
  CliRun into_fresh = Lienthong(fresh_, "db restore " + file);
  ASSERT_EQ(into_fresh.exit_code, 0) << into_fresh.out;
  const int64_t failures = Count(fresh_, "login_failures");
  EXPECT_GE(failures, 20);
  EXPECT_EQ(Count(fresh_, "audit_log") - baseline_audit, failures) << "a torn snapshot";
  EXPECT_GT(Count(live_, "login_failures"), failures) << "writers went on after the backup";

  // Then over the live database: back to the backup's counts.
  CliRun into_live = Lienthong(live_, "db restore " + file);
  ASSERT_EQ(into_live.exit_code, 0) << into_live.out;
  for (const std::string& url : {fresh_, live_}) {
    EXPECT_EQ(Count(url, "login_failures"), failures) << url;
    EXPECT_EQ(Count(url, "audit_log"), baseline_audit + failures) << url;
    CliRun check = Lienthong(url, "db check");
    EXPECT_EQ(check.exit_code, 0) << check.out;
  }
}

TEST_F(PostgresBackupTest, ATruncatedArchiveIsRefusedAndChangesNothing) {
  std::string file = (dir_ / "backup.dump").string();
  CliRun backup = Lienthong(live_, "db backup " + file);
  ASSERT_EQ(backup.exit_code, 0) << backup.out;
  CliRun again = Lienthong(live_, "db backup " + file);
  EXPECT_NE(again.exit_code, 0) << "an existing backup is never overwritten";
  fs::resize_file(file, fs::file_size(file) / 2);
  const int64_t audit = Count(live_, "audit_log");
  CliRun restore = Lienthong(live_, "db restore " + file);
  EXPECT_NE(restore.exit_code, 0) << restore.out;
  EXPECT_EQ(Count(live_, "audit_log"), audit) << "--single-transaction: all or nothing";
}

}  // namespace
}  // namespace lienthong
