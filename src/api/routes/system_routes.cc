// Health check and the OpenAPI document.
#include "api/openapi.h"
#include "api/route.h"

namespace lienthong::api {

void RegisterSystemRoutes(Router& router);

void RegisterSystemRoutes(Router& router) {
  router.Add({.method = "GET",
              .pattern = "/healthz",
              .access = Access::kPublic,
              .handler = [](RouteContext& ctx) -> Result<http::HttpResponse> {
                LT_RETURN_IF_ERROR(ctx.db.Query("SELECT 1").status());
                return JsonResponse({{"status", "ok"}, {"backend", ctx.db.Backend()}});
              },
              .openapi = {{"summary", "Liveness and database reachability"}}});
  // The document lists the routes of the router that serves it, so they cannot drift apart.
  router.Add({.method = "GET",
              .pattern = "/api/v1/openapi.json",
              .access = Access::kPublic,
              .handler = [&router](RouteContext&) -> Result<http::HttpResponse> {
                return JsonResponse(BuildOpenApi(router));
              },
              .openapi = {{"summary", "This document"}}});
}

}  // namespace lienthong::api
