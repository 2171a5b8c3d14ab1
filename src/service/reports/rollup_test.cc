// The roll-up: aggregations and their explanations, pre-aggregated rows against the plain
// GROUP BY over raw rows, returns and new versions, merged units, and changed indicators.
#include "service/reports/rollup.h"

#include <gtest/gtest.h>

#include "testing/report_test_fixture.h"
#include "service/units/unit_reorganize.h"
#include "store/testing/counting_database.h"

namespace lienthong {
namespace {

using testing_reports::ExpectSameAnswer;

class RollupTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    Status s = f_.SetUp(GetParam());
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  Rollup Of(const std::string& unit, const std::string& period,
            RollupSource source = RollupSource::kPreAggregated) {
    auto u = UnitStore(*f_.db).GetByCode(unit);
    auto out = BuildRollup(*f_.db, f_.plan_id, *u, period, source, Date{2026, 1, 1});
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    return out.ok() ? *out : Rollup{};
  }
  static IndicatorRollup Indicator(const Rollup& r, const std::string& code) {
    for (const auto& i : r.indicators) {
      if (i.def.code == code) return i;
    }
    ADD_FAILURE() << "no indicator " << code;
    return {};
  }
  static std::vector<std::string> Codes(const std::vector<SlotSummary>& units) {
    std::vector<std::string> out;
    for (const auto& u : units) out.push_back(u.code);
    return out;
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

  Rollup r = Of("VN", "2025-Q4");
  EXPECT_EQ(r.period.label, "Quý IV/2025");
  EXPECT_EQ(r.period.start, (Date{2025, 9, 15}));
  // Expected: 66, 66001-3, 25, 25001 (territorial units under VN).
  EXPECT_EQ(r.rates, (RateTotals{6, 4, 3}));
  EXPECT_EQ(r.rates.ReceivedRate(), 66.6667);

  IndicatorRollup bai = Indicator(r, "so_bai");
  EXPECT_EQ(bai.value, 23.0);
  EXPECT_EQ(bai.inputs.reported, 4);
  EXPECT_EQ(bai.not_reported, 2);
  EXPECT_EQ(bai.inputs.sum, 23 * kValueScale);
  EXPECT_EQ(bai.formula, "Tổng giá trị của 4 đơn vị đã báo cáo = 23");

  // (50×20 + 100×10) / 30; 66 is n/a, 25001 has no weight: both left out.
  IndicatorRollup ty_le = Indicator(r, "ty_le_hoc_tap");
  EXPECT_DOUBLE_EQ(*ty_le.value, 66.6667);
  EXPECT_EQ(ty_le.inputs.not_applicable, 1);
  EXPECT_EQ(ty_le.inputs.weighted_n, 2);
  EXPECT_EQ(ty_le.inputs.weight_sum, 30 * kValueScale);
  // The formula names the weight by its name and writes numbers the Vietnamese way.
  EXPECT_EQ(ty_le.formula,
            "Bình quân gia quyền theo Số đảng viên = Σ(giá trị × Số đảng viên) / Σ Số đảng viên "
            "= 2.000 / 30 = 66,6667% (2 đơn vị có cả giá trị và trọng số)");

  // Two of three reporting units answered "có": 66.67% against the goal of 100% by Q4/2025.
  IndicatorRollup qt = Indicator(r, "quan_triet");
  EXPECT_DOUBLE_EQ(*qt.value, 66.6667);
  ASSERT_TRUE(qt.goal.has_value());
  EXPECT_EQ(qt.goal->goal, 100.0);
  EXPECT_EQ(qt.goal->by_label, "Quý IV/2025");
  EXPECT_FALSE(qt.goal->met);
  EXPECT_EQ(qt.goal->deadline_reached, true);
  EXPECT_EQ(qt.formula, "Tỷ lệ đơn vị trả lời “Có” = 2 / 3 × 100 = 66,6667%");
  EXPECT_EQ(Indicator(r, "hoi_nghi_max").value, 7.0);
  EXPECT_EQ(Indicator(r, "ghi_chu").value, std::nullopt);
  EXPECT_EQ(Indicator(r, "ghi_chu").inputs.reported, 4);

  // Children: 25 and 66 (its own report and its communes).
  ASSERT_EQ(r.children.size(), 2u);
  EXPECT_EQ(r.children[0].unit.code, "25");
  EXPECT_EQ(r.children[0].indicators["so_bai"].value, 7.0);
  EXPECT_EQ(r.children[1].indicators["so_bai"].value, 16.0);
  EXPECT_EQ(r.late.total, 1);
  EXPECT_EQ(Codes(r.late.units), (std::vector<std::string>{"66"}));
  EXPECT_EQ(r.missing.total, 2);  // 66003 and 25, overdue on 2026-01-01

  Rollup p = Of("66", "2025-Q4");
  EXPECT_EQ(p.own["so_bai"].value, 1.0);
  EXPECT_EQ(Indicator(p, "so_bai").value, 16.0);
  ExpectSameAnswer(*f_.db, f_.plan_id, "VN", "2025-Q4");
  ExpectSameAnswer(*f_.db, f_.plan_id, "66", "2025-Q4");
  ExpectSameAnswer(*f_.db, f_.plan_id, "25", "2025-Q4");
}

TEST_P(RollupTest, LateAndMissingListsFollowAUnitThatMoved) {
  ASSERT_TRUE(f_.Report("66001", "2025-Q4", 10, 20, 50, true, 3).ok());
  ASSERT_TRUE(f_.Report("66002", "2025-Q4", 5, 10, 100, false, 7, "2025-12-25T02:00:00Z").ok());
  Rollup before = Of("66", "2025-Q4");
  ASSERT_EQ(before.missing.total, 2);  // the province itself and 66003
  EXPECT_EQ(Codes(before.missing.units), (std::vector<std::string>{"66", "66003"}));
  EXPECT_EQ(before.late.total, 1);
  EXPECT_EQ(Codes(before.late.units), (std::vector<std::string>{"66002"}));
  EXPECT_TRUE(before.late.units[0].report_id.has_value());
  EXPECT_EQ(before.late.units[0].status, ReportStatus::kSubmitted);

  // The slots' copy of the unit path follows the move (a trigger on units.path).
  ASSERT_TRUE(MoveUnit(*f_.db, "66003", "25", Date{2025, 10, 1}, "test").ok());
  ASSERT_TRUE(MoveUnit(*f_.db, "66002", "25", Date{2025, 10, 1}, "test").ok());
  Rollup old_parent = Of("66", "2025-Q4");
  EXPECT_EQ(Codes(old_parent.missing.units), (std::vector<std::string>{"66"}));
  EXPECT_EQ(old_parent.late.total, 0);
  Rollup new_parent = Of("25", "2025-Q4");
  // In tree order.
  EXPECT_EQ(Codes(new_parent.missing.units), (std::vector<std::string>{"25", "25001", "66003"}));
  EXPECT_EQ(Codes(new_parent.late.units), (std::vector<std::string>{"66002"}));
  // A limit cuts the list, not the total.
  auto u = UnitStore(*f_.db).GetByCode("25");
  auto cut = BuildRollup(*f_.db, f_.plan_id, *u, "2025-Q4", RollupSource::kPreAggregated,
                         Date{2026, 1, 1}, /*list_limit=*/1);
  ASSERT_TRUE(cut.ok()) << cut.status().ToString();
  EXPECT_EQ(cut->missing.total, 3);
  EXPECT_EQ(cut->missing.units.size(), 1u);
  ExpectSameAnswer(*f_.db, f_.plan_id, "25", "2025-Q4");
  ExpectSameAnswer(*f_.db, f_.plan_id, "VN", "2025-Q4");
}

TEST_P(RollupTest, ExplainListsEveryInputAndWhoWasLeftOut) {
  ASSERT_TRUE(f_.Report("66001", "2025-Q4", 10, 20, 50, true, 3).ok());
  ASSERT_TRUE(f_.Report("66", "2025-Q4", 1, 30, std::nullopt, true, 1).ok());
  auto unit = UnitStore(*f_.db).GetByCode("66");
  auto ex = ExplainIndicator(*f_.db, f_.plan_id, *unit, "2025-Q4", "ty_le_hoc_tap");
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  ASSERT_EQ(ex->included.size(), 1u);
  EXPECT_EQ(ex->included[0].code, "66001");
  EXPECT_EQ(ex->included[0].value, 50.0);
  EXPECT_EQ(ex->included[0].weight, 20.0);
  ASSERT_EQ(ex->not_applicable.size(), 1u);
  EXPECT_EQ(ex->not_applicable[0].code, "66");
  ASSERT_EQ(ex->not_reported.size(), 2u);  // 66002, 66003
  EXPECT_EQ(ex->not_reported[0].reason, LeftOutUnit::Reason::kNoReport);
  EXPECT_EQ(ex->not_reported[0].status, std::nullopt);  // nothing filed
  EXPECT_EQ(ExplainIndicator(*f_.db, f_.plan_id, *unit, "2025-Q4", "nope").status().code(),
            StatusCode::kNotFound);
}

TEST_P(RollupTest, ReturnsAndNewVersionsKeepBothSourcesIdentical) {
  ASSERT_TRUE(f_.Report("66001", "2025-Q3", 10, 20, 50, true, 3).ok());
  auto second = f_.Report("66002", "2025-Q3", 5, 10, 100, false, 9);
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(AcceptReport(*f_.db, *second, "manager").ok());
  EXPECT_EQ(Indicator(Of("66", "2025-Q3"), "hoi_nghi_max").value, 9.0);

  // A correction: new version of 66002 with a smaller maximum; v1 counts until v2 is submitted.
  auto slot = f_.SlotId("66002", "2025-Q3");
  DraftRequest fix{.slot_id = *slot, .values = {{.code = "so_bai", .number = 6},
                                                {.code = "hoi_nghi_max", .number = 2}},
                   .actor = "test"};
  auto v2 = SaveDraft(*f_.db, fix);
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_NE(*v2, *second);
  EXPECT_EQ(Indicator(Of("66", "2025-Q3"), "so_bai").value, 15.0);
  Status submitted = SubmitReport(*f_.db, *v2, "test", "2025-09-20T01:00:00Z");
  ASSERT_TRUE(submitted.ok()) << submitted.ToString();
  Rollup after = Of("66", "2025-Q3");
  EXPECT_EQ(Indicator(after, "so_bai").value, 16.0);
  EXPECT_EQ(Indicator(after, "hoi_nghi_max").value, 3.0);  // the old max is gone
  ExpectSameAnswer(*f_.db, f_.plan_id, "VN", "2025-Q3");

  // Returning v2 falls back to the accepted v1.
  ASSERT_TRUE(ReturnReport(*f_.db, *v2, "Số liệu chưa khớp", "manager").ok());
  EXPECT_EQ(Indicator(Of("66", "2025-Q3"), "hoi_nghi_max").value, 9.0);
  ExpectSameAnswer(*f_.db, f_.plan_id, "VN", "2025-Q3");
  ExpectSameAnswer(*f_.db, f_.plan_id, "66", "2025-Q3");

  // Returning the only version of 66001 takes it out of the rates and values.
  auto first_slot = ReportStore(*f_.db).GetSlot(*f_.SlotId("66001", "2025-Q3"));
  ASSERT_TRUE(first_slot.ok() && first_slot->has_value());
  ASSERT_TRUE(ReturnReport(*f_.db, *(*first_slot)->counted_report_id, "Thiếu số liệu", "manager").ok());
  Rollup r = Of("66", "2025-Q3");
  EXPECT_EQ(r.rates.received, 1);
  EXPECT_EQ(Indicator(r, "so_bai").value, 5.0);
  ExpectSameAnswer(*f_.db, f_.plan_id, "VN", "2025-Q3");
}

TEST_P(RollupTest, MergedUnitsRollIntoTheirSuccessorAfterTheMergeOnly) {
  ASSERT_TRUE(f_.Report("66001", "2025-Q2", 10, 20, 50, true, 3).ok());
  ASSERT_TRUE(f_.Report("66003", "2025-Q2", 1, 10, 10, true, 1).ok());
  ASSERT_TRUE(f_.Report("66001", "2025-Q4", 4, 20, 50, true, 3).ok());
  ASSERT_TRUE(f_.Report("66003", "2025-Q4", 2, 10, 10, true, 1).ok());
  ASSERT_TRUE(MergeUnits(*f_.db, {"66001", "66002"}, "66003", Date{2025, 7, 1}, "test").ok());
  ASSERT_TRUE(RebuildRollupsSince(*f_.db, "2025-07-01").ok());

  auto codes = [](const Rollup& r) {
    std::vector<std::string> out;
    for (const auto& c : r.children) out.push_back(c.unit.code);
    return out;
  };
  Rollup q2 = Of("66", "2025-Q2");
  EXPECT_EQ(codes(q2), (std::vector<std::string>{"66-TU", "66001", "66002", "66003"}));
  EXPECT_EQ(q2.children[1].indicators["so_bai"].value, 10.0);

  Rollup q4 = Of("66", "2025-Q4");
  EXPECT_EQ(codes(q4), (std::vector<std::string>{"66-TU", "66003"}));
  EXPECT_EQ(q4.children[1].indicators["so_bai"].value, 6.0);  // 4 from 66001 + 2
  EXPECT_EQ(q4.own["so_bai"].reported, 0);
  EXPECT_EQ(Indicator(q4, "so_bai").value, 6.0);
  for (const char* period : {"2025-Q2", "2025-Q4"}) {
    ExpectSameAnswer(*f_.db, f_.plan_id, "66", period);
    ExpectSameAnswer(*f_.db, f_.plan_id, "VN", period);
  }
}

// Changing what a report adds (here a target) rebuilds the pre-aggregated rows, so they keep
// agreeing with the raw GROUP BY, which always reads the current definitions.
TEST_P(RollupTest, ChangedIndicatorsRebuildThePreAggregatedRows) {
  ASSERT_TRUE(f_.Report("66001", "2025-Q4", 10, 20, 50, true, 3).ok());
  ASSERT_TRUE(f_.Report("66002", "2025-Q4", 5, 10, 100, false, 7).ok());
  auto defs = testing_reports::TestIndicators();
  defs[4].aggregation = Aggregation::kShareMeetingTarget;  // hoi_nghi_max: share with ≥ 5
  defs[4].target = 5;
  ASSERT_TRUE(DeclareIndicators(*f_.db, f_.plan_id, defs, "test").ok());
  EXPECT_EQ(Indicator(Of("66", "2025-Q4"), "hoi_nghi_max").value, 50.0);
  ExpectSameAnswer(*f_.db, f_.plan_id, "66", "2025-Q4");
  ExpectSameAnswer(*f_.db, f_.plan_id, "VN", "2025-Q4");
}

// The pre-aggregated roll-up reads a fixed number of statements, whatever the subtree's size:
// periods' window, indicators, children, totals, rates, the own report (2), the three state
// counts, and the late and missing lists when they have entries.
TEST_P(RollupTest, PreAggregatedRollupRunsAFixedNumberOfStatements) {
  ASSERT_TRUE(f_.Report("66001", "2025-Q4", 10, 20, 50, true, 3).ok());
  ASSERT_TRUE(f_.Report("66", "2025-Q4", 1, 30, std::nullopt, true, 1, "2025-12-25T02:00:00Z").ok());
  CountingDatabase counting(*f_.db);
  auto unit = UnitStore(*f_.db).GetByCode("VN");
  auto r = BuildRollup(counting, f_.plan_id, *unit, "2025-Q4", RollupSource::kPreAggregated,
                       Date{2026, 1, 1});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_GT(r->late.total, 0);
  ASSERT_GT(r->missing.total, 0);
  EXPECT_EQ(counting.statements(), 10);
}

INSTANTIATE_TEST_SUITE_P(Backends, RollupTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
