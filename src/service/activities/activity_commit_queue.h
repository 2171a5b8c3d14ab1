// ActivityCommitQueue: group commit for recording activities.
//
// On SQLite every durable commit waits for one fsync of the WAL (about 4 ms on the machines we
// measured), which caps one-transaction-per-activity at ~250 inserts/s however little work the
// insert itself is. Callers on many threads (the server's workers) hand their drafts to one
// queue instead. The first caller in line becomes the leader: it takes every caller queued
// behind it (up to a cap), stages all of them in ONE transaction (service/
// activity_batch_writer.h), commits once and wakes the others with their own results. Every caller
// still gets exactly what RecordActivities would have given it alone — its rows, audit rows and
// pre-aggregates are committed before its call returns; a caller with invalid input or a repeated
// client_key fails alone — but N callers waiting together share one commit. The pattern is
// leveldb's writer queue (db/db_impl.cc, DBImpl::Write and BuildBatchGroup).
//
// Leaders write through the queue's own connection, not their thread's: SQLite drops a
// connection's page cache whenever another connection has written, so a leader on a different
// connection each time would re-read every page it touches (measured: most of the time went to
// copying pages from the OS). One writing connection keeps its cache warm.
//
// When the shared transaction itself fails (a write error, a PostgreSQL serialisation conflict
// that persists), the group is rolled back and each caller is recorded on its own, so nobody's
// result depends on somebody else's input.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "service/activities/activity_log.h"

namespace lienthong {

class ActivityCommitQueue {
 public:
  // Writes to the database at `db_url` through a connection of its own, opened on first use. A
  // group holds at most `max_group_activities` activities (a single caller's larger batch still
  // goes alone).
  explicit ActivityCommitQueue(std::string db_url, size_t max_group_activities = 1000);
  ~ActivityCommitQueue();

  // Like RecordActivities(db, drafts, options, existing_id); thread-safe.
  Result<std::vector<StoredActivity>> Record(const std::vector<ActivityDraft>& drafts,
                                             const RecordOptions& options,
                                             int64_t* existing_id = nullptr);

  struct Counters {
    uint64_t callers = 0;  // Record calls answered
    uint64_t groups = 0;   // groups led (one shared transaction each, unless it failed)
  };
  Counters counters() const;
  // Callers in the queue now, the leader included.
  size_t waiting() const;

 private:
  struct Pending {
    const std::vector<ActivityDraft>* drafts;
    const RecordOptions* options;
    std::optional<Result<std::vector<StoredActivity>>> result;
    int64_t existing_id = 0;
    bool done = false;
    std::condition_variable wake;
  };

  void CommitGroup(const std::vector<Pending*>& group);
  Status TryGroup(Database& db, const std::vector<Pending*>& group);

  const std::string db_url_;
  const size_t max_group_activities_;
  std::unique_ptr<Database> writer_;  // used by the current leader only
  mutable std::mutex mu_;
  std::deque<Pending*> queue_;  // GUARDED_BY(mu_); the front is the current leader
  Counters counters_;           // GUARDED_BY(mu_)
};

}  // namespace lienthong
