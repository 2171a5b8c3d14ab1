// Reading reports (declared in service/reports/report_workflow.h): one version with its values
// and history, a slot as a unit fills it in, and the slots of a subtree.
#include <algorithm>

#include "core/reporting_period.h"
#include "service/reports/report_workflow.h"

namespace lienthong {
namespace {

std::vector<IndicatorEntry> Entries(const std::vector<IndicatorDef>& defs,
                                    const std::vector<StoredValue>& values) {
  std::vector<IndicatorEntry> out;
  for (const auto& d : defs) {
    IndicatorEntry e{d, {d.code, d.type, std::monostate{}, false}};
    auto it = std::find_if(values.begin(), values.end(),
                           [&](const StoredValue& v) { return v.indicator_code == d.code; });
    if (it != values.end()) {
      e.value.not_applicable = it->not_applicable;
      if (it->text) e.value.value = *it->text;
      else if (it->number && d.type == IndicatorType::kYesNo) e.value.value = *it->number != 0;
      else if (it->number) e.value.value = Unscale(*it->number);
    }
    out.push_back(std::move(e));
  }
  return out;
}

Result<ReportView> ViewOf(ReportStore& store, ReportRecord report, SlotRecord slot,
                          const std::vector<IndicatorDef>& defs, const Date& today) {
  ReportView view;
  view.values = Entries(defs, report.values);
  LT_ASSIGN_OR_RETURN(view.versions, store.Versions(slot.id));
  view.late = SlotLate(slot, today);
  view.report = std::move(report);
  view.slot = std::move(slot);
  return view;
}

}  // namespace

bool SlotLate(const SlotRecord& s, const Date& today) {
  if (s.counted_report_id || s.first_submitted_at) return s.on_time.has_value() && !*s.on_time;
  return today.ToIso() > s.due;
}

Result<SlotRecord> GetReportSlot(Database& db, int64_t slot_id) {
  LT_ASSIGN_OR_RETURN(auto slot, ReportStore(db).GetSlot(slot_id));
  if (!slot) return Status::NotFound("report slot " + std::to_string(slot_id));
  return *slot;
}

Result<SlotRecord> FindReportSlot(Database& db, int64_t plan_id, int64_t unit_id,
                                  const std::string& period_key) {
  LT_ASSIGN_OR_RETURN(PeriodKey key, ParsePeriodKey(period_key));
  LT_ASSIGN_OR_RETURN(auto slot, ReportStore(db).FindSlot(plan_id, unit_id, key.ToString()));
  if (!slot) return Status::NotFound("no report is due for that plan, unit and period");
  return *slot;
}

Result<ReportView> GetReportView(Database& db, int64_t report_id, const Date& today) {
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto report, store.GetReport(report_id));
  if (!report) return Status::NotFound("report " + std::to_string(report_id));
  LT_ASSIGN_OR_RETURN(auto slot, store.GetSlot(report->slot_id));
  if (!slot) return Status::Internal("report " + std::to_string(report_id) + " has no slot");
  LT_ASSIGN_OR_RETURN(auto defs, store.Indicators(slot->plan_id));
  return ViewOf(store, std::move(*report), std::move(*slot), defs, today);
}

Result<SlotForm> OpenReportSlot(Database& db, int64_t slot_id, const Date& today) {
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(SlotRecord slot, GetReportSlot(db, slot_id));
  SlotForm form;
  LT_ASSIGN_OR_RETURN(form.indicators, store.Indicators(slot.plan_id));
  LT_ASSIGN_OR_RETURN(form.activity_counts,
                      store.ActivityCounts(slot.unit_id, slot.period_first, slot.period_last));
  if (slot.current_report_id) {
    LT_ASSIGN_OR_RETURN(auto report, store.GetReport(*slot.current_report_id));
    if (report) {
      LT_ASSIGN_OR_RETURN(form.current,
                          ViewOf(store, std::move(*report), slot, form.indicators, today));
    }
  }
  form.late = SlotLate(slot, today);
  form.slot = std::move(slot);
  return form;
}

Result<std::vector<SlotEntry>> ListReportSlots(Database& db, SlotFilter filter, const Date& today,
                                               int64_t limit) {
  if (!filter.period_key.empty()) {
    auto key = ParsePeriodKey(filter.period_key);
    if (!key.ok()) return key.status().WithField("period");
    filter.period_key = key->ToString();
  }
  LT_ASSIGN_OR_RETURN(auto slots, ReportStore(db).ListSlots(filter, limit));
  std::vector<SlotEntry> out;
  for (auto& s : slots) {
    bool late = SlotLate(s, today);
    out.push_back({std::move(s), late});
  }
  return out;
}

Result<ReportView> SaveDraftView(Database& db, const DraftRequest& request, const Date& today) {
  LT_ASSIGN_OR_RETURN(int64_t id, SaveDraft(db, request));
  return GetReportView(db, id, today);
}

Result<ReportView> SubmitReportView(Database& db, int64_t report_id, const std::string& actor,
                                    const Date& today) {
  LT_RETURN_IF_ERROR(SubmitReport(db, report_id, actor));
  return GetReportView(db, report_id, today);
}

Result<ReportView> ReviewReportView(Database& db, int64_t report_id, bool accept,
                                    const std::string& comment, const std::string& actor,
                                    const Date& today) {
  LT_RETURN_IF_ERROR(accept ? AcceptReport(db, report_id, actor)
                            : ReturnReport(db, report_id, comment, actor));
  return GetReportView(db, report_id, today);
}

}  // namespace lienthong
