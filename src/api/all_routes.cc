// The one list of route areas. Each area lives in src/api/routes/<area>_routes.cc.
#include "api/route.h"

namespace lienthong::api {

void RegisterSystemRoutes(Router& router);
void RegisterSessionRoutes(Router& router);
void RegisterUnitRoutes(Router& router);
void RegisterPlanRoutes(Router& router);
void RegisterAuditRoutes(Router& router);

void RegisterAllRoutes(Router& router) {
  RegisterSystemRoutes(router);
  RegisterSessionRoutes(router);
  RegisterUnitRoutes(router);
  RegisterPlanRoutes(router);
  RegisterAuditRoutes(router);
}

}  // namespace lienthong::api
