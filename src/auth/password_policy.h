// The password rules an administrator configures (ASVS 2.1): a minimum and maximum length
// counted in characters, not the user name, and not one of the last few passwords.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace lienthong {

struct PasswordPolicy {
  size_t min_length = 12;   // characters (code points), as ASVS 2.1.1 asks
  size_t max_length = 128;  // ASVS 2.1.2 allows at least 64; longer is refused, not truncated
  size_t history = 5;       // a new password may not equal any of the last N
};

// kInvalidArgument naming the rule that failed (never echoing the password). `recent_hashes` are
// the user's previous Argon2id hashes, newest first; only the first `policy.history` are checked.
Status CheckPassword(std::string_view password, std::string_view username,
                     const std::vector<std::string>& recent_hashes, const PasswordPolicy& policy);

}  // namespace lienthong
