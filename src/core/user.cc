#include "core/user.h"

namespace lienthong {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kManager: return "manager";
    case Role::kSpecialist: return "specialist";
    case Role::kViewer: return "viewer";
  }
  return "viewer";
}

std::optional<Role> ParseRole(const std::string& name) {
  for (Role r : {Role::kAdmin, Role::kManager, Role::kSpecialist, Role::kViewer})
    if (name == RoleName(r)) return r;
  return std::nullopt;
}

}  // namespace lienthong
