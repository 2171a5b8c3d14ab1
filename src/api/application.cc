#include "api/application.h"

#include <atomic>
#include <chrono>
#include <map>

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "api/static_files.h"
#include "http/request_parsing.h"

namespace lienthong::api {
namespace {

std::atomic<uint64_t> next_instance{1};

bool IsUnsafe(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void AddSecurityHeaders(http::HttpResponse& response, bool api) {
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self'; "
      "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  if (api) response.headers.emplace_back("Cache-Control", "no-store");
}

}  // namespace

ApiApplication::ApiApplication(ApplicationOptions options)
    : options_(std::move(options)),
      instance_id_(next_instance++),
      activity_commits_(options_.db_url) {
  RegisterAllRoutes(router_);
}

ApiApplication::~ApiApplication() {
  auto commits = activity_commits_.counters();
  if (commits.callers > 0) {
    spdlog::info("activities: {} requests recorded in {} group commits ({:.1f} per commit)",
                 commits.callers, commits.groups,
                 static_cast<double>(commits.callers) / static_cast<double>(commits.groups));
  }
}

namespace {

// One connection per worker thread and application (SQLite and libpq connections are not
// thread-safe), opened on first use.
std::unique_ptr<Database>& ThreadConnection(uint64_t instance_id) {
  thread_local std::map<uint64_t, std::unique_ptr<Database>> connections;
  return connections[instance_id];
}

}  // namespace

Result<Database*> ApiApplication::ThreadDatabase() {
  auto& connection = ThreadConnection(instance_id_);
  if (!connection) {
    LT_ASSIGN_OR_RETURN(connection, OpenDatabase(options_.db_url));
  }
  return connection.get();
}

http::HttpResponse ApiApplication::Handle(http::HttpRequest& request) {
  auto started = std::chrono::steady_clock::now();
  std::string user = "-";
  bool api = request.path.rfind("/api/", 0) == 0 || request.path == "/healthz";
  http::HttpResponse response;
  if (api) {
    Result<Database*> db = ThreadDatabase();
    Result<http::HttpResponse> answer =
        db.ok() ? HandleApi(request, **db, user) : Result<http::HttpResponse>(db.status());
    if (answer.ok()) {
      response = std::move(answer).value();
    } else {
      response = ApiError(answer.status());
      if (answer.status().code() == StatusCode::kUnavailable) {
        // The backend went away (a restarted PostgreSQL): reconnect on the next request.
        ThreadConnection(instance_id_).reset();
        response.status = 503;
      }
    }
  } else if (request.method == "GET" || request.method == "HEAD") {
    response = ServeStaticFile(options_.web_root, request.path);
  } else {
    response = http::ErrorResponse(405, "method_not_allowed", request.method + " " + "not allowed here");
  }
  AddSecurityHeaders(response, api);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                  .count();
  spdlog::info("request id={} method={} path={} status={} user={} ms={:.2f} address={}",
               request.request_id, request.method, request.path.substr(0, 200), response.status,
               user, ms, request.remote_address);
  return response;
}

Result<http::HttpResponse> ApiApplication::HandleApi(http::HttpRequest& request, Database& db,
                                                     std::string& user_for_log) {
  std::map<std::string, std::string> params;
  bool path_exists = false;
  const Route* route = router_.Match(request.method, request.path, params, path_exists);
  if (!route) {
    if (path_exists) {
      return http::ErrorResponse(405, "method_not_allowed",
                                 request.method + " is not allowed on " + request.path);
    }
    return http::ErrorResponse(404, "not_found", "no API route " + request.path.substr(0, 200));
  }

  std::optional<Caller> caller;
  if (route->access != Access::kPublic) {
    auto cookie = request.cookies.find(kSessionCookie);
    if (cookie == request.cookies.end()) {
      return http::ErrorResponse(401, "unauthenticated", "sign in first");
    }
    Result<Caller> resumed = ResumeSession(db, cookie->second, options_.security);
    if (!resumed.ok()) {
      if (resumed.status().code() == StatusCode::kUnauthenticated) {
        return http::ErrorResponse(401, "unauthenticated", resumed.status().message());
      }
      return resumed.status();
    }
    caller = std::move(resumed).value();
    user_for_log = caller->username;
    if (IsUnsafe(request.method) &&
        !SameSecret(request.Header("x-csrf-token"), caller->csrf_token)) {
      return http::ErrorResponse(403, "csrf", "missing or wrong X-CSRF-Token header");
    }
    if (route->access == Access::kAdmin && caller->role != Role::kAdmin) {
      return http::ErrorResponse(403, "permission_denied", "administrators only");
    }
  }

  RouteContext context{db,      request, caller ? &*caller : nullptr, std::move(params),
                       &options_, &activity_commits_};
  try {
    return route->handler(context);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("unhandled exception in ") + route->pattern + ": " +
                            e.what());
  }
}

}  // namespace lienthong::api
