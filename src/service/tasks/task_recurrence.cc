#include "service/tasks/task_recurrence.h"

#include <algorithm>

#include "text/time_spec_parser.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

constexpr int kMaxYearsAfterPlanYear = 5;

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string DayMonthYear(const Date& d) {
  return TwoDigits(d.day) + "/" + TwoDigits(d.month) + "/" + std::to_string(d.year);
}

// Periods of one frequency that start in `year` (weekly ones are handled separately).
std::vector<RecurrencePeriod> PeriodsOfYear(Recurrence f, int year) {
  static const char* const kRoman[] = {"I", "II", "III", "IV"};
  std::vector<RecurrencePeriod> out;
  auto add = [&](std::string label, int first_month, int last_month) {
    out.push_back({f, std::move(label), Date{year, first_month, 1},
                   Date::LastDayOfMonth(year, last_month)});
  };
  switch (f) {
    case Recurrence::kMonthly:
      for (int m = 1; m <= 12; ++m) add("Tháng " + std::to_string(m) + "/" + std::to_string(year), m, m);
      break;
    case Recurrence::kQuarterly:
      for (int q = 0; q < 4; ++q) {
        add(std::string("Quý ") + kRoman[q] + "/" + std::to_string(year), 3 * q + 1, 3 * q + 3);
      }
      break;
    case Recurrence::kHalfYearly:
      add("6 tháng đầu năm " + std::to_string(year), 1, 6);
      add("6 tháng cuối năm " + std::to_string(year), 7, 12);
      break;
    case Recurrence::kYearly:
      add("Năm " + std::to_string(year), 1, 12);
      break;
    case Recurrence::kWeekly:
      break;
  }
  return out;
}

std::vector<RecurrencePeriod> Weeks(const DateRange& range) {
  std::vector<RecurrencePeriod> out;
  int first = range.from.DaysSinceEpoch();
  // 1970-01-01 was a Thursday: +3 makes Monday weekday 0.
  int monday = first - ((first % 7 + 7 + 3) % 7);
  for (int d = monday; d <= range.to.DaysSinceEpoch(); d += 7) {
    Date start = Date::FromDaysSinceEpoch(d);
    Date end = Date::FromDaysSinceEpoch(d + 6);
    out.push_back({Recurrence::kWeekly,
                   "Tuần " + DayMonthYear(start) + " - " + DayMonthYear(end), start, end});
  }
  return out;
}

// "2025-09-05", "2025-09" or "2025" → its first day; nullopt otherwise.
std::optional<Date> FirstDayOf(const std::string& partial) {
  if (auto full = Date::FromIso(partial)) return full;
  if (partial.size() == 7) return Date::FromIso(partial + "-01");
  if (partial.size() == 4) return Date::FromIso(partial + "-01-01");
  return std::nullopt;
}

}  // namespace

const char* FrequencyCode(Recurrence frequency) {
  switch (frequency) {
    case Recurrence::kWeekly: return "weekly";
    case Recurrence::kMonthly: return "monthly";
    case Recurrence::kQuarterly: return "quarterly";
    case Recurrence::kHalfYearly: return "half_yearly";
    case Recurrence::kYearly: return "yearly";
  }
  return "yearly";
}

std::vector<RecurrencePeriod> PeriodsOverlapping(const std::vector<Recurrence>& frequencies,
                                                 const DateRange& range) {
  std::vector<RecurrencePeriod> out;
  std::vector<Recurrence> seen;
  for (Recurrence f : frequencies) {
    if (std::find(seen.begin(), seen.end(), f) != seen.end()) continue;
    seen.push_back(f);
    if (f == Recurrence::kWeekly) {
      auto weeks = Weeks(range);
      out.insert(out.end(), weeks.begin(), weeks.end());
      continue;
    }
    for (int year = range.from.year; year <= range.to.year; ++year) {
      for (RecurrencePeriod& p : PeriodsOfYear(f, year)) {
        if (p.due >= range.from && p.start <= range.to) out.push_back(std::move(p));
      }
    }
  }
  return out;
}

DateRange PlanRecurrenceRange(const PlanSchedule& schedule, const Date& stored_on) {
  Date from = stored_on;
  if (schedule.date) {
    if (auto d = FirstDayOf(*schedule.date)) from = *d;
  }
  Date to{from.year, 12, 31};
  for (const std::string& end : schedule.phase_ends) {
    std::optional<Date> first = FirstDayOf(end);
    if (!first) continue;
    Date last = end.size() == 4 ? Date{first->year, 12, 31}
                                : Date::LastDayOfMonth(first->year, first->month);
    to = std::max(to, last);
  }
  to = std::min(to, Date{from.year + kMaxYearsAfterPlanYear, 12, 31});
  return {from, to};
}

Status CreateRecurringInstances(Database& db, int64_t plan_id) {
  TaskStore store(db);
  LT_ASSIGN_OR_RETURN(PlanSchedule schedule, store.Schedule(plan_id));
  Date stored_on = Date::FromIso(schedule.created_at.substr(0, 10)).value_or(Date{2025, 1, 1});
  DateRange range = PlanRecurrenceRange(schedule, stored_on);
  LT_ASSIGN_OR_RETURN(auto tasks, store.PlanTasks(plan_id));
  std::string now = NowIsoUtc();
  for (const TaskRow& task : tasks) {
    if (task.deadline_kind != TimeSpecKind::kRecurring) continue;
    TimeSpec spec = ParseTimeSpec(task.deadline_text.value_or(""));
    for (const RecurrencePeriod& p : PeriodsOverlapping(spec.recurrences, range)) {
      LT_RETURN_IF_ERROR(store.AddInstance({.task_id = task.id,
                                            .frequency = FrequencyCode(p.frequency),
                                            .period_label = p.label,
                                            .period_start = p.start.ToIso(),
                                            .due_date = p.due.ToIso(),
                                            .updated_at = now}));
    }
  }
  return Status::Ok();
}

}  // namespace lienthong
