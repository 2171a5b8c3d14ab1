// ApiHarness: a real ApiApplication over a fresh SQLite file, with a small tree — VN → province
// 66 → communes 66001 and 66002 — and one user per role, for route tests. Part of the test-only
// library lienthong_testing (no gtest), like store/testing.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "api/application.h"
#include "store/database.h"

namespace lienthong::api {

struct ApiCall {
  int status = 0;
  nlohmann::json json;  // the body parsed, or null
  http::HttpResponse response;
};

struct Session {
  std::string cookie;  // the lienthong_session value
  std::string csrf;
};

class ApiHarness {
 public:
  // Users (password kPassword): "root" admin of VN is made without TOTP for route tests;
  // "prov" manager of 66; "xa.a" specialist and "xa.a.viewer" viewer of 66001; "xa.b" specialist of 66002.
  // `adjust` changes the application's options before it starts (import limits, readers).
  static Result<std::unique_ptr<ApiHarness>> Create(
      SecuritySettings security = {},
      std::function<void(ApplicationOptions&)> adjust = {});
  ~ApiHarness();

  static constexpr const char* kPassword = "mật khẩu đủ dài 2025";

  ApiApplication& app() { return *app_; }
  Database& db() { return *db_; }
  const std::string& db_url() const { return db_url_; }

  // Signs in (fails the harness call with a Status when refused).
  Result<Session> SignIn(const std::string& username, const std::string& totp = "");
  ApiCall Call(const std::string& method, const std::string& target,
               const std::string& body = "", const Session* session = nullptr,
               const std::string& content_type = "application/json");

 private:
  ApiHarness() = default;
  std::string dir_;
  std::string db_url_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<ApiApplication> app_;
};

}  // namespace lienthong::api
