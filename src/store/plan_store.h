// PlanStore: plans, their legal bases and implements-links, and the original files they came
// from. A plan's structured content is a PlanDocument, stored as JSON (store/plan_document_codec.h)
// beside the header columns that are queried. Task rows are store/plan_task_store.h. Writers must
// hold a transaction (see Transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.h"
#include "core/plan_document.h"
#include "store/database.h"

namespace lienthong {

struct StoredSourceFile {
  int64_t id = 0;
  std::string name;
  std::string format;
  std::string sha256;
  int64_t size = 0;
  std::string uploaded_at;
  std::string uploaded_by;
};

// The columns of a plan row; the full structure lives in document_json.
struct PlanRecord {
  int64_t id = 0;
  std::optional<int64_t> unit_id;
  PlanStatus status = PlanStatus::kDraft;
  std::string doc_type;
  std::optional<std::string> number;
  std::string issuer;
  std::string parent_issuer;
  std::string place;
  std::optional<std::string> date;
  std::string title;
  std::optional<std::string> implements;
  std::string document_json;
  std::optional<int64_t> source_file_id;
  int source_index = 0;
  std::string created_at;
  std::string created_by;
  std::optional<int64_t> implements_plan_id;  // read only: SetImplementsPlan writes it
  int revision = 1;                           // read only: every document or status write adds 1
};

// A task row of a plan: what the plan's document says of it, and its tracking state (read only
// here; service/tasks changes it).
struct TaskRecord {
  int64_t id = 0;  // filled when read or inserted
  int position = 0;
  std::string group;
  std::string text;
  std::vector<std::string> lead;
  std::vector<std::string> coordinators;
  std::optional<std::string> deadline_text;
  TimeSpecKind deadline_kind = TimeSpecKind::kUnknown;
  std::optional<Date> deadline_date;
  std::string status = "not_started";
  int progress = 0;
  std::optional<std::string> archived_at;
};

// A plan row with its document read.
struct StoredPlan {
  PlanRecord record;
  PlanDocument document;
};

// The header columns and stored form of `document` (doc_type "Kế hoạch" when it names none),
// for InsertPlan; the caller fills unit, source and creator.
PlanRecord PlanRecordFor(const PlanDocument& document);

// Who owns a plan, for authorisation: its unit's path (nullopt for a plan without unit).
struct PlanOwner {
  std::optional<std::string> unit_path;
  PlanStatus status = PlanStatus::kDraft;
};

// One row of a plan list.
struct PlanSummary {
  int64_t id = 0;
  std::string unit_code;
  PlanStatus status = PlanStatus::kDraft;
  std::string doc_type;
  std::optional<std::string> number;
  std::string title;
  std::optional<std::string> date;
  std::string issuer;
};

// A legal basis with the plan of that number the reader may open, if any.
struct LegalBasisLink {
  std::string symbol;
  std::optional<int64_t> plan_id;
};

// The columns the implements-linker reads.
struct PlanLinkRow {
  int64_t id = 0;
  std::optional<int64_t> unit_id;
  std::optional<std::string> number;
  PlanStatus status = PlanStatus::kDraft;
  std::optional<std::string> implements;
  std::optional<int64_t> implements_plan_id;
};

// A plan implementing another, with its unit's path and document (coverage).
struct ImplementingPlan {
  int64_t id = 0;
  std::string unit_path;
  std::optional<std::string> number;
  std::optional<std::string> date;
  PlanStatus status = PlanStatus::kDraft;
  PlanDocument document;
};

class PlanStore {
 public:
  explicit PlanStore(Database& db) : db_(db) {}

  Result<int64_t> InsertSourceFile(const std::string& name, const std::string& format,
                                   const std::string& bytes, const std::string& actor);
  // The stored file with these bytes, if any (by SHA-256).
  Result<std::optional<StoredSourceFile>> FindSourceFile(const std::string& sha256);
  Result<std::string> SourceFileContent(int64_t id);

  // Inserts the plan row (id and timestamps are filled) and returns its id.
  Result<int64_t> InsertPlan(const PlanRecord& plan);
  // Rewrites the header columns and stored document of plan `id` from `document` (a draft being
  // corrected) and counts a revision. Legal bases and tasks are the caller's to rewrite.
  Status UpdatePlanDocument(int64_t id, const PlanDocument& document);
  // Rewrites only the stored document of plan `id` (a new plan's, once its task ids are known).
  Status StoreDocument(int64_t id, const PlanDocument& document);
  Status SetStatus(int64_t id, PlanStatus status);
  Status SetImplementsPlan(int64_t id, int64_t parent_id);
  // Replaces the legal-basis rows of a plan with `symbols`, in order.
  Status ReplaceLegalBases(int64_t plan_id, const std::vector<std::string>& symbols);

  Result<std::optional<PlanRecord>> GetPlan(int64_t id);
  // The row and its document; nullopt when absent.
  Result<std::optional<StoredPlan>> LoadPlan(int64_t id);
  Result<std::optional<PlanOwner>> Owner(int64_t id);
  // Plans made from one stored file, in document order.
  Result<std::vector<int64_t>> PlansFromSource(int64_t source_file_id);
  // The same, only plans issued by a unit within `unit_path` (plans without a unit only when
  // `unit_path` is a root's).
  Result<std::vector<int64_t>> PlansFromSourceWithin(int64_t source_file_id,
                                                     const std::string& unit_path);

  // Plans of the units in the subtree at `unit_path` whose search key contains `search_key`
  // ("" for all), newest date first, at most `limit`.
  Result<std::vector<PlanSummary>> ListInSubtree(const std::string& unit_path,
                                                 const std::string& search_key, int limit);
  // The plan's legal bases in order, each with the oldest plan of that number in the subtree at
  // `visible_path`.
  Result<std::vector<LegalBasisLink>> LegalBasesWithPlans(int64_t plan_id,
                                                          const std::string& visible_path);

  // Implements-linking (service/plans/plan_linking.h).
  Result<std::optional<PlanLinkRow>> LinkRow(int64_t id);
  // The plan's legal-basis symbols, last first.
  Result<std::vector<std::string>> LegalBasesLastFirst(int64_t plan_id);
  // Plans other than `except_id` whose number contains `digits`, oldest first.
  Result<std::vector<PlanLinkRow>> NumberedLike(const std::string& digits, int64_t except_id);
  // Unlinked plans other than `except_id` whose implements text or a legal basis contains
  // `digits`, oldest first.
  Result<std::vector<PlanLinkRow>> UnlinkedNaming(const std::string& digits, int64_t except_id);

  // Task rows (plan_task_store.cc). Archived tasks keep their rows, history and evidence.
  Result<int64_t> InsertTask(int64_t plan_id, const TaskRecord& task);
  // Rewrites what the document says of a task (position, group, text, names, deadline).
  Status UpdateTaskContent(int64_t task_id, const TaskRecord& task);
  Status ArchiveTask(int64_t task_id, const std::string& actor);
  // The plan's tasks by position: the current ones, or the archived ones.
  Result<std::vector<TaskRecord>> Tasks(int64_t plan_id, bool archived = false);

  // The first plan (not archived) of unit `unit_id` implementing `parent_id`, if any.
  Result<std::optional<int64_t>> ImplementingPlanOf(int64_t parent_id, int64_t unit_id);
  // Every plan (not archived, with a unit) implementing `parent_id`, oldest first.
  Result<std::vector<ImplementingPlan>> ImplementingPlans(int64_t parent_id);

 private:
  Database& db_;
};

}  // namespace lienthong
