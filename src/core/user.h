// User: an account scoped to one unit and its subtree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace lienthong {

// admin: manages accounts and units of its subtree; manager: approves plans and reports;
// specialist: enters plans, tasks, activities, reports; viewer: reads.
enum class Role { kAdmin, kManager, kSpecialist, kViewer };

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  int64_t unit_id = 0;  // the root of everything this user may read or write
  Role role = Role::kViewer;
  std::string password_hash;  // Argon2id string from libsodium; never logged
  std::optional<std::string> totp_secret;
  bool disabled = false;
  int failed_logins = 0;
  std::optional<std::string> locked_until;  // ISO timestamp
};

const char* RoleName(Role role);
std::optional<Role> ParseRole(const std::string& name);

}  // namespace lienthong
