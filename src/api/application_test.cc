// The API as a whole, through ApiApplication::Handle: sessions, CSRF, lockout, rate limits,
// TOTP, idle timeouts, the OpenAPI document, and the authorisation walk over every route.
#include "api/application.h"

#include <gtest/gtest.h>

#include "api/openapi.h"
#include "api/testing/api_harness.h"
#include "auth/totp.h"
#include "util/base32.h"
#include "util/iso_time.h"

namespace lienthong::api {
namespace {

using nlohmann::json;

std::unique_ptr<ApiHarness> MakeHarness(SecuritySettings security = {}) {
  auto h = ApiHarness::Create(security);
  EXPECT_TRUE(h.ok()) << h.status().ToString();
  return std::move(h).value();
}

std::string Login(const std::string& user, const std::string& password,
                  const std::string& totp = "") {
  json body = {{"username", user}, {"password", password}};
  if (!totp.empty()) body["totp"] = totp;
  return body.dump();
}

TEST(ApiSession, SignInSetsAHardenedCookieAndSignOutEndsIt) {
  auto h = MakeHarness();
  ApiCall login = h->Call("POST", "/api/v1/session", Login("xa.a", ApiHarness::kPassword));
  ASSERT_EQ(login.status, 200) << login.response.body;
  std::string cookie;
  for (auto& [name, value] : login.response.headers) {
    if (name == "Set-Cookie") cookie = value;
  }
  EXPECT_NE(cookie.find("lienthong_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(login.json["user"]["unit"]["code"], "66001");
  EXPECT_EQ(login.json["user"]["role"], "specialist");

  auto session = h->SignIn("xa.a");
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(h->Call("GET", "/api/v1/session", "", &*session).status, 200);
  Session no_csrf = *session;
  no_csrf.csrf = "wrong";
  ApiCall refused = h->Call("DELETE", "/api/v1/session", "", &no_csrf);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json["error"]["code"], "csrf");
  EXPECT_EQ(h->Call("DELETE", "/api/v1/session", "", &*session).status, 204);
  EXPECT_EQ(h->Call("GET", "/api/v1/session", "", &*session).status, 401);
}

TEST(ApiSession, WrongPasswordsLockTheAccountAndAreAudited) {
  auto h = MakeHarness();
  for (int i = 0; i < 4; ++i) {
    ApiCall wrong = h->Call("POST", "/api/v1/session", Login("xa.a", "not the password at all"));
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.json["error"]["code"], "unauthenticated");
  }
  ApiCall fifth = h->Call("POST", "/api/v1/session", Login("xa.a", "not the password at all"));
  EXPECT_EQ(fifth.status, 423);
  // Locked: even the right password is refused, and the answer says for how long.
  ApiCall right = h->Call("POST", "/api/v1/session", Login("xa.a", ApiHarness::kPassword));
  EXPECT_EQ(right.status, 423);
  EXPECT_EQ(right.json["error"]["code"], "locked");
  auto audit = h->db().Query(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND entity_id = 'xa.a'");
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ((*audit)[0].Int(0), 5);
  // An unknown name gets the same answer as a wrong password.
  ApiCall unknown = h->Call("POST", "/api/v1/session", Login("nobody", "whatever password"));
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.json["error"]["message"], "wrong user name or password");
}

TEST(ApiSession, FailuresFromOneAddressAreRateLimited) {
  SecuritySettings settings;
  settings.failures_per_address = 3;
  auto h = MakeHarness(settings);
  for (const char* user : {"xa.a", "xa.b", "prov"}) {
    EXPECT_EQ(h->Call("POST", "/api/v1/session", Login(user, "wrong password here")).status, 401);
  }
  ApiCall limited = h->Call("POST", "/api/v1/session", Login("xa.a.viewer", ApiHarness::kPassword));
  EXPECT_EQ(limited.status, 429);
  bool retry_after = false;
  for (auto& [name, value] : limited.response.headers) retry_after |= name == "Retry-After";
  EXPECT_TRUE(retry_after);
}

TEST(ApiSession, AdminsNeedATotpCodeThatWorksOnce) {
  auto h = MakeHarness();
  ApiCall without = h->Call("POST", "/api/v1/session", Login("root", ApiHarness::kPassword));
  EXPECT_EQ(without.status, 401);
  EXPECT_EQ(without.json["error"]["code"], "totp_required");
  auto secret = h->db().Query("SELECT totp_secret FROM users WHERE username = 'root'");
  ASSERT_TRUE(secret.ok());
  std::string code = TotpCode(*Base32Decode((*secret)[0].Text(0)), NowUnixSeconds());
  EXPECT_EQ(h->Call("POST", "/api/v1/session", Login("root", ApiHarness::kPassword, code)).status,
            200);
  ApiCall replay = h->Call("POST", "/api/v1/session", Login("root", ApiHarness::kPassword, code));
  EXPECT_EQ(replay.status, 401) << "a TOTP code must not be accepted twice";
}

TEST(ApiSession, IdleSessionsExpire) {
  auto h = MakeHarness();
  auto session = h->SignIn("xa.a");
  ASSERT_TRUE(session.ok());
  ASSERT_TRUE(h->db()
                  .Execute("UPDATE sessions SET last_seen_at = ?",
                           {IsoUtc(NowUnixSeconds() - 16 * 60)})
                  .ok());
  ApiCall expired = h->Call("GET", "/api/v1/session", "", &*session);
  EXPECT_EQ(expired.status, 401);
  EXPECT_NE(expired.json["error"]["message"].get<std::string>().find("expired"),
            std::string::npos);
  // Admins time out sooner: 5 minutes by default.
  auto admin = h->SignIn("root");
  ASSERT_TRUE(admin.ok()) << admin.status().ToString();
  auto idle = h->db().Query(
      "SELECT s.idle_seconds FROM sessions s JOIN users u ON u.id = s.user_id "
      "WHERE u.username = 'root'");
  ASSERT_TRUE(idle.ok());
  EXPECT_EQ((*idle)[0].Int(0), 300);
}

TEST(ApiErrors, AreJsonWithTheRightStatus) {
  auto h = MakeHarness();
  auto session = h->SignIn("xa.a");
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(h->Call("GET", "/api/v1/no-such-thing", "", &*session).status, 404);
  EXPECT_EQ(h->Call("PUT", "/api/v1/plans", "{}", &*session).status, 405);
  ApiCall bad_json = h->Call("POST", "/api/v1/plans", "{not json", &*session);
  EXPECT_EQ(bad_json.status, 400);
  EXPECT_NE(bad_json.json["error"]["message"].get<std::string>().find("invalid JSON"),
            std::string::npos);
  ApiCall wrong_type = h->Call("POST", "/api/v1/plans", "a=b", &*session, "text/plain");
  EXPECT_EQ(wrong_type.status, 415);
  ApiCall missing_field = h->Call("POST", "/api/v1/plans", R"({"unit": "66001"})", &*session);
  EXPECT_EQ(missing_field.status, 422);
  EXPECT_EQ(missing_field.json["error"]["field"], "document");
  ApiCall viewer_write = h->Call("POST", "/api/v1/plans",
                                 R"({"unit": "66001", "document": {"title": "x"}})",
                                 &*h->SignIn("xa.a.viewer"));
  EXPECT_EQ(viewer_write.status, 403);
  EXPECT_EQ(h->Call("GET", "/api/v1/audit", "", &*session).status, 403);
}

TEST(ApiErrors, IntegerParametersRefuseGarbageNamingTheParameter) {
  auto h = MakeHarness();
  auto session = h->SignIn("xa.a");
  ASSERT_TRUE(session.ok());
  for (const char* target :
       {"/api/v1/activities?limit=abc", "/api/v1/activities?limit=12x",
        "/api/v1/search?q=a&limit=ten", "/api/v1/reports?plan=0", "/api/v1/units?depth=-1"}) {
    ApiCall call = h->Call("GET", target, "", &*session);
    EXPECT_EQ(call.status, 422) << target << " " << call.response.body;
    std::string query(target);
    std::string name = query.substr(query.rfind('&') == std::string::npos ? query.find('?') + 1
                                                                          : query.rfind('&') + 1);
    EXPECT_EQ(call.json["error"]["field"], name.substr(0, name.find('='))) << target;
  }
  ApiCall path = h->Call("GET", "/api/v1/plans/abc", "", &*session);
  EXPECT_EQ(path.status, 422) << path.response.body;
  EXPECT_EQ(path.json["error"]["field"], "id");
  // A count above its cap is capped, not refused.
  EXPECT_EQ(h->Call("GET", "/api/v1/activities?limit=500", "", &*session).status, 200);
  EXPECT_EQ(h->Call("GET", "/api/v1/search?q=a&limit=100000", "", &*session).status, 200);
}

TEST(ParseIntParameterTest, DigitsOnlyWithinTheRange) {
  EXPECT_EQ(*ParseIntParameter("limit", "42", 1, 100), 42);
  EXPECT_EQ(*ParseIntParameter("offset", "-3", -10, 10), -3);
  for (const char* bad :
       {"", "abc", "4x", " 4", "+4", "4.0", "0x10", "101", "0", "99999999999999999999"}) {
    Result<int64_t> r = ParseIntParameter("limit", bad, 1, 100);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().field(), "limit");
  }
}

TEST(ApiOpenApi, DescribesExactlyTheRoutesTheServerAnswers) {
  auto h = MakeHarness();
  ApiCall doc = h->Call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.json["openapi"], "3.0.3");
  size_t operations = 0;
  auto session = h->SignIn("prov");
  ASSERT_TRUE(session.ok());
  for (auto& [path, methods] : doc.json["paths"].items()) {
    for (auto& [method, op] : methods.items()) {
      ++operations;
      EXPECT_TRUE(op.contains("summary")) << method << " " << path;
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      std::string target = path;
      for (size_t open; (open = target.find('{')) != std::string::npos;) {
        target.replace(open, target.find('}', open) - open + 1, "1");
      }
      // Whatever the answer, it must come from the route, not "no such route"/"wrong method".
      ApiCall call = h->Call(upper, target, upper == "GET" ? "" : "{}", &*session);
      EXPECT_NE(call.status, 405) << upper << " " << target;
      if (call.status == 404) {
        EXPECT_EQ(call.response.body.find("no API route"), std::string::npos)
            << upper << " " << target;
      }
    }
  }
  EXPECT_EQ(operations, h->app().router().routes().size());
}

// Every "$ref" in `node` (a schema, an operation, the whole document), found depth-first.
void CollectRefs(const nlohmann::json& node, std::vector<std::string>& refs) {
  if (node.is_object()) {
    if (node.contains("$ref") && node["$ref"].is_string()) refs.push_back(node["$ref"]);
    for (const auto& [key, value] : node.items()) CollectRefs(value, refs);
  } else if (node.is_array()) {
    for (const auto& value : node) CollectRefs(value, refs);
  }
}

TEST(ApiOpenApi, EveryOperationDescribesItsAnswerWithDeclaredSchemas) {
  Router router;
  RegisterAllRoutes(router);
  nlohmann::json doc = BuildOpenApi(router);
  for (auto& [path, methods] : doc["paths"].items()) {
    for (auto& [method, op] : methods.items()) {
      bool described = false;
      for (auto& [status, response] : op["responses"].items()) {
        if (status == "204" || (status[0] == '2' && response.contains("content"))) described = true;
        if (status[0] != '2') {
          EXPECT_EQ(response["content"]["application/json"]["schema"].is_object(), true)
              << method << " " << path << " " << status;
        }
      }
      EXPECT_TRUE(described) << method << " " << path << ": no success answer schema";
    }
  }
  std::vector<std::string> refs;
  CollectRefs(doc, refs);
  EXPECT_FALSE(refs.empty());
  const std::string prefix = "#/components/schemas/";
  for (const std::string& ref : refs) {
    ASSERT_EQ(ref.rfind(prefix, 0), 0u) << ref;
    EXPECT_TRUE(doc["components"]["schemas"].contains(ref.substr(prefix.size()))) << ref;
  }
}

}  // namespace
}  // namespace lienthong::api
