#include "api/import_json.h"

#include "api/route.h"
#include "http/request_parsing.h"
#include "store/plan_document_codec.h"

namespace lienthong::api {
namespace {

using nlohmann::json;

const char* StateName(ImportJobState state) {
  switch (state) {
    case ImportJobState::kRunning: return "running";
    case ImportJobState::kDone: return "done";
    case ImportJobState::kFailed: return "failed";
    case ImportJobState::kCancelled: return "cancelled";
  }
  return "failed";
}

// The code and HTTP status of a reading a limit stopped; {"", 0} for the reader's own errors.
std::pair<const char*, int> StopCode(ReadStop stop) {
  switch (stop) {
    case ReadStop::kMemory: return {"import_memory_limit", 413};
    case ReadStop::kCpuTime: return {"import_cpu_limit", 413};
    case ReadStop::kWallTime: return {"import_time_limit", 413};
    case ReadStop::kCancelled: return {"import_cancelled", 409};
    case ReadStop::kNone: break;
  }
  return {"", 0};
}

}  // namespace

json ImportPreviewJson(const PlanImportPreview& preview) {
  json documents = json::array();
  for (const PlanDocument& d : preview.documents) documents.push_back(EncodePlanDocument(d));
  return {{"file",
           {{"name", preview.name},
            {"format", preview.format},
            {"size", preview.size},
            {"sha256", preview.sha256}}},
          {"upload", {{"id", preview.upload_id}, {"expires_at", preview.expires_at}}},
          {"text", preview.text},
          {"warnings", preview.warnings},
          {"documents", documents}};
}

http::HttpResponse ImportErrorResponse(const ImportJobView& job) {
  auto [code, status] = StopCode(job.stop);
  if (!*code) return ApiError(job.error);
  return http::ErrorResponse(status, code, job.error.message());
}

json ImportJobJson(const ImportJobView& job) {
  json answer = {{"id", job.id},
                 {"name", job.name},
                 {"state", StateName(job.state)},
                 {"stage", job.stage == ReadStage::kOcr ? "ocr" : "reading"},
                 {"page", job.page},
                 {"pages", job.pages}};
  if (job.preview) answer["result"] = ImportPreviewJson(*job.preview);
  if (job.state == ImportJobState::kFailed || job.state == ImportJobState::kCancelled) {
    // The same error body a synchronous import would have answered.
    answer["error"] = json::parse(ImportErrorResponse(job).body)["error"];
  }
  return answer;
}

Result<UploadedFile> UploadedPlanFile(const RouteContext& ctx) {
  if (ctx.request.Header("content-type").rfind("multipart/form-data", 0) != 0) {
    return Status::InvalidField("file", "expected multipart/form-data with a field named 'file'");
  }
  LT_ASSIGN_OR_RETURN(UploadedFile file, UploadedFileOf(ctx, ReaderLimits{}.max_input_bytes));
  if (file.bytes.empty()) return Status::InvalidField("file", "the file is empty");
  if (file.name.empty()) file.name = "upload";
  return file;
}

http::HttpResponse ImportsBusyResponse(const Status& status) {
  http::HttpResponse busy = http::ErrorResponse(503, "unavailable", status.message());
  busy.headers.emplace_back("Retry-After", "30");
  return busy;
}

}  // namespace lienthong::api
