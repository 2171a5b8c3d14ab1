#include "service/activities/activity_edit.h"

#include "service/activities/dashboard.h"
#include "store/activity_json.h"
#include "store/audit_log.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

constexpr int kSerializationRetries = 4;

// The input that would record `a` again, for ValidateActivity.
ActivityInput InputOf(const StoredActivity& s, const ActivityEdit& edit) {
  const Activity& a = s.activity;
  ActivityInput in;
  in.unit_code = s.unit_code;
  in.date = edit.date.value_or(a.date.ToIso());
  in.kind = edit.kind.value_or(ActivityKindName(a.kind));
  in.channel = edit.channel.value_or(a.channel);
  in.theme = edit.theme.value_or(a.theme);
  in.title = edit.title.value_or(a.title);
  in.link = edit.link.value_or(a.link);
  in.reach = edit.reach.value_or(a.reach);
  in.plan_id = edit.set_plan_id ? edit.plan_id : a.plan_id;
  return in;
}

bool Changes(const ActivityEdit& e) {
  return e.date || e.kind || e.channel || e.theme || e.title || e.link || e.reach || e.set_plan_id;
}

// Serialisation conflicts (PostgreSQL) are worth a retry; everything else is final.
template <typename Fn>
auto WithRetries(Fn attempt) -> decltype(attempt()) {
  for (int i = 1;; ++i) {
    auto result = attempt();
    if (result.ok() || result.status().code() != StatusCode::kUnavailable ||
        i >= kSerializationRetries) {
      return result;
    }
  }
}

Result<StoredActivity> UpdateOnce(Database& db, int64_t id, const ActivityEdit& edit,
                                  const RecordOptions& options) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(ActivityWithUnit current, LoadActivity(db, id));
  LT_ASSIGN_OR_RETURN(Activity changed,
                      ValidateActivity(db, InputOf(current.stored, edit), current.unit,
                                       options.today, ""));
  const Activity& old = current.stored.activity;
  changed.id = old.id;
  changed.created_by = old.created_by;
  ActivityStore store(db);
  LT_RETURN_IF_ERROR(store.Update(changed));
  LT_ASSIGN_OR_RETURN(auto chain, store.AncestorIds(current.unit.path));
  RollupDelta delta;
  delta.Add(chain, old.date, old.theme, old.channel, old.reach, -1);
  delta.Add(chain, changed.date, changed.theme, changed.channel, changed.reach, +1);
  LT_RETURN_IF_ERROR(delta.Write(db));
  StoredActivity after = current.stored;
  after.activity = changed;
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = options.actor,
                                                .action = "update",
                                                .entity = "activity",
                                                .entity_id = std::to_string(id),
                                                .before_json = ActivityJson(current.stored).dump(),
                                                .after_json = ActivityJson(after).dump()}));
  LT_RETURN_IF_ERROR(tx->Commit());
  return after;
}

Result<bool> DeleteOnce(Database& db, int64_t id, const std::string& actor) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(ActivityWithUnit current, LoadActivity(db, id));
  const Activity& old = current.stored.activity;
  ActivityStore store(db);
  LT_RETURN_IF_ERROR(store.Delete(id));
  LT_ASSIGN_OR_RETURN(auto chain, store.AncestorIds(current.unit.path));
  RollupDelta delta;
  delta.Add(chain, old.date, old.theme, old.channel, old.reach, -1);
  LT_RETURN_IF_ERROR(delta.Write(db));
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = actor,
                                                .action = "delete",
                                                .entity = "activity",
                                                .entity_id = std::to_string(id),
                                                .before_json = ActivityJson(current.stored).dump(),
                                                .after_json = std::nullopt}));
  LT_RETURN_IF_ERROR(tx->Commit());
  return true;
}

}  // namespace

Result<ActivityPage> ListActivities(Database& db, const Unit& unit, ActivityFilter filter) {
  filter.root_path = unit.path;
  ActivityPage page;
  LT_ASSIGN_OR_RETURN(page.activities, ActivityStore(db).List(filter));
  LT_ASSIGN_OR_RETURN(page.total,
                      CountActivities(db, unit.id, filter.from.value_or(Date{1, 1, 1}),
                                      filter.to.value_or(Date{9999, 12, 31}), filter.theme,
                                      filter.channel));
  return page;
}

Result<ActivityWithUnit> LoadActivity(Database& db, int64_t id) {
  LT_ASSIGN_OR_RETURN(auto stored, ActivityStore(db).Get(id));
  if (!stored) return Status::NotFound("activity " + std::to_string(id));
  LT_ASSIGN_OR_RETURN(auto unit, UnitStore(db).FindById(stored->activity.unit_id));
  if (!unit) return Status::Internal("activity " + std::to_string(id) + " has no unit");
  return ActivityWithUnit{std::move(*stored), std::move(*unit)};
}

Result<StoredActivity> UpdateActivity(Database& db, int64_t id, const ActivityEdit& edit,
                                      const RecordOptions& options) {
  if (!Changes(edit)) {
    return Status::InvalidArgument("nothing to change: give date, kind, channel, theme, title, "
                                   "link, reach or plan_id");
  }
  return WithRetries([&] { return UpdateOnce(db, id, edit, options); });
}

Status DeleteActivity(Database& db, int64_t id, const std::string& actor) {
  return WithRetries([&] { return DeleteOnce(db, id, actor); }).status();
}

}  // namespace lienthong
