// The JSON of plan imports: the preview POST /plans/import answers (and an import job's result),
// an import job's progress, and the errors of a stopped reading, each with its own code so the
// web UI can say what happened in Vietnamese.
#pragma once

#include <nlohmann/json.hpp>

#include "api/upload.h"
#include "http/message.h"
#include "service/plans/import_jobs.h"

namespace lienthong::api {

// {"file", "upload", "text", "warnings", "documents"}.
nlohmann::json ImportPreviewJson(const PlanImportPreview& preview);

// {"id", "name", "state": running|done|failed|cancelled, "stage": reading|ocr, "page", "pages",
//  "result" (done: the preview), "error" (failed, cancelled: {code, message})}.
nlohmann::json ImportJobJson(const ImportJobView& job);

// The error of a job that did not finish: a stopped child gets import_memory_limit,
// import_cpu_limit, import_time_limit (413) or import_cancelled (499-like; 409 here), the
// reader's own errors their usual answer (api/route.h ApiError).
http::HttpResponse ImportErrorResponse(const ImportJobView& job);

// The plan file of an import request: multipart/form-data with a non-empty field `file` (a
// browser form), else kInvalidArgument naming "file"; its name, "upload" when none was given.
Result<UploadedFile> UploadedPlanFile(const RouteContext& ctx);

// 503 with Retry-After for "every import slot is taken".
http::HttpResponse ImportsBusyResponse(const Status& status);

}  // namespace lienthong::api
