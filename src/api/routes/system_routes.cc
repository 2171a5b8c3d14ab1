// Liveness, readiness, metrics and the OpenAPI document. The server answers /healthz itself,
// on its I/O thread (ApiApplication::Screen), and runs /readyz and /metrics on its probe lane,
// so none of them waits behind slow requests.
#include "api/application.h"
#include "api/openapi.h"
#include "api/route.h"
#include "http/client_address.h"
#include "http/request_parsing.h"
#include "store/health_probe.h"

namespace lienthong::api {

void RegisterSystemRoutes(Router& router);

namespace {

Result<http::HttpResponse> Ready(RouteContext& ctx) {
  Status ready = ProbeWrite(ctx.db);
  if (ready.ok() && ctx.options) {
    ready = CheckFreeSpace(ctx.options->db_url, ctx.options->min_free_disk_bytes);
  }
  if (!ready.ok()) {
    return JsonResponse({{"status", "unavailable"},
                         {"backend", ctx.db.Backend()},
                         {"reason", ready.message()}},
                        503);
  }
  return JsonResponse({{"status", "ok"}, {"backend", ctx.db.Backend()}});
}

// Only to loopback peers that are not a proxy forwarding someone else (nginx on the same host
// sets X-Forwarded-For), or to addresses in --metrics-from.
bool MayReadMetrics(const RouteContext& ctx) {
  const http::HttpRequest& r = ctx.request;
  bool proxied = !r.Header("x-forwarded-for").empty() || !r.Header("forwarded").empty();
  if (http::IsLoopback(r.peer_address) && !proxied) return true;
  return ctx.options && ctx.options->metrics_from.Trusts(r.remote_address);
}

Result<http::HttpResponse> Metrics(RouteContext& ctx) {
  if (!ctx.options || !ctx.options->metrics || !MayReadMetrics(ctx)) {
    return http::ErrorResponse(404, "not_found",
                               "metrics are served to this machine and --metrics-from only");
  }
  http::HttpResponse response;
  response.content_type = "text/plain; version=0.0.4";
  response.body = ctx.options->metrics->Render();
  return response;
}

}  // namespace

void RegisterSystemRoutes(Router& router) {
  router.AddSchema(
      "Readiness",
      ObjectSchema(
          {{"status", EnumSchema({"ok", "unavailable"})},
           {"backend", TypeSchema("string")},
           {"reason", {{"type", "string"}, {"description", "why it is not ready (503 only)"}}}},
          {"status", "backend"}));
  router.Add(
      {.method = "GET",
       .pattern = "/healthz",
       .access = Access::kPublic,
       .handler = [](RouteContext&) -> Result<http::HttpResponse> {
         return JsonResponse({{"status", "ok"}});
       },
       .openapi = {
           {"summary", "Liveness: the process answers"},
           {"responses",
            {{"200", JsonResponseSchema(ClosedObjectSchema({{"status", EnumSchema({"ok"})}}))}}}}});
  router.Add(
      {.method = "GET",
       .pattern = "/readyz",
       .access = Access::kPublic,
       .handler = Ready,
       .openapi = {
           {"summary", "Readiness: a write (rolled back) succeeds and the disk has room"},
           {"responses",
            {{"200", JsonResponseSchema(SchemaRef("Readiness"), "Ready")},
             {"503", JsonResponseSchema(SchemaRef("Readiness"), "Not ready, with the reason")}}}}});
  router.Add(
      {.method = "GET",
       .pattern = "/metrics",
       .access = Access::kPublic,
       .handler = Metrics,
       .openapi = {{"summary", "Prometheus metrics (loopback or --metrics-from only)"},
                   {"responses",
                    {{"200",
                      {{"description", "Prometheus text format"},
                       {"content", {{"text/plain", {{"schema", TypeSchema("string")}}}}}}}}}}});
  // The document lists the routes of the router that serves it, so they cannot drift apart.
  router.Add({.method = "GET",
              .pattern = "/api/v1/openapi.json",
              .access = Access::kPublic,
              .handler = [&router](RouteContext&) -> Result<http::HttpResponse> {
                return JsonResponse(BuildOpenApi(router));
              },
              .openapi = {{"summary", "This document"},
                          {"responses",
                           {{"200", JsonResponseSchema({{"type", "object"},
                                                        {"description", "An OpenAPI 3.0 document"}},
                                                       "The document")}}}}});
}

}  // namespace lienthong::api
