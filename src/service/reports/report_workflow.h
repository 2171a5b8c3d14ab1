// The life of a report: a draft for a slot (created or updated), submitted, then accepted or
// returned with a comment by a manager of an ancestor unit. A version that was submitted is never
// edited: changing it makes a new draft version, and the roll-up keeps counting the latest
// submitted or accepted version until the new one is submitted. Each call is one transaction
// that writes its audit row and keeps the pre-aggregated roll-up in step
// (service/reports/rollup.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
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

// {"id", "slot_id", "plan_id", "unit": {code, name}, "period": {key, label, start, end}, "due",
//  "version", "status", "values": [{code, name, type, value, not_applicable}], "activity_counts":
//  [{theme, channel, count}], "narrative": {highlights, shortcomings, causes, lessons,
//  recommendations}, "review_comment", "submitted_at", "reviewed_at", "late",
//  "versions": [{id, version, status, created_at, created_by, submitted_at, reviewed_at,
//  review_comment}]}.
Result<nlohmann::json> ReportJson(Database& db, int64_t report_id, const Date& today);

// Slots of the subtree of `unit_path` (optionally one plan / period) with their status and late
// flag: {"slots": [{"slot_id", "plan_id", "unit": {code, name}, "period": {key, label}, "due",
// "status", "report_id", "received", "late", "submitted_at"}]}.
Result<nlohmann::json> ListReportSlots(Database& db, std::optional<int64_t> plan_id,
                                       const std::string& unit_path,
                                       const std::string& period_key, const Date& today,
                                       int64_t limit);

}  // namespace lienthong
