// Activity: one communication activity a unit published (an article, a broadcast, a post, an
// infographic, a conference…), logged by theme, channel and date. Only the organisation's own
// output is recorded here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"

namespace lienthong {

enum class ActivityKind {
  kArticle,
  kBroadcast,
  kPost,
  kInfographic,
  kVideo,
  kConference,
  kBanner,
  kLoudspeaker,
  kOther,
};

// The largest reach one activity may claim: more people than live in Viet Nam ten times over, so
// no real figure is refused, while sums over tens of millions of activities stay far inside
// int64 (issue: `reach: 9223372036854775807` once wrapped the dashboards to −9.22e18).
inline constexpr int64_t kMaxActivityReach = 1'000'000'000;

struct Activity {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::optional<int64_t> plan_id;
  Date date;
  ActivityKind kind = ActivityKind::kOther;
  std::string theme;    // a ContentTheme label of the plan
  std::string channel;  // a Channel code
  std::string title;
  std::string link;
  int64_t reach = 0;    // people reached / views, when known
  std::string created_by;
};

const char* ActivityKindName(ActivityKind kind);

}  // namespace lienthong
