// Issue 12 through ApiApplication: hostile bodies are refused before they are parsed, the head
// screen answers what needs no body, sign-in limits follow the address, sessions do not pile up,
// imports are capped, and /metrics and HSTS behave as documented.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api/application.h"
#include "api/testing/api_harness.h"
#include "http/request_parsing.h"

namespace lienthong::api {
namespace {

using nlohmann::json;

std::unique_ptr<ApiHarness> MakeHarness() {
  auto h = ApiHarness::Create();
  EXPECT_TRUE(h.ok()) << h.status().ToString();
  return std::move(h).value();
}

std::string Header(const http::HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

std::string Login(const std::string& user, const std::string& password) {
  return json{{"username", user}, {"password", password}}.dump();
}

// A sign-in from `address`, with `cookie` (a previous session) when not empty.
http::HttpResponse SignInFrom(ApiApplication& app, const std::string& address,
                              const std::string& password, const std::string& cookie = "") {
  std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Type", "application/json"}};
  if (!cookie.empty()) headers.emplace_back("Cookie", std::string(kSessionCookie) + "=" + cookie);
  auto request = http::MakeRequest("POST", "/api/v1/session", headers,
                                   Login("xa.a", password), address);
  return app.Handle(request);
}

std::string CookieOf(const http::HttpResponse& response) {
  std::string cookie = Header(response, "Set-Cookie");
  std::string prefix = std::string(kSessionCookie) + "=";
  return cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
}

// Issue 12 #1: a viewer's 100,000-deep body used to overflow the stack; now it is a 400.
TEST(Hardening, DeepJsonIsRefusedBeforeItIsParsed) {
  auto h = MakeHarness();
  auto viewer = h->SignIn("xa.a.viewer");
  ASSERT_TRUE(viewer.ok());
  std::string deep = "{\"unit\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  ApiCall call = h->Call("POST", "/api/v1/activities", deep, &*viewer);
  EXPECT_EQ(call.status, 400);
  EXPECT_NE(call.json["error"]["message"].get<std::string>().find("nested deeper"),
            std::string::npos);
}

// Issue 12 #13: number overflow and invalid UTF-8 file names are the client's error.
TEST(Hardening, NumberOverflowAndBrokenFileNamesAre400) {
  auto h = MakeHarness();
  auto session = h->SignIn("xa.a");
  ASSERT_TRUE(session.ok());
  ApiCall overflow = h->Call("POST", "/api/v1/activities", R"({"unit":"66001","reach":1e309})",
                             &*session);
  EXPECT_EQ(overflow.status, 400) << overflow.response.body;
  std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"k\xff\xfe.txt\"\r\n\r\n"
      "KẾ HOẠCH\r\n--b--\r\n";
  ApiCall upload = h->Call("POST", "/api/v1/plans/import", body, &*session,
                           "multipart/form-data; boundary=b");
  EXPECT_EQ(upload.status, 400) << upload.response.body;
  EXPECT_NE(upload.response.body.find("UTF-8"), std::string::npos);
}

// Issue 12 #18.
TEST(Hardening, MethodNotAllowedNamesTheAllowedMethods) {
  auto h = MakeHarness();
  auto session = h->SignIn("xa.a");
  ASSERT_TRUE(session.ok());
  ApiCall call = h->Call("PUT", "/api/v1/plans/1", "{}", &*session);
  EXPECT_EQ(call.status, 405);
  EXPECT_EQ(Header(call.response, "Allow"), "GET, PATCH");
  ApiCall page = h->Call("POST", "/index.html", "");
  EXPECT_EQ(page.status, 405);
  EXPECT_EQ(Header(page.response, "Allow"), "GET, HEAD");
}

// Issue 12 #2, #6, #10: what the head alone decides.
TEST(Hardening, TheScreenAnswersWhatNeedsNoBody) {
  auto h = MakeHarness();
  ApiApplication& app = h->app();
  auto head = [](const std::string& method, const std::string& target,
                 const std::string& cookie = "") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
    return http::MakeRequest(method, target, headers, "", "192.0.2.1");
  };
  auto health = app.Screen(head("GET", "/healthz"));
  ASSERT_TRUE(health.answer);
  EXPECT_EQ(health.answer->status, 200);
  EXPECT_EQ(app.Screen(head("GET", "/readyz")).lane, http::Lane::kProbe);
  EXPECT_EQ(app.Screen(head("GET", "/metrics")).lane, http::Lane::kProbe);
  auto anonymous = app.Screen(head("POST", "/api/v1/plans/import"));
  ASSERT_TRUE(anonymous.answer) << "no session cookie: 401 before a 32 MiB body is read";
  EXPECT_EQ(anonymous.answer->status, 401);
  EXPECT_EQ(app.Screen(head("GET", "/api/v1/nothing")).answer->status, 404);
  auto login = app.Screen(head("POST", "/api/v1/session"));
  EXPECT_FALSE(login.answer);
  EXPECT_EQ(login.max_body_bytes, 16u << 10);
  auto upload = app.Screen(head("POST", "/api/v1/plans/import", "lienthong_session=x"));
  EXPECT_FALSE(upload.answer);
  EXPECT_EQ(upload.max_body_bytes, kUploadBodyLimit);
  EXPECT_EQ(app.Screen(head("PATCH", "/api/v1/tasks/1", "lienthong_session=x")).max_body_bytes,
            kJsonBodyLimit);
}

// Issue 12 #8: a lock set by one address's wrong passwords does not keep the owner out.
TEST(Hardening, TheLockHoldsForTheAddressThatCausedIt) {
  auto h = MakeHarness();
  ApiApplication& app = h->app();
  for (int i = 0; i < 5; ++i) SignInFrom(app, "203.0.113.66", "a wrong password guess");
  EXPECT_EQ(SignInFrom(app, "203.0.113.66", ApiHarness::kPassword).status, 423);
  // The attacker keeps trying: refused without counting, so it never reaches the per-user limit.
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(SignInFrom(app, "203.0.113.66", "another wrong guess").status, 423);
  }
  EXPECT_EQ(SignInFrom(app, "198.51.100.20", ApiHarness::kPassword).status, 200)
      << "the owner, elsewhere, signs in";
  http::HttpResponse locked = SignInFrom(app, "203.0.113.66", ApiHarness::kPassword);
  int retry_after = std::stoi(Header(locked, "Retry-After"));
  int minutes = (retry_after + 59) / 60;
  EXPECT_NE(locked.body.find("try again in " + std::to_string(minutes) + " minutes"),
            std::string::npos)
      << "issue 12 #18: the message agrees with Retry-After (" << retry_after << " s): "
      << locked.body;
}

// Issue 12 #16: the name a stranger typed is not the actor of the audit row.
TEST(Hardening, FailedSignInsAreNotAttributedToTheTypedName) {
  auto h = MakeHarness();
  h->Call("POST", "/api/v1/session", Login("xa.a", "wrong password guess"));
  auto rows = h->db().Query("SELECT actor, entity_id FROM audit_log WHERE action = 'login_failed'");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].Text(0), "anonymous");
  EXPECT_EQ((*rows)[0].Text(1), "xa.a");
}

// Issue 12 #15: signing in again from a browser ends the session that browser had.
TEST(Hardening, SigningInAgainEndsTheBrowsersOldSession) {
  auto h = MakeHarness();
  ApiApplication& app = h->app();
  std::string first = CookieOf(SignInFrom(app, "192.0.2.1", ApiHarness::kPassword));
  ASSERT_EQ(first.size(), 64u);
  std::string second = CookieOf(SignInFrom(app, "192.0.2.1", ApiHarness::kPassword, first));
  ASSERT_EQ(second.size(), 64u);
  Session old{first, ""}, current{second, ""};
  EXPECT_EQ(h->Call("GET", "/api/v1/session", "", &old).status, 401);
  EXPECT_EQ(h->Call("GET", "/api/v1/session", "", &current).status, 200);
}

// Issue 12 #2: imports over --max-imports are answered 503 at once, not queued; a freed slot
// reads again. The reader here holds its slot until it is cancelled.
TEST(Hardening, ImportsOverTheCapAreRefused) {
  auto created = ApiHarness::Create({}, [](ApplicationOptions& options) {
    options.max_imports = 1;
    options.import_reader = [](const std::string& bytes, const std::string& name,
                               const ReaderLimits& limits) {
      if (name == "slow.txt") {
        while (!limits.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return IsolatedReading{.reading = Status::Unavailable("stopped"),
                               .stop = ReadStop::kCancelled};
      }
      return IsolatedReading{.reading = ReadAndParseDocument(bytes, name, limits)};
    };
  });
  ASSERT_TRUE(created.ok());
  auto h = std::move(created).value();
  auto session = h->SignIn("xa.a");
  ASSERT_TRUE(session.ok());
  auto form = [](const std::string& name) {
    return "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
           "\"\r\n\r\nKẾ HOẠCH\r\nTriển khai nhiệm vụ năm 2025\r\n--b--\r\n";
  };
  const std::string type = "multipart/form-data; boundary=b";
  ApiCall slow = h->Call("POST", "/api/v1/imports", form("slow.txt"), &*session, type);
  ASSERT_EQ(slow.status, 202) << slow.response.body;
  EXPECT_EQ(h->app().imports().running(), 1);
  ApiCall busy = h->Call("POST", "/api/v1/plans/import", form("k.txt"), &*session, type);
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(Header(busy.response, "Retry-After"), "30");
  EXPECT_EQ(h->Call("POST", "/api/v1/imports", form("k.txt"), &*session, type).status, 503);
  std::string job = "/api/v1/imports/" + slow.json["id"].get<std::string>();
  EXPECT_EQ(h->Call("DELETE", job, "", &*session).status, 204);
  for (int i = 0; i < 1000 && h->app().imports().running() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(h->Call("GET", job, "", &*session).json["state"], "cancelled");
  ApiCall read = h->Call("POST", "/api/v1/plans/import", form("k.txt"), &*session, type);
  EXPECT_EQ(read.status, 200) << read.response.body;
  EXPECT_EQ(h->app().imports().running(), 0);
}

TEST(Hardening, MetricsOnlyForLoopbackAndHstsForHttps) {
  auto h = MakeHarness();
  http::Metrics metrics;
  ApplicationOptions options{.db_url = h->db_url()};
  options.hsts = true;
  options.metrics = &metrics;
  ApiApplication app(options);
  auto get = [&](const std::string& path, const std::string& peer, bool proxied) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (proxied) headers.emplace_back("X-Forwarded-For", "198.51.100.3");
    auto request = http::MakeRequest("GET", path, headers, "", peer);
    request.peer_address = peer;
    return app.Handle(request);
  };
  EXPECT_EQ(get("/readyz", "127.0.0.1", false).status, 200);
  http::HttpResponse local = get("/metrics", "127.0.0.1", false);
  EXPECT_EQ(local.status, 200);
  EXPECT_NE(local.body.find("lienthong_http_requests_total{route=\"/readyz\",method=\"GET\","
                            "status=\"200\"} 1"),
            std::string::npos)
      << local.body;
  EXPECT_EQ(get("/metrics", "127.0.0.1", true).status, 404) << "through a proxy";
  EXPECT_EQ(get("/metrics", "203.0.113.5", false).status, 404);
  EXPECT_EQ(Header(local, "Strict-Transport-Security"), "max-age=31536000");
}

}  // namespace
}  // namespace lienthong::api
