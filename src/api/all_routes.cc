// The one list of route areas. Each area lives in src/api/routes/<area>_routes.cc.
#include "api/route.h"

namespace lienthong::api {

void RegisterSystemRoutes(Router& router);
void RegisterSessionRoutes(Router& router);
void RegisterUnitRoutes(Router& router);
void RegisterPlanRoutes(Router& router);
void RegisterImportJobRoutes(Router& router);
void RegisterCascadeRoutes(Router& router);
void RegisterTaskRoutes(Router& router);
void RegisterActivityRoutes(Router& router);
void RegisterDashboardRoutes(Router& router);
void RegisterSearchRoutes(Router& router);
void RegisterSearchSuggestionRoutes(Router& router);
void RegisterReportRoutes(Router& router);
void RegisterRollupRoutes(Router& router);
void RegisterExportRoutes(Router& router);
void RegisterAuditRoutes(Router& router);
void RegisterUserRoutes(Router& router);

void RegisterAllRoutes(Router& router) {
  RegisterSystemRoutes(router);
  RegisterSessionRoutes(router);
  RegisterUnitRoutes(router);
  RegisterPlanRoutes(router);
  RegisterImportJobRoutes(router);
  RegisterCascadeRoutes(router);
  RegisterTaskRoutes(router);
  RegisterActivityRoutes(router);
  RegisterDashboardRoutes(router);
  RegisterSearchRoutes(router);
  RegisterSearchSuggestionRoutes(router);
  RegisterReportRoutes(router);
  RegisterRollupRoutes(router);
  RegisterExportRoutes(router);
  RegisterAuditRoutes(router);
  RegisterUserRoutes(router);
}

}  // namespace lienthong::api
