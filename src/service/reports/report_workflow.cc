#include "service/reports/report_workflow.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "service/reports/rollup.h"
#include "store/audit_log.h"
#include "store/report_audit.h"
#include "text/normalize.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

constexpr double kMaxMagnitude = 1e9;

// One input checked against its indicator's type.
Result<std::optional<StoredValue>> ToStoredValue(const IndicatorDef& def, const ValueInput& in,
                                                 const std::string& where) {
  StoredValue v{in.code, std::nullopt, std::nullopt, in.not_applicable};
  if (in.not_applicable) return std::optional(v);
  switch (def.type) {
    case IndicatorType::kYesNo:
      if (!in.yes) {
        return Status::InvalidField(where + ".value", "expected true or false")
            .WithReason("yes_no_expected", {{"indicator", def.name}});
      }
      v.number = *in.yes ? kValueScale : 0;
      break;
    case IndicatorType::kText:
      if (!in.text) {
        return Status::InvalidField(where + ".value", "expected text")
            .WithReason("text_expected", {{"indicator", def.name}});
      }
      v.text = ToNfc(*in.text);
      if (v.text->empty()) return std::optional<StoredValue>();  // blank text: not reported
      break;
    default:
      if (!in.number || !std::isfinite(*in.number) || std::fabs(*in.number) > kMaxMagnitude) {
        return Status::InvalidField(where + ".value", "expected a number within ±10^9")
            .WithReason("number_expected", {{"indicator", def.name}});
      }
      if (def.type == IndicatorType::kPercentage && (*in.number < 0 || *in.number > 100)) {
        return Status::InvalidField(where + ".value", "a percentage is between 0 and 100")
            .WithReason("percentage_range", {{"indicator", def.name}});
      }
      v.number = std::llround(*in.number * kValueScale);
  }
  return std::optional(v);
}

Result<std::vector<StoredValue>> ToStored(const std::vector<IndicatorDef>& defs,
                                          const std::vector<ValueInput>& inputs) {
  std::vector<StoredValue> out;
  std::map<std::string, bool> seen;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const ValueInput& in = inputs[i];
    std::string where = "values[" + std::to_string(i) + "]";
    auto def = std::find_if(defs.begin(), defs.end(),
                            [&](const IndicatorDef& d) { return d.code == in.code; });
    if (def == defs.end()) {
      return Status::InvalidField(where + ".code",
                                  "the plan has no indicator '" + in.code.substr(0, 60) + "'");
    }
    if (seen[in.code]) return Status::InvalidField(where + ".code", "given twice");
    seen[in.code] = true;
    LT_ASSIGN_OR_RETURN(auto value, ToStoredValue(*def, in, where));
    if (value) out.push_back(std::move(*value));
  }
  // Σ value × weight must stay within 64 bits.
  for (const auto& d : defs) {
    if (!d.weight_code) continue;
    const StoredValue *v = nullptr, *w = nullptr;
    for (const auto& s : out) {
      if (s.indicator_code == d.code) v = &s;
      if (s.indicator_code == *d.weight_code) w = &s;
    }
    if (v && w && v->number && w->number &&
        std::fabs(static_cast<double>(*v->number) * static_cast<double>(*w->number)) > 9e17) {
      return Status::InvalidField("values",
                                  d.code + " × " + *d.weight_code + " is too large to weigh");
    }
  }
  return out;
}

Result<std::pair<ReportRecord, SlotRecord>> Load(ReportStore& store, int64_t report_id) {
  LT_ASSIGN_OR_RETURN(auto report, store.GetReport(report_id));
  if (!report) return Status::NotFound("report " + std::to_string(report_id));
  LT_ASSIGN_OR_RETURN(auto slot, store.GetSlot(report->slot_id));
  if (!slot) return Status::Internal("report " + std::to_string(report_id) + " has no slot");
  return std::make_pair(std::move(*report), std::move(*slot));
}

Status NotIn(const ReportRecord& report, const std::string& wanted) {
  return Status::FailedPrecondition("report " + std::to_string(report.id) + " is " +
                                    std::string(ReportStatusName(report.status)) + ", " + wanted)
      .WithReason("report_status", {{"status", std::string(ReportStatusName(report.status))}});
}

}  // namespace

Result<int64_t> SaveDraft(Database& db, const DraftRequest& request) {
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto slot, store.GetSlot(request.slot_id));
  if (!slot) return Status::NotFound("report slot " + std::to_string(request.slot_id));
  LT_ASSIGN_OR_RETURN(auto defs, store.Indicators(slot->plan_id));
  LT_ASSIGN_OR_RETURN(auto values, ToStored(defs, request.values));
  std::optional<ReportRecord> current;
  if (slot->current_report_id) {
    LT_ASSIGN_OR_RETURN(current, store.GetReport(*slot->current_report_id));
  }
  std::string now = NowIsoUtc();
  ReportRecord draft;
  bool in_place = current && current->status == ReportStatus::kDraft;
  if (in_place) draft = *current;
  draft.slot_id = slot->id;
  draft.status = ReportStatus::kDraft;
  draft.values = std::move(values);
  LT_ASSIGN_OR_RETURN(draft.activity_counts,
                      store.ActivityCounts(slot->unit_id, slot->period_first, slot->period_last));
  draft.highlights = ToNfc(request.highlights);
  draft.shortcomings = ToNfc(request.shortcomings);
  draft.causes = ToNfc(request.causes);
  draft.lessons = ToNfc(request.lessons);
  draft.recommendations = ToNfc(request.recommendations);
  draft.updated_at = now;
  if (in_place) {
    LT_RETURN_IF_ERROR(store.UpdateReport(draft));
    LT_RETURN_IF_ERROR(AppendAudit(db, ReportAudit(request.actor, "update", &*current, draft)));
  } else {
    // A submitted, accepted or returned version stays as it was: this is a new version.
    draft.version = current ? current->version + 1 : 1;
    draft.review_comment.clear();
    draft.created_at = now;
    draft.created_by = request.actor;
    LT_ASSIGN_OR_RETURN(draft.id, store.InsertReport(draft));
    SlotRecord after = *slot;
    after.current_report_id = draft.id;
    after.status = ReportStatus::kDraft;
    LT_RETURN_IF_ERROR(store.UpdateSlot(after));
    LT_RETURN_IF_ERROR(AppendAudit(db, ReportAudit(request.actor, "create", nullptr, draft)));
  }
  LT_RETURN_IF_ERROR(txn->Commit());
  return draft.id;
}

Status SubmitReport(Database& db, int64_t report_id, const std::string& actor,
                    const std::string& now_arg) {
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto loaded, Load(store, report_id));
  auto& [report, slot] = loaded;
  if (report.status != ReportStatus::kDraft || slot.current_report_id != report.id) {
    return NotIn(report, "not the current draft");
  }
  std::string now = now_arg.empty() ? NowIsoUtc() : now_arg;
  ReportRecord before = report;
  LT_ASSIGN_OR_RETURN(report.activity_counts,
                      store.ActivityCounts(slot.unit_id, slot.period_first, slot.period_last));
  report.status = ReportStatus::kSubmitted;
  report.submitted_at = now;
  report.submitted_by = actor;
  report.updated_at = now;
  LT_RETURN_IF_ERROR(store.UpdateReport(report));
  SlotRecord after = slot;
  after.status = ReportStatus::kSubmitted;
  after.counted_report_id = report.id;
  if (!after.first_submitted_at) {
    after.first_submitted_at = now;
    after.on_time = VietnamDateOf(now).ToIso() <= slot.due;
  }
  LT_RETURN_IF_ERROR(store.UpdateSlot(after));
  LT_RETURN_IF_ERROR(RollupSlotChanged(db, slot, after));
  LT_RETURN_IF_ERROR(AppendAudit(db, ReportAudit(actor, "submit", &before, report)));
  return txn->Commit();
}

Status AcceptReport(Database& db, int64_t report_id, const std::string& actor) {
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto loaded, Load(store, report_id));
  auto& [report, slot] = loaded;
  if (report.status != ReportStatus::kSubmitted) return NotIn(report, "not submitted");
  ReportRecord before = report;
  report.status = ReportStatus::kAccepted;
  report.reviewed_at = NowIsoUtc();
  report.reviewed_by = actor;
  report.updated_at = *report.reviewed_at;
  LT_RETURN_IF_ERROR(store.UpdateReport(report));
  if (slot.current_report_id == report.id) {
    slot.status = ReportStatus::kAccepted;
    LT_RETURN_IF_ERROR(store.UpdateSlot(slot));
  }
  LT_RETURN_IF_ERROR(AppendAudit(db, ReportAudit(actor, "accept", &before, report)));
  return txn->Commit();
}

Status ReturnReport(Database& db, int64_t report_id, const std::string& comment,
                    const std::string& actor) {
  std::string text = ToNfc(comment);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidField("comment", "say why the report is returned")
        .WithReason("return_needs_comment");
  }
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto loaded, Load(store, report_id));
  auto& [report, slot] = loaded;
  if (report.status != ReportStatus::kSubmitted) return NotIn(report, "not submitted");
  ReportRecord before = report;
  report.status = ReportStatus::kReturned;
  report.review_comment = text;
  report.reviewed_at = NowIsoUtc();
  report.reviewed_by = actor;
  report.updated_at = *report.reviewed_at;
  LT_RETURN_IF_ERROR(store.UpdateReport(report));
  // The roll-up falls back to the latest earlier version still submitted or accepted, if any.
  SlotRecord after = slot;
  after.counted_report_id.reset();
  LT_ASSIGN_OR_RETURN(auto versions, store.Versions(slot.id));
  for (const auto& v : versions) {
    bool counts = v.status == ReportStatus::kSubmitted || v.status == ReportStatus::kAccepted;
    if (v.id != report.id && counts) after.counted_report_id = v.id;
  }
  if (slot.current_report_id == report.id) after.status = ReportStatus::kReturned;
  LT_RETURN_IF_ERROR(store.UpdateSlot(after));
  LT_RETURN_IF_ERROR(RollupSlotChanged(db, slot, after));
  LT_RETURN_IF_ERROR(AppendAudit(db, ReportAudit(actor, "return", &before, report)));
  return txn->Commit();
}

Result<SlotRecord> SlotOfReport(Database& db, int64_t report_id) {
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto loaded, Load(store, report_id));
  return std::move(loaded.second);
}

}  // namespace lienthong
