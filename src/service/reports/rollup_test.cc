// The roll-up: aggregations and their explanations, pre-aggregated rows against the plain
// GROUP BY over raw rows, returns and new versions, and merged units.
#include "service/reports/rollup.h"

#include <gtest/gtest.h>

#include "service/testing/report_test_fixture.h"
#include "service/units/unit_reorganize.h"

namespace lienthong {
namespace {

using nlohmann::json;
using testing_reports::ExpectSameAnswer;

class RollupTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    Status s = f_.SetUp(GetParam());
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  json Rollup(const std::string& unit, const std::string& period,
              RollupSource source = RollupSource::kPreAggregated) {
    auto u = UnitStore(*f_.db).GetByCode(unit);
    auto out = BuildRollup(*f_.db, f_.plan_id, *u, period, source, Date{2026, 1, 1});
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    return out.ok() ? *out : json();
  }
  static const json& Indicator(const json& rollup, const std::string& code) {
    for (const auto& i : rollup["indicators"]) {
      if (i["code"] == code) return i;
    }
    static json none;
    return none;
  }
  testing_reports::ReportFixture f_;
};

TEST_P(RollupTest, AggregatesEachIndicatorAsDeclaredAndExplainsIt) {
  ASSERT_TRUE(f_.Report("66001", "2025-Q4", 10, 20, 50, true, 3).ok());
  ASSERT_TRUE(f_.Report("66002", "2025-Q4", 5, 10, 100, false, 7).ok());
  // 66 reports for itself, late (due 14/12 + 5 days = 19/12; submitted 20/12 in Vietnam).
  ASSERT_TRUE(f_.Report("66", "2025-Q4", 1, 30, std::nullopt, true, 1,
                        "2025-12-19T18:00:00Z").ok());
  ASSERT_TRUE(f_.Report("25001", "2025-Q4", 7, std::nullopt, 80, std::nullopt, 2).ok());

  json r = Rollup("VN", "2025-Q4");
  EXPECT_EQ(r["period"]["label"], "Quý IV/2025");
  EXPECT_EQ(r["period"]["start"], "2025-09-15");
  // Expected: 66, 66001-3, 25, 25001 (territorial units under VN).
  EXPECT_EQ(r["rates"]["expected"], 6);
  EXPECT_EQ(r["rates"]["received"], 4);
  EXPECT_EQ(r["rates"]["on_time"], 3);

  const json& bai = Indicator(r, "so_bai");
  EXPECT_EQ(bai["value"], 23.0);
  EXPECT_EQ(bai["reported"], 4);
  EXPECT_EQ(bai["not_reported"], 2);
  EXPECT_EQ(bai["explanation"]["inputs"]["sum"], 23.0);

  // (50×20 + 100×10) / 30; 66 is n/a, 25001 has no weight: both left out.
  const json& ty_le = Indicator(r, "ty_le_hoc_tap");
  EXPECT_DOUBLE_EQ(ty_le["value"].get<double>(), 66.6667);
  EXPECT_EQ(ty_le["not_applicable"], 1);
  EXPECT_EQ(ty_le["explanation"]["inputs"]["weighted_count"], 2);
  EXPECT_EQ(ty_le["explanation"]["inputs"]["weight_sum"], 30.0);
  EXPECT_NE(ty_le["explanation"]["formula"].get<std::string>().find("so_dang_vien"),
            std::string::npos);

  // Two of three reporting units answered "có": 66.67% against the goal of 100% by Q4/2025.
  const json& qt = Indicator(r, "quan_triet");
  EXPECT_DOUBLE_EQ(qt["value"].get<double>(), 66.6667);
  EXPECT_EQ(qt["goal"]["value"], 100.0);
  EXPECT_EQ(qt["goal"]["by_label"], "Quý IV/2025");
  EXPECT_EQ(qt["goal"]["met"], false);
  EXPECT_EQ(qt["goal"]["deadline_reached"], true);
  EXPECT_EQ(Indicator(r, "hoi_nghi_max")["value"], 7.0);
  EXPECT_EQ(Indicator(r, "ghi_chu")["value"], nullptr);
  EXPECT_EQ(Indicator(r, "ghi_chu")["reported"], 4);

  // Children: 66 (its own report and its communes) and 25.
  ASSERT_EQ(r["children"].size(), 2u);
  EXPECT_EQ(r["children"][0]["code"], "25");
  EXPECT_EQ(r["children"][0]["indicators"]["so_bai"]["value"], 7.0);
  EXPECT_EQ(r["children"][1]["indicators"]["so_bai"]["value"], 16.0);
  EXPECT_EQ(r["late"]["total"], 1);
  EXPECT_EQ(r["late"]["units"][0]["code"], "66");
  EXPECT_EQ(r["missing"]["total"], 2);  // 66003 and 25, overdue on 2026-01-01

  json p = Rollup("66", "2025-Q4");
  EXPECT_EQ(p["own"]["indicators"]["so_bai"]["value"], 1.0);
  EXPECT_EQ(Indicator(p, "so_bai")["value"], 16.0);
  ExpectSameAnswer(*f_.db, f_.plan_id, "VN", "2025-Q4");
  ExpectSameAnswer(*f_.db, f_.plan_id, "66", "2025-Q4");
  ExpectSameAnswer(*f_.db, f_.plan_id, "25", "2025-Q4");
}

TEST_P(RollupTest, LateAndMissingListsFollowAUnitThatMoved) {
  ASSERT_TRUE(f_.Report("66001", "2025-Q4", 10, 20, 50, true, 3).ok());
  ASSERT_TRUE(f_.Report("66002", "2025-Q4", 5, 10, 100, false, 7, "2025-12-25T02:00:00Z").ok());
  json before = Rollup("66", "2025-Q4");
  ASSERT_EQ(before["missing"]["total"], 2);  // the province itself and 66003
  EXPECT_EQ(before["missing"]["units"][1]["code"], "66003");
  EXPECT_EQ(before["late"]["total"], 1);
  EXPECT_EQ(before["late"]["units"][0]["code"], "66002");

  // The slots' copy of the unit path follows the move (a trigger on units.path).
  ASSERT_TRUE(MoveUnit(*f_.db, "66003", "25", Date{2025, 10, 1}, "test").ok());
  ASSERT_TRUE(MoveUnit(*f_.db, "66002", "25", Date{2025, 10, 1}, "test").ok());
  json old_parent = Rollup("66", "2025-Q4");
  ASSERT_EQ(old_parent["missing"]["total"], 1);
  EXPECT_EQ(old_parent["missing"]["units"][0]["code"], "66");
  EXPECT_EQ(old_parent["late"]["total"], 0);
  json new_parent = Rollup("25", "2025-Q4");
  ASSERT_EQ(new_parent["missing"]["total"], 3);  // in tree order
  EXPECT_EQ(new_parent["missing"]["units"][0]["code"], "25");
  EXPECT_EQ(new_parent["missing"]["units"][1]["code"], "25001");
  EXPECT_EQ(new_parent["missing"]["units"][2]["code"], "66003");
  ASSERT_EQ(new_parent["late"]["total"], 1);
  EXPECT_EQ(new_parent["late"]["units"][0]["code"], "66002");
  // A limit cuts the list, not the total.
  auto u = UnitStore(*f_.db).GetByCode("25");
  auto cut = BuildRollup(*f_.db, f_.plan_id, *u, "2025-Q4", RollupSource::kPreAggregated,
                         Date{2026, 1, 1}, /*list_limit=*/1);
  ASSERT_TRUE(cut.ok()) << cut.status().ToString();
  EXPECT_EQ((*cut)["missing"]["total"], 3);
  EXPECT_EQ((*cut)["missing"]["units"].size(), 1u);
  ExpectSameAnswer(*f_.db, f_.plan_id, "25", "2025-Q4");
  ExpectSameAnswer(*f_.db, f_.plan_id, "VN", "2025-Q4");
}

TEST_P(RollupTest, ExplainListsEveryInputAndWhoWasLeftOut) {
  ASSERT_TRUE(f_.Report("66001", "2025-Q4", 10, 20, 50, true, 3).ok());
  ASSERT_TRUE(f_.Report("66", "2025-Q4", 1, 30, std::nullopt, true, 1).ok());
  auto unit = UnitStore(*f_.db).GetByCode("66");
  auto ex = ExplainIndicator(*f_.db, f_.plan_id, *unit, "2025-Q4", "ty_le_hoc_tap");
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  ASSERT_EQ((*ex)["included"].size(), 1u);
  EXPECT_EQ((*ex)["included"][0]["code"], "66001");
  EXPECT_EQ((*ex)["included"][0]["value"], 50.0);
  EXPECT_EQ((*ex)["included"][0]["weight"], 20.0);
  EXPECT_EQ((*ex)["left_out"]["not_applicable"][0]["code"], "66");
  EXPECT_EQ((*ex)["left_out"]["not_reported"].size(), 2u);  // 66002, 66003
  EXPECT_EQ(ExplainIndicator(*f_.db, f_.plan_id, *unit, "2025-Q4", "nope").status().code(),
            StatusCode::kNotFound);
}

TEST_P(RollupTest, ReturnsAndNewVersionsKeepBothSourcesIdentical) {
  ASSERT_TRUE(f_.Report("66001", "2025-Q3", 10, 20, 50, true, 3).ok());
  auto second = f_.Report("66002", "2025-Q3", 5, 10, 100, false, 9);
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(AcceptReport(*f_.db, *second, "manager").ok());
  EXPECT_EQ(Indicator(Rollup("66", "2025-Q3"), "hoi_nghi_max")["value"], 9.0);

  // A correction: new version of 66002 with a smaller maximum; v1 counts until v2 is submitted.
  auto slot = f_.SlotId("66002", "2025-Q3");
  DraftRequest fix{.slot_id = *slot, .values = {{.code = "so_bai", .number = 6},
                                                {.code = "hoi_nghi_max", .number = 2}},
                   .actor = "test"};
  auto v2 = SaveDraft(*f_.db, fix);
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_NE(*v2, *second);
  EXPECT_EQ(Indicator(Rollup("66", "2025-Q3"), "so_bai")["value"], 15.0);
  Status submitted = SubmitReport(*f_.db, *v2, "test", "2025-09-20T01:00:00Z");
  ASSERT_TRUE(submitted.ok()) << submitted.ToString();
  json after = Rollup("66", "2025-Q3");
  EXPECT_EQ(Indicator(after, "so_bai")["value"], 16.0);
  EXPECT_EQ(Indicator(after, "hoi_nghi_max")["value"], 3.0);  // the old max is gone
  ExpectSameAnswer(*f_.db, f_.plan_id, "VN", "2025-Q3");

  // Returning v2 falls back to the accepted v1.
  ASSERT_TRUE(ReturnReport(*f_.db, *v2, "Số liệu chưa khớp", "manager").ok());
  EXPECT_EQ(Indicator(Rollup("66", "2025-Q3"), "hoi_nghi_max")["value"], 9.0);
  ExpectSameAnswer(*f_.db, f_.plan_id, "VN", "2025-Q3");
  ExpectSameAnswer(*f_.db, f_.plan_id, "66", "2025-Q3");

  // Returning the only version of 66001 takes it out of the rates and values.
  auto first_id = f_.db->Query("SELECT counted_report_id FROM report_slots WHERE id = ?",
                               {*f_.SlotId("66001", "2025-Q3")});
  ASSERT_TRUE(ReturnReport(*f_.db, first_id->at(0).Int(0), "Thiếu số liệu", "manager").ok());
  json r = Rollup("66", "2025-Q3");
  EXPECT_EQ(r["rates"]["received"], 1);
  EXPECT_EQ(Indicator(r, "so_bai")["value"], 5.0);
  ExpectSameAnswer(*f_.db, f_.plan_id, "VN", "2025-Q3");
}

TEST_P(RollupTest, MergedUnitsRollIntoTheirSuccessorAfterTheMergeOnly) {
  ASSERT_TRUE(f_.Report("66001", "2025-Q2", 10, 20, 50, true, 3).ok());
  ASSERT_TRUE(f_.Report("66003", "2025-Q2", 1, 10, 10, true, 1).ok());
  ASSERT_TRUE(f_.Report("66001", "2025-Q4", 4, 20, 50, true, 3).ok());
  ASSERT_TRUE(f_.Report("66003", "2025-Q4", 2, 10, 10, true, 1).ok());
  ASSERT_TRUE(MergeUnits(*f_.db, {"66001", "66002"}, "66003", Date{2025, 7, 1}, "test").ok());
  ASSERT_TRUE(RebuildRollupsSince(*f_.db, "2025-07-01").ok());

  json q2 = Rollup("66", "2025-Q2");
  std::vector<std::string> codes;
  for (const auto& c : q2["children"]) codes.push_back(c["code"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"66-TU", "66001", "66002", "66003"}));
  EXPECT_EQ(q2["children"][1]["indicators"]["so_bai"]["value"], 10.0);

  json q4 = Rollup("66", "2025-Q4");
  codes.clear();
  for (const auto& c : q4["children"]) codes.push_back(c["code"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"66-TU", "66003"}));
  EXPECT_EQ(q4["children"][1]["indicators"]["so_bai"]["value"], 6.0);  // 4 from 66001 + 2
  EXPECT_EQ(q4["own"]["indicators"]["so_bai"]["reported"], 0);
  EXPECT_EQ(Indicator(q4, "so_bai")["value"], 6.0);
  for (const char* period : {"2025-Q2", "2025-Q4"}) {
    ExpectSameAnswer(*f_.db, f_.plan_id, "66", period);
    ExpectSameAnswer(*f_.db, f_.plan_id, "VN", period);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, RollupTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
