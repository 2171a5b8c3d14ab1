// DashboardStore: reads of the activity pre-aggregates (store/activity_store.h) for dashboards
// and counts, and the plain GROUP BY over the raw activities they must agree with.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/date_range.h"
#include "store/database.h"

namespace lienthong {

// One bucket range of the rollup tables: grain 'm' with months "YYYY-MM" or grain 'd' with days.
struct BucketRange {
  char grain = 'm';
  std::string first;
  std::string last;
  bool operator==(const BucketRange&) const = default;
};

// One (bucket, theme, channel) cell: of the pre-aggregates, or of the raw activities grouped by
// month (the reference).
struct ActivityCell {
  std::string bucket;  // "2025-03" or "2025-03-14"
  std::string theme;
  std::string channel;
  int64_t count = 0;
  int64_t reach = 0;
};

struct ChildSums {
  int64_t child_id = 0;
  int64_t count = 0;
  int64_t reach = 0;
};

class DashboardStore {
 public:
  explicit DashboardStore(Database& db) : db_(db) {}

  // The cells of unit `unit_id`'s subtree in `range`.
  Status Cells(int64_t unit_id, const BucketRange& range,
               const std::function<void(const ActivityCell&)>& each);
  // The totals of each direct child of `unit_id` in `range` (children without rows left out).
  Status ChildTotals(int64_t unit_id, const BucketRange& range,
                     const std::function<void(const ChildSums&)>& each);
  // The activities of `subtree_path` in `period`, from the pre-aggregates of `unit_id` (the unit
  // at that path), optionally of one theme and/or channel.
  Result<int64_t> Count(int64_t unit_id, const BucketRange& range,
                        const std::optional<std::string>& theme,
                        const std::optional<std::string>& channel);

  // The reference: raw activities of the subtree at `path` in `period`, grouped by month, theme
  // and channel; and per direct child of `unit_id`.
  Status ReferenceCells(const std::string& path, const DateRange& period,
                        const std::function<void(const ActivityCell&)>& each);
  Status ReferenceChildTotals(int64_t unit_id, const DateRange& period,
                              const std::function<void(const ChildSums&)>& each);

 private:
  Database& db_;
};

}  // namespace lienthong
