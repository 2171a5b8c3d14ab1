// ApiApplication: everything between a parsed HTTP request and its response — the health check,
// the JSON API (session → CSRF → route access → handler), the web UI's static files, security
// headers and the request log. Thread-safe: each worker thread gets its own database connection.
#pragma once

#include <memory>
#include <string>

#include "api/route.h"
#include "service/accounts/login_service.h"
#include "http/message.h"
#include "service/activities/activity_commit_queue.h"

namespace lienthong::api {

struct ApplicationOptions {
  std::string db_url;
  std::string web_root;     // the built web UI (web/dist); "" serves no UI
  SecuritySettings security;
  bool secure_cookies = false;  // add Secure to the cookie (behind HTTPS)
};

class ApiApplication {
 public:
  explicit ApiApplication(ApplicationOptions options);
  ~ApiApplication();

  http::HttpResponse Handle(http::HttpRequest& request);
  const Router& router() const { return router_; }
  const ApplicationOptions& options() const { return options_; }

 private:
  Result<http::HttpResponse> HandleApi(http::HttpRequest& request, Database& db,
                                       std::string& user_for_log);
  Result<Database*> ThreadDatabase();

  ApplicationOptions options_;
  Router router_;
  uint64_t instance_id_;
  ActivityCommitQueue activity_commits_;  // shared by every worker thread
};

// The session cookie's name.
inline constexpr const char* kSessionCookie = "lienthong_session";

}  // namespace lienthong::api
