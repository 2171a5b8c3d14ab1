// The account routes: through the router on every backend (scope refusals, audit rows), and
// through the whole application for what it decides (role, temporary passwords).
#include <gtest/gtest.h>

#include "api/route.h"
#include "api/testing/api_harness.h"
#include "api/testing/route_dispatch.h"
#include "service/accounts/user_admin.h"
#include "service/units/unit_import.h"
#include "store/testing/test_database.h"
#include "store/unit_store.h"

namespace lienthong::api {

void RegisterUserRoutes(Router& router);

namespace {

using nlohmann::json;

constexpr const char* kPassword = "một mật khẩu đủ dài";

class UserRoutesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenFreshTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    auto rows = ParseUnitCsv(
        "code,name,kind,parent_code\n66,Tỉnh Đắk Lắk,province,VN\n66001,Xã Ea Kar,commune,66\n"
        "25,Tỉnh Phú Thọ,province,VN\n",
        "u.csv");
    ASSERT_TRUE(rows.ok());
    ASSERT_TRUE(ImportUnits(*db_, *rows, "test").ok());
    for (auto [name, unit] : {std::pair{"tinh", "66"}, {"xa.eakar", "66001"}, {"phutho", "25"}}) {
      auto added = AddUser(*db_, AdminScope::Everything("test"),
                           {.username = name, .unit_code = unit, .role = Role::kSpecialist,
                            .password = kPassword},
                           PasswordPolicy{}, PasswordCost::kTesting);
      ASSERT_TRUE(added.ok()) << added.status().ToString();
    }
    RegisterUserRoutes(router_);
  }

  // The province 66's administrator ("tinh" made admin for the call).
  Caller ProvinceAdmin() {
    auto unit = UnitStore(*db_).GetByCode("66");
    auto user = UserStore(*db_).FindByUsername("tinh");
    return Caller{.user_id = (*user)->id, .username = "tinh", .role = Role::kAdmin,
                  .unit_id = unit->id, .unit_code = "66", .unit_path = unit->path};
  }

  http::HttpResponse Call(const std::string& method, const std::string& path,
                          const json& body = nullptr,
                          std::multimap<std::string, std::string> query = {}) {
    http::HttpRequest request;
    request.method = method;
    request.path = path;
    request.target = path;
    request.query = std::move(query);
    if (!body.is_null()) request.body = body.dump();
    bool matched = false;
    http::HttpResponse response = DispatchAs(router_, *db_, ProvinceAdmin(), request, &matched);
    EXPECT_TRUE(matched) << method << " " << path;
    return response;
  }

  int64_t AuditRows(const std::string& action) {
    auto rows = db_->Query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor = 'web:tinh'",
                           {action});
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  std::unique_ptr<Database> db_;
  Router router_;
};

TEST_P(UserRoutesTest, ListsOnlyTheCallersSubtree) {
  auto listed = Call("GET", "/api/v1/users");
  ASSERT_EQ(listed.status, 200) << listed.body;
  json users = json::parse(listed.body)["users"];
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0]["username"], "tinh");
  EXPECT_EQ(users[1]["unit"]["code"], "66001");
  for (const char* key : {"display_name", "role", "totp_enabled", "disabled",
                          "must_change_password", "locked_until"}) {
    EXPECT_TRUE(users[1].contains(key)) << key;
  }
  EXPECT_EQ(Call("GET", "/api/v1/users", nullptr, {{"unit", "25"}}).status, 404);
}

TEST_P(UserRoutesTest, AddsChangesDisablesAndResetsWithAuditRows) {
  auto added = Call("POST", "/api/v1/users",
                    {{"username", "Moi.Xa"}, {"display_name", "Nguyễn Văn Mới"},
                     {"unit_code", "66001"}, {"role", "viewer"}, {"password", kPassword}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(json::parse(added.body)["must_change_password"], true);
  EXPECT_EQ(AuditRows("create"), 1);

  auto changed = Call("PATCH", "/api/v1/users/moi.xa", {{"role", "manager"}, {"unit_code", "66"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(json::parse(changed.body)["role"], "manager");
  EXPECT_EQ(json::parse(changed.body)["unit"]["code"], "66");
  EXPECT_EQ(AuditRows("update"), 1);

  auto disabled = Call("POST", "/api/v1/users/moi.xa/disable");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(json::parse(disabled.body)["disabled"], true);
  EXPECT_EQ(Call("POST", "/api/v1/users/moi.xa/enable").status, 200);
  EXPECT_EQ(AuditRows("disable"), 1);
  EXPECT_EQ(AuditRows("enable"), 1);

  auto reset = Call("POST", "/api/v1/users/moi.xa/password-reset");
  ASSERT_EQ(reset.status, 200) << reset.body;
  std::string temporary = json::parse(reset.body)["temporary_password"];
  EXPECT_EQ(temporary.size(), 16u);
  EXPECT_EQ(AuditRows("reset_password"), 1);
  auto audit = db_->Query("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE ?",
                          {"%" + temporary + "%"});
  EXPECT_EQ(audit->at(0).Int(0), 0) << "the temporary password must not be audited";
}

TEST_P(UserRoutesTest, RefusesOutsideTheSubtreeAndTheAdministratorsOwnAccount) {
  EXPECT_EQ(Call("PATCH", "/api/v1/users/phutho", {{"role", "viewer"}}).status, 404);
  EXPECT_EQ(Call("POST", "/api/v1/users/phutho/disable").status, 404);
  EXPECT_EQ(Call("POST", "/api/v1/users/phutho/password-reset").status, 404);
  auto moved_out = Call("PATCH", "/api/v1/users/xa.eakar", {{"unit_code", "25"}});
  EXPECT_EQ(moved_out.status, 404) << moved_out.body;
  auto outside = Call("POST", "/api/v1/users",
                      {{"username", "ngoai"}, {"unit_code", "25"}, {"role", "viewer"},
                       {"password", kPassword}});
  EXPECT_EQ(outside.status, 404) << outside.body;
  EXPECT_EQ(Call("POST", "/api/v1/users/tinh/disable").status, 409);
  auto bad_role = Call("PATCH", "/api/v1/users/xa.eakar", {{"role", "king"}});
  EXPECT_EQ(bad_role.status, 422);
  EXPECT_EQ(json::parse(bad_role.body)["error"]["field"], "role");
  auto weak = Call("POST", "/api/v1/users",
                   {{"username", "yeu"}, {"unit_code", "66"}, {"role", "viewer"},
                    {"password", "ngắn"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(json::parse(weak.body)["error"]["field"], "password");
  auto rows = db_->Query("SELECT COUNT(*) FROM audit_log WHERE actor = 'web:tinh'");
  EXPECT_EQ(rows->at(0).Int(0), 0) << "nothing refused is audited";
}

INSTANTIATE_TEST_SUITE_P(Backends, UserRoutesTest, ::testing::ValuesIn(TestBackends()));

// Through the application: roles, CSRF and the temporary-password gate.
TEST(UserRoutesApplication, ManagersAreRefusedAndAResetPasswordMustBeChangedFirst) {
  auto harness = ApiHarness::Create();
  ASSERT_TRUE(harness.ok()) << harness.status().ToString();
  ApiHarness& h = **harness;
  auto manager = h.SignIn("prov");
  ASSERT_TRUE(manager.ok());
  EXPECT_EQ(h.Call("GET", "/api/v1/users", "", &*manager).status, 403);
  EXPECT_EQ(h.Call("POST", "/api/v1/users/xa.a/password-reset", "", &*manager).status, 403);

  auto temporary = ResetPassword(h.db(), AdminScope::Everything("test"), "xa.a",
                                 PasswordCost::kTesting);
  ASSERT_TRUE(temporary.ok());
  ApiCall signed_in = h.Call("POST", "/api/v1/session",
                             json{{"username", "xa.a"}, {"password", *temporary}}.dump());
  ASSERT_EQ(signed_in.status, 200) << signed_in.response.body;
  EXPECT_EQ(signed_in.json["user"]["must_change_password"], true);
  Session session;
  for (const auto& [name, value] : signed_in.response.headers) {
    if (name == "Set-Cookie") session.cookie = value.substr(value.find('=') + 1, 64);
  }
  session.csrf = signed_in.json["csrf_token"];
  ApiCall blocked = h.Call("GET", "/api/v1/tasks?unit=66001", "", &session);
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(blocked.json["error"]["code"], "password_change_required");
  ApiCall reused = h.Call("PUT", "/api/v1/account/password",
                          json{{"current_password", *temporary},
                               {"new_password", ApiHarness::kPassword}}.dump(),
                          &session);
  EXPECT_EQ(reused.status, 422) << reused.response.body;
  EXPECT_EQ(reused.json["error"]["field"], "new_password");
  ApiCall changed = h.Call("PUT", "/api/v1/account/password",
                           json{{"current_password", *temporary},
                                {"new_password", "mật khẩu mới của xã A"}}.dump(),
                           &session);
  EXPECT_EQ(changed.status, 204) << changed.response.body;
  EXPECT_EQ(h.Call("GET", "/api/v1/tasks?unit=66001", "", &session).status, 200);
}

}  // namespace
}  // namespace lienthong::api
