#include "api/testing/api_harness.h"

#include <filesystem>

#include "auth/totp.h"
#include "http/request_parsing.h"
#include "service/units/unit_import.h"
#include "service/accounts/user_admin.h"
#include "store/migrations.h"
#include "util/base32.h"
#include "util/iso_time.h"

namespace lienthong::api {

Result<std::unique_ptr<ApiHarness>> ApiHarness::Create(
    SecuritySettings security, std::function<void(ApplicationOptions&)> adjust) {
  std::unique_ptr<ApiHarness> h(new ApiHarness());
  char pattern[] = "/tmp/lienthong-api-XXXXXX";
  if (!mkdtemp(pattern)) return Status::IoError("cannot make a temporary directory");
  h->dir_ = pattern;
  h->db_url_ = "sqlite:" + h->dir_ + "/api.db";
  LT_ASSIGN_OR_RETURN(h->db_, OpenDatabase(h->db_url_));
  LT_RETURN_IF_ERROR(MigrateDatabase(*h->db_).status());
  std::vector<UnitRow> rows;
  auto add = [&rows](std::string code, std::string name, UnitKind kind, std::string parent) {
    rows.push_back({"harness", NewUnit{code, name, kind, parent, {}, {}}});
  };
  add("66", "Tỉnh Đắk Lắk", UnitKind::kProvince, "VN");
  add("66001", "Xã Hòa Phú", UnitKind::kCommune, "66");
  add("66002", "Xã Ea Kao", UnitKind::kCommune, "66");
  LT_RETURN_IF_ERROR(ImportUnits(*h->db_, rows, "test").status());
  struct Account {
    const char* name;
    const char* unit;
    Role role;
  };
  for (const Account& a : {Account{"root", "VN", Role::kAdmin}, Account{"prov", "66", Role::kManager},
                           Account{"xa.a", "66001", Role::kSpecialist},
                           Account{"xa.a.viewer", "66001", Role::kViewer},
                           Account{"xa.b", "66002", Role::kSpecialist}}) {
    NewUserRequest request{.username = a.name, .display_name = a.name, .unit_code = a.unit,
                           .role = a.role, .password = kPassword};
    LT_RETURN_IF_ERROR(AddUser(*h->db_, AdminScope::Everything("test"), request, PasswordPolicy{},
                               PasswordCost::kTesting)
                           .status());
  }
  // Admins need a second factor; SignIn computes the root admin's codes.
  LT_RETURN_IF_ERROR(h->db_->Execute("UPDATE users SET totp_secret = ? WHERE username = 'root'",
                                     {Base32Encode(NewTotpSecret())}));
  ApplicationOptions options{.db_url = h->db_url_, .web_root = "", .security = security};
  if (adjust) adjust(options);
  h->app_ = std::make_unique<ApiApplication>(options);
  return h;
}

ApiHarness::~ApiHarness() {
  app_.reset();
  db_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

ApiCall ApiHarness::Call(const std::string& method, const std::string& target,
                         const std::string& body, const Session* session,
                         const std::string& content_type) {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!body.empty()) headers.emplace_back("Content-Type", content_type);
  if (session) {
    headers.emplace_back("Cookie", std::string(kSessionCookie) + "=" + session->cookie);
    headers.emplace_back("X-CSRF-Token", session->csrf);
  }
  http::HttpRequest request = http::MakeRequest(method, target, headers, body, "192.0.2.1");
  ApiCall call;
  call.response = app_->Handle(request);
  call.status = call.response.status;
  call.json = nlohmann::json::parse(call.response.body, nullptr, false);
  if (call.json.is_discarded()) call.json = nullptr;
  return call;
}

Result<Session> ApiHarness::SignIn(const std::string& username, const std::string& totp) {
  nlohmann::json body = {{"username", username}, {"password", kPassword}};
  if (!totp.empty()) body["totp"] = totp;
  LT_ASSIGN_OR_RETURN(auto secret, db_->Query("SELECT totp_secret FROM users WHERE username = ?",
                                              {username}));
  if (totp.empty() && !secret.empty() && !secret[0].IsNull(0)) {
    // Each sign-in uses a fresh code: forget the last step so a second sign-in within 30 s works.
    LT_RETURN_IF_ERROR(
        db_->Execute("UPDATE users SET totp_last_step = 0 WHERE username = ?", {username}));
    body["totp"] = TotpCode(*Base32Decode(secret[0].Text(0)), NowUnixSeconds());
  }
  ApiCall call = Call("POST", "/api/v1/session", body.dump());
  if (call.status != 200) {
    return Status(StatusCode::kUnauthenticated,
                  "sign-in of " + username + " answered " + std::to_string(call.status) + ": " +
                      call.response.body);
  }
  Session session;
  session.csrf = call.json.value("csrf_token", "");
  for (auto& [name, value] : call.response.headers) {
    if (name != "Set-Cookie") continue;
    std::string prefix = std::string(kSessionCookie) + "=";
    session.cookie = value.substr(prefix.size(), value.find(';') - prefix.size());
  }
  return session;
}

}  // namespace lienthong::api
