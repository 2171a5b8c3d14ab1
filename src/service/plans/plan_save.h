// Saves reviewed plans (PlanDocument, core/plan_document.h) — what `lienthong import --save`
// produces and what a reviewer sends back after correcting a preview — as draft plans, with their
// legal bases, tasks and the original file, in one transaction with audit rows; and rewrites a
// draft's document without losing its tasks' state (plan_tasks.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/plan_document.h"
#include "store/database.h"

namespace lienthong {

struct SourceUpload {
  std::string name;    // as the user named it
  std::string format;  // the reader's format: "text", "docx", "pdf", …
  std::string bytes;
};

struct PlanSaveRequest {
  std::vector<PlanDocument> documents;
  std::optional<SourceUpload> source;    // kept byte for byte with the plans
  std::optional<std::string> unit_code;  // the issuing unit in the hierarchy, if known
  bool allow_duplicate_file = false;     // store a file whose bytes are already stored
  std::string actor;
  // The saver's subtree, when the saver sees only part of the hierarchy (the API): a duplicate
  // refusal then names only plans of units within it, and not who saved the file.
  std::optional<std::string> reader_path;
};

struct SavedPlan {
  int64_t plan_id = 0;
  size_t tasks = 0;
  std::string title;
};

// Errors: kInvalidArgument for an empty list; kNotFound for an unknown unit; kAlreadyExists when
// the same file was saved before (naming its plans), unless allow_duplicate_file. Nothing is
// written on error.
// A source file saved before answers kAlreadyExists with reason "duplicate_file" {plan: the
// first plan saved from it that the reader may see, "0" if none; date}, unless
// allow_duplicate_file.
Result<std::vector<SavedPlan>> SavePlans(Database& db, const PlanSaveRequest& request);

struct DocumentReplaced {
  size_t tasks_added = 0;
  size_t tasks_updated = 0;
  size_t tasks_archived = 0;
  int revision = 0;  // the plan's revision after the save
};

// Replaces the document of a DRAFT plan (a reviewer's corrections): header columns, legal bases
// and stored document are rewritten from `document`, its tasks updated in place by identity
// (plan_tasks.h), with an audit row holding before → after. kFailedPrecondition for a plan that
// is no longer a draft (published plans change through a new version) or, with
// `expected_revision`, one saved by someone else since (its revision differs); kNotFound for an
// unknown plan.
Result<DocumentReplaced> ReplacePlanDocument(Database& db, int64_t plan_id, PlanDocument document,
                                             const std::string& actor,
                                             std::optional<int> expected_revision = std::nullopt);

// Moves a plan along draft → published → archived (core/plan.h PlanStatusMayBecome), with an
// audit row; a plan already in `to` is left as it is. Who may do it is the caller's check
// (publishing and archiving are a manager's decision). kNotFound, kFailedPrecondition for a
// move the rule refuses.
Status ChangePlanStatus(Database& db, int64_t plan_id, PlanStatus to, const std::string& actor);

}  // namespace lienthong
