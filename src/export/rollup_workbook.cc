#include "export/rollup_workbook.h"

#include "core/reporting_period.h"

namespace lienthong {
namespace {

// Percentages and shares meeting a target (a yes/no's share answering "có") show as percentages.
bool ShownAsPercent(const IndicatorDef& d) {
  return d.type == IndicatorType::kPercentage || d.aggregation == Aggregation::kShareMeetingTarget;
}

XlsxCell ValueCell(const std::optional<double>& value, const IndicatorDef& d) {
  if (!value) return XlsxCell::Empty();
  if (ShownAsPercent(d)) return XlsxCell::Percent(*value / 100.0);
  double v = *value;
  return v == static_cast<double>(static_cast<int64_t>(v)) ? XlsxCell::Integer(v)
                                                           : XlsxCell::Decimal(v);
}

std::string Header(const IndicatorDef& d) {
  std::string header = d.name;
  if (!d.unit_label.empty() && !ShownAsPercent(d)) header += " (" + d.unit_label + ")";
  return header;
}

std::string SubmittedOn(const SlotSummary& s) {
  return s.submitted_at ? ", gửi ngày " + DateVi(VietnamDateOf(*s.submitted_at)) : "";
}

}  // namespace

RollupTable RollupTableOf(const Rollup& r) {
  RollupTable t;
  t.title = "Tổng hợp kết quả " + r.period.label + " — " + r.unit.name;
  std::vector<const IndicatorDef*> numeric;
  for (const auto& i : r.indicators) {
    if (i.def.type == IndicatorType::kText) continue;
    t.columns.push_back({Header(i.def), ShownAsPercent(i.def) ? XlsxCell::Format::kPercent
                                                              : XlsxCell::Format::kDecimal});
    numeric.push_back(&i.def);
  }
  t.columns.push_back({"Số báo cáo phải nộp", XlsxCell::Format::kInteger});
  t.columns.push_back({"Đã nộp", XlsxCell::Format::kInteger});
  t.columns.push_back({"Đúng hạn", XlsxCell::Format::kInteger});
  auto rates = [](RollupRow& row, const RateTotals& rt) {
    for (int64_t n : {rt.expected, rt.received, rt.on_time}) {
      row.values.push_back(XlsxCell::Integer(static_cast<double>(n)));
    }
  };
  for (const auto& c : r.children) {
    RollupRow row{c.unit.name, {}};
    for (const IndicatorDef* d : numeric) {
      auto it = c.indicators.find(d->code);
      row.values.push_back(ValueCell(it == c.indicators.end() ? std::nullopt : it->second.value, *d));
    }
    rates(row, c.rates);
    t.rows.push_back(std::move(row));
  }
  RollupRow total{"Tổng cộng", {}};
  for (const auto& i : r.indicators) {
    if (i.def.type != IndicatorType::kText) total.values.push_back(ValueCell(i.value, i.def));
  }
  rates(total, r.rates);
  t.total = std::move(total);
  for (const auto& u : r.missing.units) {
    t.notes.push_back(u.name + " chưa gửi báo cáo (hạn " + DateVi(u.due) + ").");
  }
  for (const auto& u : r.late.units) {
    t.notes.push_back(u.name + " gửi báo cáo quá hạn (hạn " + DateVi(u.due) + SubmittedOn(u) + ").");
  }
  return t;
}

std::vector<XlsxSheet> RollupWorkbook(const Rollup& r) {
  XlsxSheet formulas;
  formulas.name = "Cách tính";
  formulas.title = "Cách tính từng chỉ tiêu — " + r.period.label + " — " + r.unit.name;
  formulas.headers = {"Mã chỉ tiêu", "Chỉ tiêu", "Cách tổng hợp", "Giá trị", "Đơn vị đã báo cáo",
                      "Không áp dụng", "Chưa báo cáo", "Công thức"};
  formulas.column_widths = {14, 36, 20, 14, 14, 14, 14, 70};
  for (const auto& i : r.indicators) {
    formulas.rows.push_back({XlsxCell::Text(i.def.code), XlsxCell::Text(i.def.name),
                             XlsxCell::Text(std::string(AggregationLabelVi(i.def.aggregation))),
                             ValueCell(i.value, i.def),
                             XlsxCell::Integer(static_cast<double>(i.inputs.reported)),
                             XlsxCell::Integer(static_cast<double>(i.inputs.not_applicable)),
                             XlsxCell::Integer(static_cast<double>(i.not_reported)),
                             XlsxCell::Text(i.formula)});
  }
  return {RollupToXlsxSheet(RollupTableOf(r), "Tổng hợp"), formulas};
}

}  // namespace lienthong
