// ApiApplication: everything between a parsed HTTP request and its response — the health check,
// the JSON API (session → CSRF → route access → handler), the web UI's static files, security
// headers and the request log. Thread-safe: each worker thread gets its own database connection.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "api/route.h"
#include "http/client_address.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/server.h"
#include "auth/password_policy.h"
#include "service/accounts/login_service.h"
#include "service/activities/activity_commit_queue.h"
#include "service/plans/import_jobs.h"

namespace lienthong::api {

struct ApplicationOptions {
  std::string db_url;
  std::string web_root;     // the built web UI (web/dist); "" serves no UI
  SecuritySettings security;
  PasswordPolicy password_policy;  // for passwords set through the API
  bool secure_cookies = false;  // add Secure to the cookie (behind HTTPS)
  bool hsts = false;            // send Strict-Transport-Security (served as https://)
  int max_imports = 0;          // uploads read at once (0: half the cores, at least 1)
  // The binary that reads uploads in a child process (serve: /proc/self/exe); "" reads them on
  // the import pool's threads in this process (route tests).
  std::string reader_executable;
  int import_memory_mb = 1024;  // each reading child's address space
  ReaderLimits import_limits;   // pages, OCR pages, CPU and wall seconds of one file
  decltype(ImportJobSettings::reader) import_reader;  // tests: instead of reading files
  uint64_t min_free_disk_bytes = 256u << 20;  // /readyz fails below this (SQLite's disk)
  http::Metrics* metrics = nullptr;           // GET /metrics; nullptr: 404
  http::TrustedProxies metrics_from;          // besides loopback peers without a proxy
};

class ApiApplication {
 public:
  explicit ApiApplication(ApplicationOptions options);
  ~ApiApplication();

  http::HttpResponse Handle(http::HttpRequest& request);
  // The server's head screen (http/server.h): answers /healthz, unknown routes and requests
  // without the session a route needs at once, and gives each route's body limit and lane.
  // Runs on an I/O thread: no database, no blocking.
  http::HeadDecision Screen(const http::HttpRequest& head);
  ImportJobs& imports() { return imports_; }
  const Router& router() const { return router_; }
  const ApplicationOptions& options() const { return options_; }

 private:
  Result<http::HttpResponse> HandleApi(http::HttpRequest& request, Database& db,
                                       std::string& user_for_log, std::string& route_for_log);
  Result<Database*> ThreadDatabase();
  // Security headers, the request log line and the metrics of one answered request.
  void Finish(const http::HttpRequest& request, http::HttpResponse& response,
              const std::string& route, const std::string& user,
              std::chrono::steady_clock::time_point started);

  ApplicationOptions options_;
  Router router_;
  uint64_t instance_id_;
  ActivityCommitQueue activity_commits_;  // shared by every worker thread
  ImportJobs imports_;
};

// The session cookie's name.
inline constexpr const char* kSessionCookie = "lienthong_session";

}  // namespace lienthong::api
