// Synthetic communication activities for the demo and the benchmarks: `count` activities spread
// evenly over the active units already stored (in path order, so each province's units are
// contiguous), on random days of the last `months` months up to `today`, with themes, channels,
// kinds and reach drawn from fixed lists. Same seed and units, same activities.
//
// Bulk path: multi-row INSERTs of the activities and their pre-aggregates computed in memory in
// one pass (RollupDelta), flushed every ~1M aggregate rows; one transaction for everything and
// ONE audit row ("generate", entity "activity") rather than one per synthetic row.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/date.h"
#include "store/database.h"

namespace lienthong {

struct ActivityDemoOptions {
  int64_t count = 10000;
  uint32_t seed = 1;
  Date today;       // the last possible date (Today() in the CLI)
  int months = 18;  // how far back dates go
  std::string actor = "cli:demo";
  // Called now and then with the number of activities written so far (progress output).
  std::function<void(int64_t)> progress;
};

struct ActivityDemoSummary {
  int64_t activities = 0;
  int64_t units = 0;  // units that received activities
};

// kFailedPrecondition when there are no units.
Result<ActivityDemoSummary> GenerateDemoActivities(Database& db,
                                                   const ActivityDemoOptions& options);

}  // namespace lienthong
