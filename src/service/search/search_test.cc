#include "service/search/search.h"

#include <gtest/gtest.h>

#include "service/activities/activity_log.h"
#include "service/units/unit_import.h"
#include "store/plan_store.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

class SearchTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    std::vector<UnitRow> rows = {
        {"t", NewUnit{"66", "Đắk Lắk", UnitKind::kProvince, "VN"}},
        {"t", NewUnit{"66001", "Xã Ea Kao", UnitKind::kCommune, "66"}},
        {"t", NewUnit{"25", "Phú Thọ", UnitKind::kProvince, "VN"}},
    };
    ASSERT_TRUE(ImportUnits(*db_, rows, "test").ok());
  }

  Unit Get(const std::string& code) { return *UnitStore(*db_).GetByCode(code); }

  int64_t AddPlan(const std::string& unit_code, const std::string& number,
                  const std::string& title, const std::vector<std::string>& tasks) {
    auto txn = Transaction::Start(*db_);
    EXPECT_TRUE(txn.ok());
    PlanStore plans(*db_);
    PlanRecord p;
    if (!unit_code.empty()) p.unit_id = Get(unit_code).id;
    p.doc_type = "Kế hoạch";
    p.number = number;
    p.issuer = "Ủy ban nhân dân";
    p.title = title;
    p.document_json = "{}";
    p.created_by = "test";
    auto id = plans.InsertPlan(p);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    for (size_t i = 0; i < tasks.size(); ++i) {
      TaskRecord t;
      t.position = static_cast<int>(i);
      t.text = tasks[i];
      EXPECT_TRUE(plans.InsertTask(*id, t).ok());
    }
    EXPECT_TRUE((*txn)->Commit().ok());
    return *id;
  }

  int64_t AddActivity(const std::string& unit_code, const std::string& title,
                      const std::string& theme) {
    ActivityDraft d;
    d.unit = Get(unit_code);
    d.input.date = "2025-05-01";
    d.input.kind = "article";
    d.input.channel = "website";
    d.input.theme = theme;
    d.input.title = title;
    auto r = RecordActivities(*db_, {d}, RecordOptions{"test", Date{2025, 6, 1}});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->front().activity.id : 0;
  }

  std::vector<SearchHit> Find(const std::string& text, const std::string& scope = "/VN/",
                              bool unowned = true) {
    auto hits = Search(*db_, SearchRequest{text, scope, unowned, 20});
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    return hits.ok() ? *hits : std::vector<SearchHit>{};
  }

  static bool Has(const std::vector<SearchHit>& hits, const std::string& type, int64_t id) {
    for (const auto& h : hits) {
      if (h.type == type && h.id == id) return true;
    }
    return false;
  }

  std::unique_ptr<Database> db_;
};

TEST_P(SearchTest, IgnoresDiacriticsCaseAndToneStyle) {
  int64_t plan = AddPlan("66", "12/KH-UBND", "Kế hoạch chuyển đổi số năm 2025",
                         {"Triển khai nền tảng số", "Tổ chức Ngày Chuyển đổi số"});
  int64_t activity = AddActivity("66001", "Hội nghị hòa giải ở cơ sở", "Pháp luật");
  auto hits = Find("chuyen doi so");
  EXPECT_TRUE(Has(hits, "plan", plan));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(Find("CHUYỂN ĐỔI SỐ").size(), hits.size());
  // Old and new tone placement find the same row.
  EXPECT_TRUE(Has(Find("hoà giải"), "activity", activity));
  EXPECT_TRUE(Has(Find("hòa giải"), "activity", activity));
  // A plan number, punctuation and all.
  EXPECT_TRUE(Has(Find("12/kh-ubnd"), "plan", plan));
  EXPECT_TRUE(Find("   ...  ").empty());
  EXPECT_TRUE(Find("xyzzy").empty());
}

TEST_P(SearchTest, NeverReturnsRowsOutsideTheSubtree) {
  int64_t ours = AddActivity("66001", "Tuyên truyền chuyển đổi số ở xã", "Chuyển đổi số");
  int64_t theirs = AddActivity("25", "Tuyên truyền chuyển đổi số ở Phú Thọ", "Chuyển đổi số");
  int64_t their_plan = AddPlan("25", "5/KH", "Kế hoạch chuyển đổi số", {"chuyển đổi số"});
  int64_t unowned = AddPlan("", "", "Kế hoạch chuyển đổi số chung", {});
  Unit dak_lak = Get("66");
  auto hits = Find("chuyen doi so", dak_lak.path, false);
  EXPECT_TRUE(Has(hits, "activity", ours));
  for (const auto& h : hits) {
    EXPECT_NE(h.unit_code, "25") << h.type << " " << h.id;
    EXPECT_NE(h.unit_code, "") << h.type << " " << h.id;
  }
  EXPECT_FALSE(Has(hits, "activity", theirs));
  EXPECT_FALSE(Has(hits, "plan", their_plan));
  EXPECT_FALSE(Has(hits, "plan", unowned));
  // The root sees everything, unowned plans included.
  auto all = Find("chuyen doi so");
  EXPECT_TRUE(Has(all, "activity", theirs));
  EXPECT_TRUE(Has(all, "plan", unowned));
}

TEST_P(SearchTest, RanksAllWordsThenTitleThenExactDiacritics) {
  int64_t some = AddActivity("66", "Chuyển giao công nghệ", "Khoa học");
  int64_t body = AddActivity("66", "Bản tin tuần", "Chuyển đổi số");
  int64_t title = AddActivity("66", "Chuyển đổi số trong trường học", "Giáo dục");
  int64_t wrong_marks = AddActivity("66", "Chuyên đổi sô trong trường học", "Giáo dục");
  auto hits = Find("chuyển đổi số");
  ASSERT_GE(hits.size(), 4u);
  EXPECT_EQ(hits[0].id, title);        // all words, in the title, exact diacritics
  EXPECT_EQ(hits[1].id, wrong_marks);  // all words in the title
  EXPECT_EQ(hits[2].id, body);         // all words, in the body only
  EXPECT_EQ(hits[3].id, some);         // some words
  EXPECT_GT(hits[0].score, hits[1].score);
  EXPECT_GT(hits[2].score, hits[3].score);
  EXPECT_EQ(hits[0].type, "activity");
  EXPECT_EQ(hits[0].unit_code, "66");
}

TEST_P(SearchTest, FindsTasksWithTheirPlan) {
  int64_t plan = AddPlan("66001", "3/KH-UBND", "Kế hoạch cải cách hành chính",
                         {"Số hóa hồ sơ thủ tục hành chính", "Niêm yết công khai"});
  auto hits = Find("so hoa ho so");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].type, "task");
  EXPECT_EQ(hits[0].plan_id.value_or(0), plan);
  EXPECT_EQ(hits[0].unit_code, "66001");
  EXPECT_NE(hits[0].snippet.find("3/KH-UBND"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
