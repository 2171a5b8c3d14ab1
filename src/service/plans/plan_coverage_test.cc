// Coverage: required units, implementing plans, lateness, theme/task matching, subtree filter.
#include "service/plans/plan_coverage.h"

#include <gtest/gtest.h>

#include "testing/cascade_test_fixture.h"
#include "service/plans/plan_derive.h"
#include "service/plans/plan_linking.h"
#include "service/plans/text_similarity.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

using nlohmann::json;
using namespace lienthong::testing_cascade;

PlanDocument Typed(const json& doc) {
  ProblemList problems;
  PlanDocument typed = DecodePlanDocument(doc, "document", problems);
  EXPECT_TRUE(problems.empty()) << problems.ToStatus("").message();
  return typed;
}

TEST(ImplementingDeadlineTest, FromATaskDeadlineASentenceOrTheDefault) {
  auto from_task = FindImplementingDeadline(Typed(ProvincialPlan()), "2025-09-01", 30);
  ASSERT_TRUE(from_task.date.has_value());
  EXPECT_EQ(from_task.date->ToIso(), "2025-09-30");
  EXPECT_EQ(from_task.source, "document");

  json text_only = {{"section_tree",
                     {{{"title", "TỔ CHỨC THỰC HIỆN"},
                       {"children",
                        {{{"title", "Các địa phương căn cứ Kế hoạch này xây dựng kế hoạch thực "
                                    "hiện, gửi về Sở trước ngày 20/9/2025. Báo cáo trước ngày "
                                    "15/12/2025."}}}}}}}};
  auto from_text = FindImplementingDeadline(Typed(text_only), "2025-09-01", 30);
  ASSERT_TRUE(from_text.date.has_value());
  EXPECT_EQ(from_text.date->ToIso(), "2025-09-20");

  auto by_default = FindImplementingDeadline(PlanDocument{}, "2025-09-01", 30);
  EXPECT_EQ(by_default.date->ToIso(), "2025-10-01");
  EXPECT_EQ(by_default.source, "default");
  auto none = FindImplementingDeadline(PlanDocument{}, std::nullopt, 30);
  EXPECT_FALSE(none.date.has_value());
  EXPECT_EQ(none.source, "none");
}

class PlanCoverageTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenCascadeTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    parent_ = Save("66-UBND", ProvincialPlan());
    // 66904-UBND derives a draft; 66905-UBND and 66904-DU issued their own, imported.
    ASSERT_TRUE(DerivePlan(*db_, {parent_, "66904-UBND", "t"}).ok());
    json late = ImportedPlan("8/KH-UBND", "2025-10-05", "Chuyển đổi số xã Đắk Liêng",
                             {"13/KH-UBND"});
    late_plan_ = Save("66905-UBND", late);
    json party = ImportedPlan("05-KH/ĐU", "2025-09-20", "Tuyên truyền chuyển đổi số năm 2025",
                              {"13/KH-UBND"});
    party["themes"] = {{{"label", "1"},
                        {"title", "Đẩy mạnh thông tin, tuyên truyền chuyển đổi số, kinh tế số "
                                  "trên địa bàn xã."}},
                       {{"label", "2"},
                        {"title", "Bồi dưỡng, phổ biến kỹ năng số thiết yếu cho người dân."}}};
    party["tasks"] = {{{"text", "Tuyên truyền chuyển đổi số qua loa truyền thanh cơ sở"},
                       {"lead", {"Ban Xây dựng Đảng"}}}};
    party_plan_ = Save("66904-DU", party);
    // Saving links imported plans by their legal bases (SavePlans calls LinkImplementingPlan);
    // calling it again is harmless.
    for (int64_t id : {late_plan_, party_plan_}) {
      auto linked = LinkImplementingPlan(*db_, id, "t");
      ASSERT_TRUE(linked.ok()) << linked.status().ToString();
      EXPECT_EQ(linked->implements_plan_id, parent_) << id;
    }
  }
  int64_t Save(const std::string& unit, const json& doc) {
    auto id = SaveDocument(*db_, unit, doc);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  PlanCoverageReport Coverage(const std::string& visible = "") {
    auto c = PlanCoverage(*db_, parent_, {.today = Date{2025, 10, 10}, .visible_path = visible});
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : PlanCoverageReport();
  }
  static const CoverageUnit& UnitEntry(const PlanCoverageReport& coverage,
                                       const std::string& code) {
    for (const auto& u : coverage.units)
      if (u.code == code) return u;
    static const CoverageUnit kNone;
    ADD_FAILURE() << "no unit " << code;
    return kNone;
  }

  std::unique_ptr<Database> db_;
  int64_t parent_ = 0, late_plan_ = 0, party_plan_ = 0;
};

TEST_P(PlanCoverageTest, ListsAssigneesAndSubordinatesOfTheNamedKinds) {
  PlanCoverageReport c = Coverage();
  std::vector<std::string> codes;
  for (const auto& u : c.units) codes.push_back(u.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"66-SVHTTDL", "66901", "66904-CA", "66904-DU",
                                             "66904-UBND", "66905", "66905-UBND"}));
  EXPECT_EQ(UnitEntry(c, "66-SVHTTDL").required_by, "assignee");
  EXPECT_EQ(UnitEntry(c, "66904-DU").required_by, "subordinate");
  EXPECT_EQ(UnitKindName(UnitEntry(c, "66904-DU").kind), "party_committee");
  // Phú Thọ is never required, nor the plan's own unit.
  EXPECT_EQ(c.themes.size(), 3u);
  EXPECT_EQ(c.tasks.size(), 4u);
  ASSERT_TRUE(c.implementing_deadline.date.has_value());
  EXPECT_EQ(c.implementing_deadline.date->ToIso(), "2025-09-30");
}

TEST_P(PlanCoverageTest, PlansDatesAndLateness) {
  PlanCoverageReport c = Coverage();
  const CoverageUnit& party = UnitEntry(c, "66904-DU");
  ASSERT_TRUE(party.plan.has_value());
  EXPECT_EQ(party.plan->id, party_plan_);
  EXPECT_EQ(party.plan->date, "2025-09-20");
  EXPECT_TRUE(party.plan->issued);
  EXPECT_FALSE(party.late);

  const CoverageUnit& late = UnitEntry(c, "66905-UBND");
  ASSERT_TRUE(late.plan.has_value());
  EXPECT_EQ(late.plan->id, late_plan_);
  EXPECT_TRUE(late.late);  // dated 5/10, due 30/9
  ASSERT_TRUE(UnitEntry(c, "66905").plan.has_value());
  EXPECT_EQ(UnitEntry(c, "66905").plan->id, late_plan_);  // the commune's body issued it

  const CoverageUnit& draft = UnitEntry(c, "66904-UBND");
  ASSERT_TRUE(draft.plan.has_value());
  EXPECT_EQ(draft.plan->status, PlanStatus::kDraft);
  EXPECT_FALSE(draft.plan->issued);
  EXPECT_TRUE(draft.late);  // nothing issued by 30/9 and it is 10/10

  EXPECT_FALSE(UnitEntry(c, "66901").plan.has_value());
  EXPECT_EQ(c.summary.required, 7u);
  EXPECT_EQ(c.summary.issued, 3);
  EXPECT_EQ(c.summary.drafting, 1);
  EXPECT_EQ(c.summary.missing, 3);
  EXPECT_EQ(c.summary.late, 6);
}

TEST_P(PlanCoverageTest, ThemesAndTasksAreMatchedWithTheBestPassage) {
  PlanCoverageReport c = Coverage();
  const CoverageUnit& party = UnitEntry(c, "66904-DU");
  ASSERT_EQ(party.themes.size(), 3u);
  EXPECT_TRUE(party.themes[0].covered);
  EXPECT_EQ(party.themes[0].passage,
            "Đẩy mạnh thông tin, tuyên truyền chuyển đổi số, kinh tế số trên địa bàn xã.");
  EXPECT_TRUE(party.themes[1].covered);
  EXPECT_FALSE(party.themes[2].covered);  // an toàn thông tin mạng: not in it
  EXPECT_LT(party.themes[2].score, kCoveredScore);
  ASSERT_EQ(party.tasks.size(), 4u);
  EXPECT_TRUE(party.tasks[1].covered);
  EXPECT_TRUE(party.tasks[1].assigned);   // "Đảng ủy các xã, phường"
  EXPECT_FALSE(party.tasks[0].assigned);  // "UBND các xã, phường"
  // The derived draft copies the parent's themes, so it covers them all.
  for (const auto& t : UnitEntry(c, "66904-UBND").themes) EXPECT_TRUE(t.covered);
}

TEST_P(PlanCoverageTest, OnlyUnitsWithinTheVisibleSubtreeAreListed) {
  PlanCoverageReport c = Coverage("/VN/66/66904/");
  std::vector<std::string> codes;
  for (const auto& u : c.units) codes.push_back(u.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"66904-CA", "66904-DU", "66904-UBND"}));
  EXPECT_EQ(c.summary.required, 3u);
  EXPECT_EQ(PlanCoverage(*db_, 9999, {}).status().code(), StatusCode::kNotFound);
}

TEST_P(PlanCoverageTest, LatenessIsJudgedOnTheDateInVietnam) {
  // The draft's deadline is 30/9/2025. 23:30 UTC that day is 06:30 on 1/10 in Vietnam: late,
  // although the UTC date is still the deadline day.
  auto late_for = [&](const char* now_utc) {
    FixedClockForTesting clock(*ParseIsoUtc(now_utc));
    auto c = PlanCoverage(*db_, parent_, {});
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() && UnitEntry(*c, "66904-UBND").late;
  };
  EXPECT_TRUE(late_for("2025-09-30T23:30:00Z"));
  EXPECT_FALSE(late_for("2025-09-30T16:30:00Z"));  // 23:30 on 30/9 in Vietnam
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanCoverageTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
