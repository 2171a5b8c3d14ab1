#include "service/tasks/task_history.h"

#include "store/audit_log.h"
#include "store/task_audit.h"
#include "store/unit_store.h"
#include "text/normalize.h"
#include "text/visible_text.h"
#include "util/iso_time.h"

namespace lienthong {

Result<std::vector<TaskUpdateRow>> TaskHistory(Database& db, int64_t task_id) {
  return TaskStore(db).History(task_id);
}

Result<TaskComment> AddTaskComment(Database& db, int64_t task_id, const std::string& text,
                                   std::optional<int64_t> unit_id, const std::string& actor) {
  std::string clean = ToNfc(text);
  clean.erase(0, clean.find_first_not_of(" \t\r\n"));
  clean.erase(clean.find_last_not_of(" \t\r\n") + 1);
  if (clean.empty()) return Status::InvalidField("text", "required").WithReason("required");
  if (!HasVisibleContent(clean)) {
    return Status::InvalidField("text", "has no visible characters (only spaces or invisible marks)")
        .WithReason("text_invisible");
  }
  if (clean.size() > kMaxCommentBytes) {
    return Status::InvalidField("text", "at most 4000 bytes")
        .WithReason("too_long", {{"limit", std::to_string(kMaxCommentBytes)}});
  }
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  TaskStore store(db);
  LT_ASSIGN_OR_RETURN(auto row, store.Get(task_id));
  if (!row) return Status::NotFound("task " + std::to_string(task_id));
  std::optional<Unit> unit;
  if (unit_id) {
    LT_ASSIGN_OR_RETURN(unit, UnitStore(db).FindById(*unit_id));
  }
  TaskComment comment{.task_id = task_id,
                      .at = NowIsoUtc(),
                      .actor = actor,
                      .unit_code = unit ? unit->code : "",
                      .unit_name = unit ? unit->name : "",
                      .text = clean};
  LT_ASSIGN_OR_RETURN(comment.id, store.InsertComment(
                                      comment, unit ? std::optional<int64_t>(unit->id) : std::nullopt));
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = actor,
                                                .action = "comment",
                                                .entity = "task",
                                                .entity_id = std::to_string(task_id),
                                                .after_json = CommentAuditJson(comment)}));
  LT_RETURN_IF_ERROR(tx->Commit());
  return comment;
}

Result<std::vector<TaskComment>> TaskComments(Database& db, int64_t task_id) {
  return TaskStore(db).Comments(task_id);
}

}  // namespace lienthong
