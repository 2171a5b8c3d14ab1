// The life of a report: a draft for a slot (created or updated), submitted, then accepted or
// returned with a comment by a manager of an ancestor unit. A version that was submitted is never
// edited: changing it makes a new draft version, and the roll-up keeps counting the latest
// submitted or accepted version until the new one is submitted. Each change is one transaction
// that writes its audit row and keeps the pre-aggregated roll-up in step
// (service/reports/rollup.h). Who may do what is decided by the API (api/authorize.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/report.h"
#include "store/database.h"
#include "store/report_store.h"

namespace lienthong {

struct ValueInput {
  std::string code;
  std::optional<double> number;  // number / percentage
  std::optional<bool> yes;       // yes_no
  std::optional<std::string> text;
  bool not_applicable = false;
};

struct DraftRequest {
  int64_t slot_id = 0;  // the slot to report for
  std::vector<ValueInput> values;
  std::string highlights, shortcomings, causes, lessons, recommendations;
  std::string actor;
};

// Creates or updates the slot's draft, with the unit's activity counts for the period by theme ×
// channel read from the activity log. Returns the draft's report id. Errors: kNotFound for an
// unknown slot; kInvalidArgument naming values[i] for an unknown indicator, a value of the wrong
// type, a percentage outside 0–100 or a number beyond ±10^9.
Result<int64_t> SaveDraft(Database& db, const DraftRequest& request);

// Submits the draft `report_id`. `now` is an ISO UTC timestamp (default: the clock); the slot is
// on time when the first submission's date in Vietnam (UTC+7) is on or before its due date.
// kFailedPrecondition unless the report is the slot's current draft.
Status SubmitReport(Database& db, int64_t report_id, const std::string& actor,
                    const std::string& now = "");
// kFailedPrecondition unless the report is submitted; a return needs a non-empty comment.
Status AcceptReport(Database& db, int64_t report_id, const std::string& actor);
Status ReturnReport(Database& db, int64_t report_id, const std::string& comment,
                    const std::string& actor);

// The slot a report belongs to (for authorisation). kNotFound "report N" when absent.
Result<SlotRecord> SlotOfReport(Database& db, int64_t report_id);
// A slot by id, or by plan, unit and period (normalised key). kNotFound when there is none.
Result<SlotRecord> GetReportSlot(Database& db, int64_t slot_id);
Result<SlotRecord> FindReportSlot(Database& db, int64_t plan_id, int64_t unit_id,
                                  const std::string& period_key);

// An indicator of the plan with a report's value for it (monostate when left blank).
struct IndicatorEntry {
  IndicatorDef def;
  IndicatorValue value;
};

// Whether a slot is late on `today`: received after its due date, or not received and overdue.
bool SlotLate(const SlotRecord& slot, const Date& today);

// One report version with everything a reader needs.
struct ReportView {
  SlotRecord slot;
  ReportRecord report;
  std::vector<IndicatorEntry> values;   // every indicator of the plan, in its order
  std::vector<ReportRecord> versions;   // the slot's versions, oldest first, without values
  bool late = false;
};
Result<ReportView> GetReportView(Database& db, int64_t report_id, const Date& today);

// A slot as a unit fills it in: the plan's indicators, the activity counts the log holds for the
// period now, and the current version if there is one.
struct SlotForm {
  SlotRecord slot;
  std::vector<IndicatorDef> indicators;
  std::vector<ActivityCount> activity_counts;
  std::optional<ReportView> current;
  bool late = false;
};
Result<SlotForm> OpenReportSlot(Database& db, int64_t slot_id, const Date& today);

// Slots matching `filter` (period keys are normalised; kInvalidArgument naming "period" for a
// malformed one), in tree order, with their late flag.
struct SlotEntry {
  SlotRecord slot;
  bool late = false;
};
Result<std::vector<SlotEntry>> ListReportSlots(Database& db, SlotFilter filter, const Date& today,
                                               int64_t limit);

// The API's steps: each makes the change above and answers the version as it then stands.
Result<ReportView> SaveDraftView(Database& db, const DraftRequest& request, const Date& today);
Result<ReportView> SubmitReportView(Database& db, int64_t report_id, const std::string& actor,
                                    const Date& today);
// `accept` true accepts, false returns with `comment`.
Result<ReportView> ReviewReportView(Database& db, int64_t report_id, bool accept,
                                    const std::string& comment, const std::string& actor,
                                    const Date& today);

}  // namespace lienthong
