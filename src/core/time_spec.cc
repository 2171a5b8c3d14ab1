#include "core/time_spec.h"

namespace lienthong {

std::optional<Date> TimeSpec::DueDate() const {
  switch (kind) {
    case TimeSpecKind::kDate: return start;
    case TimeSpecKind::kPeriod: return end;
    default: return std::nullopt;
  }
}

const char* TimeSpecKindName(TimeSpecKind kind) {
  switch (kind) {
    case TimeSpecKind::kUnknown: return "unknown";
    case TimeSpecKind::kDate: return "date";
    case TimeSpecKind::kPeriod: return "period";
    case TimeSpecKind::kOngoing: return "ongoing";
    case TimeSpecKind::kDone: return "done";
    case TimeSpecKind::kRecurring: return "recurring";
  }
  return "unknown";
}

TimeSpecKind ParseTimeSpecKind(std::string_view name) {
  for (TimeSpecKind kind : {TimeSpecKind::kDate, TimeSpecKind::kPeriod, TimeSpecKind::kOngoing,
                            TimeSpecKind::kDone, TimeSpecKind::kRecurring}) {
    if (name == TimeSpecKindName(kind)) return kind;
  }
  return TimeSpecKind::kUnknown;
}

const char* RecurrenceName(Recurrence r) {
  switch (r) {
    case Recurrence::kWeekly: return "weekly";
    case Recurrence::kMonthly: return "monthly";
    case Recurrence::kQuarterly: return "quarterly";
    case Recurrence::kHalfYearly: return "half-yearly";
    case Recurrence::kYearly: return "yearly";
  }
  return "unknown";
}

}  // namespace lienthong
