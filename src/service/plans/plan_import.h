// Plan import, the one owner of reading plan files and saving what was read, for both front ends.
// The web import (issue 11 part 4) has two steps:
//   1. PreviewPlanImport reads an uploaded file once, parses it into plans and holds the file
//      server-side under a short-lived upload id (store/plan_upload_store.h), so
//   2. SaveImportedPlans can save the reviewed plans with that file — kept byte for byte with its
//      SHA-256 and refused as a duplicate exactly like `lienthong import --save` — without the
//      client sending the file again.
// The CLI (`lienthong import`) reads a file with ReadPlanFile, or reads and saves it in one call
// with ImportPlanFile: the same reading, the same typed documents, and the same SavePlans (the
// original file kept with its SHA-256, a duplicate refused).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/plan_document.h"
#include "import/document_reading.h"
#include "service/plans/plan_save.h"
#include "store/database.h"

namespace lienthong {

// How long a held upload waits for its save.
inline constexpr int64_t kPlanUploadLifetimeSeconds = 2 * 60 * 60;

struct PlanImportPreview {
  std::string upload_id;  // for SaveImportedPlans
  std::string expires_at;
  std::string name;
  std::string format;  // the reader's: "text", "docx", "pdf", …
  std::string sha256;
  size_t size = 0;
  std::string text;  // the body as the reader saw it, for the reviewer to compare
  std::vector<std::string> warnings;
  std::vector<PlanDocument> documents;
};

// Reads `bytes` (named `name` by the user) and holds them for `owner_user_id`. Errors of the
// readers and the parser as they are (kInvalidArgument for an unreadable file…).
// `cancelled` answers true once nobody waits for the answer (the client went away): the reading
// stops between pages (import/read_budget.h).
Result<PlanImportPreview> PreviewPlanImport(Database& db, const std::string& name,
                                            const std::string& bytes, int64_t owner_user_id,
                                            std::function<bool()> cancelled = {});

// The second half of PreviewPlanImport, for a document read elsewhere (a child process,
// service/plans/import_jobs.h): holds `bytes` with what was read from them.
Result<PlanImportPreview> HoldImportPreview(Database& db, const std::string& name,
                                            const std::string& bytes, int64_t owner_user_id,
                                            DocumentReading reading);

struct ImportedPlanSave {
  std::string upload_id;
  int64_t owner_user_id = 0;
  std::vector<PlanDocument> documents;  // as reviewed
  std::optional<std::string> unit_code;
  bool allow_duplicate_file = false;
  std::string actor;
  std::optional<std::string> reader_path;  // as PlanSaveRequest::reader_path
};

// SavePlans with the held file as the source. kNotFound naming the upload when it is unknown,
// expired or another user's; SavePlans' errors otherwise.
Result<std::vector<SavedPlan>> SaveImportedPlans(Database& db, const ImportedPlanSave& request);

// What one file holds once read: the reader's format, the body as the reader saw it and its
// warnings, and the plans parsed from it (empty when the parser found none).
struct PlanFileRead {
  std::string format;
  std::string text;
  std::vector<std::string> warnings;
  std::vector<PlanDocument> documents;
};

// Reads and parses `bytes`; `name` (a path or a file name) picks the reader by its extension and
// starts every error message. Touches no database.
Result<PlanFileRead> ReadPlanFile(const std::string& name, const std::string& bytes);

struct PlanFileImport {
  std::string name;  // a path or a file name: errors name it as given, the plans keep its last part
  std::string bytes;
  std::optional<std::string> unit_code;
  bool allow_duplicate_file = false;
  std::string actor;
};

struct ImportedPlanFile {
  PlanFileRead read;
  std::vector<SavedPlan> saved;  // one per document, in order
};

// ReadPlanFile, then SavePlans with the file as the source. kInvalidArgument naming the file when
// it holds no plan; SavePlans' errors otherwise (kAlreadyExists for a file saved before).
Result<ImportedPlanFile> ImportPlanFile(Database& db, const PlanFileImport& request);

}  // namespace lienthong
