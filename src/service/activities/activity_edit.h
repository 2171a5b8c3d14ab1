// Listing, changing and deleting recorded activities (docs/activities.md "Editing").
//
// An edit or a delete keeps the dashboards exact: in the change's own transaction the old
// values are taken out of the pre-aggregates of every ancestor (RollupDelta with count −1) and
// the new ones put in, exactly as recording does. Each writes an audit row with the activity's
// JSON before and after (a delete keeps the whole activity in its audit row's `before`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/unit.h"
#include "service/activities/activity_log.h"
#include "store/activity_store.h"
#include "store/database.h"

namespace lienthong {

// The activities of `unit`'s subtree matching `filter` (its root_path is set from `unit`),
// newest first, one page of them, and how many match in all (from the pre-aggregates: exact for
// any period, theme and channel, and cheap however many rows match).
struct ActivityPage {
  std::vector<StoredActivity> activities;
  int64_t total = 0;
};
Result<ActivityPage> ListActivities(Database& db, const Unit& unit, ActivityFilter filter);

// The activity with this id and the unit that recorded it; kNotFound "activity N".
struct ActivityWithUnit {
  StoredActivity stored;
  Unit unit;
};
Result<ActivityWithUnit> LoadActivity(Database& db, int64_t id);

// A change: absent fields stay as they are (the unit, client_key and creator never change).
struct ActivityEdit {
  std::optional<std::string> date;
  std::optional<std::string> kind;
  std::optional<std::string> channel;
  std::optional<std::string> theme;
  std::optional<std::string> title;
  std::optional<std::string> link;
  std::optional<int64_t> reach;
  bool set_plan_id = false;  // with plan_id: nullopt clears it
  std::optional<int64_t> plan_id;
};

// Validates the changed activity as RecordActivities would (ValidateActivity: Status::InvalidField
// naming the field) and stores it. kInvalidArgument when nothing is given; kNotFound.
Result<StoredActivity> UpdateActivity(Database& db, int64_t id, const ActivityEdit& edit,
                                      const RecordOptions& options);

// Deletes the activity. kNotFound when absent.
Status DeleteActivity(Database& db, int64_t id, const std::string& actor);

}  // namespace lienthong
