// Report: what a unit sends up for one reporting period of a plan — indicator values, its
// activity counts by theme × channel, and the narrative parts of a Vietnamese báo cáo.
// A submitted report is never edited in place: a correction is a new version.
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

}  // namespace lienthong
