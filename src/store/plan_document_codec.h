// The JSON form of a PlanDocument: one element of the import JSON's "documents"
// (docs/import-schema.md) plus each saved task's "id" and a derived draft's "derived_from". Plans
// store their document in this form (plans.document_json), and the API sends and receives the
// same form (api/plan_json.h), so a document read, edited and sent back loses nothing.
//
// Decoding reads what the importer writes and what reviewers send back: a legal basis may be a
// symbol or {"symbol", "text"}, a task's deadline a string or {"text"}; text is stored NFC.
// Top-level fields it does not know are kept as raw JSON (PlanDocument::other_fields).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/plan_document.h"
#include "util/problem_list.h"

namespace lienthong {

// Reads `json` (an object), adding each malformed field to `problems` under its JSON path below
// `path` ("document.tasks[2].lead: expected a list of strings"); a malformed field is left at
// its default, except that strings of the header are kept as given.
PlanDocument DecodePlanDocument(const nlohmann::json& json, const std::string& path,
                                ProblemList& problems);
nlohmann::json EncodePlanDocument(const PlanDocument& document);

// The documents of {"documents": [...]} or a bare list, each read under "documents[i]".
// kInvalidArgument for another shape or an empty list, or listing every problem ("<what>: …").
Result<std::vector<PlanDocument>> DecodePlanDocumentList(const nlohmann::json& json,
                                                        const std::string& what);

// The stored form (plans.document_json) and back. A stored document is read leniently: its
// problems are ignored (an unreadable text gives an empty document).
std::string StoredPlanDocument(const PlanDocument& document);
PlanDocument ReadStoredPlanDocument(const std::string& text);

}  // namespace lienthong
