#include "service/plans/plan_save.h"

#include "service/plans/plan_linking.h"
#include "service/plans/plan_tasks.h"
#include "service/tasks/task_assignment.h"
#include "store/audit_log.h"
#include "store/plan_audit.h"
#include "store/plan_store.h"
#include "store/unit_store.h"
#include "util/sha256.h"

namespace lienthong {
namespace {

// The stored file's id; kAlreadyExists naming the plans saved from the same bytes before.
// A reader limited to a subtree learns only of plans within it, and not who saved the file.
Result<int64_t> StoreSourceFile(PlanStore& store, const PlanSaveRequest& request) {
  const SourceUpload& src = *request.source;
  LT_ASSIGN_OR_RETURN(auto existing, store.FindSourceFile(Sha256Hex(src.bytes)));
  if (existing && !request.allow_duplicate_file) {
    std::vector<int64_t> ids;
    if (request.reader_path) {
      LT_ASSIGN_OR_RETURN(ids, store.PlansFromSourceWithin(existing->id, *request.reader_path));
    } else {
      LT_ASSIGN_OR_RETURN(ids, store.PlansFromSource(existing->id));
    }
    std::string list;
    for (int64_t id : ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
    const std::string saver =
        request.reader_path ? "" : " by " + existing->uploaded_by + " (as '" + existing->name + "')";
    return Status::AlreadyExists(src.name + ": the same file was saved on " +
                                 existing->uploaded_at + saver + ", plan(s) " +
                                 (list.empty() ? "none you can see" : list))
        .WithReason("duplicate_file",
                    {{"plan", ids.empty() ? "0" : std::to_string(ids.front())},
                     {"date", existing->uploaded_at.substr(0, 10)}});
  }
  return store.InsertSourceFile(src.name, src.format, src.bytes, request.actor);
}

}  // namespace

Result<std::vector<SavedPlan>> SavePlans(Database& db, const PlanSaveRequest& request) {
  if (request.documents.empty()) return Status::InvalidArgument("documents: the list is empty");
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  PlanStore store(db);
  std::optional<int64_t> unit_id;
  if (request.unit_code) {
    LT_ASSIGN_OR_RETURN(Unit unit, UnitStore(db).GetByCode(*request.unit_code));
    unit_id = unit.id;
  }
  std::optional<int64_t> source_id;
  if (request.source) {
    LT_ASSIGN_OR_RETURN(source_id, StoreSourceFile(store, request));
  }

  std::vector<SavedPlan> saved;
  for (size_t i = 0; i < request.documents.size(); ++i) {
    PlanDocument document = request.documents[i];
    for (DocumentTask& task : document.tasks) task.id.reset();  // a new plan has no rows yet
    PlanRecord record = PlanRecordFor(document);
    record.unit_id = unit_id;
    record.source_file_id = source_id;
    record.source_index = static_cast<int>(i);
    record.created_by = request.actor;
    LT_ASSIGN_OR_RETURN(int64_t plan_id, store.InsertPlan(record));
    LT_RETURN_IF_ERROR(store.ReplaceLegalBases(plan_id, LegalBasisSymbols(document)));
    LT_RETURN_IF_ERROR(SyncPlanTasks(db, plan_id, document, request.actor, false).status());
    LT_RETURN_IF_ERROR(store.StoreDocument(plan_id, document));  // with the task ids
    LT_RETURN_IF_ERROR(AssignPlanTasks(db, plan_id));  // assignees and recurring instances
    // Link it to the plan it implements (by its legal bases) and its implementers to it.
    LT_RETURN_IF_ERROR(LinkImplementingPlanInTransaction(db, plan_id, request.actor).status());
    LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = request.actor,
                                                  .action = "create",
                                                  .entity = "plan",
                                                  .entity_id = std::to_string(plan_id),
                                                  .after_json = PlanDocumentAuditJson(document)}));
    saved.push_back({plan_id, document.tasks.size(), record.title});
  }
  LT_RETURN_IF_ERROR(tx->Commit());
  return saved;
}

Result<DocumentReplaced> ReplacePlanDocument(Database& db, int64_t plan_id, PlanDocument document,
                                             const std::string& actor,
                                             std::optional<int> expected_revision) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  PlanStore store(db);
  LT_ASSIGN_OR_RETURN(auto current, store.GetPlan(plan_id));
  if (!current) return Status::NotFound("plan " + std::to_string(plan_id));
  if (current->status != PlanStatus::kDraft) {
    return Status::FailedPrecondition("plan " + std::to_string(plan_id) + " is " +
                                      std::string(PlanStatusName(current->status)) +
                                      "; only drafts can be edited")
        .WithReason("plan_not_draft", {{"status", std::string(PlanStatusName(current->status))}});
  }
  if (expected_revision && *expected_revision != current->revision) {
    return Status::FailedPrecondition(
        "plan " + std::to_string(plan_id) + " was changed since revision " +
        std::to_string(*expected_revision) + " (it is at revision " +
        std::to_string(current->revision) + "); reload it and apply your edits again")
        .WithReason("plan_changed_meanwhile");
  }
  LT_ASSIGN_OR_RETURN(TaskSync sync, SyncPlanTasks(db, plan_id, document, actor, true));
  LT_RETURN_IF_ERROR(store.UpdatePlanDocument(plan_id, document));
  LT_RETURN_IF_ERROR(store.ReplaceLegalBases(plan_id, LegalBasisSymbols(document)));
  LT_RETURN_IF_ERROR(AssignPlanTasks(db, plan_id));  // assignees and recurring instances
  LT_RETURN_IF_ERROR(LinkImplementingPlanInTransaction(db, plan_id, actor).status());
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = actor,
                                                .action = "update",
                                                .entity = "plan",
                                                .entity_id = std::to_string(plan_id),
                                                .before_json = current->document_json,
                                                .after_json = PlanDocumentAuditJson(document)}));
  LT_RETURN_IF_ERROR(tx->Commit());
  return DocumentReplaced{sync.added, sync.updated, sync.archived, current->revision + 1};
}

Status ChangePlanStatus(Database& db, int64_t plan_id, PlanStatus to, const std::string& actor) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  PlanStore store(db);
  LT_ASSIGN_OR_RETURN(auto plan, store.GetPlan(plan_id));
  if (!plan) return Status::NotFound("plan " + std::to_string(plan_id));
  if (plan->status == to) return tx->Commit();
  if (!PlanStatusMayBecome(plan->status, to)) {
    return Status::FailedPrecondition("a " + std::string(PlanStatusName(plan->status)) +
                                      " plan cannot become " + std::string(PlanStatusName(to)))
        .WithReason("plan_status_change", {{"from", std::string(PlanStatusName(plan->status))},
                                           {"to", std::string(PlanStatusName(to))}});
  }
  LT_RETURN_IF_ERROR(store.SetStatus(plan_id, to));
  LT_RETURN_IF_ERROR(AppendAudit(db, {.actor = actor,
                                      .action = "update",
                                      .entity = "plan",
                                      .entity_id = std::to_string(plan_id),
                                      .before_json = PlanStatusAuditJson(plan->status),
                                      .after_json = PlanStatusAuditJson(to)}));
  return tx->Commit();
}

}  // namespace lienthong
