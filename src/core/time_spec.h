// TimeSpec: the typed value of a deadline or period as plan documents write it
// ("trước ngày 15/12/2025", "Quý IV/2025", "Thường xuyên", "định kỳ hằng quý"), always keeping
// the original words so nothing a user wrote is lost. Parsing lives in text/time_spec_parser.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace lienthong {

enum class TimeSpecKind {
  kUnknown,    // text we could not read; `original` still holds it
  kDate,       // one day: "29/8/2025", "trước ngày 15/12/2025" (with `before`)
  kPeriod,     // a span: "Quý IV/2025", "6 tháng đầu năm 2026", "năm 2028", "tháng 9/2025"
  kOngoing,    // "Thường xuyên", "Liên tục": never overdue
  kDone,       // "Hoàn thành", "Đã hoàn thành"
  kRecurring,  // "định kỳ hằng quý", "hằng năm", "định kỳ hằng quý, 6 tháng và năm"
};

enum class Recurrence { kWeekly, kMonthly, kQuarterly, kHalfYearly, kYearly };

struct TimeSpec {
  TimeSpecKind kind = TimeSpecKind::kUnknown;
  std::string original;  // the text as written (NFC)

  // kDate: the day. kPeriod: first and last day, inclusive.
  std::optional<Date> start;
  std::optional<Date> end;
  // kDate: "trước ngày …" / "chậm nhất …" — the date is a limit, not the day itself.
  bool before = false;
  // kRecurring: every frequency named, in the order written.
  std::vector<Recurrence> recurrences;

  // The day a task with this spec falls due: the date, or a period's last day; nullopt otherwise.
  std::optional<Date> DueDate() const;
};

const char* TimeSpecKindName(TimeSpecKind kind);  // "date", "period", …
// The kind a TimeSpecKindName names; kUnknown for anything else.
TimeSpecKind ParseTimeSpecKind(std::string_view name);
const char* RecurrenceName(Recurrence r);         // "monthly", "quarterly", …

}  // namespace lienthong
