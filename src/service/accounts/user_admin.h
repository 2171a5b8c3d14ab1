// Account administration that both the CLI and (later) the API call.
#pragma once

#include <string>

#include "auth/password_hasher.h"
#include "auth/password_policy.h"
#include "core/user.h"
#include "store/database.h"

namespace lienthong {

struct NewUserRequest {
  std::string username;      // 3–64 of a–z 0–9 . _ - (stored lower-case)
  std::string display_name;
  std::string unit_code;     // the root of everything the user may read or write
  Role role = Role::kViewer;
  std::string password;      // never logged, never audited
  std::string actor;
};

// Creates the account with an Argon2id hash and an audit row (without any secret).
// Errors: kInvalidArgument for a bad user name or a password the policy refuses (naming the
// rule), kNotFound for an unknown unit, kAlreadyExists for a taken user name.
Result<int64_t> AddUser(Database& db, const NewUserRequest& request, const PasswordPolicy& policy,
                        PasswordCost cost = PasswordCost::kInteractive);

// "lan.nt" → true; lower-cases in place.
bool NormalizeUsername(std::string& username);

// Enrols `username` in TOTP two-factor login: stores `secret_base32` (a new random secret when
// empty), forgets the last used step, writes an audit row without the secret. Returns the base32
// secret for the authenticator app. kNotFound for an unknown user, kInvalidArgument for a secret
// that is not base32 of at least 16 bytes.
Result<std::string> EnrolTotp(Database& db, const std::string& username,
                              const std::string& secret_base32, const std::string& actor);

}  // namespace lienthong
