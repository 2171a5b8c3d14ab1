#include "core/reporting_period.h"

#include <charconv>
#include <cstdio>

namespace lienthong {
namespace {

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The 15th of the month before (year, month): the first day of a statutory window.
Date StatutoryStart(int year, int month) {
  if (month == 1) return {year - 1, 12, 15};
  return {year, month - 1, 15};
}

// First and last month of the period (1-based, inclusive).
std::pair<int, int> Months(const PeriodKey& key) {
  switch (key.kind) {
    case PeriodKind::kMonth: return {key.index, key.index};
    case PeriodKind::kQuarter: return {key.index * 3 - 2, key.index * 3};
    case PeriodKind::kHalfYear: return {key.index * 6 - 5, key.index * 6};
    default: return {1, 12};
  }
}

const char* const kRoman[] = {"", "I", "II", "III", "IV"};

}  // namespace

std::string PeriodKey::ToString() const {
  char buf[32];
  switch (kind) {
    case PeriodKind::kMonth: std::snprintf(buf, sizeof buf, "%04d-M%02d", year, index); break;
    case PeriodKind::kQuarter: std::snprintf(buf, sizeof buf, "%04d-Q%d", year, index); break;
    case PeriodKind::kHalfYear: std::snprintf(buf, sizeof buf, "%04d-H%d", year, index); break;
    case PeriodKind::kYear: std::snprintf(buf, sizeof buf, "%04d", year); break;
    case PeriodKind::kCustom:
      return (first ? first->ToIso() : "") + ".." + (last ? last->ToIso() : "");
  }
  return buf;
}

PeriodKey CustomPeriod(const Date& first, const Date& last) {
  PeriodKey key;
  key.kind = PeriodKind::kCustom;
  key.year = last.year;
  key.first = first;
  key.last = last;
  return key;
}

Result<PeriodKey> ParsePeriodKey(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidArgument("period '" + std::string(text.substr(0, 40)) +
                                   "': expected 2025, 2025-H1, 2025-Q4, 2025-M03 or "
                                   "2025-10-01..2025-11-30");
  };
  if (size_t dots = text.find(".."); dots != std::string_view::npos) {
    auto first = Date::FromIso(text.substr(0, dots));
    auto last = Date::FromIso(text.substr(dots + 2));
    if (!first || !last || *last < *first) return bad();
    return CustomPeriod(*first, *last);
  }
  auto year = ParseInt(text.substr(0, 4));
  if (!year || *year < 1900 || *year > 2999) return bad();
  PeriodKey key;
  key.year = *year;
  if (text.size() == 4) return key;
  if (text.size() < 7 || text[4] != '-') return bad();
  auto index = ParseInt(text.substr(6));
  if (!index) return bad();
  key.index = *index;
  switch (text[5]) {
    case 'M': key.kind = PeriodKind::kMonth; if (text.size() != 8 || *index < 1 || *index > 12) return bad(); break;
    case 'Q': key.kind = PeriodKind::kQuarter; if (text.size() != 7 || *index < 1 || *index > 4) return bad(); break;
    case 'H': key.kind = PeriodKind::kHalfYear; if (text.size() != 7 || *index < 1 || *index > 2) return bad(); break;
    default: return bad();
  }
  return key;
}

std::string DateVi(const Date& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", date.day, date.month, date.year);
  return buf;
}

std::string PeriodLabelVi(const PeriodKey& key) {
  std::string year = std::to_string(key.year);
  switch (key.kind) {
    case PeriodKind::kMonth: return "Tháng " + std::to_string(key.index) + "/" + year;
    case PeriodKind::kQuarter: return "Quý " + std::string(kRoman[key.index]) + "/" + year;
    case PeriodKind::kHalfYear:
      return std::string(key.index == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
    case PeriodKind::kYear: return "Năm " + year;
    case PeriodKind::kCustom:
      return "Từ " + DateVi(key.first.value_or(Date{})) + " đến " + DateVi(key.last.value_or(Date{}));
  }
  return year;
}

ReportingPeriod PeriodWindow(const PeriodKey& key, CutoffRule rule) {
  ReportingPeriod period;
  period.label = PeriodLabelVi(key);
  if (key.kind == PeriodKind::kCustom) {
    period.start = key.first.value_or(Date{});
    period.end = key.last.value_or(Date{});
  } else {
    auto [first_month, last_month] = Months(key);
    if (rule == CutoffRule::kStatutory) {
      period.start = StatutoryStart(key.year, first_month);
      period.end = {key.year, last_month, 14};
    } else {
      period.start = {key.year, first_month, 1};
      period.end = Date::LastDayOfMonth(key.year, last_month);
    }
  }
  period.due = period.end;
  return period;
}

std::vector<PeriodKey> PeriodsOfYear(ReportFrequency frequency, int year) {
  std::vector<PeriodKey> out;
  auto add = [&](PeriodKind kind, int count) {
    for (int i = 1; i <= count; ++i) out.push_back(PeriodKey{kind, year, i, {}, {}});
  };
  switch (frequency) {
    case ReportFrequency::kMonthly: add(PeriodKind::kMonth, 12); break;
    case ReportFrequency::kQuarterly: add(PeriodKind::kQuarter, 4); break;
    case ReportFrequency::kHalfYearly: add(PeriodKind::kHalfYear, 2); break;
    case ReportFrequency::kYearly: out.push_back(PeriodKey{PeriodKind::kYear, year, 0, {}, {}}); break;
    default: break;
  }
  return out;
}

namespace {
template <typename E, size_t N>
std::optional<E> FindByName(const std::pair<E, std::string_view> (&table)[N], std::string_view name) {
  for (const auto& [value, text] : table) {
    if (text == name) return value;
  }
  return std::nullopt;
}
template <typename E, size_t N>
std::string_view NameOf(const std::pair<E, std::string_view> (&table)[N], E value) {
  for (const auto& [v, text] : table) {
    if (v == value) return text;
  }
  return "";
}

constexpr std::pair<ReportFrequency, std::string_view> kFrequencies[] = {
    {ReportFrequency::kMonthly, "monthly"},     {ReportFrequency::kQuarterly, "quarterly"},
    {ReportFrequency::kHalfYearly, "half_yearly"}, {ReportFrequency::kYearly, "yearly"},
    {ReportFrequency::kOnce, "once"},           {ReportFrequency::kAdHoc, "ad_hoc"}};
constexpr std::pair<CutoffRule, std::string_view> kCutoffs[] = {
    {CutoffRule::kStatutory, "statutory"}, {CutoffRule::kCalendar, "calendar"}};
constexpr std::pair<ReportStatus, std::string_view> kStatuses[] = {
    {ReportStatus::kDraft, "draft"}, {ReportStatus::kSubmitted, "submitted"},
    {ReportStatus::kAccepted, "accepted"}, {ReportStatus::kReturned, "returned"}};
constexpr std::pair<IndicatorType, std::string_view> kTypes[] = {
    {IndicatorType::kNumber, "number"}, {IndicatorType::kPercentage, "percentage"},
    {IndicatorType::kYesNo, "yes_no"}, {IndicatorType::kText, "text"}};
constexpr std::pair<Aggregation, std::string_view> kAggregations[] = {
    {Aggregation::kSum, "sum"}, {Aggregation::kMean, "mean"},
    {Aggregation::kWeightedMean, "weighted_mean"}, {Aggregation::kMin, "min"},
    {Aggregation::kMax, "max"}, {Aggregation::kShareMeetingTarget, "share_meeting_target"},
    {Aggregation::kNone, "none"}};
constexpr std::pair<Aggregation, std::string_view> kAggregationLabels[] = {
    {Aggregation::kSum, "Tổng"}, {Aggregation::kMean, "Trung bình"},
    {Aggregation::kWeightedMean, "Bình quân gia quyền"}, {Aggregation::kMin, "Nhỏ nhất"},
    {Aggregation::kMax, "Lớn nhất"}, {Aggregation::kShareMeetingTarget, "Tỷ lệ đạt mục tiêu"},
    {Aggregation::kNone, "Không tổng hợp"}};
}  // namespace

std::string_view FrequencyName(ReportFrequency f) { return NameOf(kFrequencies, f); }
std::optional<ReportFrequency> ParseFrequency(std::string_view n) { return FindByName(kFrequencies, n); }
std::string_view CutoffRuleName(CutoffRule r) { return NameOf(kCutoffs, r); }
std::optional<CutoffRule> ParseCutoffRule(std::string_view n) { return FindByName(kCutoffs, n); }
std::string_view ReportStatusName(ReportStatus s) { return NameOf(kStatuses, s); }
std::optional<ReportStatus> ParseReportStatus(std::string_view n) { return FindByName(kStatuses, n); }
std::string_view IndicatorTypeName(IndicatorType t) { return NameOf(kTypes, t); }
std::optional<IndicatorType> ParseIndicatorType(std::string_view n) { return FindByName(kTypes, n); }
std::string_view AggregationName(Aggregation a) { return NameOf(kAggregations, a); }
std::optional<Aggregation> ParseAggregation(std::string_view n) { return FindByName(kAggregations, n); }
std::string_view AggregationLabelVi(Aggregation a) { return NameOf(kAggregationLabels, a); }

}  // namespace lienthong
