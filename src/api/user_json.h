// The one JSON shape of an account on the wire (GET /session's `user`, the /users routes).
#pragma once

#include <nlohmann/json.hpp>

#include "store/user_store.h"

namespace lienthong::api {

// {"username", "display_name", "role", "unit": {"code", "name", "kind"}, "totp_enabled",
//  "disabled", "must_change_password", "locked_until"}
nlohmann::json UserJson(const UserAccount& account);

// The OpenAPI schema of UserJson (components/schemas/User).
nlohmann::json UserSchema();

}  // namespace lienthong::api
