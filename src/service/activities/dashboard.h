// The communication dashboard of a unit for a period: how many activities its subtree published
// (and their reach), by theme, by channel, by direct child and by month.
//
// BuildDashboard reads the pre-aggregates (store/activity_store.h): the 'm' rows of the whole
// months inside [from, to] and the 'd' rows of the partial months at its edges (SplitPeriod), for
// the unit itself (by_theme, by_channel, by_month, total) and for each direct child (by_child).
// A year of the whole country reads ~1,000 rows whatever the number of activities.
//
// Sums never overflow: each activity's reach is at most kMaxActivityReach (core/activity.h), and
// every addition here saturates at INT64_MAX rather than wrapping to a negative number.
//
// BuildDashboardReference computes the same answer with plain GROUP BY queries over the raw
// activities joined to units by path. It is the definition the pre-aggregates must match (tests
// compare both on random data) and the baseline of bench/dashboard_bench.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/unit.h"
#include "store/dashboard_store.h"
#include "store/database.h"

namespace lienthong {

struct DashboardEntry {
  std::string key;  // theme, channel code, child code or month "2025-03"
  std::string name; // the child's name (by_child only)
  int64_t count = 0;
  int64_t reach = 0;
  bool operator==(const DashboardEntry&) const = default;
};

struct Dashboard {
  std::string unit_code;
  std::string unit_name;
  Date from;
  Date to;
  int64_t total = 0;
  int64_t reach = 0;
  std::vector<DashboardEntry> by_theme;    // count > 0, most first, then by key
  std::vector<DashboardEntry> by_channel;  // same order
  // Direct children with activities in the period, and children active on `to` with none;
  // most first, then Vietnamese name order.
  std::vector<DashboardEntry> by_child;
  std::vector<DashboardEntry> by_month;    // every month of the period in order, zeros included
  bool operator==(const Dashboard&) const = default;
};

// The longest period a dashboard covers (by_month lists every month).
constexpr int kMaxDashboardMonths = 240;

// kInvalidArgument naming "to" when to < from or the period is longer than kMaxDashboardMonths.
Result<Dashboard> BuildDashboard(Database& db, const Unit& unit, const Date& from, const Date& to);
Result<Dashboard> BuildDashboardReference(Database& db, const Unit& unit, const Date& from,
                                          const Date& to);

// [from, to] as whole months plus the partial months at either edge as days, in date order.
std::vector<BucketRange> SplitPeriod(const Date& from, const Date& to);

// Activities of the subtree of `unit_id` in [from, to], optionally of one theme and/or channel,
// from the pre-aggregates (the `total` of GET /activities).
Result<int64_t> CountActivities(Database& db, int64_t unit_id, const Date& from, const Date& to,
                                const std::optional<std::string>& theme,
                                const std::optional<std::string>& channel);

}  // namespace lienthong
