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
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/caller.h"
#include "http/message.h"
#include "store/database.h"
#include "util/status.h"

namespace lienthong {
class ActivityCommitQueue;
class ImportJobs;
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
  // The server's import pool (service/plans/import_jobs.h): uploads are read there.
  ImportJobs* imports = nullptr;

  // Helpers that turn malformed input into Status::InvalidField naming the parameter (→ 422), so
  // garbage never becomes 0. All integers go through ParseIntParameter.
  // The path parameter `name` as an id (a positive integer).
  Result<int64_t> PathId(const std::string& name) const;
  std::optional<std::string> Query(const std::string& name) const;
  // The query parameter `name` as an integer in [low, high]; `fallback` when absent or empty.
  Result<int64_t> QueryInt(const std::string& name, int64_t fallback, int64_t low,
                           int64_t high) const;
  // The query parameter `name` as an integer of at least `low`, then capped at `high`: a count
  // the route caps itself (?limit= at most 5000). Garbage and values below `low` (limit=-1) are
  // refused.
  Result<int64_t> QueryCount(const std::string& name, int64_t fallback, int64_t low,
                             int64_t high) const;
  // The query parameter `name` as an id (a positive integer); required.
  Result<int64_t> QueryId(const std::string& name) const;
  // The body parsed as a JSON object; kInvalidArgument "invalid JSON at byte N: …" otherwise.
  Result<nlohmann::json> JsonBody() const;
};

// A handler answers a Response or a Status; ApiError turns a Status into the JSON error body
// {"error": {"code", "message", "field"}} with the status code of its kind. A validation error
// about one input is a Status::InvalidField (or WithField): it answers 422 naming that input.
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
  // A named OpenAPI schema (components/schemas/<name>) that routes refer to with SchemaRef(name)
  // (api/openapi.h). Each area declares the schemas of its answers next to its routes; declaring
  // one name twice with different schemas is a programming error (aborts at start-up).
  void AddSchema(const std::string& name, nlohmann::json schema);
  const std::map<std::string, nlohmann::json>& schemas() const { return schemas_; }

 private:
  std::vector<Route> routes_;
  std::map<std::string, nlohmann::json> schemas_;
};

// `text` as a decimal integer in [low, high] (an optional '-', then digits, nothing else);
// otherwise Status::InvalidField naming parameter `name`.
Result<int64_t> ParseIntParameter(std::string_view name, std::string_view text, int64_t low,
                                  int64_t high);

// JSON responses.
http::HttpResponse JsonResponse(const nlohmann::json& body, int status = 200);
// The JSON error for a Status, the one place a Status becomes an HTTP answer: kInvalidArgument →
// 422 when status.field() names the input at fault, else 400; kUnauthenticated → 401,
// kPermissionDenied → 403, kNotFound → 404, kAlreadyExists and kFailedPrecondition → 409,
// kTooLarge → 413, kUnsupported → 415, kUnavailable → 503, others → 500 with a generic message
// (the real one goes to the log only). error.field is status.field().
http::HttpResponse ApiError(const Status& status);
// `status`, naming `field` when it is a kInvalidArgument that names no input of its own: a
// service's validation error about the one input a route handed it (a document, a list).
Status AboutField(const Status& status, std::string field);

// Every area's registration function, called once at start-up.
void RegisterAllRoutes(Router& router);

}  // namespace lienthong::api
