// PlanStore: plans, their legal bases and tasks, and the original files they came from.
// Writers must hold a transaction (see Transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.h"
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
};

struct TaskRecord {
  int position = 0;
  std::string group;
  std::string text;
  std::string lead_json = "[]";
  std::string coordinators_json = "[]";
  std::optional<std::string> deadline_text;
  std::string deadline_kind = "unknown";
  std::optional<std::string> deadline_date;
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
  // Rewrites the header columns and document of plan `id` from `plan` and drops its legal bases
  // and tasks, for the caller to insert the new ones (a draft being corrected).
  Status UpdatePlanDocument(int64_t id, const PlanRecord& plan);
  Status SetStatus(int64_t id, PlanStatus status);
  Status InsertLegalBases(int64_t plan_id, const std::vector<std::string>& symbols);
  Status InsertTask(int64_t plan_id, const TaskRecord& task);

  Result<std::optional<PlanRecord>> GetPlan(int64_t id);
  // Plans made from one stored file, in document order.
  Result<std::vector<int64_t>> PlansFromSource(int64_t source_file_id);
  Result<int64_t> CountTasks(int64_t plan_id);

 private:
  Database& db_;
};

}  // namespace lienthong
