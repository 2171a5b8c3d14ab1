// Route: one API endpoint — method, path pattern, who may call it, its handler and its OpenAPI
// description. Each area registers its routes in src/api/routes/<area>_routes.cc through one
// Register<Area>Routes(Router&) function listed in api/all_routes.cc; the OpenAPI document at
// /api/v1/openapi.json is generated from these same Route values, so it cannot drift from what
// the server serves.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/caller.h"
#include "http/message.h"
#include "store/database.h"
#include "util/status.h"

namespace lienthong {
class ActivityCommitQueue;
}

namespace lienthong::api {

enum class Access {
  kPublic,    // no session (health, login, the OpenAPI document)
  kSignedIn,  // any signed-in user; the handler authorises objects through api/authorize.h
  kAdmin,     // role admin (still scoped to its subtree by the handler)
};

struct ApplicationOptions;

struct RouteContext {
  Database& db;                        // this worker thread's connection
  const http::HttpRequest& request;
  const Caller* caller;                // nullptr only for kPublic routes
  std::map<std::string, std::string> path_params;  // {id} → "12"
  const ApplicationOptions* options = nullptr;     // server settings (session routes)
  // The server's group commit for activities; nullptr records each request alone (route tests).
  ActivityCommitQueue* activity_commits = nullptr;

  // Helpers that turn malformed input into kInvalidArgument naming the parameter.
  Result<int64_t> PathId(const std::string& name) const;
  std::optional<std::string> Query(const std::string& name) const;
  // The body parsed as a JSON object; kInvalidArgument "invalid JSON at byte N: …" otherwise.
  Result<nlohmann::json> JsonBody() const;
};

// A handler answers a Response or a Status; ApiError turns a Status into the JSON error body
// {"error": {"code", "message", "field"}} with the status code of its kind.
using Handler = std::function<Result<http::HttpResponse>(RouteContext&)>;

struct Route {
  std::string method;   // "GET", "POST", "PATCH", "DELETE"
  std::string pattern;  // "/api/v1/plans/{id}"
  Access access = Access::kSignedIn;
  Handler handler;
  // OpenAPI 3 operation object (summary, parameters, requestBody, responses); "responses" may be
  // left out and is then filled with the common ones.
  nlohmann::json openapi = nlohmann::json::object();
  // The largest body this route reads (checked before it is read); 0: kJsonBodyLimit.
  // kUploadBodyLimit: up to `serve --max-body-mb`.
  size_t max_body_bytes = 0;
  // Reads an uploaded document: counted against `serve --max-imports`.
  bool runs_import = false;
};

inline constexpr size_t kJsonBodyLimit = 4u << 20;
inline constexpr size_t kUploadBodyLimit = static_cast<size_t>(-1);

class Router {
 public:
  void Add(Route route);
  // The route for this method and path and the path parameters it captured; nullptr when none.
  // `path_exists` is set when the path matches some route with another method (→ 405).
  const Route* Match(const std::string& method, const std::string& path,
                     std::map<std::string, std::string>& params, bool& path_exists) const;
  const std::vector<Route>& routes() const { return routes_; }
  // "GET, PATCH": the methods some route takes on this path, for 405's Allow header.
  std::string AllowedMethods(const std::string& path) const;

 private:
  std::vector<Route> routes_;
};

// JSON responses.
http::HttpResponse JsonResponse(const nlohmann::json& body, int status = 200);
// The JSON error for a Status: kInvalidArgument → 400 (422 when `field` is set),
// kUnauthenticated → 401, kPermissionDenied → 403, kNotFound → 404, kAlreadyExists and
// kFailedPrecondition → 409, kTooLarge → 413, kUnsupported → 415, kUnavailable → 503,
// others → 500 with a generic message (the real one goes to the log only).
http::HttpResponse ApiError(const Status& status, const std::string& field = "");

// Every area's registration function, called once at start-up.
void RegisterAllRoutes(Router& router);

}  // namespace lienthong::api
