// ActivityStore: the activities table and its pre-aggregates (migration 0004).
//
// Pre-aggregates ("rollups") keep, for every ancestor-or-self U of a recording unit, the count and
// reach of U's subtree per bucket — months (grain 'm', "2025-03") and days (grain 'd',
// "2025-03-14") — in two tables: activity_rollup_cells broken down by (theme, channel), and
// activity_rollup_totals not broken down (for by_child). A dashboard then reads whole months from
// 'm' rows and the partial months at the edges of its period from 'd' rows, so every period is
// exact and reading cost does not depend on how many activities there are.
//
// RollupDelta collects the changes of any number of activities in memory (one pass) and writes
// them with multi-row upserts; a single insert and a million-row bulk load share that code.
// Writers must hold a transaction that also holds the activity rows (see Transaction).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/activity.h"
#include "store/database.h"

namespace lienthong {

// An activity as stored, with what the API shows beside it.
struct StoredActivity {
  Activity activity;
  std::string unit_code;
  std::optional<std::string> client_key;
  std::string created_at;
};

// Additions to (or, with negative counts, removals from) the rollup tables.
class RollupDelta {
 public:
  // One activity of `reach` on `date`, counted for every unit in `unit_ids` (the recording unit
  // and its ancestors). `count` is +1 to add, -1 to remove.
  void Add(const std::vector<int64_t>& unit_ids, const Date& date, const std::string& theme,
           const std::string& channel, int64_t reach, int64_t count = 1);
  bool empty() const { return cells_.empty(); }
  size_t CellRows() const { return cells_.size(); }
  // Upserts everything (a few hundred rows per statement) and then removes rows whose count fell
  // to zero. REQUIRES an open transaction.
  Status Write(Database& db) const;

 private:
  struct Sums {
    int64_t count = 0;
    int64_t reach = 0;
  };
  // (unit_id, grain, bucket, theme, channel) and (unit_id, grain, bucket).
  std::map<std::tuple<int64_t, char, std::string, std::string, std::string>, Sums> cells_;
  std::map<std::tuple<int64_t, char, std::string>, Sums> totals_;
};

// A plan as an activity sees it.
struct ActivityPlan {
  std::optional<std::string> unit_path;  // its issuing unit's; nullopt for a plan without unit
};

struct ActivityFilter {
  std::string root_path;  // the subtree: "/VN/66/"
  std::optional<Date> from;
  std::optional<Date> to;
  std::optional<std::string> theme;
  std::optional<std::string> channel;
  int64_t limit = 50;
  int64_t offset = 0;
};

class ActivityStore {
 public:
  explicit ActivityStore(Database& db) : db_(db) {}

  // The ids of the units on `path` ("/VN/66/66001/" → ids of VN, 66, 66001), root first.
  // kNotFound when a code on the path is unknown.
  Result<std::vector<int64_t>> AncestorIds(std::string_view path);

  // Inserts one row (not the rollups) and returns its id. `search_key` is computed here.
  Result<int64_t> Insert(const Activity& activity, const std::optional<std::string>& client_key,
                         const std::string& created_at);
  // Inserts many rows with multi-row INSERTs (bulk loads); ids are not returned.
  Status InsertMany(const std::vector<Activity>& activities, const std::string& created_at);

  // The id of the unit's activity with this idempotency key, if any.
  Result<std::optional<int64_t>> FindByClientKey(int64_t unit_id, const std::string& client_key);
  Result<std::optional<StoredActivity>> Get(int64_t id);
  // Rewrites the described fields of activity `a.id` (unit, client_key and created_* stay).
  // Not the rollups: the caller moves the old values out and the new ones in (RollupDelta).
  Status Update(const Activity& a);
  // Deletes the row (its search index entry follows); not the rollups, as for Update.
  Status Delete(int64_t id);
  // Newest first (date, then id), within the filter.
  Result<std::vector<StoredActivity>> List(const ActivityFilter& filter);

  // The plan `plan_id` an activity names; nullopt when there is none.
  Result<std::optional<ActivityPlan>> FindPlan(int64_t plan_id);
  // The theme titles of the newest `limit` plans (not archived) issued by the units `unit_ids`
  // ({"themes": [{"title"}]} of each stored document; plain strings too).
  Result<std::vector<std::string>> PlanThemes(const std::vector<int64_t>& unit_ids, int limit);
  // Themes already recorded in the subtree of `unit_id` (from its monthly pre-aggregates).
  Result<std::vector<std::string>> UsedThemes(int64_t unit_id);

 private:
  Database& db_;
};

// After `unit` moved from `old_path` to its current `new_path` (both its own path), moves the
// rollups of its subtree from the ancestors it left to the ancestors it joined; the rows of the
// unit itself and of its descendants are keyed by id and stay valid. Call in the move's own
// transaction. A merge needs nothing beyond the moves it makes (the ended unit keeps its place
// and its history).
Status MoveActivityRollups(Database& db, int64_t unit_id, std::string_view old_path,
                           std::string_view new_path);

// Recomputes every rollup from the activities table in one pass (repairs; bulk loads that wrote
// rows without rollups). REQUIRES an open transaction.
Status RebuildActivityRollups(Database& db);

// "YYYY-MM" of a date.
std::string MonthBucket(const Date& date);

}  // namespace lienthong
