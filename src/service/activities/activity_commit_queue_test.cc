// The group commit on both backends, with real threads each holding its own connection. Groups
// are made deterministic by holding the database's write lock from another connection until every
// caller is queued: the first caller then leads a group of one (it took its group before it met
// the lock) and the second leads everyone else.
#include "service/activities/activity_commit_queue.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <set>
#include <thread>

#include "service/activities/dashboard.h"
#include "service/units/unit_import.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

const Date kToday{2025, 6, 30};

class ActivityCommitQueueTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto shared = SharedTestDatabase::Open(GetParam());
    ASSERT_TRUE(shared.ok()) << shared.status().ToString();
    shared_ = std::move(*shared);
    std::vector<UnitRow> rows = {
        {"t", NewUnit{"66", "Đắk Lắk", UnitKind::kProvince, "VN"}},
        {"t", NewUnit{"66001", "Xã Ea Kao", UnitKind::kCommune, "66"}},
        {"t", NewUnit{"66002", "Xã Ea Tu", UnitKind::kCommune, "66"}},
        {"t", NewUnit{"66001-DU", "Đảng ủy xã Ea Kao", UnitKind::kPartyCommittee, "66001"}},
    };
    ASSERT_TRUE(ImportUnits(db(), rows, "test").ok());
  }

  Database& db() { return shared_->db(); }
  Unit Get(const std::string& code) { return *UnitStore(db()).GetByCode(code); }

  ActivityDraft Draft(const std::string& code, int i) {
    ActivityDraft d;
    d.unit = Get(code);
    d.input.unit_code = code;
    d.input.date = i % 2 ? "2025-06-12" : "2025-05-03";
    d.input.kind = "article";
    d.input.channel = i % 3 ? "website" : "social";
    d.input.theme = i % 2 ? "Chuyển đổi số" : "Cải cách hành chính";
    d.input.title = "Tin số " + std::to_string(i);
    d.input.reach = 10 * i;
    return d;
  }

  std::unique_ptr<Database> Connect() {
    auto c = OpenDatabase(shared_->url());
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? std::move(*c) : nullptr;
  }

  int64_t Count(const std::string& sql) { return db().Query(sql)->at(0).Int(0); }

  // Holds the write lock on a connection of its own until Release().
  void HoldWriteLock() {
    blocker_ = Connect();
    ASSERT_TRUE(blocker_->Begin().ok());
    // SQLite's Begin() is BEGIN IMMEDIATE (the write lock); PostgreSQL needs a table lock.
    if (GetParam() == "postgresql") {
      ASSERT_TRUE(blocker_->Execute("LOCK TABLE activities IN EXCLUSIVE MODE").ok());
    }
  }
  void Release() { ASSERT_TRUE(blocker_->Rollback().ok()); }

  // Each draft recorded by its own thread through `queue`, while the write lock is
  // held until all of them wait in the queue. drafts[0] is queued first, so it leads a group of
  // its own and the others form the second group.
  std::vector<Result<std::vector<StoredActivity>>> RecordConcurrently(
      ActivityCommitQueue& queue, const std::vector<ActivityDraft>& drafts,
      std::vector<int64_t>& existing) {
    std::vector<std::optional<Result<std::vector<StoredActivity>>>> results(drafts.size());
    existing.assign(drafts.size(), -1);
    HoldWriteLock();
    std::vector<std::thread> threads;
    RecordOptions options{"web:lan.nt", kToday};
    auto wait_for = [&](size_t n) {
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
      while (queue.waiting() < n && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
      EXPECT_EQ(queue.waiting(), n);
    };
    for (size_t i = 0; i < drafts.size(); ++i) {
      threads.emplace_back([&, i] {
        results[i] = queue.Record({drafts[i]}, options, &existing[i]);
      });
      if (i == 0) wait_for(1);
    }
    wait_for(drafts.size());
    Release();
    for (auto& t : threads) t.join();
    std::vector<Result<std::vector<StoredActivity>>> out;
    for (auto& r : results) out.push_back(std::move(*r));
    return out;
  }

  std::unique_ptr<SharedTestDatabase> shared_;
  std::unique_ptr<Database> blocker_;
};

TEST_P(ActivityCommitQueueTest, CallersWaitingTogetherShareOneCommit) {
  ActivityCommitQueue queue(shared_->url());
  std::vector<ActivityDraft> drafts;
  for (int i = 0; i < 8; ++i) drafts.push_back(Draft(i % 2 ? "66001-DU" : "66002", i));
  std::vector<int64_t> existing;
  auto results = RecordConcurrently(queue, drafts, existing);
  std::set<int64_t> ids;
  for (auto& r : results) {
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->size(), 1u);
    ids.insert(r->front().activity.id);
  }
  EXPECT_EQ(ids.size(), 8u);
  EXPECT_EQ(queue.counters().callers, 8u);
  EXPECT_EQ(queue.counters().groups, 2u);  // the first caller alone, then the seven behind it
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 8);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity'"), 8);
  // The pre-aggregates hold all eight, as the plain GROUP BY over the rows says.
  for (const char* code : {"VN", "66", "66001", "66002"}) {
    auto fast = BuildDashboard(db(), Get(code), {2025, 1, 1}, {2025, 12, 31});
    auto reference = BuildDashboardReference(db(), Get(code), {2025, 1, 1}, {2025, 12, 31});
    ASSERT_TRUE(fast.ok() && reference.ok());
    EXPECT_TRUE(*fast == *reference) << code;
  }
  EXPECT_EQ(BuildDashboard(db(), Get("VN"), {2025, 1, 1}, {2025, 12, 31})->total, 8);
}

TEST_P(ActivityCommitQueueTest, BadInputAndRepeatedKeysFailAloneInsideAGroup) {
  ActivityCommitQueue queue(shared_->url());
  std::vector<ActivityDraft> drafts;
  for (int i = 0; i < 5; ++i) drafts.push_back(Draft("66001", i));
  // All three in the second group.
  drafts[1].input.date = "2026-01-01";  // after kToday
  drafts[2].input.client_key = "tin-7";
  drafts[3].input.client_key = "tin-7";  // the same key as another caller of the group
  std::vector<int64_t> existing;
  auto results = RecordConcurrently(queue, drafts, existing);
  ASSERT_TRUE(results[0].ok()) << results[0].status().ToString();
  ASSERT_TRUE(results[4].ok()) << results[4].status().ToString();
  ASSERT_FALSE(results[1].ok());
  EXPECT_EQ(results[1].status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(results[1].status().field(), "date");
  // Whichever of the two came first holds the key; the other is told which activity that is.
  int first = results[2].ok() ? 2 : 3, second = 5 - first;
  ASSERT_TRUE(results[first].ok()) << results[first].status().ToString();
  ASSERT_FALSE(results[second].ok());
  EXPECT_EQ(results[second].status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(existing[second], results[first]->front().activity.id);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 3);
  EXPECT_EQ(BuildDashboard(db(), Get("66"), {2025, 1, 1}, {2025, 12, 31})->total, 3);
}

TEST_P(ActivityCommitQueueTest, AFailedWriteRollsTheGroupBackAndRecordsEachCallerAlone) {
  ActivityCommitQueue queue(shared_->url());
  std::vector<ActivityDraft> drafts;
  for (int i = 0; i < 4; ++i) drafts.push_back(Draft("66002", i));
  // A unit whose path names a unit that does not exist: its row is written, then its ancestors
  // cannot be found, which poisons the shared transaction of the second group.
  drafts[2] = Draft("66001", 2);
  drafts[2].unit.path = "/VN/99/66001/";
  std::vector<int64_t> existing;
  auto results = RecordConcurrently(queue, drafts, existing);
  for (int i : {0, 1, 3}) EXPECT_TRUE(results[i].ok()) << i << ": " << results[i].status().ToString();
  ASSERT_FALSE(results[2].ok());
  EXPECT_EQ(results[2].status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity'"), 3);
  // Group of one, the failed group of three, then 1 and 3 committed alone (2 rolled back).
  EXPECT_EQ(queue.counters().groups, 2u);
  EXPECT_EQ(queue.counters().callers, 4u);
  auto fast = BuildDashboard(db(), Get("VN"), {2025, 1, 1}, {2025, 12, 31});
  auto reference = BuildDashboardReference(db(), Get("VN"), {2025, 1, 1}, {2025, 12, 31});
  ASSERT_TRUE(fast.ok() && reference.ok());
  EXPECT_EQ(fast->total, 3);
  EXPECT_TRUE(*fast == *reference);
}

INSTANTIATE_TEST_SUITE_P(Backends, ActivityCommitQueueTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
