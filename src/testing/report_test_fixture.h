// Shared set-up for the report, roll-up and report-route tests: a small tree (VN → 66 with three
// communes and a party committee, 25 with one commune), a plan issued by VN with six indicators
// and a quarterly 2025 duty. Header-only, used by *_test.cc files only.
#pragma once

#include <gtest/gtest.h>

#include "service/reports/report_duties.h"
#include "service/reports/report_workflow.h"
#include "service/reports/rollup.h"
#include "service/units/unit_import.h"
#include "store/plan_store.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong::testing_reports {

inline Result<int64_t> MakePlan(Database& db, const std::string& unit_code) {
  LT_ASSIGN_OR_RETURN(Unit unit, UnitStore(db).GetByCode(unit_code));
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  PlanRecord plan;
  plan.unit_id = unit.id;
  plan.doc_type = "Kế hoạch";
  plan.title = "Tuyên truyền chuyển đổi số năm 2025";
  plan.date = "2025-01-10";
  plan.document_json = "{}";
  plan.created_by = "test";
  LT_ASSIGN_OR_RETURN(int64_t id, PlanStore(db).InsertPlan(plan));
  LT_RETURN_IF_ERROR(txn->Commit());
  return id;
}

inline std::vector<IndicatorDef> TestIndicators() {
  std::vector<IndicatorDef> defs(6);
  defs[0] = {.code = "so_bai", .name = "Số tin, bài", .aggregation = Aggregation::kSum, .unit_label = "bài"};
  defs[1] = {.code = "so_dang_vien", .name = "Số đảng viên", .aggregation = Aggregation::kSum};
  defs[2] = {.code = "ty_le_hoc_tap", .name = "Tỷ lệ đảng viên học tập",
             .type = IndicatorType::kPercentage, .aggregation = Aggregation::kWeightedMean,
             .weight_code = "so_dang_vien", .unit_label = "%"};
  defs[3] = {.code = "quan_triet", .name = "Tổ chức đảng được quán triệt",
             .type = IndicatorType::kYesNo, .aggregation = Aggregation::kShareMeetingTarget, .goal = 100,
             .goal_period = "2025-Q4"};
  defs[4] = {.code = "hoi_nghi_max", .name = "Số hội nghị nhiều nhất", .aggregation = Aggregation::kMax};
  defs[5] = {.code = "ghi_chu", .name = "Ghi chú", .type = IndicatorType::kText};
  return defs;
}

struct ReportFixture {
  std::unique_ptr<Database> db;
  int64_t plan_id = 0;

  Status SetUp(const std::string& backend) {
    LT_ASSIGN_OR_RETURN(db, OpenFreshTestDatabase(backend));
    LT_ASSIGN_OR_RETURN(auto rows, ParseUnitCsv(
        "code,name,kind,parent_code\n"
        "66,Tỉnh Đắk Lắk,province,VN\n"
        "66001,Xã Ea Kar,commune,66\n"
        "66002,Xã Ea Knốp,commune,66\n"
        "66003,Xã Cư Huê,commune,66\n"
        "66-TU,Tỉnh ủy Đắk Lắk,party_committee,66\n"
        "25,Tỉnh Phú Thọ,province,VN\n"
        "25001,Xã Thanh Thủy,commune,25\n",
        "units.csv"));
    LT_RETURN_IF_ERROR(ImportUnits(*db, rows, "test").status());
    LT_ASSIGN_OR_RETURN(plan_id, MakePlan(*db, "VN"));
    LT_RETURN_IF_ERROR(DeclareIndicators(*db, plan_id, TestIndicators(), "test").status());
    DutyRequest duty;
    duty.plan_id = plan_id;
    duty.frequency = ReportFrequency::kQuarterly;
    duty.first_year = duty.last_year = 2025;
    duty.offset_days = {{"commune", 2}, {"province", 5}};
    duty.actor = "test";
    return AddReportingDuty(*db, duty).status();
  }

  Result<int64_t> SlotId(const std::string& unit_code, const std::string& period) {
    LT_ASSIGN_OR_RETURN(Unit unit, UnitStore(*db).GetByCode(unit_code));
    LT_ASSIGN_OR_RETURN(auto slot, ReportStore(*db).FindSlot(plan_id, unit.id, period));
    if (!slot) return Status::NotFound("no slot for " + unit_code + " " + period);
    return slot->id;
  }

  // Drafts and submits a report with these numbers; returns the report id.
  Result<int64_t> Report(const std::string& unit_code, const std::string& period, double bai,
                         std::optional<double> dang_vien, std::optional<double> ty_le,
                         std::optional<bool> quan_triet, double hoi_nghi,
                         const std::string& submitted_at = "2025-12-01T03:00:00Z") {
    LT_ASSIGN_OR_RETURN(int64_t slot, SlotId(unit_code, period));
    DraftRequest draft;
    draft.slot_id = slot;
    draft.actor = "test";
    draft.highlights = "Hoàn thành kế hoạch";
    draft.values.push_back({.code = "so_bai", .number = bai});
    draft.values.push_back({.code = "hoi_nghi_max", .number = hoi_nghi});
    if (dang_vien) draft.values.push_back({.code = "so_dang_vien", .number = *dang_vien});
    if (ty_le) draft.values.push_back({.code = "ty_le_hoc_tap", .number = *ty_le});
    else draft.values.push_back({.code = "ty_le_hoc_tap", .not_applicable = true});
    if (quan_triet) draft.values.push_back({.code = "quan_triet", .yes = *quan_triet});
    draft.values.push_back({.code = "ghi_chu", .text = "Đã triển khai"});
    LT_ASSIGN_OR_RETURN(int64_t id, SaveDraft(*db, draft));
    LT_RETURN_IF_ERROR(SubmitReport(*db, id, "test", submitted_at));
    return id;
  }
};

// The roll-up from both sources must agree on everything but the source.
inline void ExpectSameAnswer(Database& db, int64_t plan_id, const std::string& unit_code,
                             const std::string& period) {
  auto unit = UnitStore(db).GetByCode(unit_code);
  ASSERT_TRUE(unit.ok());
  Date today{2026, 1, 1};
  auto pre = BuildRollup(db, plan_id, *unit, period, RollupSource::kPreAggregated, today);
  auto raw = BuildRollup(db, plan_id, *unit, period, RollupSource::kRawQuery, today);
  ASSERT_TRUE(pre.ok()) << pre.status().ToString();
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_EQ(raw->source, RollupSource::kRawQuery);
  raw->source = pre->source;
  EXPECT_EQ(pre->rates, raw->rates) << unit_code << " " << period;
  ASSERT_EQ(pre->indicators.size(), raw->indicators.size());
  for (size_t i = 0; i < pre->indicators.size(); ++i) {
    EXPECT_EQ(pre->indicators[i].inputs, raw->indicators[i].inputs)
        << unit_code << " " << period << " " << pre->indicators[i].def.code;
  }
  EXPECT_TRUE(*pre == *raw) << unit_code << " " << period;
}

}  // namespace lienthong::testing_reports
