// ReportStore: indicator definitions, reporting duties, report slots, report versions and their
// values, and the pre-aggregated roll-up rows (migration 0007, design in docs/reports.md).
// Numbers are scaled integers: kValueScale units per 1 (4 decimal places). Writers must hold a
// transaction (see Transaction).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/report.h"
#include "store/database.h"

namespace lienthong {

constexpr int64_t kValueScale = 10000;

struct IndicatorDef {
  int64_t plan_id = 0;
  int position = 0;
  std::string code;
  std::string name;
  IndicatorType type = IndicatorType::kNumber;
  std::string aggregation = "sum";  // sum|mean|weighted_mean|min|max|share_meeting_target|none
  std::optional<std::string> weight_code;
  // Per-report threshold: a report "meets the target" when its value >= target (yes/no: 1).
  std::optional<double> target;
  // Phase target for the rolled-up value ("100% tổ chức đảng được quán triệt by Q4/2025").
  std::optional<double> goal;
  std::optional<std::string> goal_period;
  std::string unit_label;
};

struct DutyRecord {
  int64_t id = 0;
  int64_t plan_id = 0;
  std::string frequency;  // core/reporting_period.h FrequencyName
  std::string cutoff = "statutory";
  std::optional<int64_t> first_year, last_year;
  std::optional<std::string> period_first, period_last, deadline;
  std::string offsets_json = "{}";
  std::string assignees_json = "[]";
  std::string note;
  std::string created_at, created_by;
};

struct SlotRecord {
  int64_t id = 0;
  int64_t plan_id = 0;
  int64_t duty_id = 0;
  int64_t unit_id = 0;
  std::string period_key, period_first, period_last, due;
  std::string status = "missing";  // missing|draft|submitted|accepted|returned
  std::optional<int64_t> current_report_id;
  std::optional<int64_t> counted_report_id;  // latest submitted or accepted version
  std::optional<std::string> first_submitted_at;
  std::optional<bool> on_time;
  // Filled by reads (from units).
  std::string unit_code, unit_name, unit_path;
};

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
  std::string status = "draft";
  std::string activity_json = "[]";
  std::string highlights, shortcomings, causes, lessons, recommendations;
  std::string review_comment;
  std::string created_at, created_by, updated_at;
  std::optional<std::string> submitted_at, submitted_by, reviewed_at, reviewed_by;
  std::vector<StoredValue> values;
};

// One pre-aggregated row: a subtree's totals for one indicator (or a single report's share).
struct IndicatorTotals {
  int64_t reported = 0;
  int64_t not_applicable = 0;
  int64_t sum = 0;
  std::optional<int64_t> min, max;
  int64_t weighted = 0;    // Σ trunc(value × weight / kValueScale)
  int64_t weight_sum = 0;  // Σ weight
  int64_t weighted_n = 0;  // reports with both value and weight
  int64_t meeting = 0;     // reports meeting the target

  void Add(const IndicatorTotals& other);
  bool operator==(const IndicatorTotals&) const = default;
};

struct RateTotals {
  int64_t expected = 0, received = 0, on_time = 0;
  bool operator==(const RateTotals&) const = default;
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
  // Slots whose unit lies in the path range [path, path-end), ordered by unit path then period.
  // Empty plan/period/status filters match everything.
  Result<std::vector<SlotRecord>> ListSlots(std::optional<int64_t> plan_id,
                                            const std::string& unit_path,
                                            const std::string& period_key,
                                            const std::vector<std::string>& statuses,
                                            int64_t limit);
  Result<int64_t> CountSlots(int64_t plan_id, const std::string& unit_path,
                             const std::string& period_key,
                             const std::vector<std::string>& statuses);
  Status UpdateSlot(const SlotRecord& slot);

  Result<int64_t> InsertReport(const ReportRecord& report);  // values included
  Status UpdateReport(const ReportRecord& report);           // values replaced
  Result<std::optional<ReportRecord>> GetReport(int64_t id);  // values included
  Result<std::vector<ReportRecord>> Versions(int64_t slot_id);  // without values, oldest first

  // Pre-aggregated rows. Add* upserts deltas (min/max only ever widen); Set* replaces.
  Status AddTotals(int64_t plan_id, const std::string& period_key, int64_t unit_id,
                   const std::map<std::string, IndicatorTotals>& delta);
  Status SetTotals(int64_t plan_id, const std::string& period_key, int64_t unit_id,
                   const std::map<std::string, IndicatorTotals>& totals);
  Status AddRates(int64_t plan_id, const std::string& period_key,
                  const std::vector<int64_t>& unit_ids, const RateTotals& delta);
  Status ClearRollup(int64_t plan_id, const std::string& period_key);
  // Bulk writes after ClearRollup (rebuilds): multi-row INSERTs, a few hundred rows a statement.
  Status InsertTotalsMany(int64_t plan_id, const std::string& period_key,
                          const std::map<int64_t, std::map<std::string, IndicatorTotals>>& rows);
  Status InsertRatesMany(int64_t plan_id, const std::string& period_key,
                         const std::map<int64_t, RateTotals>& rows);
  // unit id → indicator code → totals, for the listed units.
  Result<std::map<int64_t, std::map<std::string, IndicatorTotals>>> Totals(
      int64_t plan_id, const std::string& period_key, const std::vector<int64_t>& unit_ids);
  Result<std::map<int64_t, RateTotals>> Rates(int64_t plan_id, const std::string& period_key,
                                              const std::vector<int64_t>& unit_ids);

 private:
  Status InsertValues(int64_t report_id, const std::vector<StoredValue>& values);
  Database& db_;
};

}  // namespace lienthong
