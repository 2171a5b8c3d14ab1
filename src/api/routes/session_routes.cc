// Signing in and out. The session token travels only in the HttpOnly cookie; the CSRF token is
// answered in the body for the client to send back as X-CSRF-Token.
#include "api/application.h"
#include "api/openapi.h"
#include "api/route.h"
#include "api/user_json.h"
#include "service/accounts/user_admin.h"
#include "http/request_parsing.h"

namespace lienthong::api {

void RegisterSessionRoutes(Router& router);

namespace {

Result<nlohmann::json> SignedInUserJson(Database& db, const Caller& caller) {
  LT_ASSIGN_OR_RETURN(UserAccount account, OwnAccount(db, caller.user_id));
  return UserJson(account);
}

std::string SessionCookie(const std::string& value, const ApplicationOptions* options,
                          bool clear) {
  std::string cookie = std::string(kSessionCookie) + "=" + value +
                       "; Path=/; HttpOnly; SameSite=Strict";
  if (options && options->secure_cookies) cookie += "; Secure";
  if (clear) cookie += "; Max-Age=0";
  return cookie;
}

Result<http::HttpResponse> SignIn(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(nlohmann::json body, ctx.JsonBody());
  LoginRequest request;
  if (!body.contains("username") || !body["username"].is_string()) {
    return Status::InvalidField("username", "expected a string");
  }
  if (!body.contains("password") || !body["password"].is_string()) {
    return Status::InvalidField("password", "expected a string");
  }
  request.username = body["username"].get<std::string>();
  request.password = body["password"].get<std::string>();
  if (body.contains("totp") && body["totp"].is_string()) request.totp = body["totp"];
  request.address = ctx.request.remote_address;
  request.user_agent = ctx.request.Header("user-agent");
  SecuritySettings settings = ctx.options ? ctx.options->security : SecuritySettings{};
  LT_ASSIGN_OR_RETURN(LoginOutcome outcome, Login(ctx.db, request, settings));
  http::HttpResponse refused;
  switch (outcome.failure) {
    case LoginFailure::kNone: break;
    case LoginFailure::kBadCredentials:
      return http::ErrorResponse(401, "unauthenticated", "wrong user name or password");
    case LoginFailure::kTotpRequired:
      return http::ErrorResponse(401, "totp_required",
                                 "enter the 6-digit code from your authenticator app");
    case LoginFailure::kLocked:
      refused = http::ErrorResponse(423, "locked",
                                    "account locked after repeated failed logins; try again in " +
                                        std::to_string((outcome.retry_after_seconds + 59) / 60) +
                                        " minutes");
      refused.headers.emplace_back("Retry-After", std::to_string(outcome.retry_after_seconds));
      return refused;
    case LoginFailure::kRateLimited:
      refused = http::ErrorResponse(429, "rate_limited",
                                    "too many failed logins from here or for this account");
      refused.headers.emplace_back("Retry-After", std::to_string(outcome.retry_after_seconds));
      return refused;
  }
  // Signing in again from this browser ends the session it had (ASVS 3.3.1).
  if (auto old = ctx.request.cookies.find(kSessionCookie);
      old != ctx.request.cookies.end() && old->second.size() == 64) {
    LT_RETURN_IF_ERROR(Logout(ctx.db, old->second, outcome.caller.Actor()));
  }
  LT_ASSIGN_OR_RETURN(nlohmann::json user, SignedInUserJson(ctx.db, outcome.caller));
  http::HttpResponse response =
      JsonResponse({{"csrf_token", outcome.caller.csrf_token}, {"user", user}});
  response.headers.emplace_back("Set-Cookie", SessionCookie(outcome.token, ctx.options, false));
  return response;
}

}  // namespace

void RegisterSessionRoutes(Router& router) {
  router.AddSchema("Session", ClosedObjectSchema({{"csrf_token", TypeSchema("string")},
                                                  {"user", SchemaRef("User")}}));
  router.Add({.method = "POST",
              .pattern = "/api/v1/session",
              .access = Access::kPublic,
              .handler = SignIn,
              .openapi = {{"summary", "Sign in; sets the lienthong_session cookie"},
                          {"requestBody", JsonRequestBody({{"username", {{"type", "string"}}},
                                                           {"password", {{"type", "string"}}},
                                                           {"totp", {{"type", "string"}}}},
                                                          {"username", "password"})},
                          {"responses", RefResponse("Session",
                                                    "Signed in; error.code totp_required (401) "
                                                    "asks for the code, locked (423) and "
                                                    "rate_limited (429) carry Retry-After")}},
              .max_body_bytes = 16u << 10});
  router.Add({.method = "GET",
              .pattern = "/api/v1/session",
              .access = Access::kSignedIn,
              .handler = [](RouteContext& ctx) -> Result<http::HttpResponse> {
                LT_ASSIGN_OR_RETURN(nlohmann::json user, SignedInUserJson(ctx.db, *ctx.caller));
                return JsonResponse({{"csrf_token", ctx.caller->csrf_token}, {"user", user}});
              },
              .openapi = {{"summary", "The signed-in user and the CSRF token"},
                          {"responses", RefResponse("Session")}}});
  router.Add(
      {.method = "DELETE",
       .pattern = "/api/v1/session",
       .access = Access::kSignedIn,
       .handler = [](RouteContext& ctx) -> Result<http::HttpResponse> {
         auto cookie = ctx.request.cookies.find(kSessionCookie);
         LT_RETURN_IF_ERROR(Logout(ctx.db, cookie->second, ctx.caller->Actor()));
         http::HttpResponse response;
         response.status = 204;
         response.content_type.clear();
         response.headers.emplace_back("Set-Cookie", SessionCookie("", ctx.options, true));
         return response;
       },
       .openapi = {{"summary", "Sign out"}, {"responses", NoContentResponse("Signed out")}}});
}

}  // namespace lienthong::api
