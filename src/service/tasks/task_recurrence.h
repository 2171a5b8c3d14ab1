// Recurring tasks ("định kỳ hằng quý", "hằng tháng", "6 tháng", "hằng năm"): one task_instances
// row per period, each with its own due date (the period's last day), status and completion, so
// that every period counts in the standing buckets on its own.
//
// Which periods: those that overlap the plan's range, which runs from the plan's date to the
// later of the end of the plan's year and the end of its last phase (`phases[].end`, "YYYY-MM"),
// and never more than five calendar years past the plan's year. A plan dated 05/09/2025 with a
// quarterly task gets Quý III/2025 (due 30/09/2025) and Quý IV/2025; with phases up to 2026-06 it
// also gets Quý I and Quý II/2026. A draft date "2025-09" counts as its first day; a plan with no
// date uses the day it was stored. A task naming several frequencies ("hằng quý, 6 tháng và
// năm") gets the periods of each; "định kỳ" with no frequency gets none (it has no deadline).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/date_range.h"
#include "core/time_spec.h"
#include "store/database.h"
#include "store/task_store.h"

namespace lienthong {

struct RecurrencePeriod {
  Recurrence frequency = Recurrence::kQuarterly;
  std::string label;  // "Quý III/2025", "Tháng 9/2025", "6 tháng cuối năm 2025", "Năm 2025"
  Date start;
  Date due;           // the period's last day
};

// Every period of each frequency that overlaps [range.from, range.to], by frequency in the order
// given, then by start. Weekly periods run Monday to Sunday.
std::vector<RecurrencePeriod> PeriodsOverlapping(const std::vector<Recurrence>& frequencies,
                                                 const DateRange& range);

// The range described above (inclusive). `schedule.date` is the plans.date column
// ("YYYY-MM-DD", "YYYY-MM", "YYYY" or absent), `schedule.phase_ends` the ends of its phases
// ("YYYY-MM" or "YYYY"); `stored_on` the fallback when the plan has no usable date.
DateRange PlanRecurrenceRange(const PlanSchedule& schedule, const Date& stored_on);

// "weekly", "monthly", "quarterly", "half_yearly", "yearly" (the task_instances.frequency value).
const char* FrequencyCode(Recurrence frequency);

// Creates the missing instances of every recurring task of plan `plan_id` (existing ones, and
// their progress, are kept: running it again adds nothing). REQUIRES: an open transaction.
Status CreateRecurringInstances(Database& db, int64_t plan_id);

}  // namespace lienthong
