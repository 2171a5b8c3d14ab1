// Saves plans in the importer's JSON form (docs/import-schema.md) — what `lienthong import
// --save` produces and what a reviewer sends back after correcting a preview — as draft plans,
// with their legal bases, tasks and the original file, in one transaction with audit rows.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace lienthong {

struct SourceUpload {
  std::string name;    // as the user named it
  std::string format;  // the reader's format: "text", "docx", "pdf", …
  std::string bytes;
};

struct PlanSaveRequest {
  nlohmann::json documents;              // {"documents": [...]} or a bare array
  std::optional<SourceUpload> source;    // kept byte for byte with the plans
  std::optional<std::string> unit_code;  // the issuing unit in the hierarchy, if known
  bool allow_duplicate_file = false;     // store a file whose bytes are already stored
  std::string actor;
};

struct SavedPlan {
  int64_t plan_id = 0;
  size_t tasks = 0;
  std::string title;
};

// Errors: kInvalidArgument naming the JSON path of a malformed field ("documents[0].tasks[2].lead:
// expected a list of strings"); kNotFound for an unknown unit; kAlreadyExists when the same file
// was saved before (naming its plans), unless allow_duplicate_file. Nothing is written on error.
Result<std::vector<SavedPlan>> SavePlans(Database& db, const PlanSaveRequest& request);

// Replaces the document of a DRAFT plan (a reviewer's corrections): header columns, legal bases
// and tasks are rewritten from `document` (one element of the importer's "documents"), with an
// audit row holding before → after. kFailedPrecondition for a plan that is no longer a draft
// (published plans change through a new version), kNotFound for an unknown plan.
Status ReplacePlanDocument(Database& db, int64_t plan_id, const nlohmann::json& document,
                           const std::string& actor);

}  // namespace lienthong
