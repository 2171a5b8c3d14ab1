// Roll-up: GET /api/v1/rollup (each indicator over a subtree, with children, rates, late and
// missing units, and how every number was computed), GET /api/v1/rollup/explain (every input of
// one indicator), GET /api/v1/rollup/export.xlsx, and GET /api/v1/reports/{id}/export.docx (a
// report as a báo cáo in the official layout). Shapes: docs/reports.md.
#include "api/authorize.h"
#include "api/report_json.h"
#include "api/route.h"
#include "api/routes/report_openapi.h"
#include "core/date.h"
#include "export/content_disposition.h"
#include "export/docx_writer.h"
#include "export/xlsx_writer.h"
#include "service/reports/report_export.h"
#include "service/reports/rollup.h"

namespace lienthong::api {

void RegisterRollupRoutes(Router& router);

namespace {

struct RollupArgs {
  int64_t plan_id = 0;
  Unit unit;
  std::string period;
};

// ?plan (the same 404 whether it does not exist or is out of the caller's reach), ?unit (default:
// the caller's own) and ?period.
Result<RollupArgs> Args(RouteContext& ctx) {
  RollupArgs a;
  LT_ASSIGN_OR_RETURN(a.plan_id, ctx.QueryId("plan"));
  LT_RETURN_IF_ERROR(AuthorizedReportingPlan(ctx.db, *ctx.caller, a.plan_id));
  std::string code = ctx.Query("unit").value_or(ctx.caller->unit_code);
  LT_ASSIGN_OR_RETURN(a.unit, AuthorizedUnit(ctx.db, *ctx.caller, code, Permission::kRead));
  auto period = ctx.Query("period");
  if (!period) {
    return Status::InvalidField("period", "required (2025-Q4, 2025-H1, 2025, 2025-M03)");
  }
  auto key = ParsePeriodKey(*period);
  if (!key.ok()) return AboutField(key.status(), "period");
  a.period = key->ToString();
  return a;
}

http::HttpResponse FileResponse(ExportedFile file, const char* content_type) {
  http::HttpResponse response;
  response.content_type = content_type;
  response.body = std::move(file.bytes);
  response.headers.emplace_back("Content-Disposition",
                                AttachmentDisposition(file.ascii_name, file.display_name));
  return response;
}

Result<http::HttpResponse> RollupRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(RollupArgs a, Args(ctx));
  RollupSource source = ctx.Query("source").value_or("") == "raw" ? RollupSource::kRawQuery
                                                                   : RollupSource::kPreAggregated;
  LT_ASSIGN_OR_RETURN(int64_t limit, ctx.QueryCount("limit", 100, 0, 5000));
  LT_ASSIGN_OR_RETURN(Rollup rollup,
                      BuildRollup(ctx.db, a.plan_id, a.unit, a.period, source, Today(), limit));
  return JsonResponse(RollupJson(rollup));
}

Result<http::HttpResponse> ExplainRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(RollupArgs a, Args(ctx));
  auto indicator = ctx.Query("indicator");
  if (!indicator) return Status::InvalidField("indicator", "required");
  LT_ASSIGN_OR_RETURN(IndicatorExplanation explanation,
                      ExplainIndicator(ctx.db, a.plan_id, a.unit, a.period, *indicator));
  return JsonResponse(ExplanationJson(explanation));
}

Result<http::HttpResponse> RollupXlsxRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(RollupArgs a, Args(ctx));
  LT_ASSIGN_OR_RETURN(ExportedFile file,
                      ExportRollupXlsx(ctx.db, a.plan_id, a.unit, a.period, Today()));
  return FileResponse(std::move(file), kXlsxContentType);
}

Result<http::HttpResponse> ReportDocxRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedReportSlot(ctx.db, *ctx.caller, id, Permission::kRead).status());
  LT_ASSIGN_OR_RETURN(ExportedFile file, ExportReportDocx(ctx.db, id));
  return FileResponse(std::move(file), kDocxContentType);
}

}  // namespace

void RegisterRollupRoutes(Router& router) {
  struct Entry {
    const char* pattern;
    Handler handler;
  };
  const Entry entries[] = {{"/api/v1/rollup", RollupRoute},
                           {"/api/v1/rollup/explain", ExplainRoute},
                           {"/api/v1/rollup/export.xlsx", RollupXlsxRoute},
                           {"/api/v1/reports/{id}/export.docx", ReportDocxRoute}};
  for (const Entry& e : entries) {
    router.Add({.method = "GET",
                .pattern = e.pattern,
                .handler = e.handler,
                .openapi = ReportOperation("GET", e.pattern)});
  }
}

}  // namespace lienthong::api
