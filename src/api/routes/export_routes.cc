// Exports in the official layout: GET /api/v1/plans/{id}/export.docx. (The report and roll-up
// exports build on the same src/export functions and live with the report routes.)
#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "export/content_disposition.h"
#include "export/docx_writer.h"
#include "export/plan_document.h"
#include "store/plan_store.h"

namespace lienthong::api {

void RegisterExportRoutes(Router& router);

namespace {

using nlohmann::json;

// "27/KH-UBND" → "27-KH-UBND" for a file name.
std::string NumberForFileName(std::string number) {
  for (char& c : number) {
    if (c == '/') c = '-';
  }
  return number;
}

Result<http::HttpResponse> ExportPlanDocx(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedPlanPath(ctx.db, *ctx.caller, id, Permission::kRead).status());
  PlanStore plans(ctx.db);
  LT_ASSIGN_OR_RETURN(std::optional<PlanRecord> plan, plans.GetPlan(id));
  if (!plan.has_value()) return Status::NotFound("plan " + std::to_string(id));
  json document = json::parse(plan->document_json, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    return Status::Internal("plan " + std::to_string(id) + ": stored document is not JSON");
  }
  LT_ASSIGN_OR_RETURN(OfficialDocument official, PlanToOfficialDocument(document));
  LT_ASSIGN_OR_RETURN(std::string bytes, WriteOfficialDocx(official));

  std::string name = official.type_name.empty() ? "Kế hoạch" : official.type_name;
  name += plan->number.has_value() && !plan->number->empty()
              ? " " + NumberForFileName(*plan->number)
              : " " + std::to_string(id);
  http::HttpResponse response;
  response.content_type = kDocxContentType;
  response.body = std::move(bytes);
  response.headers.emplace_back(
      "Content-Disposition",
      AttachmentDisposition("plan-" + std::to_string(id) + ".docx", name + ".docx"));
  return response;
}

}  // namespace

void RegisterExportRoutes(Router& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans/{id}/export.docx",
              .handler = ExportPlanDocx,
              .openapi = {{"summary", "The plan as a .docx in the official layout (ND30 / HD36)"},
                          {"responses", FileResponse(kDocxContentType, "The document")}}});
}

}  // namespace lienthong::api
