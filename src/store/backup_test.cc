// db backup / restore / check on SQLite (issue 12 #9): a backup taken while writers commit is a
// consistent snapshot, passes its check, and restores into a database with the same counts.
#include "store/backup.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/health_probe.h"
#include "store/migrations.h"
#include "store/audit_log.h"
#include "store/testing/paired_writers.h"

namespace lienthong {
namespace {

namespace fs = std::filesystem;

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = fs::temp_directory_path() /
           ("lienthong-backup-" + std::to_string(getpid()) + "-" + test);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    url_ = "sqlite:" + (dir_ / "live.db").string();
    auto db = OpenDatabase(url_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(MigrateDatabase(**db).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  static int64_t Count(Database& db, const std::string& table) {
    auto rows = db.Query("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? (*rows)[0].Int(0) : -1;
  }

  fs::path dir_;
  std::string url_;
};

TEST_F(BackupTest, ABackupUnderWriteLoadIsConsistentAndRestores) {
  // Two writers commit pairs of rows — one audit row and one login_failures row per
  // transaction — so in any consistent snapshot the two counts are equal.
  int64_t baseline_audit = 0;  // whatever the migrations wrote
  {
    auto db = OpenDatabase(url_);
    ASSERT_TRUE(db.ok());
    baseline_audit = Count(**db, "audit_log");
  }
  PairedWriters writers(url_);
  // Back up once writes are flowing.
  writers.WaitForMore(20);
  std::string file = (dir_ / "backup.db").string();
  Result<DatabaseCheck> check = BackupDatabase(url_, file);
  writers.Stop();
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_TRUE(check->ok());
  EXPECT_EQ(check->schema_version, check->known_version);

  auto backup = OpenDatabase("sqlite:" + file);
  ASSERT_TRUE(backup.ok());
  int64_t failures = Count(**backup, "login_failures");
  EXPECT_EQ(Count(**backup, "audit_log") - baseline_audit, failures) << "a torn snapshot";
  EXPECT_GE(failures, 20);
  backup->reset();

  auto live = OpenDatabase(url_);
  ASSERT_TRUE(live.ok());
  EXPECT_GT(Count(**live, "login_failures"), failures) << "writers went on after the backup";

  // Restore into a new database and into the live one: both end with the backup's counts.
  std::string fresh = "sqlite:" + (dir_ / "restored.db").string();
  ASSERT_TRUE(RestoreDatabase(file, fresh).ok());
  ASSERT_TRUE(RestoreDatabase(file, url_).ok());
  for (const std::string& url : {fresh, url_}) {
    auto db = OpenDatabase(url);
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(Count(**db, "login_failures"), failures) << url;
    EXPECT_EQ(Count(**db, "audit_log"), baseline_audit + failures) << url;
    auto restored = CheckDatabase(**db);
    ASSERT_TRUE(restored.ok());
    EXPECT_TRUE(restored->ok()) << url;
  }
}

TEST_F(BackupTest, RefusesToOverwriteAndRestoresOnlyGoodBackups) {
  std::string file = (dir_ / "b.db").string();
  ASSERT_TRUE(BackupDatabase(url_, file).ok());
  EXPECT_EQ(BackupDatabase(url_, file).status().code(), StatusCode::kAlreadyExists);
  std::string junk = (dir_ / "junk.db").string();
  std::ofstream(junk) << "not a database";
  EXPECT_EQ(RestoreDatabase(junk, url_).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(RestoreDatabase((dir_ / "missing.db").string(), url_).code(), StatusCode::kNotFound);
}

TEST_F(BackupTest, CheckReportsPendingMigrations) {
  auto db = OpenDatabase("sqlite:" + (dir_ / "empty.db").string());
  ASSERT_TRUE(db.ok());
  auto check = CheckDatabase(**db);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_TRUE(check->integrity_ok);
  EXPECT_FALSE(check->ok());
  EXPECT_EQ(check->schema_version, 0);
  ASSERT_FALSE(check->problems.empty());
  EXPECT_NE(check->problems[0].find("lienthong db migrate"), std::string::npos);
}

// Issue 12 #10: readiness fails on a read-only database and when the disk is short of space.
TEST_F(BackupTest, ReadinessProbeSeesReadOnlyDatabasesAndFullDisks) {
  auto db = OpenDatabase(url_);
  ASSERT_TRUE(db.ok());
  EXPECT_TRUE(ProbeWrite(**db).ok());
  EXPECT_EQ(Count(**db, "login_failures"), 0) << "the probe's row is rolled back";
  EXPECT_TRUE(CheckFreeSpace(url_, 1).ok());
  EXPECT_EQ(CheckFreeSpace(url_, UINT64_MAX).code(), StatusCode::kUnavailable);
  EXPECT_TRUE(CheckFreeSpace("postgresql://x/y", UINT64_MAX).ok()) << "not our disk to see";
  ASSERT_TRUE((*db)->Execute("PRAGMA query_only = ON").ok());  // as a read-only file answers
  Status refused = ProbeWrite(**db);
  EXPECT_EQ(refused.code(), StatusCode::kUnavailable);
  EXPECT_NE(refused.message().find("readonly"), std::string::npos) << refused.message();
}

}  // namespace
}  // namespace lienthong
