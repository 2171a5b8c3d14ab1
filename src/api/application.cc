#include "api/application.h"

#include <algorithm>
#include <map>
#include <thread>

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "api/static_files.h"
#include "http/request_parsing.h"
#include "util/log_format.h"

namespace lienthong::api {
namespace {

std::atomic<uint64_t> next_instance{1};

bool IsUnsafe(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool IsApiPath(const std::string& path) {
  return path.rfind("/api/", 0) == 0 || path == "/healthz" || path == "/readyz" ||
         path == "/metrics";
}

void AddSecurityHeaders(http::HttpResponse& response, bool api, bool hsts) {
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self'; "
      "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  if (hsts) response.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
  if (api) response.headers.emplace_back("Cache-Control", "no-store");
}

http::HttpResponse MethodNotAllowed(const std::string& method, const std::string& path,
                                    const std::string& allowed) {
  http::HttpResponse response =
      http::ErrorResponse(405, "method_not_allowed",
                          method.substr(0, 16) + " is not allowed on " + path.substr(0, 200));
  response.headers.emplace_back("Allow", allowed);
  return response;
}

}  // namespace

ApiApplication::ApiApplication(ApplicationOptions options)
    : options_(std::move(options)),
      instance_id_(next_instance++),
      activity_commits_(options_.db_url),
      imports_(ImportJobSettings{
          .reader_executable = options_.reader_executable,
          .memory_mb = options_.import_memory_mb,
          .max_running =
              options_.max_imports > 0
                  ? options_.max_imports
                  : std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / 2),
          .limits = options_.import_limits,
          .reader = options_.import_reader}) {
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

http::HeadDecision ApiApplication::Screen(const http::HttpRequest& head) {
  auto started = std::chrono::steady_clock::now();
  http::HeadDecision decision;
  decision.max_body_bytes = kJsonBodyLimit;
  bool liveness = head.path == "/healthz" && (head.method == "GET" || head.method == "HEAD");
  std::string route_label = liveness ? "/healthz" : "";
  if (liveness) {
    // Liveness: the process answers. Readiness (the database takes writes) is /readyz.
    decision.answer = JsonResponse({{"status", "ok"}});
  } else if (head.path == "/readyz" || head.path == "/metrics") {
    decision.lane = http::Lane::kProbe;
    decision.max_body_bytes = 0;
    return decision;
  } else if (!IsApiPath(head.path)) {
    decision.max_body_bytes = 0;  // the web UI's files: GET and HEAD only
    if (head.method == "GET" || head.method == "HEAD") return decision;
    decision.answer = MethodNotAllowed(head.method, head.path, "GET, HEAD");
    route_label = "static";
  } else {
    std::map<std::string, std::string> params;
    bool path_exists = false;
    const Route* route = router_.Match(head.method, head.path, params, path_exists);
    if (!route && path_exists) {
      decision.answer =
          MethodNotAllowed(head.method, head.path, router_.AllowedMethods(head.path));
    } else if (!route) {
      decision.answer =
          http::ErrorResponse(404, "not_found", "no API route " + head.path.substr(0, 200));
    } else if (route->access != Access::kPublic && !head.cookies.contains(kSessionCookie)) {
      route_label = route->pattern;
      decision.answer = http::ErrorResponse(401, "unauthenticated", "sign in first");
    } else {
      decision.max_body_bytes = route->max_body_bytes ? route->max_body_bytes : kJsonBodyLimit;
      return decision;
    }
  }
  Finish(head, *decision.answer, route_label.empty() ? "unmatched" : route_label, "-", started);
  return decision;
}

http::HttpResponse ApiApplication::Handle(http::HttpRequest& request) {
  auto started = std::chrono::steady_clock::now();
  std::string user = "-";
  std::string route = "static";
  bool api = IsApiPath(request.path);
  http::HttpResponse response;
  if (api) {
    route = "unmatched";
    Result<Database*> db = ThreadDatabase();
    Result<http::HttpResponse> answer =
        db.ok() ? HandleApi(request, **db, user, route) : Result<http::HttpResponse>(db.status());
    if (answer.ok()) {
      response = std::move(answer).value();
    } else {
      response = ApiError(answer.status());
      StatusCode code = answer.status().code();
      if (options_.metrics && (code == StatusCode::kUnavailable || code == StatusCode::kInternal ||
                               code == StatusCode::kIoError)) {
        options_.metrics->CountDatabaseError();
      }
      if (code == StatusCode::kUnavailable) {
        // The backend went away (a restarted PostgreSQL): reconnect on the next request.
        ThreadConnection(instance_id_).reset();
        response.status = 503;
      }
    }
  } else if (request.method == "GET" || request.method == "HEAD") {
    response = ServeStaticFile(options_.web_root, request.path, request.Header("accept-encoding"));
  } else {
    response = MethodNotAllowed(request.method, request.path, "GET, HEAD");
  }
  Finish(request, response, route, user, started);
  return response;
}

void ApiApplication::Finish(const http::HttpRequest& request, http::HttpResponse& response,
                            const std::string& route, const std::string& user,
                            std::chrono::steady_clock::time_point started) {
  AddSecurityHeaders(response, IsApiPath(request.path), options_.hsts);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // Every value a client chose is quoted and escaped: no forged lines, no terminal escapes.
  spdlog::info("request id={} method={} path={} status={} user={} ms={:.2f} address={}",
               request.request_id, LogValue(request.method), LogValue(request.path.substr(0, 200)),
               response.status, LogValue(user), seconds * 1000, LogValue(request.remote_address));
  if (options_.metrics) {
    options_.metrics->RecordRequest(route, request.method.size() <= 8 ? request.method : "other",
                                    response.status, seconds);
  }
}

Result<http::HttpResponse> ApiApplication::HandleApi(http::HttpRequest& request, Database& db,
                                                     std::string& user_for_log,
                                                     std::string& route_for_log) {
  std::map<std::string, std::string> params;
  bool path_exists = false;
  const Route* route = router_.Match(request.method, request.path, params, path_exists);
  if (!route) {
    if (path_exists) {
      return MethodNotAllowed(request.method, request.path, router_.AllowedMethods(request.path));
    }
    return http::ErrorResponse(404, "not_found", "no API route " + request.path.substr(0, 200));
  }
  route_for_log = route->pattern;

  std::optional<Caller> caller;
  if (route->access != Access::kPublic) {
    auto cookie = request.cookies.find(kSessionCookie);
    if (cookie == request.cookies.end()) {
      return http::ErrorResponse(401, "unauthenticated", "sign in first");
    }
    Result<ResumedSession> resumed = ResumeSession(db, cookie->second, options_.security);
    if (!resumed.ok()) {
      if (resumed.status().code() == StatusCode::kUnauthenticated) {
        return http::ErrorResponse(401, "unauthenticated", resumed.status().message());
      }
      return resumed.status();
    }
    bool must_change_password = resumed->must_change_password;
    caller = std::move(resumed->caller);
    user_for_log = caller->username;
    if (IsUnsafe(request.method) &&
        !SameSecret(request.Header("x-csrf-token"), caller->csrf_token)) {
      return http::ErrorResponse(403, "csrf", "missing or wrong X-CSRF-Token header");
    }
    if (route->access == Access::kAdmin && caller->role != Role::kAdmin) {
      return http::ErrorResponse(403, "permission_denied", "administrators only");
    }
    // A temporary password (an administrator's reset) allows only choosing a new one.
    if (must_change_password && route->pattern != "/api/v1/session" &&
        route->pattern != "/api/v1/account/password") {
      return http::ErrorResponse(403, "password_change_required",
                                 "choose a new password first (PUT /api/v1/account/password)");
    }
  }

  RouteContext context{db,        request,           caller ? &*caller : nullptr,
                       std::move(params), &options_, &activity_commits_, &imports_};
  Result<http::HttpResponse> answer = Status::Internal("no answer");
  try {
    answer = route->handler(context);
  } catch (const std::exception& e) {
    answer = Status::Internal(std::string("unhandled exception in ") + route->pattern + ": " +
                              e.what());
  }
  return answer;
}

}  // namespace lienthong::api
