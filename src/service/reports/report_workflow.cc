#include "service/reports/report_workflow.h"

#include <cmath>

#include "core/reporting_period.h"
#include "service/reports/rollup.h"
#include "store/audit_log.h"
#include "text/normalize.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

using nlohmann::json;

constexpr double kMaxMagnitude = 1e9;

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
    StoredValue v{in.code, std::nullopt, std::nullopt, in.not_applicable};
    if (!in.not_applicable) {
      switch (def->type) {
        case IndicatorType::kYesNo:
          if (!in.yes) return Status::InvalidField(where + ".value", "expected true or false");
          v.number = *in.yes ? kValueScale : 0;
          break;
        case IndicatorType::kText:
          if (!in.text) return Status::InvalidField(where + ".value", "expected text");
          v.text = ToNfc(*in.text);
          if (v.text->empty()) continue;  // blank text: not reported
          break;
        default: {
          if (!in.number || !std::isfinite(*in.number) || std::fabs(*in.number) > kMaxMagnitude) {
            return Status::InvalidField(where + ".value", "expected a number within ±10^9");
          }
          if (def->type == IndicatorType::kPercentage && (*in.number < 0 || *in.number > 100)) {
            return Status::InvalidField(where + ".value", "a percentage is between 0 and 100");
          }
          v.number = std::llround(*in.number * kValueScale);
        }
      }
    }
    out.push_back(std::move(v));
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

Result<std::string> ActivityCounts(Database& db, const SlotRecord& slot) {
  json counts = json::array();
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT theme, channel, COUNT(*) FROM activities WHERE unit_id = ? AND date >= ? AND "
      "date <= ? GROUP BY theme, channel ORDER BY theme, channel",
      {slot.unit_id, slot.period_first, slot.period_last}, [&](const SqlRow& r) {
        counts.push_back({{"theme", r.Text(0)}, {"channel", r.Text(1)}, {"count", r.Int(2)}});
        return true;
      }));
  return counts.dump();
}

json ReportAudit(const ReportRecord& r) {
  json values = json::array();
  for (const auto& v : r.values) {
    json j = {{"code", v.indicator_code}, {"not_applicable", v.not_applicable}};
    if (v.number) j["value"] = Unscale(*v.number);
    if (v.text) j["text"] = *v.text;
    values.push_back(std::move(j));
  }
  return {{"id", r.id}, {"slot_id", r.slot_id}, {"version", r.version}, {"status", r.status},
          {"values", values}, {"review_comment", r.review_comment}};
}

Result<std::pair<ReportRecord, SlotRecord>> Load(Database& db, int64_t report_id) {
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto report, store.GetReport(report_id));
  if (!report) return Status::NotFound("report " + std::to_string(report_id));
  LT_ASSIGN_OR_RETURN(auto slot, store.GetSlot(report->slot_id));
  if (!slot) return Status::Internal("report " + std::to_string(report_id) + " has no slot");
  return std::make_pair(std::move(*report), std::move(*slot));
}

Status Audit(Database& db, const std::string& actor, const std::string& action,
             const std::optional<ReportRecord>& before, const ReportRecord& after) {
  return AppendAudit(db, {.actor = actor, .action = action, .entity = "report",
                          .entity_id = std::to_string(after.id),
                          .before_json = before ? std::optional(ReportAudit(*before).dump())
                                                : std::nullopt,
                          .after_json = ReportAudit(after).dump()});
}

}  // namespace

Result<int64_t> SaveDraft(Database& db, const DraftRequest& request) {
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto slot, store.GetSlot(request.slot_id));
  if (!slot) return Status::NotFound("report slot " + std::to_string(request.slot_id));
  LT_ASSIGN_OR_RETURN(auto defs, store.Indicators(slot->plan_id));
  LT_ASSIGN_OR_RETURN(auto values, ToStored(defs, request.values));
  LT_ASSIGN_OR_RETURN(std::string activity, ActivityCounts(db, *slot));

  std::optional<ReportRecord> current;
  if (slot->current_report_id) {
    LT_ASSIGN_OR_RETURN(current, store.GetReport(*slot->current_report_id));
  }
  std::string now = NowIsoUtc();
  ReportRecord draft;
  bool in_place = current && current->status == "draft";
  if (in_place) draft = *current;
  draft.slot_id = slot->id;
  draft.status = "draft";
  draft.values = std::move(values);
  draft.activity_json = activity;
  draft.highlights = ToNfc(request.highlights);
  draft.shortcomings = ToNfc(request.shortcomings);
  draft.causes = ToNfc(request.causes);
  draft.lessons = ToNfc(request.lessons);
  draft.recommendations = ToNfc(request.recommendations);
  draft.updated_at = now;
  if (in_place) {
    LT_RETURN_IF_ERROR(store.UpdateReport(draft));
    LT_RETURN_IF_ERROR(Audit(db, request.actor, "update", current, draft));
  } else {
    // A submitted, accepted or returned version stays as it was: this is a new version.
    draft.version = current ? current->version + 1 : 1;
    draft.review_comment.clear();
    draft.created_at = now;
    draft.created_by = request.actor;
    LT_ASSIGN_OR_RETURN(draft.id, store.InsertReport(draft));
    SlotRecord after = *slot;
    after.current_report_id = draft.id;
    after.status = "draft";
    LT_RETURN_IF_ERROR(store.UpdateSlot(after));
    LT_RETURN_IF_ERROR(Audit(db, request.actor, "create", std::nullopt, draft));
  }
  LT_RETURN_IF_ERROR(txn->Commit());
  return draft.id;
}

Status SubmitReport(Database& db, int64_t report_id, const std::string& actor,
                    const std::string& now_arg) {
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(auto loaded, Load(db, report_id));
  auto& [report, slot] = loaded;
  if (report.status != "draft" || slot.current_report_id != report.id) {
    return Status::FailedPrecondition("report " + std::to_string(report_id) + " is " +
                                      report.status + ", not the current draft");
  }
  ReportStore store(db);
  std::string now = now_arg.empty() ? NowIsoUtc() : now_arg;
  ReportRecord before = report;
  LT_ASSIGN_OR_RETURN(report.activity_json, ActivityCounts(db, slot));
  report.status = "submitted";
  report.submitted_at = now;
  report.submitted_by = actor;
  report.updated_at = now;
  LT_RETURN_IF_ERROR(store.UpdateReport(report));
  SlotRecord after = slot;
  after.status = "submitted";
  after.counted_report_id = report.id;
  if (!after.first_submitted_at) {
    after.first_submitted_at = now;
    after.on_time = VietnamDateOf(now).ToIso() <= slot.due;
  }
  LT_RETURN_IF_ERROR(store.UpdateSlot(after));
  LT_RETURN_IF_ERROR(RollupSlotChanged(db, slot, after));
  LT_RETURN_IF_ERROR(Audit(db, actor, "submit", before, report));
  return txn->Commit();
}

Status AcceptReport(Database& db, int64_t report_id, const std::string& actor) {
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(auto loaded, Load(db, report_id));
  auto& [report, slot] = loaded;
  if (report.status != "submitted") {
    return Status::FailedPrecondition("report " + std::to_string(report_id) + " is " +
                                      report.status + ", not submitted");
  }
  ReportStore store(db);
  ReportRecord before = report;
  report.status = "accepted";
  report.reviewed_at = NowIsoUtc();
  report.reviewed_by = actor;
  report.updated_at = *report.reviewed_at;
  LT_RETURN_IF_ERROR(store.UpdateReport(report));
  if (slot.current_report_id == report.id) {
    slot.status = "accepted";
    LT_RETURN_IF_ERROR(store.UpdateSlot(slot));
  }
  LT_RETURN_IF_ERROR(Audit(db, actor, "accept", before, report));
  return txn->Commit();
}

Status ReturnReport(Database& db, int64_t report_id, const std::string& comment,
                    const std::string& actor) {
  std::string text = ToNfc(comment);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidField("comment", "say why the report is returned");
  }
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(auto loaded, Load(db, report_id));
  auto& [report, slot] = loaded;
  if (report.status != "submitted") {
    return Status::FailedPrecondition("report " + std::to_string(report_id) + " is " +
                                      report.status + ", not submitted");
  }
  ReportStore store(db);
  ReportRecord before = report;
  report.status = "returned";
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
    if (v.id != report.id && (v.status == "submitted" || v.status == "accepted")) {
      after.counted_report_id = v.id;
    }
  }
  if (slot.current_report_id == report.id) after.status = "returned";
  LT_RETURN_IF_ERROR(store.UpdateSlot(after));
  LT_RETURN_IF_ERROR(RollupSlotChanged(db, slot, after));
  LT_RETURN_IF_ERROR(Audit(db, actor, "return", before, report));
  return txn->Commit();
}

Result<SlotRecord> SlotOfReport(Database& db, int64_t report_id) {
  LT_ASSIGN_OR_RETURN(auto loaded, Load(db, report_id));
  return std::move(loaded.second);
}

namespace {
bool IsLate(const SlotRecord& s, const Date& today) {
  if (s.counted_report_id || s.first_submitted_at) return s.on_time.has_value() && !*s.on_time;
  return today.ToIso() > s.due;
}
json PeriodJson(const SlotRecord& s) {
  auto key = ParsePeriodKey(s.period_key);
  return {{"key", s.period_key}, {"label", key.ok() ? PeriodLabelVi(*key) : s.period_key},
          {"start", s.period_first}, {"end", s.period_last}};
}
}  // namespace

Result<nlohmann::json> ReportJson(Database& db, int64_t report_id, const Date& today) {
  LT_ASSIGN_OR_RETURN(auto loaded, Load(db, report_id));
  auto& [report, slot] = loaded;
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto defs, store.Indicators(slot.plan_id));
  json values = json::array();
  for (const auto& d : defs) {
    auto it = std::find_if(report.values.begin(), report.values.end(),
                           [&](const StoredValue& v) { return v.indicator_code == d.code; });
    json j = {{"code", d.code}, {"name", d.name}, {"type", IndicatorTypeName(d.type)},
              {"unit_label", d.unit_label}, {"value", nullptr}, {"not_applicable", false}};
    if (it != report.values.end()) {
      j["not_applicable"] = it->not_applicable;
      if (it->text) j["value"] = *it->text;
      else if (it->number && d.type == IndicatorType::kYesNo) j["value"] = *it->number != 0;
      else if (it->number) j["value"] = Unscale(*it->number);
    }
    values.push_back(std::move(j));
  }
  auto opt = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  json versions = json::array();
  LT_ASSIGN_OR_RETURN(auto all, store.Versions(slot.id));
  for (const auto& v : all) {
    versions.push_back({{"id", v.id}, {"version", v.version}, {"status", v.status},
                        {"created_at", v.created_at}, {"created_by", v.created_by},
                        {"submitted_at", opt(v.submitted_at)},
                        {"reviewed_at", opt(v.reviewed_at)},
                        {"review_comment", v.review_comment},
                        {"counted", slot.counted_report_id == v.id}});
  }
  return json{{"id", report.id},
              {"slot_id", slot.id},
              {"plan_id", slot.plan_id},
              {"unit", {{"code", slot.unit_code}, {"name", slot.unit_name}}},
              {"period", PeriodJson(slot)},
              {"due", slot.due},
              {"version", report.version},
              {"status", report.status},
              {"values", values},
              {"activity_counts", json::parse(report.activity_json, nullptr, false)},
              {"narrative", {{"highlights", report.highlights},
                             {"shortcomings", report.shortcomings},
                             {"causes", report.causes},
                             {"lessons", report.lessons},
                             {"recommendations", report.recommendations}}},
              {"review_comment", report.review_comment},
              {"submitted_at", opt(report.submitted_at)},
              {"reviewed_at", opt(report.reviewed_at)},
              {"late", IsLate(slot, today)},
              {"versions", versions}};
}

Result<nlohmann::json> ListReportSlots(Database& db, std::optional<int64_t> plan_id,
                                       const std::string& unit_path,
                                       const std::string& period_key, const Date& today,
                                       int64_t limit) {
  std::string period;
  if (!period_key.empty()) {
    LT_ASSIGN_OR_RETURN(PeriodKey key, ParsePeriodKey(period_key));
    period = key.ToString();
  }
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto slots, store.ListSlots(plan_id, unit_path, period, {}, limit));
  json out = json::array();
  for (const auto& s : slots) {
    out.push_back({{"slot_id", s.id},
                   {"plan_id", s.plan_id},
                   {"unit", {{"code", s.unit_code}, {"name", s.unit_name}}},
                   {"period", PeriodJson(s)},
                   {"due", s.due},
                   {"status", s.status},
                   {"report_id", s.current_report_id ? json(*s.current_report_id) : json(nullptr)},
                   {"received", s.counted_report_id.has_value()},
                   {"late", IsLate(s, today)},
                   {"submitted_at", s.first_submitted_at ? json(*s.first_submitted_at)
                                                         : json(nullptr)}});
  }
  return json{{"slots", std::move(out)}};
}

}  // namespace lienthong
