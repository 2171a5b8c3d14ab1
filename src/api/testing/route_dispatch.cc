#include "api/testing/route_dispatch.h"

#include "service/plans/import_jobs.h"

namespace lienthong::api {

http::HttpResponse DispatchAs(const Router& router, Database& db, const Caller& caller,
                              const http::HttpRequest& request, bool* matched) {
  std::map<std::string, std::string> params;
  bool exists = false;
  const Route* route = router.Match(request.method, request.path, params, exists);
  if (matched) *matched = route != nullptr;
  if (!route) return ApiError(Status::NotFound("no route " + request.method + " " + request.path));
  // Route tests read uploads in this process, on the pool's threads.
  static ImportJobs imports(ImportJobSettings{.max_running = 4});
  RouteContext context{db, request, &caller, std::move(params)};
  context.imports = &imports;
  auto response = route->handler(context);
  return response.ok() ? *response : ApiError(response.status());
}

}  // namespace lienthong::api
