#include "service/activities/activity_commit_queue.h"

#include "service/activities/activity_batch_writer.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

constexpr int kGroupAttempts = 4;  // PostgreSQL serialisation conflicts, as RecordActivities

}  // namespace

ActivityCommitQueue::ActivityCommitQueue(std::string db_url, size_t max_group_activities)
    : db_url_(std::move(db_url)), max_group_activities_(std::max<size_t>(1, max_group_activities)) {}

ActivityCommitQueue::~ActivityCommitQueue() = default;

ActivityCommitQueue::Counters ActivityCommitQueue::counters() const {
  std::lock_guard lock(mu_);
  return counters_;
}

size_t ActivityCommitQueue::waiting() const {
  std::lock_guard lock(mu_);
  return queue_.size();
}

Result<std::vector<StoredActivity>> ActivityCommitQueue::Record(
    const std::vector<ActivityDraft>& drafts, const RecordOptions& options, int64_t* existing_id) {
  Pending me{&drafts, &options, std::nullopt};
  std::unique_lock lock(mu_);
  queue_.push_back(&me);
  me.wake.wait(lock, [&] { return me.done || queue_.front() == &me; });
  if (!me.done) {
    // This caller leads: everyone queued now, up to the cap, goes in its transaction.
    std::vector<Pending*> group;
    size_t activities = 0;
    for (Pending* p : queue_) {
      if (!group.empty() && activities + p->drafts->size() > max_group_activities_) break;
      group.push_back(p);
      activities += p->drafts->size();
    }
    lock.unlock();
    CommitGroup(group);
    lock.lock();
    counters_.callers += group.size();
    counters_.groups += 1;
    for (Pending* p : group) {
      queue_.pop_front();
      p->done = true;
      if (p != &me) p->wake.notify_one();
    }
    if (!queue_.empty()) queue_.front()->wake.notify_one();  // the next leader
  }
  lock.unlock();
  if (existing_id) *existing_id = me.existing_id;
  return std::move(*me.result);
}

void ActivityCommitQueue::CommitGroup(const std::vector<Pending*>& group) {
  if (!writer_) {
    auto opened = OpenDatabase(db_url_);
    if (!opened.ok()) {
      for (Pending* p : group) p->result = opened.status();
      return;
    }
    writer_ = std::move(*opened);
  }
  Database& db = *writer_;
  auto alone = [&](Pending* p) {
    p->existing_id = 0;
    p->result = RecordActivities(db, *p->drafts, *p->options, &p->existing_id);
  };
  try {
    if (group.size() > 1) {
      for (int attempt = 1; attempt <= kGroupAttempts; ++attempt) {
        Status s = TryGroup(db, group);
        if (s.ok()) return;
        if (s.code() != StatusCode::kUnavailable) break;
      }
    }
    for (Pending* p : group) alone(p);
  } catch (const std::exception& e) {
    // Never leave a waiting caller without an answer.
    for (Pending* p : group) {
      if (!p->result || p->result->ok()) {
        p->result = Status::Internal(std::string("recording activities failed: ") + e.what());
      }
    }
  }
}

Status ActivityCommitQueue::TryGroup(Database& db, const std::vector<Pending*>& group) {
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  ActivityBatchWriter writer(db, NowIsoUtc());
  for (Pending* p : group) {
    p->existing_id = 0;
    p->result = writer.Stage(*p->drafts, *p->options, &p->existing_id);
    if (writer.poisoned()) return p->result->status();
  }
  LT_RETURN_IF_ERROR(writer.Finish());
  return txn->Commit();
}

}  // namespace lienthong
