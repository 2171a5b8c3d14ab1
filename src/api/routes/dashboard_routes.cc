// The communication dashboard of a unit for a period (service/activities/dashboard.h).
//   GET /api/v1/dashboard?unit=CODE&from=DATE&to=DATE   (default: your unit, this year)
#include "api/activity_json.h"
#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "service/activities/activity_log.h"
#include "service/activities/dashboard.h"

namespace lienthong::api {

void RegisterDashboardRoutes(Router& router);

namespace {

Result<http::HttpResponse> GetDashboard(RouteContext& ctx) {
  std::string code = ctx.Query("unit").value_or("");
  if (code.empty()) code = ctx.caller->unit_code;
  LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, *ctx.caller, code, Permission::kRead));
  int year = Today().year;
  LT_ASSIGN_OR_RETURN(DateRange range,
                      ParseDateRange(ctx.Query("from"), ctx.Query("to"),
                                     DateRange{Date{year, 1, 1}, Date{year, 12, 31}}));
  LT_ASSIGN_OR_RETURN(Dashboard dashboard, BuildDashboard(ctx.db, unit, range.from, range.to));
  return JsonResponse(DashboardToJson(dashboard));
}

}  // namespace

void RegisterDashboardRoutes(Router& router) {
  router.AddSchema("Dashboard", DashboardSchema());
  router.Add({.method = "GET",
              .pattern = "/api/v1/dashboard",
              .handler = GetDashboard,
              .openapi = {{"summary",
                           "Activities of a unit's subtree in a period: total, by theme, channel, "
                           "direct child and month"},
                          {"parameters",
                           {QueryParameter("unit", "unit code (default: yours)"),
                            QueryParameter("from", "first day, YYYY-MM-DD (default: 1 January)"),
                            QueryParameter("to", "last day, YYYY-MM-DD (default: 31 December)")}},
                          {"responses", RefResponse("Dashboard")}}});
}

}  // namespace lienthong::api
