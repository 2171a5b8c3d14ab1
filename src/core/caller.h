// Caller: the signed-in user a request acts for, with the unit subtree it may reach.
#pragma once

#include <cstdint>
#include <string>

#include "core/user.h"

namespace lienthong {

struct Caller {
  int64_t user_id = 0;
  std::string username;
  Role role = Role::kViewer;
  int64_t unit_id = 0;
  std::string unit_code;
  std::string unit_path;  // "/VN/66/": everything this caller may see starts with it
  std::string csrf_token;

  // "web:<username>": the actor written to audit rows.
  std::string Actor() const { return "web:" + username; }
};

}  // namespace lienthong
