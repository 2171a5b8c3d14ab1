#include "api/user_json.h"

#include "api/openapi.h"

namespace lienthong::api {

nlohmann::json UserJson(const UserAccount& account) {
  const User& u = account.user;
  return {{"username", u.username},
          {"display_name", u.display_name},
          {"role", RoleName(u.role)},
          {"unit", {{"code", account.unit_code},
                    {"name", account.unit_name},
                    {"kind", account.unit_kind}}},
          {"totp_enabled", u.totp_secret.has_value()},
          {"disabled", u.disabled},
          {"must_change_password", account.must_change_password},
          {"locked_until", u.locked_until ? nlohmann::json(*u.locked_until) : nlohmann::json()}};
}

nlohmann::json UserSchema() {
  nlohmann::json text = TypeSchema("string");
  nlohmann::json flag = TypeSchema("boolean");
  return ClosedObjectSchema(
      {{"username", text},
       {"display_name", text},
       {"role", EnumSchema({"admin", "manager", "specialist", "viewer"})},
       {"unit", ClosedObjectSchema({{"code", text}, {"name", text}, {"kind", text}})},
       {"totp_enabled", flag},
       {"disabled", flag},
       {"must_change_password", flag},
       {"locked_until", TypeSchema("string", true)}});
}

}  // namespace lienthong::api
