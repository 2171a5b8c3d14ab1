#include "service/plans/plan_save.h"

#include "core/time_spec.h"
#include "service/plans/plan_linking.h"
#include "service/tasks/task_assignment.h"
#include "store/audit_log.h"
#include "store/plan_store.h"
#include "store/unit_store.h"
#include "text/normalize.h"
#include "text/time_spec_parser.h"
#include "util/problem_list.h"
#include "util/sha256.h"

namespace lienthong {
namespace {

using nlohmann::json;

// Reads optional string fields, noting a wrong type under the field's JSON path.
class FieldReader {
 public:
  FieldReader(const json& object, std::string path, ProblemList& problems)
      : object_(object), path_(std::move(path)), problems_(problems) {}

  std::optional<std::string> OptString(const char* key) {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
      problems_.Add(path_ + "." + key, "expected a string or null");
      return std::nullopt;
    }
    return ToNfc(it->get<std::string>());
  }
  std::string String(const char* key) { return OptString(key).value_or(""); }

  // A list of strings, as JSON text for storage.
  std::vector<std::string> StringList(const char* key) {
    std::vector<std::string> out;
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return out;
    if (!it->is_array()) {
      problems_.Add(path_ + "." + key, "expected a list of strings");
      return out;
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const json& item = (*it)[i];
      if (item.is_string()) {
        out.push_back(ToNfc(item.get<std::string>()));
      } else if (item.is_object() && item.contains("symbol") && item["symbol"].is_string()) {
        out.push_back(ToNfc(item["symbol"].get<std::string>()));  // legal bases as objects
      } else {
        problems_.Add(path_ + "." + key + "[" + std::to_string(i) + "]", "expected a string");
      }
    }
    return out;
  }

 private:
  const json& object_;
  std::string path_;
  ProblemList& problems_;
};

TaskRecord ReadTask(const json& task, const std::string& path, int position,
                    ProblemList& problems) {
  TaskRecord t;
  t.position = position;
  if (!task.is_object()) {
    problems.Add(path, "expected an object");
    return t;
  }
  FieldReader f(task, path, problems);
  t.group = f.String("group");
  t.text = f.String("text");
  if (t.text.empty()) problems.Add(path + ".text", "a task needs its text");
  t.lead_json = json(f.StringList("lead")).dump();
  t.coordinators_json = json(f.StringList("coordinators")).dump();
  // The deadline may be a string or {"text": …}; its typed value is recomputed from the text.
  const json* deadline = task.contains("deadline") ? &task["deadline"] : nullptr;
  if (deadline && deadline->is_object() && deadline->contains("text")) deadline = &(*deadline)["text"];
  if (deadline && deadline->is_string()) {
    TimeSpec spec = ParseTimeSpec(deadline->get<std::string>());
    t.deadline_text = spec.original;
    t.deadline_kind = TimeSpecKindName(spec.kind);
    if (auto due = spec.DueDate()) t.deadline_date = due->ToIso();
  } else if (deadline && !deadline->is_null()) {
    problems.Add(path + ".deadline", "expected a string or null");
  }
  return t;
}

struct ParsedPlan {
  PlanRecord record;
  std::vector<std::string> legal_bases;
  std::vector<TaskRecord> tasks;
};

ParsedPlan ReadPlan(const json& doc, const std::string& path, ProblemList& problems) {
  ParsedPlan p;
  if (!doc.is_object()) {
    problems.Add(path, "expected an object");
    return p;
  }
  FieldReader f(doc, path, problems);
  PlanRecord& r = p.record;
  r.doc_type = f.String("doc_type");
  if (r.doc_type.empty()) r.doc_type = "Kế hoạch";
  r.number = f.OptString("number");
  r.issuer = f.String("issuer");
  r.parent_issuer = f.String("parent_issuer");
  r.place = f.String("place");
  r.date = f.OptString("date");
  r.title = f.String("title");
  r.implements = f.OptString("implements");
  r.document_json = doc.dump();
  p.legal_bases = f.StringList("legal_bases");
  if (doc.contains("tasks") && !doc["tasks"].is_null()) {
    if (!doc["tasks"].is_array()) {
      problems.Add(path + ".tasks", "expected a list of tasks");
    } else {
      for (size_t i = 0; i < doc["tasks"].size(); ++i) {
        p.tasks.push_back(ReadTask(doc["tasks"][i], path + ".tasks[" + std::to_string(i) + "]",
                                   static_cast<int>(i), problems));
      }
    }
  }
  return p;
}

}  // namespace

Result<std::vector<SavedPlan>> SavePlans(Database& db, const PlanSaveRequest& request) {
  const json* docs = &request.documents;
  if (docs->is_object() && docs->contains("documents")) docs = &(*docs)["documents"];
  if (!docs->is_array()) {
    return Status::InvalidArgument("documents: expected {\"documents\": [...]} or a list");
  }
  if (docs->empty()) return Status::InvalidArgument("documents: the list is empty");

  ProblemList problems;
  std::vector<ParsedPlan> plans;
  for (size_t i = 0; i < docs->size(); ++i) {
    plans.push_back(ReadPlan((*docs)[i], "documents[" + std::to_string(i) + "]", problems));
  }
  if (!problems.empty()) return problems.ToStatus("no plan was saved");

  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  PlanStore store(db);
  std::optional<int64_t> unit_id;
  if (request.unit_code) {
    LT_ASSIGN_OR_RETURN(Unit unit, UnitStore(db).GetByCode(*request.unit_code));
    unit_id = unit.id;
  }
  std::optional<int64_t> source_id;
  if (request.source) {
    const SourceUpload& src = *request.source;
    LT_ASSIGN_OR_RETURN(auto existing, store.FindSourceFile(Sha256Hex(src.bytes)));
    if (existing && !request.allow_duplicate_file) {
      LT_ASSIGN_OR_RETURN(auto ids, store.PlansFromSource(existing->id));
      std::string list;
      for (int64_t id : ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
      return Status::AlreadyExists(src.name + ": the same file was saved on " +
                                   existing->uploaded_at + " by " + existing->uploaded_by +
                                   " (as '" + existing->name + "', plan(s) " +
                                   (list.empty() ? "none" : list) +
                                   "); pass --allow-duplicate to save it again");
    }
    LT_ASSIGN_OR_RETURN(source_id,
                        store.InsertSourceFile(src.name, src.format, src.bytes, request.actor));
  }

  std::vector<SavedPlan> saved;
  for (size_t i = 0; i < plans.size(); ++i) {
    ParsedPlan& p = plans[i];
    p.record.unit_id = unit_id;
    p.record.source_file_id = source_id;
    p.record.source_index = static_cast<int>(i);
    p.record.created_by = request.actor;
    LT_ASSIGN_OR_RETURN(int64_t plan_id, store.InsertPlan(p.record));
    LT_RETURN_IF_ERROR(store.InsertLegalBases(plan_id, p.legal_bases));
    for (const TaskRecord& t : p.tasks) LT_RETURN_IF_ERROR(store.InsertTask(plan_id, t));
    LT_RETURN_IF_ERROR(AssignPlanTasks(db, plan_id));  // assignees and recurring instances
    // Link it to the plan it implements (by its legal bases) and its implementers to it.
    LT_RETURN_IF_ERROR(LinkImplementingPlanInTransaction(db, plan_id, request.actor).status());
    LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = request.actor,
                                                  .action = "create",
                                                  .entity = "plan",
                                                  .entity_id = std::to_string(plan_id),
                                                  .after_json = p.record.document_json}));
    saved.push_back({plan_id, p.tasks.size(), p.record.title});
  }
  LT_RETURN_IF_ERROR(tx->Commit());
  return saved;
}

Status ReplacePlanDocument(Database& db, int64_t plan_id, const nlohmann::json& document,
                           const std::string& actor) {
  ProblemList problems;
  ParsedPlan parsed = ReadPlan(document, "document", problems);
  if (!problems.empty()) return problems.ToStatus("the plan was not changed");
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  PlanStore store(db);
  LT_ASSIGN_OR_RETURN(auto current, store.GetPlan(plan_id));
  if (!current) return Status::NotFound("plan " + std::to_string(plan_id));
  if (current->status != PlanStatus::kDraft) {
    return Status::FailedPrecondition("plan " + std::to_string(plan_id) + " is " +
                                      std::string(PlanStatusName(current->status)) +
                                      "; only drafts can be edited");
  }
  LT_RETURN_IF_ERROR(store.UpdatePlanDocument(plan_id, parsed.record));
  LT_RETURN_IF_ERROR(store.InsertLegalBases(plan_id, parsed.legal_bases));
  for (const TaskRecord& t : parsed.tasks) LT_RETURN_IF_ERROR(store.InsertTask(plan_id, t));
  LT_RETURN_IF_ERROR(AssignPlanTasks(db, plan_id));  // assignees and recurring instances
  LT_RETURN_IF_ERROR(LinkImplementingPlanInTransaction(db, plan_id, actor).status());
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = actor,
                                                .action = "update",
                                                .entity = "plan",
                                                .entity_id = std::to_string(plan_id),
                                                .before_json = current->document_json,
                                                .after_json = parsed.record.document_json}));
  return tx->Commit();
}

}  // namespace lienthong
