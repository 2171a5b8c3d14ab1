#include "service/activities/activity_batch_writer.h"

#include <set>

#include "store/activity_json.h"
#include "store/audit_log.h"

namespace lienthong {

ActivityBatchWriter::ActivityBatchWriter(Database& db, std::string now)
    : db_(db), store_(db), now_(std::move(now)) {}

Result<std::vector<Activity>> ActivityBatchWriter::Validate(const std::vector<ActivityDraft>& drafts,
                                                            const RecordOptions& options,
                                                            int64_t* existing_id) {
  std::vector<Activity> valid;
  valid.reserve(drafts.size());
  std::set<std::pair<int64_t, std::string>> keys_in_call;
  for (size_t i = 0; i < drafts.size(); ++i) {
    const ActivityDraft& d = drafts[i];
    std::string prefix = drafts.size() > 1 ? "activities[" + std::to_string(i) + "]." : "";
    LT_ASSIGN_OR_RETURN(Activity a, ValidateActivity(db_, d.input, d.unit, options.today, prefix));
    a.created_by = options.actor;
    if (d.input.client_key) {
      const std::string& key = *d.input.client_key;
      std::optional<int64_t> existing;
      if (auto staged = staged_keys_.find({a.unit_id, key}); staged != staged_keys_.end()) {
        existing = staged->second;
      } else {
        LT_ASSIGN_OR_RETURN(existing, store_.FindByClientKey(a.unit_id, key));
      }
      if (existing || !keys_in_call.emplace(a.unit_id, key).second) {
        if (existing_id) *existing_id = existing.value_or(0);
        return Status::AlreadyExists(
                   prefix + "client_key: '" + key + "' of unit " + d.unit.code +
                   (existing ? " was already recorded as activity " + std::to_string(*existing)
                             : " appears twice in the batch"))
            .WithField(prefix + "client_key");
      }
    }
    valid.push_back(std::move(a));
  }
  return valid;
}

Result<const std::vector<int64_t>*> ActivityBatchWriter::Chain(const Unit& unit) {
  auto chain = chains_.find(unit.id);
  if (chain == chains_.end()) {
    LT_ASSIGN_OR_RETURN(auto ids, store_.AncestorIds(unit.path));
    chain = chains_.emplace(unit.id, std::move(ids)).first;
  }
  return &chain->second;
}

Result<std::vector<StoredActivity>> ActivityBatchWriter::Stage(
    const std::vector<ActivityDraft>& drafts, const RecordOptions& options, int64_t* existing_id) {
  LT_ASSIGN_OR_RETURN(std::vector<Activity> valid, Validate(drafts, options, existing_id));
  std::vector<StoredActivity> stored;
  stored.reserve(valid.size());
  for (size_t i = 0; i < valid.size(); ++i) {
    Activity& a = valid[i];
    const ActivityDraft& d = drafts[i];
    auto id = store_.Insert(a, d.input.client_key, now_);
    if (!id.ok()) {
      poisoned_ = true;
      return id.status();
    }
    a.id = *id;
    if (d.input.client_key) staged_keys_[{a.unit_id, *d.input.client_key}] = a.id;
    auto chain = Chain(d.unit);
    if (!chain.ok()) {
      poisoned_ = true;  // rows of this caller are already inserted
      return chain.status();
    }
    delta_.Add(**chain, a.date, a.theme, a.channel, a.reach);
    StoredActivity s{a, d.unit.code, d.input.client_key, now_};
    audit_.push_back(AuditEntry{.at = now_,
                                .actor = options.actor,
                                .action = "create",
                                .entity = "activity",
                                .entity_id = std::to_string(a.id),
                                .after_json = ActivityJson(s).dump()});
    stored.push_back(std::move(s));
  }
  return stored;
}

Status ActivityBatchWriter::Finish() {
  Status written = delta_.Write(db_);
  if (written.ok() && audit_.size() == 1) {
    written = AppendAudit(db_, std::move(audit_[0]));
  } else if (written.ok() && !audit_.empty()) {
    written = AppendAuditMany(db_, std::move(audit_));
  }
  audit_.clear();
  if (!written.ok()) poisoned_ = true;
  return written;
}

}  // namespace lienthong
