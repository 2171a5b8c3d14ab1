#include "service/activities/dashboard.h"

#include <gtest/gtest.h>

#include <random>

#include "service/activities/activity_log.h"
#include "service/units/unit_import.h"
#include "service/units/unit_reorganize.h"
#include "store/activity_store.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

// The dashboard as text, one entry a line, so a mismatch shows where it is.
std::string Describe(const Dashboard& d) {
  std::string out = d.unit_code + " " + d.from.ToIso() + ".." + d.to.ToIso() + " total " +
                    std::to_string(d.total) + " reach " + std::to_string(d.reach) + "\n";
  for (const auto& [name, list] : {std::pair{"theme", &d.by_theme}, {"channel", &d.by_channel},
                                   {"child", &d.by_child}, {"month", &d.by_month}}) {
    for (const DashboardEntry& e : *list) {
      out += std::string(name) + " " + e.key + " " + e.name + " " + std::to_string(e.count) +
             " " + std::to_string(e.reach) + "\n";
    }
  }
  return out;
}

TEST(SplitPeriodTest, WholeMonthsAndEdges) {
  auto d = [](const char* iso) { return *Date::FromIso(iso); };
  EXPECT_EQ(SplitPeriod(d("2025-01-01"), d("2025-12-31")),
            (std::vector<BucketRange>{{'m', "2025-01", "2025-12"}}));
  EXPECT_EQ(SplitPeriod(d("2025-01-15"), d("2025-03-20")),
            (std::vector<BucketRange>{{'d', "2025-01-15", "2025-01-31"},
                                      {'m', "2025-02", "2025-02"},
                                      {'d', "2025-03-01", "2025-03-20"}}));
  EXPECT_EQ(SplitPeriod(d("2025-02-03"), d("2025-02-03")),
            (std::vector<BucketRange>{{'d', "2025-02-03", "2025-02-03"}}));
  EXPECT_EQ(SplitPeriod(d("2024-02-01"), d("2024-02-29")),
            (std::vector<BucketRange>{{'m', "2024-02", "2024-02"}}));
  // Adjacent partial months: no whole month between them.
  EXPECT_EQ(SplitPeriod(d("2024-12-31"), d("2025-01-01")),
            (std::vector<BucketRange>{{'d', "2024-12-31", "2024-12-31"},
                                      {'d', "2025-01-01", "2025-01-01"}}));
  EXPECT_TRUE(SplitPeriod(d("2025-02-03"), d("2025-02-02")).empty());
}

class DashboardTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    std::vector<UnitRow> rows;
    auto add = [&](std::string code, std::string name, UnitKind kind, std::string parent) {
      rows.push_back({"test", NewUnit{code, name, kind, parent}});
    };
    for (int p = 1; p <= 3; ++p) {
      std::string pc = "P" + std::to_string(p);
      add(pc, "Tỉnh " + std::to_string(p), UnitKind::kProvince, "VN");
      add(pc + "-TU", "Tỉnh ủy " + std::to_string(p), UnitKind::kPartyCommittee, pc);
      for (int c = 1; c <= 3; ++c) {
        std::string cc = pc + "C" + std::to_string(c);
        add(cc, "Xã " + std::to_string(p) + "." + std::to_string(c), UnitKind::kCommune, pc);
        add(cc + "-DU", "Đảng ủy xã " + cc, UnitKind::kPartyCommittee, cc);
        add(cc + "-T1", "Thôn 1 " + cc, UnitKind::kResidentialArea, cc);
      }
    }
    auto imported = ImportUnits(*db_, rows, "test");
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  }

  Unit Get(const std::string& code) {
    auto u = UnitStore(*db_).GetByCode(code);
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? *u : Unit{};
  }

  // `n` random activities over `units` between 2024-11-01 and 2026-02-28, in batches.
  void RecordRandom(const std::vector<std::string>& codes, int n, uint32_t seed) {
    std::mt19937 rng(seed);
    const std::vector<std::string> themes = {"Chuyển đổi số", "Cải cách hành chính", "Bầu cử",
                                             ""};
    const std::vector<std::string> channels = {"press", "social", "grassroots_loudspeaker",
                                               "website"};
    int first = Date{2024, 11, 1}.DaysSinceEpoch();
    int span = Date{2026, 2, 28}.DaysSinceEpoch() - first + 1;
    std::vector<ActivityDraft> batch;
    for (int i = 0; i < n; ++i) {
      ActivityDraft d;
      d.unit = Get(codes[rng() % codes.size()]);
      d.input.date = Date::FromDaysSinceEpoch(first + static_cast<int>(rng() % span)).ToIso();
      d.input.kind = "article";
      d.input.channel = channels[rng() % channels.size()];
      d.input.theme = themes[rng() % themes.size()];
      d.input.title = "Tin số " + std::to_string(i);
      d.input.reach = rng() % 1000;
      batch.push_back(d);
      if (batch.size() == 37 || i == n - 1) {
        auto r = RecordActivities(*db_, batch, RecordOptions{"test", Date{2026, 3, 1}});
        ASSERT_TRUE(r.ok()) << r.status().ToString();
        batch.clear();
      }
    }
  }

  void ExpectSame(const std::string& code, const Date& from, const Date& to) {
    Unit unit = Get(code);
    auto fast = BuildDashboard(*db_, unit, from, to);
    auto reference = BuildDashboardReference(*db_, unit, from, to);
    ASSERT_TRUE(fast.ok()) << fast.status().ToString();
    ASSERT_TRUE(reference.ok()) << reference.status().ToString();
    EXPECT_EQ(Describe(*fast), Describe(*reference))
        << code << " " << from.ToIso() << ".." << to.ToIso();
    EXPECT_TRUE(*fast == *reference);
  }

  void ExpectSameEverywhere(uint32_t seed) {
    std::vector<std::pair<Date, Date>> periods = {
        {{2025, 1, 1}, {2025, 12, 31}}, {{2025, 4, 1}, {2025, 6, 30}},
        {{2024, 12, 31}, {2025, 1, 1}}, {{2025, 2, 14}, {2025, 2, 14}},
        {{2024, 11, 15}, {2026, 2, 10}}, {{2020, 1, 1}, {2030, 12, 31}}};
    std::mt19937 rng(seed);
    int first = Date{2024, 10, 1}.DaysSinceEpoch();
    for (int i = 0; i < 12; ++i) {
      int a = first + static_cast<int>(rng() % 550), b = first + static_cast<int>(rng() % 550);
      if (a > b) std::swap(a, b);
      periods.push_back({Date::FromDaysSinceEpoch(a), Date::FromDaysSinceEpoch(b)});
    }
    for (const auto& code : {"VN", "P1", "P2", "P3", "P1C1", "P2C2", "P1C1-T1"}) {
      for (const auto& [from, to] : periods) ExpectSame(code, from, to);
    }
  }

  std::unique_ptr<Database> db_;
};

const std::vector<std::string> kAllCodes = {
    "VN",   "P1",      "P1-TU",   "P1C1", "P1C1-DU", "P1C1-T1", "P1C2", "P1C2-T1", "P1C3",
    "P2",   "P2-TU",   "P2C1",    "P2C2", "P2C2-DU", "P2C3",    "P2C3-T1", "P3", "P3C1",
    "P3C2", "P3C2-DU", "P3C3-T1"};

TEST_P(DashboardTest, PreAggregatesMatchPlainGroupByOnRandomData) {
  RecordRandom(kAllCodes, 400, 7);
  ExpectSameEverywhere(11);

  auto year = BuildDashboard(*db_, Get("VN"), {2025, 1, 1}, {2025, 12, 31});
  ASSERT_TRUE(year.ok());
  EXPECT_GT(year->total, 200);  // ~12 of the 16 months
  ASSERT_EQ(year->by_month.size(), 12u);
  EXPECT_EQ(year->by_month.front().key, "2025-01");
  ASSERT_EQ(year->by_child.size(), 3u);
  int64_t children = 0;
  for (const auto& c : year->by_child) children += c.count;
  // Every activity is the country's own or under some province.
  int64_t own = db_->Query("SELECT COUNT(*) FROM activities a JOIN units u ON u.id = a.unit_id "
                           "WHERE u.code = 'VN' AND a.date >= '2025-01-01' "
                           "AND a.date <= '2025-12-31'")->at(0).Int(0);
  EXPECT_GT(own, 0);
  EXPECT_EQ(children + own, year->total);
}

TEST_P(DashboardTest, RebuildGivesTheSameRollupsAsIncrementalWrites) {
  RecordRandom(kAllCodes, 150, 3);
  auto snapshot = [&] {
    auto rows = db_->Query(
        "SELECT unit_id, grain, bucket, theme, channel, count, reach FROM activity_rollup_cells "
        "ORDER BY unit_id, grain, bucket, theme, channel");
    EXPECT_TRUE(rows.ok());
    std::vector<std::string> out;
    for (const auto& r : *rows) {
      std::string line;
      for (size_t i = 0; i < r.values.size(); ++i) line += r.Text(i) + "|";
      out.push_back(line);
    }
    return out;
  };
  auto before = snapshot();
  ASSERT_FALSE(before.empty());
  auto txn = Transaction::Start(*db_);
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(RebuildActivityRollups(*db_).ok());
  ASSERT_TRUE((*txn)->Commit().ok());
  EXPECT_EQ(snapshot(), before);
}

TEST_P(DashboardTest, StaysExactAfterAMoveAndAMerge) {
  RecordRandom(kAllCodes, 250, 5);
  // Move commune P1C1 (with its bodies) from P1 to P2: MoveUnit carries its rollups along.
  ASSERT_TRUE(MoveUnit(*db_, "P1C1", "P2", Date{2025, 7, 1}, "test").ok());
  // Merge P3C2 into P3C3: P3C2 ends, its children move to P3C3 (rollups too).
  ASSERT_TRUE(MergeUnits(*db_, {"P3C2"}, "P3C3", Date{2025, 9, 1}, "test").ok());
  RecordRandom({"P3C3", "P3C2-DU", "P1C1-T1"}, 40, 9);
  ExpectSameEverywhere(13);
  for (const auto& period : std::vector<std::pair<Date, Date>>{{{2025, 1, 1}, {2025, 12, 31}}}) {
    ExpectSame("P3C3", period.first, period.second);
    ExpectSame("P3C2", period.first, period.second);
  }
}

TEST_P(DashboardTest, CountActivitiesFollowsFilters) {
  RecordRandom(kAllCodes, 120, 21);
  Unit p1 = Get("P1");
  Date from{2025, 2, 10}, to{2025, 11, 3};
  auto reference = BuildDashboardReference(*db_, p1, from, to);
  ASSERT_TRUE(reference.ok());
  auto total = CountActivities(*db_, p1.id, from, to, std::nullopt, std::nullopt);
  ASSERT_TRUE(total.ok());
  EXPECT_EQ(*total, reference->total);
  for (const auto& e : reference->by_channel) {
    auto n = CountActivities(*db_, p1.id, from, to, std::nullopt, e.key);
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, e.count) << e.key;
  }
}

TEST_P(DashboardTest, RefusesBackwardsAndOverlongPeriods) {
  Unit vn = Get("VN");
  auto backwards = BuildDashboard(*db_, vn, {2025, 3, 1}, {2025, 2, 1});
  EXPECT_EQ(backwards.status().code(), StatusCode::kInvalidArgument);
  auto longer = BuildDashboard(*db_, vn, {1990, 1, 1}, {2025, 2, 1});
  EXPECT_EQ(longer.status().code(), StatusCode::kInvalidArgument);
  auto empty = BuildDashboard(*db_, vn, {2025, 1, 1}, {2025, 3, 31});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->total, 0);
  EXPECT_EQ(empty->by_month.size(), 3u);
  EXPECT_EQ(empty->by_child.size(), 3u);  // active children are listed with zero
}

INSTANTIATE_TEST_SUITE_P(Backends, DashboardTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
