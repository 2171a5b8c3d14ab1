// Account administration (administrators, within their unit's subtree) and the signed-in user's
// own account: password change and TOTP enrolment. All logic is in service/accounts/user_admin.h;
// these handlers decode, call it once, encode.
#include "api/application.h"
#include "api/openapi.h"
#include "api/route.h"
#include "api/user_json.h"
#include "auth/totp.h"
#include "service/accounts/user_admin.h"
#include "util/base32.h"

namespace lienthong::api {

void RegisterUserRoutes(Router& router);

namespace {

using nlohmann::json;

// Body field `name` as a string: "" when absent; kInvalidField when present but not a string.
Result<std::string> TextField(const json& body, const char* name, bool required = false) {
  if (!body.contains(name) || body[name].is_null()) {
    if (required) return Status::InvalidField(name, "required");
    return std::string();
  }
  if (!body[name].is_string()) return Status::InvalidField(name, "expected a string");
  return body[name].get<std::string>();
}

Result<Role> RoleField(const std::string& text) {
  auto role = ParseRole(text);
  if (!role) return Status::InvalidField("role", "one of admin, manager, specialist, viewer");
  return *role;
}

PasswordPolicy Policy(const RouteContext& ctx) {
  return ctx.options ? ctx.options->password_policy : PasswordPolicy{};
}

http::HttpResponse NoContent() {
  http::HttpResponse response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

Result<http::HttpResponse> ListUsersRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(auto accounts, ListUsers(ctx.db, AdminScope::Of(*ctx.caller),
                                               ctx.Query("unit").value_or("")));
  json users = json::array();
  for (const UserAccount& account : accounts) users.push_back(UserJson(account));
  return JsonResponse({{"users", users}});
}

Result<http::HttpResponse> AddUserRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  NewUserRequest request;
  LT_ASSIGN_OR_RETURN(request.username, TextField(body, "username", true));
  LT_ASSIGN_OR_RETURN(request.display_name, TextField(body, "display_name"));
  LT_ASSIGN_OR_RETURN(request.unit_code, TextField(body, "unit_code", true));
  LT_ASSIGN_OR_RETURN(std::string role, TextField(body, "role", true));
  LT_ASSIGN_OR_RETURN(request.role, RoleField(role));
  LT_ASSIGN_OR_RETURN(request.password, TextField(body, "password", true));
  request.must_change_password = true;  // the administrator chose it
  AdminScope scope = AdminScope::Of(*ctx.caller);
  LT_RETURN_IF_ERROR(AddUser(ctx.db, scope, request, Policy(ctx)).status());
  LT_ASSIGN_OR_RETURN(UserAccount account, GetUser(ctx.db, scope, request.username));
  return JsonResponse(UserJson(account), 201);
}

Result<http::HttpResponse> ChangeUserRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  AccessChange change;
  LT_ASSIGN_OR_RETURN(std::string role, TextField(body, "role"));
  if (!role.empty()) {
    LT_ASSIGN_OR_RETURN(change.role, RoleField(role));
  }
  LT_ASSIGN_OR_RETURN(std::string unit, TextField(body, "unit_code"));
  if (!unit.empty()) change.unit_code = unit;
  LT_ASSIGN_OR_RETURN(UserAccount account,
                      ChangeUserAccess(ctx.db, AdminScope::Of(*ctx.caller),
                                       ctx.path_params["username"], change));
  return JsonResponse(UserJson(account));
}

Handler SetDisabledRoute(bool disabled) {
  return [disabled](RouteContext& ctx) -> Result<http::HttpResponse> {
    LT_ASSIGN_OR_RETURN(UserAccount account,
                        SetUserDisabled(ctx.db, AdminScope::Of(*ctx.caller),
                                        ctx.path_params["username"], disabled));
    return JsonResponse(UserJson(account));
  };
}

Result<http::HttpResponse> ResetPasswordRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(std::string password, ResetPassword(ctx.db, AdminScope::Of(*ctx.caller),
                                                          ctx.path_params["username"]));
  return JsonResponse({{"temporary_password", password}});
}

Result<http::HttpResponse> ChangeOwnPasswordRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  PasswordChange change{.user_id = ctx.caller->user_id, .actor = ctx.caller->Actor()};
  LT_ASSIGN_OR_RETURN(change.current_password, TextField(body, "current_password", true));
  LT_ASSIGN_OR_RETURN(change.new_password, TextField(body, "new_password", true));
  LT_RETURN_IF_ERROR(ChangeOwnPassword(ctx.db, change, Policy(ctx)));
  return NoContent();
}

Result<http::HttpResponse> NewTotpSecretRoute(RouteContext& ctx) {
  std::string secret = NewTotpSecretBase32();
  return JsonResponse(
      {{"secret", secret},
       {"uri", TotpUri(*Base32Decode(secret), ctx.caller->username, "lienthong")}});
}

Result<http::HttpResponse> ConfirmTotpRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  LT_ASSIGN_OR_RETURN(std::string secret, TextField(body, "secret", true));
  LT_ASSIGN_OR_RETURN(std::string code, TextField(body, "code", true));
  LT_RETURN_IF_ERROR(ConfirmTotpEnrolment(ctx.db, ctx.caller->user_id, secret, code,
                                          ctx.caller->Actor()));
  return NoContent();
}

json UserResponse(const char* status, const char* description) {
  return RefResponse("User", description, status);
}

void RegisterAdministration(Router& router) {
  json text = {{"type", "string"}};
  router.Add({.method = "GET",
              .pattern = "/api/v1/users",
              .access = Access::kAdmin,
              .handler = ListUsersRoute,
              .openapi = {{"summary", "Accounts of a subtree (administrators, own subtree only)"},
                          {"parameters",
                           {QueryParameter("unit",
                                           "root unit code (default: "
                                           "the caller's unit)")}},
                          {"responses",
                           {{"200", JsonResponseSchema(ClosedObjectSchema(
                                        {{"users", ArraySchema(SchemaRef("User"))}}))}}}}});
  router.Add({.method = "POST", .pattern = "/api/v1/users", .access = Access::kAdmin,
              .handler = AddUserRoute,
              .openapi = {{"summary", "Add an account; its password must be changed at first "
                                      "sign-in"},
                          {"requestBody",
                           JsonRequestBody({{"username", text}, {"display_name", text},
                                            {"unit_code", text}, {"role", text},
                                            {"password", text}},
                                           {"username", "unit_code", "role", "password"})},
                          {"responses", UserResponse("201", "The account")}},
              .max_body_bytes = 16u << 10});
  router.Add({.method = "PATCH", .pattern = "/api/v1/users/{username}", .access = Access::kAdmin,
              .handler = ChangeUserRoute,
              .openapi = {{"summary", "Change an account's role and/or unit"},
                          {"requestBody", JsonRequestBody({{"role", text}, {"unit_code", text}})},
                          {"responses", UserResponse("200", "The account")}},
              .max_body_bytes = 16u << 10});
  for (bool disabled : {true, false}) {
    router.Add({.method = "POST",
                .pattern = std::string("/api/v1/users/{username}/") +
                           (disabled ? "disable" : "enable"),
                .access = Access::kAdmin, .handler = SetDisabledRoute(disabled),
                .openapi = {{"summary", disabled ? "Disable an account (its sessions end)"
                                                 : "Enable a disabled account"},
                            {"responses", UserResponse("200", "The account")}}});
  }
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/users/{username}/password-reset",
       .access = Access::kAdmin,
       .handler = ResetPasswordRoute,
       .openapi = {{"summary",
                    "Set a temporary password, answered once; it must be "
                    "changed at the next sign-in"},
                   {"responses",
                    {{"200", JsonResponseSchema(ClosedObjectSchema({{"temporary_password", text}}),
                                                "The temporary password, shown once")}}}}});
}

}  // namespace

void RegisterUserRoutes(Router& router) {
  RegisterAdministration(router);
  json text = {{"type", "string"}};
  router.Add({.method = "PUT", .pattern = "/api/v1/account/password",
              .handler = ChangeOwnPasswordRoute,
              .openapi = {{"summary", "Change one's own password (policy and reuse rule)"},
                          {"requestBody",
                           JsonRequestBody({{"current_password", text}, {"new_password", text}},
                                           {"current_password", "new_password"})},
                          {"responses", NoContentResponse("Changed")}},
              .max_body_bytes = 16u << 10});
  router.Add({.method = "POST",
              .pattern = "/api/v1/account/totp/secret",
              .handler = NewTotpSecretRoute,
              .openapi = {{"summary",
                           "A new TOTP secret and otpauth:// URI to scan (not stored "
                           "until confirmed)"},
                          {"responses",
                           {{"200", JsonResponseSchema(ClosedObjectSchema(
                                        {{"secret", text}, {"uri", text}}))}}}}});
  router.Add({.method = "POST", .pattern = "/api/v1/account/totp",
              .handler = ConfirmTotpRoute,
              .openapi = {{"summary", "Enrol in two-factor sign-in with a scanned secret and its "
                                      "current code"},
                          {"requestBody", JsonRequestBody({{"secret", text}, {"code", text}},
                                                          {"secret", "code"})},
                          {"responses", NoContentResponse("Enrolled")}},
              .max_body_bytes = 16u << 10});
}

}  // namespace lienthong::api
