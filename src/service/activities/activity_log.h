// Recording communication activities: validation, the idempotency key, the row, its audit row and
// the dashboard pre-aggregates (store/activity_store.h), all in one transaction.
//
// Validation errors are Status::InvalidField naming the offending field ("date: 2026-13-01 is not
// a date", field() "date"; "activities[3].link: …").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/date.h"
#include "core/unit.h"
#include "store/activity_store.h"
#include "store/database.h"

namespace lienthong {

// An activity as submitted (API body, CLI, tests), before validation.
struct ActivityInput {
  std::string unit_code;
  std::string date;  // YYYY-MM-DD
  std::string kind;
  std::string channel;
  std::string theme;
  std::string title;
  std::string link;
  int64_t reach = 0;
  std::optional<int64_t> plan_id;
  std::optional<std::string> client_key;  // idempotency key, unique per unit
};

// Checks `input` for `unit` (already resolved and authorised by the caller): date valid, not after
// `today` and inside the unit's validity; kind and channel from the lists
// (core/activity_vocabulary.h); title with visible content (not only spaces, zero-width or bidi
// characters: text/visible_text.h); link empty or http(s); 0 <= reach <= kMaxActivityReach;
// plan, when given, owned by the unit or one of its ancestors. Text is stored NFC with spaces
// trimmed.
// A refusal names the field (Status::field) and says why as a reason code with parameters
// (Status::reason, for a person's language: the web words it from its catalogue): one of
// date_required, date_invalid (value), date_future (date, today), unit_not_active (unit, date),
// kind_unknown (value), channel_unknown (value), title_required, title_invisible, too_long
// (limit), link_not_web, reach_negative, reach_too_large (limit), client_key_invalid,
// plan_not_owned (plan, unit).

Result<Activity> ValidateActivity(Database& db, const ActivityInput& input, const Unit& unit,
                                  const Date& today, const std::string& prefix);

struct ActivityDraft {
  ActivityInput input;
  Unit unit;
};

struct RecordOptions {
  std::string actor;  // audit actor and created_by
  Date today;         // the latest date allowed (Today() in production)
};

// Validates and stores every draft in ONE transaction (all or nothing) with an audit row each and
// the rollups of every ancestor, and returns the stored activities in order. A client_key already
// recorded for the unit (or repeated in the batch) fails with kAlreadyExists and sets
// `*existing_id` to the stored activity's id (0 when the repeat is inside the batch). PostgreSQL
// serialisation conflicts are retried a few times.
Result<std::vector<StoredActivity>> RecordActivities(Database& db,
                                                     const std::vector<ActivityDraft>& drafts,
                                                     const RecordOptions& options,
                                                     int64_t* existing_id = nullptr);

struct ActivityOptions {
  std::vector<std::string> themes;  // the unit's own and its plans' themes, Vietnamese order
};
// Themes offered when recording for `unit`: those of the plans of the unit and its ancestors, those
// already used in its subtree, and a few common ones; deduplicated by MatchKey.
Result<ActivityOptions> ActivityOptionsFor(Database& db, const Unit& unit);

}  // namespace lienthong
