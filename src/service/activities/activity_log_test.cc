#include "service/activities/activity_log.h"

#include <gtest/gtest.h>

#include "service/activities/dashboard.h"
#include "service/units/unit_import.h"
#include "store/activity_json.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

const Date kToday{2025, 6, 30};

class ActivityLogTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    std::vector<UnitRow> rows = {
        {"t", NewUnit{"66", "Đắk Lắk", UnitKind::kProvince, "VN"}},
        {"t", NewUnit{"66001", "Xã Ea Kao", UnitKind::kCommune, "66"}},
        {"t", NewUnit{"66001-DU", "Đảng ủy xã Ea Kao", UnitKind::kPartyCommittee, "66001"}},
        {"t", NewUnit{"25", "Phú Thọ", UnitKind::kProvince, "VN"}},
    };
    ASSERT_TRUE(ImportUnits(*db_, rows, "test").ok());
  }

  Unit Get(const std::string& code) { return *UnitStore(*db_).GetByCode(code); }

  ActivityDraft Draft(const std::string& code) {
    ActivityDraft d;
    d.unit = Get(code);
    d.input.unit_code = code;
    d.input.date = "2025-06-12";
    d.input.kind = "article";
    d.input.channel = "website";
    d.input.theme = "Chuyển đổi số";
    d.input.title = "  Xã Ea Kao ra mắt tổ công nghệ số cộng đồng ";
    d.input.link = "https://eakao.daklak.gov.vn/tin/1";
    d.input.reach = 1200;
    return d;
  }

  Result<std::vector<StoredActivity>> Record(const std::vector<ActivityDraft>& drafts,
                                             int64_t* existing = nullptr) {
    return RecordActivities(*db_, drafts, RecordOptions{"web:lan.nt", kToday}, existing);
  }

  int64_t Count(const std::string& sql) { return db_->Query(sql)->at(0).Int(0); }

  std::unique_ptr<Database> db_;
};

TEST_P(ActivityLogTest, RecordsTheRowItsAuditAndEveryAncestorsRollup) {
  auto stored = Record({Draft("66001-DU")});
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  ASSERT_EQ(stored->size(), 1u);
  const StoredActivity& s = stored->front();
  EXPECT_GT(s.activity.id, 0);
  EXPECT_EQ(s.activity.title, "Xã Ea Kao ra mắt tổ công nghệ số cộng đồng");  // trimmed
  EXPECT_EQ(s.unit_code, "66001-DU");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity'"), 1);
  // VN, 66, 66001, 66001-DU: a month row and a day row each.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activity_rollup_totals"), 8);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activity_rollup_cells"), 8);
  auto dash = BuildDashboard(*db_, Get("66"), {2025, 6, 1}, {2025, 6, 30});
  ASSERT_TRUE(dash.ok());
  EXPECT_EQ(dash->total, 1);
  EXPECT_EQ(dash->reach, 1200);
  ASSERT_EQ(dash->by_theme.size(), 1u);
  EXPECT_EQ(dash->by_theme[0].key, "Chuyển đổi số");
  auto json = ActivityJson(s);  // the shape the audit row recorded
  EXPECT_EQ(json["unit_code"], "66001-DU");
  EXPECT_EQ(json["created_by"], "web:lan.nt");
  EXPECT_EQ(json["date"], "2025-06-12");
}

TEST_P(ActivityLogTest, ValidationNamesTheField) {
  struct Case {
    std::function<void(ActivityInput&)> change;
    std::string field;
  };
  std::vector<Case> cases = {
      {[](ActivityInput& i) { i.date = "2025-02-30"; }, "date"},
      {[](ActivityInput& i) { i.date = ""; }, "date"},
      {[](ActivityInput& i) { i.date = "2025-07-01"; }, "date"},  // after kToday
      {[](ActivityInput& i) { i.kind = "tweet"; }, "kind"},
      {[](ActivityInput& i) { i.channel = "pigeon"; }, "channel"},
      {[](ActivityInput& i) { i.title = "   "; }, "title"},
      {[](ActivityInput& i) { i.link = "javascript:alert(1)"; }, "link"},
      {[](ActivityInput& i) { i.link = "ftp://example.vn/a"; }, "link"},
      {[](ActivityInput& i) { i.link = "https://"; }, "link"},
      {[](ActivityInput& i) { i.reach = -1; }, "reach"},
      {[](ActivityInput& i) { i.plan_id = 999; }, "plan_id"},
  };
  for (const auto& c : cases) {
    ActivityDraft d = Draft("66001");
    c.change(d.input);
    auto r = Record({d});
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().ToString();
    EXPECT_EQ(r.status().field(), c.field) << r.status().ToString();
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 0);
  // The importer's channel codes are aliases.
  ActivityDraft alias = Draft("66001");
  alias.input.channel = "broadcast";
  auto r = Record({alias});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->front().activity.channel, "radio_tv");
}

TEST_P(ActivityLogTest, ABatchIsAllOrNothingAndNamesTheRow) {
  std::vector<ActivityDraft> batch = {Draft("66001"), Draft("66"), Draft("66001-DU")};
  batch[2].input.reach = -5;
  auto r = Record(batch);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "activities[2].reach");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activity_rollup_totals"), 0);
  batch[2].input.reach = 5;
  r = Record(batch);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->size(), 3u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity'"), 3);
  auto dash = BuildDashboard(*db_, Get("VN"), {2025, 1, 1}, {2025, 12, 31});
  ASSERT_TRUE(dash.ok());
  EXPECT_EQ(dash->total, 3);
}

TEST_P(ActivityLogTest, AClientKeyIsRecordedOnce) {
  ActivityDraft d = Draft("66001");
  d.input.client_key = "form-7f3a";
  auto first = Record({d});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  int64_t existing = -1;
  auto again = Record({d}, &existing);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(existing, first->front().activity.id);
  EXPECT_NE(again.status().message().find(std::to_string(existing)), std::string::npos);
  // The same key is free for another unit.
  ActivityDraft other = Draft("25");
  other.input.client_key = "form-7f3a";
  EXPECT_TRUE(Record({other}).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 2);
  EXPECT_EQ(BuildDashboard(*db_, Get("VN"), {2025, 6, 1}, {2025, 6, 30})->total, 2);
}

TEST_P(ActivityLogTest, RefusesDatesOutsideTheUnitsLifetime) {
  ASSERT_TRUE(db_->Execute("UPDATE units SET valid_to = '2025-06-01' WHERE code = '25'").ok());
  ActivityDraft d = Draft("25");
  auto r = Record({d});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "date");
  d = Draft("25");
  d.input.date = "2025-05-31";
  EXPECT_TRUE(Record({d}).ok());
}

TEST_P(ActivityLogTest, OptionsOfferThemesOnceEach) {
  ActivityDraft d = Draft("66001");
  d.input.theme = "Phát triển du lịch cộng đồng";
  ASSERT_TRUE(Record({d}).ok());
  auto options = ActivityOptionsFor(*db_, Get("66"));
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  auto& themes = options->themes;
  EXPECT_NE(std::find(themes.begin(), themes.end(), "Phát triển du lịch cộng đồng"), themes.end());
  EXPECT_EQ(std::count(themes.begin(), themes.end(), "Chuyển đổi số"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ActivityLogTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
