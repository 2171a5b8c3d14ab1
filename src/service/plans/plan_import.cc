#include "service/plans/plan_import.h"

#include <nlohmann/json.hpp>

#include "import/document_reading.h"
#include "import/readers.h"
#include "store/plan_document_codec.h"
#include "store/plan_upload_store.h"
#include "util/sha256.h"

namespace lienthong {
namespace {

// The importer's JSON is the document's persisted form; the codec reads it back typed.
Result<std::vector<PlanDocument>> DecodeReadDocuments(const DocumentReading& reading) {
  if (reading.documents_json.empty()) return std::vector<PlanDocument>{};
  const nlohmann::json documents = nlohmann::json::parse(reading.documents_json, nullptr, false);
  return DecodePlanDocumentList(documents, "the file was read into malformed plans");
}

// The reading both front ends share: reader, parser, then the typed documents.
Result<PlanFileRead> ReadPlanFileWithin(const std::string& name, const std::string& bytes,
                                        const ReaderLimits& limits) {
  LT_ASSIGN_OR_RETURN(DocumentReading reading, ReadAndParseDocument(bytes, name, limits));
  LT_ASSIGN_OR_RETURN(std::vector<PlanDocument> documents, DecodeReadDocuments(reading));
  return PlanFileRead{.format = std::move(reading.format),
                      .text = std::move(reading.text),
                      .warnings = std::move(reading.warnings),
                      .documents = std::move(documents)};
}

}  // namespace

Result<PlanImportPreview> PreviewPlanImport(Database& db, const std::string& name,
                                            const std::string& bytes, int64_t owner_user_id,
                                            std::function<bool()> cancelled) {
  ReaderLimits limits;
  limits.cancelled = std::move(cancelled);
  LT_ASSIGN_OR_RETURN(DocumentReading reading, ReadAndParseDocument(bytes, name, limits));
  return HoldImportPreview(db, name, bytes, owner_user_id, std::move(reading));
}

Result<PlanImportPreview> HoldImportPreview(Database& db, const std::string& name,
                                            const std::string& bytes, int64_t owner_user_id,
                                            DocumentReading reading) {
  PlanImportPreview preview{.name = name,
                            .format = reading.format,
                            .sha256 = Sha256Hex(bytes),
                            .size = bytes.size(),
                            .text = std::move(reading.text),
                            .warnings = std::move(reading.warnings)};
  LT_ASSIGN_OR_RETURN(preview.documents, DecodeReadDocuments(reading));
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  PlanUploadStore uploads(db);
  PlanUpload upload{.owner_user_id = owner_user_id,
                    .name = name,
                    .format = preview.format,
                    .sha256 = preview.sha256,
                    .content = bytes};
  LT_ASSIGN_OR_RETURN(preview.upload_id, uploads.Insert(upload, kPlanUploadLifetimeSeconds));
  LT_ASSIGN_OR_RETURN(auto held, uploads.Find(preview.upload_id, owner_user_id));
  if (held) preview.expires_at = held->expires_at;
  LT_RETURN_IF_ERROR(tx->Commit());
  return preview;
}

Result<std::vector<SavedPlan>> SaveImportedPlans(Database& db, const ImportedPlanSave& request) {
  std::optional<PlanUpload> upload;
  {
    LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
    LT_ASSIGN_OR_RETURN(upload, PlanUploadStore(db).Find(request.upload_id, request.owner_user_id));
    LT_RETURN_IF_ERROR(tx->Commit());
  }
  if (!upload) {
    return Status::InvalidField("upload_id", "upload '" + request.upload_id.substr(0, 40) +
                                                 "' is unknown or expired; read the file again");
  }
  PlanSaveRequest save{.documents = request.documents,
                       .source = SourceUpload{upload->name, upload->format, upload->content},
                       .unit_code = request.unit_code,
                       .allow_duplicate_file = request.allow_duplicate_file,
                       .actor = request.actor,
                       .reader_path = request.reader_path};
  return SavePlans(db, save);
}

Result<PlanFileRead> ReadPlanFile(const std::string& name, const std::string& bytes) {
  return ReadPlanFileWithin(name, bytes, ReaderLimits{});
}

Result<ImportedPlanFile> ImportPlanFile(Database& db, const PlanFileImport& request) {
  ImportedPlanFile result;
  LT_ASSIGN_OR_RETURN(result.read, ReadPlanFile(request.name, request.bytes));
  if (result.read.documents.empty()) {
    return Status::InvalidArgument(request.name + ": no plan was found in the file")
        .WithReason("no_plan_in_file");
  }
  PlanSaveRequest save{
      .documents = result.read.documents,
      .source = SourceUpload{std::filesystem::path(request.name).filename().string(),
                             result.read.format, request.bytes},
      .unit_code = request.unit_code,
      .allow_duplicate_file = request.allow_duplicate_file,
      .actor = request.actor};
  LT_ASSIGN_OR_RETURN(result.saved, SavePlans(db, save));
  return result;
}

}  // namespace lienthong
