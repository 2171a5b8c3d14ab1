// ReportStore: indicator definitions, reporting duties, report slots, report versions and their
// values (migration 0007, design in docs/reports.md); the pre-aggregated roll-up rows and the
// roll-up's reads are in store/rollup_store.h. Numbers are scaled integers (core/report.h
// kValueScale). Writers must hold a transaction (see Transaction).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/report.h"
#include "core/reporting_period.h"
#include "store/database.h"

namespace lienthong {

struct DutyRecord {
  int64_t id = 0;
  int64_t plan_id = 0;
  ReportFrequency frequency = ReportFrequency::kQuarterly;
  CutoffRule cutoff = CutoffRule::kStatutory;
  std::optional<int64_t> first_year, last_year;  // recurring duties
  std::optional<Date> period_first, period_last, deadline;  // one-off duties
  std::map<std::string, int> offset_days;  // level or unit kind → days after the base date
  std::vector<std::string> assignees;      // unit codes; empty: every territorial unit
  std::string note;
  std::string created_at, created_by;
};

struct SlotRecord {
  int64_t id = 0;
  int64_t plan_id = 0;
  int64_t duty_id = 0;
  int64_t unit_id = 0;
  std::string period_key, period_first, period_last, due;
  // The current version's status; nullopt while nothing is filed ("missing").
  std::optional<ReportStatus> status;
  std::optional<int64_t> current_report_id;
  std::optional<int64_t> counted_report_id;  // latest submitted or accepted version
  std::optional<std::string> first_submitted_at;
  std::optional<bool> on_time;
  // Filled by reads: the unit (from units), the duty's cut-off rule and the current version's
  // review comment.
  std::string unit_code, unit_name, unit_path;
  CutoffRule cutoff = CutoffRule::kStatutory;
  std::string review_comment;
};

// "missing" for a slot without a report, else the report status's name.
std::string_view SlotStatusName(const std::optional<ReportStatus>& status);

struct StoredValue {
  std::string indicator_code;
  std::optional<int64_t> number;  // scaled; yes = kValueScale, no = 0
  std::optional<std::string> text;
  bool not_applicable = false;
};

struct ReportRecord {
  int64_t id = 0;
  int64_t slot_id = 0;
  int version = 1;
  ReportStatus status = ReportStatus::kDraft;
  std::vector<ActivityCount> activity_counts;
  std::string highlights, shortcomings, causes, lessons, recommendations;
  std::string review_comment;
  std::string created_at, created_by, updated_at;
  std::optional<std::string> submitted_at, submitted_by, reviewed_at, reviewed_by;
  std::vector<StoredValue> values;
};

// Which slots ListSlots returns. Empty fields match everything.
struct SlotFilter {
  std::optional<int64_t> plan_id;
  std::string unit_path;   // the subtree [path, path-end)
  bool unit_only = false;  // just the unit at unit_path, not its subtree
  std::string period_key;
  std::vector<std::optional<ReportStatus>> statuses;  // nullopt: missing
};

class ReportStore {
 public:
  explicit ReportStore(Database& db) : db_(db) {}

  Status ReplaceIndicators(int64_t plan_id, const std::vector<IndicatorDef>& defs);
  Result<std::vector<IndicatorDef>> Indicators(int64_t plan_id);

  Result<int64_t> InsertDuty(const DutyRecord& duty);
  Result<std::vector<DutyRecord>> Duties(int64_t plan_id);

  // Inserts the slot unless (plan, period, unit) already has one; returns the new id or nullopt.
  Result<std::optional<int64_t>> InsertSlot(const SlotRecord& slot);
  Result<std::optional<SlotRecord>> GetSlot(int64_t id);
  Result<std::optional<SlotRecord>> FindSlot(int64_t plan_id, int64_t unit_id,
                                             const std::string& period_key);
  // Slots matching `filter`, ordered by unit path, then period, then plan.
  Result<std::vector<SlotRecord>> ListSlots(const SlotFilter& filter, int64_t limit);
  Status UpdateSlot(const SlotRecord& slot);
  // Whether a unit of the subtree at `unit_path` reports to the plan (has a slot of it).
  Result<bool> SubtreeReportsTo(int64_t plan_id, const std::string& unit_path);

  Result<int64_t> InsertReport(const ReportRecord& report);  // values included
  Status UpdateReport(const ReportRecord& report);           // values replaced
  Result<std::optional<ReportRecord>> GetReport(int64_t id);  // values included
  Result<std::vector<ReportRecord>> Versions(int64_t slot_id);  // without values, oldest first
  Result<std::vector<StoredValue>> Values(int64_t report_id);

  // The unit's activities dated within [first, last] (ISO), counted by theme × channel.
  Result<std::vector<ActivityCount>> ActivityCounts(int64_t unit_id, const std::string& first,
                                                    const std::string& last);

 private:
  Status InsertValues(int64_t report_id, const std::vector<StoredValue>& values);
  Database& db_;
};

}  // namespace lienthong
