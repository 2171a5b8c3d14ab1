// Reporting periods: the keys reports are filed under ("2025-Q4", "2025-H1", "2025", "2025-M03",
// or a one-off window "2025-10-01..2025-11-30"), their data windows and Vietnamese labels.
//
// By default the windows follow the statutory data cut-off of Nghị định 09/2019/NĐ-CP: a month
// runs from the 15th of the month before to the 14th; a quarter from the 15th of the month before
// it to the 14th of its last month (Q4/2025: 15/9/2025 – 14/12/2025); a year from 15/12 of the
// year before to 14/12; the first six months from 15/12 to 14/6 and the last six from 15/6 to
// 14/12. A plan may choose calendar windows instead (Q4/2025: 1/10 – 31/12).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/report.h"
#include "util/status.h"

namespace lienthong {

enum class PeriodKind { kMonth, kQuarter, kHalfYear, kYear, kCustom };
enum class CutoffRule { kStatutory, kCalendar };

// How often a reporting duty asks for a report. kOnce is a fixed deadline written in the plan,
// kAdHoc a later request with its own deadline; both name one custom window.
enum class ReportFrequency { kMonthly, kQuarterly, kHalfYearly, kYearly, kOnce, kAdHoc };

struct PeriodKey {
  PeriodKind kind = PeriodKind::kYear;
  int year = 0;
  int index = 0;                   // month 1..12, quarter 1..4, half 1..2; 0 for years
  std::optional<Date> first, last;  // kCustom only, inclusive

  // "2025-Q4", "2025-H1", "2025", "2025-M03", "2025-10-01..2025-11-30".
  std::string ToString() const;
  auto operator<=>(const PeriodKey&) const = default;
};

// kInvalidArgument naming the text when it is none of the forms above.
Result<PeriodKey> ParsePeriodKey(std::string_view text);
PeriodKey CustomPeriod(const Date& first, const Date& last);

// "Tháng 3/2025", "Quý IV/2025", "6 tháng đầu năm 2025", "6 tháng cuối năm 2025", "Năm 2025",
// "Từ 01/10/2025 đến 30/11/2025".
std::string PeriodLabelVi(const PeriodKey& key);

// The data window of the period under `rule`; `due` is left as the window's last day.
ReportingPeriod PeriodWindow(const PeriodKey& key, CutoffRule rule = CutoffRule::kStatutory);

// The periods a recurring duty asks for in `year` (none for kOnce / kAdHoc).
std::vector<PeriodKey> PeriodsOfYear(ReportFrequency frequency, int year);

std::string_view FrequencyName(ReportFrequency frequency);  // "quarterly", "ad_hoc"…
std::optional<ReportFrequency> ParseFrequency(std::string_view name);
std::string_view CutoffRuleName(CutoffRule rule);            // "statutory" | "calendar"
std::optional<CutoffRule> ParseCutoffRule(std::string_view name);

std::string_view ReportStatusName(ReportStatus status);  // "draft", "submitted", …
std::optional<ReportStatus> ParseReportStatus(std::string_view name);
std::string_view IndicatorTypeName(IndicatorType type);  // "number", "percentage", "yes_no", "text"
std::optional<IndicatorType> ParseIndicatorType(std::string_view name);
// "sum", "mean", "weighted_mean", "min", "max", "share_meeting_target", "none".
std::string_view AggregationName(Aggregation aggregation);
std::optional<Aggregation> ParseAggregation(std::string_view name);
// What a reader sees: "Tổng", "Trung bình", "Bình quân gia quyền", "Nhỏ nhất", "Lớn nhất",
// "Tỷ lệ đạt mục tiêu", "Không tổng hợp".
std::string_view AggregationLabelVi(Aggregation aggregation);

// "15/12/2025".
std::string DateVi(const Date& date);

}  // namespace lienthong
