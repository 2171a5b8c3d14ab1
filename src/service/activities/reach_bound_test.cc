// Issue 12, finding 5: `reach: 9223372036854775807` was accepted and the pre-aggregates' sums
// wrapped to −9.22e18 on the province and country dashboards. Now reach is bounded on the way in
// (kMaxActivityReach) and migration 0012 repairs rows stored before the bound.
#include <gtest/gtest.h>

#include <algorithm>

#include "service/activities/activity_log.h"
#include "service/activities/dashboard.h"
#include "service/units/unit_import.h"
#include "store/activity_store.h"
#include "store/migrations.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

constexpr int64_t kHuge = 9223372036854775807;

Status ImportSmallTree(Database& db) {
  std::vector<UnitRow> rows = {
      {"t", NewUnit{"66", "Tỉnh Đắk Lắk", UnitKind::kProvince, "VN"}},
      {"t", NewUnit{"66001", "Xã Ea Kao", UnitKind::kCommune, "66"}},
      {"t", NewUnit{"66002", "Xã Hòa Phú", UnitKind::kCommune, "66"}}};
  return ImportUnits(db, rows, "test").status();
}

Unit Get(Database& db, const std::string& code) {
  auto u = UnitStore(db).GetByCode(code);
  EXPECT_TRUE(u.ok()) << u.status().ToString();
  return u.ok() ? *u : Unit{};
}

ActivityDraft Draft(Database& db, const std::string& unit, int64_t reach) {
  ActivityDraft d;
  d.unit = Get(db, unit);
  d.input = {.unit_code = unit, .date = "2025-06-12", .kind = "article", .channel = "press",
             .theme = "Chuyển đổi số", .title = "Tin", .reach = reach};
  return d;
}

class ReachBoundTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ReachBoundTest, AbsurdReachIsRefusedAndTheBoundIsAccepted) {
  auto db = OpenFreshTestDatabase(GetParam());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE(ImportSmallTree(**db).ok());
  RecordOptions options{"web:lan", Date{2025, 12, 31}};
  for (int64_t reach : {kHuge, kMaxActivityReach + 1}) {
    auto refused = RecordActivities(**db, {Draft(**db, "66001", reach)}, options);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().field(), "reach");
  }
  ASSERT_TRUE(RecordActivities(**db, {Draft(**db, "66001", kMaxActivityReach),
                                      Draft(**db, "66002", kMaxActivityReach)},
                               options)
                  .ok());
  auto dash = BuildDashboard(**db, Get(**db, "VN"), {2025, 1, 1}, {2025, 12, 31});
  ASSERT_TRUE(dash.ok());
  EXPECT_EQ(dash->reach, 2 * kMaxActivityReach);
}

// Rows stored before the bound: two activities claiming INT64_MAX each, in June and July, with
// their pre-aggregates, written past validation as an old server did (each row fits; the
// dashboard's sum of the two wrapped round). Then migration 0012.
TEST_P(ReachBoundTest, MigrationCapsOldRowsAndKeepsThePreAggregatesExact) {
  auto db = OpenFreshTestDatabase(GetParam(), /*migrate=*/false);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  std::vector<MigrationScript> before_bound;
  for (const MigrationScript& s : EmbeddedMigrationScripts()) {
    if (s.version <= 11) before_bound.push_back(s);
  }
  ASSERT_TRUE(MigrateDatabaseWith(**db, before_bound).ok());
  ASSERT_TRUE(ImportSmallTree(**db).ok());
  {
    auto tx = Transaction::Start(**db);
    ASSERT_TRUE(tx.ok());
    ActivityStore store(**db);
    RollupDelta delta;
    for (auto [code, month] : {std::pair{"66001", 6}, {"66002", 7}}) {
      Unit unit = Get(**db, code);
      Activity a{.unit_id = unit.id, .date = {2025, month, 12}, .kind = ActivityKind::kArticle,
                 .theme = "Chuyển đổi số", .channel = "press", .title = "Tin", .reach = kHuge,
                 .created_by = "web:old"};
      ASSERT_TRUE(store.Insert(a, std::nullopt, "2025-06-12T00:00:00Z").ok());
      auto chain = store.AncestorIds(unit.path);
      ASSERT_TRUE(chain.ok());
      delta.Add(*chain, a.date, a.theme, a.channel, a.reach);
    }
    ASSERT_TRUE(delta.Write(**db).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto applied = MigrateDatabase(**db);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_NE(std::find(applied->begin(), applied->end(), 12), applied->end());
  auto rows = (*db)->Query("SELECT MAX(reach) FROM activities");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Int(0), kMaxActivityReach);
  for (const char* code : {"VN", "66", "66001"}) {
    Unit unit = Get(**db, code);
    auto fast = BuildDashboard(**db, unit, {2025, 6, 1}, {2025, 7, 31});
    auto reference = BuildDashboardReference(**db, unit, {2025, 6, 1}, {2025, 7, 31});
    ASSERT_TRUE(fast.ok() && reference.ok());
    EXPECT_EQ(fast->reach, std::string(code) == "66001" ? kMaxActivityReach
                                                        : 2 * kMaxActivityReach)
        << code;
    EXPECT_TRUE(*fast == *reference) << code << ": " << fast->reach << " vs " << reference->reach;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ReachBoundTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
