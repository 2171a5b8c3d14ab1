// The roll-up workbook (issue 13, workflow 4): Vietnamese method names, numbers as number cells,
// dates in notes as dd/mm/yyyy.
#include "export/rollup_workbook.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

Rollup SampleRollup() {
  Rollup r;
  r.unit = {"66", "Tỉnh Đắk Lắk", UnitKind::kProvince};
  r.period = {"2025-Q4", "Quý IV/2025", Date{2025, 9, 15}, Date{2025, 12, 14}};
  r.rates = {3, 2, 1};
  IndicatorRollup bai;
  bai.def = {.code = "so_bai", .name = "Số tin, bài", .aggregation = Aggregation::kSum,
             .unit_label = "bài"};
  bai.value = 1234.5;
  bai.inputs.reported = 2;
  bai.not_reported = 1;
  bai.formula = "Tổng giá trị của 2 đơn vị đã báo cáo = 1.234,5";
  IndicatorRollup qt;
  qt.def = {.code = "quan_triet", .name = "Đã quán triệt", .type = IndicatorType::kYesNo,
            .aggregation = Aggregation::kShareMeetingTarget};
  qt.value = 62.5;
  qt.inputs.reported = 2;
  r.indicators = {bai, qt};
  RollupChild child{{"66001", "Xã Ea Kar", UnitKind::kCommune}, {1, 1, 1},
                    {{"so_bai", {1234.5, 1, 0}}, {"quan_triet", {100, 1, 0}}}};
  r.children = {child};
  r.missing.total = 1;
  r.missing.units = {{.slot_id = 9, .code = "66002", .name = "Xã Ea Knốp", .due = {2025, 12, 16}}};
  r.late.total = 1;
  r.late.units = {{.slot_id = 8, .code = "66003", .name = "Xã Cư Huê", .due = {2025, 12, 16},
                   .submitted_at = "2025-12-17T02:00:00Z"}};
  return r;
}

TEST(RollupWorkbookTest, MethodsInVietnameseAndValuesAsNumbers) {
  std::vector<XlsxSheet> sheets = RollupWorkbook(SampleRollup());
  ASSERT_EQ(sheets.size(), 2u);
  const XlsxSheet& formulas = sheets[1];
  EXPECT_EQ(formulas.name, "Cách tính");
  ASSERT_EQ(formulas.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(formulas.rows[0][2].value), "Tổng");
  EXPECT_EQ(std::get<std::string>(formulas.rows[1][2].value), "Tỷ lệ đạt mục tiêu");
  // 1.234,5 is a number cell (the reader's locale shows it), 62,5% a percentage of 0.625.
  EXPECT_EQ(std::get<double>(formulas.rows[0][3].value), 1234.5);
  EXPECT_EQ(formulas.rows[1][3].format, XlsxCell::Format::kPercent);
  EXPECT_EQ(std::get<double>(formulas.rows[1][3].value), 0.625);
  EXPECT_EQ(std::get<std::string>(formulas.rows[0][7].value),
            "Tổng giá trị của 2 đơn vị đã báo cáo = 1.234,5");
}

TEST(RollupWorkbookTest, SummaryHasAChildRowATotalAndDatedNotes) {
  RollupTable table = RollupTableOf(SampleRollup());
  EXPECT_EQ(table.title, "Tổng hợp kết quả Quý IV/2025 — Tỉnh Đắk Lắk");
  ASSERT_EQ(table.columns.size(), 5u);  // two indicators, then expected, received, on time
  EXPECT_EQ(table.columns[0].header, "Số tin, bài (bài)");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].unit_name, "Xã Ea Kar");
  ASSERT_TRUE(table.total.has_value());
  EXPECT_EQ(std::get<double>(table.total->values[2].value), 3.0);
  EXPECT_EQ(table.notes, (std::vector<std::string>{
                             "Xã Ea Knốp chưa gửi báo cáo (hạn 16/12/2025).",
                             "Xã Cư Huê gửi báo cáo quá hạn (hạn 16/12/2025, gửi ngày 17/12/2025)."}));
  EXPECT_TRUE(WriteXlsx(RollupWorkbook(SampleRollup())).ok());
}

}  // namespace
}  // namespace lienthong
