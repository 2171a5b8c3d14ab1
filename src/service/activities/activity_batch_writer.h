// ActivityBatchWriter: the writes of recording activities inside one open transaction — the rows,
// their audit rows and the dashboard pre-aggregates of every ancestor. RecordActivities stages one
// caller's drafts with it; the group commit (service/activities/activity_commit_queue.h) stages
// several callers' drafts in one shared transaction, so they share one commit and one fsync.
//
// Stage() validates every draft of a caller before it writes any of them, so a caller whose input
// is wrong fails alone and leaves the transaction usable. A failed write, on the other hand,
// aborts the transaction on both backends: poisoned() then says the whole transaction must be
// rolled back.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/audit_entry.h"
#include "service/activities/activity_log.h"
#include "store/activity_store.h"
#include "store/database.h"

namespace lienthong {

class ActivityBatchWriter {
 public:
  // REQUIRES: an open transaction on `db`. `now` is the created_at of every row.
  ActivityBatchWriter(Database& db, std::string now);

  // Validates `drafts`, then inserts them. A client_key already stored — or staged earlier in
  // this transaction, by this caller or another — fails with kAlreadyExists and sets
  // `*existing_id` to the activity holding it (0 when the repeat is inside `drafts`).
  Result<std::vector<StoredActivity>> Stage(const std::vector<ActivityDraft>& drafts,
                                            const RecordOptions& options, int64_t* existing_id);

  // Writes the pre-aggregates and audit rows of everything staged. Call once, before Commit().
  Status Finish();

  // A write failed: the transaction is aborted and must be rolled back.
  bool poisoned() const { return poisoned_; }

 private:
  Result<std::vector<Activity>> Validate(const std::vector<ActivityDraft>& drafts,
                                         const RecordOptions& options, int64_t* existing_id);
  Result<const std::vector<int64_t>*> Chain(const Unit& unit);

  Database& db_;
  ActivityStore store_;
  std::string now_;
  bool poisoned_ = false;
  RollupDelta delta_;
  std::vector<AuditEntry> audit_;
  std::unordered_map<int64_t, std::vector<int64_t>> chains_;  // unit id → ancestor-or-self ids
  std::map<std::pair<int64_t, std::string>, int64_t> staged_keys_;  // (unit, client_key) → id
};

}  // namespace lienthong
