#include "service/reports/report_export.h"

#include <algorithm>

#include "core/issuing_body.h"
#include "core/reporting_period.h"
#include "core/unit_path.h"
#include "export/docx_writer.h"
#include "export/report_document.h"
#include "export/rollup_workbook.h"
#include "export/xlsx_writer.h"
#include "service/reports/report_workflow.h"
#include "service/reports/rollup.h"
#include "store/plan_store.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

// The unit at `path` and its ancestors, root first.
Result<std::vector<Unit>> LineageOf(Database& db, const std::string& path) {
  UnitStore units(db);
  std::vector<Unit> lineage;
  for (const std::string& prefix : UnitPath(path).Lineage()) {
    std::string code = prefix.substr(0, prefix.size() - 1);
    code = code.substr(code.rfind('/') + 1);
    LT_ASSIGN_OR_RETURN(Unit unit, units.GetByCode(code));
    lineage.push_back(std::move(unit));
  }
  return lineage;
}

Report ReportOf(const ReportView& view) {
  const ReportRecord& r = view.report;
  const SlotRecord& s = view.slot;
  Report report;
  report.id = r.id;
  report.plan_id = s.plan_id;
  report.unit_id = s.unit_id;
  auto key = ParsePeriodKey(s.period_key);
  report.period = {key.ok() ? PeriodLabelVi(*key) : s.period_key,
                   Date::FromIso(s.period_first).value_or(Date{}),
                   Date::FromIso(s.period_last).value_or(Date{}),
                   Date::FromIso(s.due).value_or(Date{})};
  report.version = r.version;
  report.status = r.status;
  for (const auto& e : view.values) {
    bool blank = std::holds_alternative<std::monostate>(e.value.value) && !e.value.not_applicable;
    if (!blank) report.indicators.push_back(e.value);
  }
  for (const auto& c : r.activity_counts) report.activity_counts[{c.theme, c.channel}] += c.count;
  report.highlights = r.highlights;
  report.shortcomings = r.shortcomings;
  report.causes = r.causes;
  report.lessons = r.lessons;
  report.recommendations = r.recommendations;
  report.submitted_at = r.submitted_at;
  report.review_comment = r.review_comment;
  return report;
}

// The plan answered: its reference in the introduction, and its issuing body as the addressee
// when that body is above the reporting unit (the report goes up to it).
Status AddPlan(Database& db, int64_t plan_id, const std::string& reporter_path,
               ReportContext& c) {
  LT_ASSIGN_OR_RETURN(auto plan, PlanStore(db).GetPlan(plan_id));
  if (!plan) return Status::Ok();
  c.plan_type_name = plan->doc_type.empty() ? "Kế hoạch" : plan->doc_type;
  c.plan_number = plan->number.value_or("");
  if (plan->date) c.plan_date = Date::FromIso(*plan->date);
  c.plan_title = plan->title;
  c.plan_issuer = plan->issuer;
  std::optional<Unit> issuer;
  if (plan->unit_id) {
    LT_ASSIGN_OR_RETURN(issuer, UnitStore(db).FindById(*plan->unit_id));
  }
  if (!issuer) return Status::Ok();
  LT_ASSIGN_OR_RETURN(auto lineage, LineageOf(db, issuer->path));
  IssuingBody body = IssuingBodyOf(lineage);
  if (!body.name.empty()) c.plan_issuer = body.name;
  bool upward = issuer->path != reporter_path && UnitPath(reporter_path).Within(issuer->path);
  if (upward && !c.plan_issuer.empty()) c.addressees = {c.plan_issuer};
  return Status::Ok();
}

}  // namespace

Result<OfficialDocument> ReportOfficialDocument(Database& db, int64_t report_id) {
  LT_ASSIGN_OR_RETURN(ReportView view, GetReportView(db, report_id, Today()));
  const SlotRecord& slot = view.slot;
  LT_ASSIGN_OR_RETURN(auto lineage, LineageOf(db, slot.unit_path));
  IssuingBody body = IssuingBodyOf(lineage);
  ReportContext c;
  c.family = body.family;
  c.parent_issuer = body.superior;
  c.issuer = body.name.empty() ? slot.unit_name : body.name;
  c.reporter = c.issuer;
  c.number = body.symbol.empty() ? "" : "/BC-" + body.symbol;
  c.place = body.place;
  if (view.report.submitted_at) c.date = VietnamDateOf(*view.report.submitted_at);
  for (const auto& e : view.values) c.indicators[e.def.code] = {e.def.name, e.def.unit_label};
  LT_RETURN_IF_ERROR(AddPlan(db, slot.plan_id, slot.unit_path, c));
  c.signer.on_behalf = body.authority;
  c.signer.title = body.signer_title;
  c.recipients = c.addressees.empty() ? std::vector<std::string>{"Lưu: VT"}
                                      : std::vector<std::string>{"Như trên", "Lưu: VT"};
  return ReportToOfficialDocument(ReportOf(view), c);
}

Result<ExportedFile> ExportReportDocx(Database& db, int64_t report_id) {
  LT_ASSIGN_OR_RETURN(SlotRecord slot, SlotOfReport(db, report_id));
  LT_ASSIGN_OR_RETURN(OfficialDocument doc, ReportOfficialDocument(db, report_id));
  LT_ASSIGN_OR_RETURN(std::string bytes, WriteOfficialDocx(doc));
  std::string label = slot.period_key;
  if (auto key = ParsePeriodKey(slot.period_key); key.ok()) label = PeriodLabelVi(*key);
  std::replace(label.begin(), label.end(), '/', '-');
  return ExportedFile{std::move(bytes), "bao-cao-" + std::to_string(report_id) + ".docx",
                      "Báo cáo " + slot.unit_name + " " + label + ".docx"};
}

Result<ExportedFile> ExportRollupXlsx(Database& db, int64_t plan_id, const Unit& unit,
                                      const std::string& period_key, const Date& today) {
  LT_ASSIGN_OR_RETURN(Rollup rollup, BuildRollup(db, plan_id, unit, period_key,
                                                 RollupSource::kPreAggregated, today, 1000));
  LT_ASSIGN_OR_RETURN(std::string bytes, WriteXlsx(RollupWorkbook(rollup)));
  std::string label = rollup.period.label;
  std::replace(label.begin(), label.end(), '/', '-');
  return ExportedFile{std::move(bytes), "tong-hop-" + unit.code + "-" + rollup.period.key + ".xlsx",
                      "Tổng hợp " + unit.name + " " + label + ".xlsx"};
}

}  // namespace lienthong
