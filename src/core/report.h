// Report: what a unit sends up for one reporting period of a plan — indicator values, its
// activity counts by theme × channel, and the narrative parts of a Vietnamese báo cáo.
// A submitted report is never edited in place: a correction is a new version.
//
// Also the plan's indicators (what every report measures and how it rolls up) and the totals the
// roll-up adds up (core/rollup.h holds the roll-up itself).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/date.h"

namespace lienthong {

enum class ReportStatus { kDraft, kSubmitted, kAccepted, kReturned };
enum class IndicatorType { kNumber, kPercentage, kYesNo, kText };
// How the values of many reports become one: sum, mean, mean weighted by another indicator of
// the same report, min, max, the share (in %) of reports whose value meets a target; text
// indicators are not aggregated.
enum class Aggregation { kSum, kMean, kWeightedMean, kMin, kMax, kShareMeetingTarget, kNone };

// Numbers are stored as integers × kValueScale (4 decimal places), so sums are exact; yes = 1.
constexpr int64_t kValueScale = 10000;
// A scaled integer as a decimal number (12345 → 1.2345).
double Unscale(int64_t scaled);
// Rounded to 4 decimal places, the precision numbers are stored with.
double Round4(double x);

// A reporting period: Q4/2025 by the Nghị định 09/2019 cut-off runs 15/9/2025 – 14/12/2025.
struct ReportingPeriod {
  std::string label;  // "Quý IV/2025"
  Date start;
  Date end;  // inclusive
  Date due;
};

struct IndicatorValue {
  std::string indicator_code;
  IndicatorType type = IndicatorType::kNumber;
  std::variant<std::monostate, double, bool, std::string> value;
  bool not_applicable = false;
};

// Activities a unit logged in a report's period on one theme through one channel (a channel
// code of core/activity_vocabulary.h).
struct ActivityCount {
  std::string theme;
  std::string channel;
  int64_t count = 0;
  bool operator==(const ActivityCount&) const = default;
};

struct Report {
  int64_t id = 0;
  int64_t plan_id = 0;
  int64_t unit_id = 0;
  ReportingPeriod period;
  int version = 1;
  ReportStatus status = ReportStatus::kDraft;
  std::vector<IndicatorValue> indicators;
  // (theme label, channel code) → number of activities in the period.
  std::map<std::pair<std::string, std::string>, int64_t> activity_counts;
  std::string highlights;       // kết quả nổi bật
  std::string shortcomings;     // tồn tại, hạn chế
  std::string causes;           // nguyên nhân
  std::string lessons;          // bài học kinh nghiệm
  std::string recommendations;  // đề xuất, kiến nghị
  std::optional<std::string> submitted_at;
  std::string review_comment;  // why it was returned
};

// One indicator a plan's reports measure.
struct IndicatorDef {
  int64_t plan_id = 0;
  int position = 0;
  std::string code;
  std::string name;
  IndicatorType type = IndicatorType::kNumber;
  Aggregation aggregation = Aggregation::kSum;
  std::optional<std::string> weight_code;  // kWeightedMean: the indicator giving the weights
  // Per-report threshold: a report "meets the target" when its value >= target (yes/no: 1).
  std::optional<double> target;
  // Phase target for the rolled-up value ("100% tổ chức đảng được quán triệt by Q4/2025").
  std::optional<double> goal;
  std::optional<std::string> goal_period;
  std::string unit_label;

  bool operator==(const IndicatorDef&) const = default;
};

// A subtree's totals for one indicator (or a single report's share), as quantities that add:
// sum, mean, weighted mean, min, max and the share meeting the target all follow from them.
// Values are scaled (kValueScale).
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

// Reports expected, received and received on time in a subtree.
struct RateTotals {
  int64_t expected = 0, received = 0, on_time = 0;
  // Percentages of `expected`, rounded to 4 places; nullopt when nothing is expected.
  std::optional<double> ReceivedRate() const;
  std::optional<double> OnTimeRate() const;
  bool operator==(const RateTotals&) const = default;
};

}  // namespace lienthong
