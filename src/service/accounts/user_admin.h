// Account administration, the one home for both front ends: the CLI (`lienthong users`) and the
// API (/api/v1/users, /api/v1/account). Every change writes its audit row (never a secret) in
// the change's own transaction.
//
// Scope: an administrator manages the accounts of its unit's subtree — a user is reachable when
// its unit lies in the subtree, and a user may only be moved to a unit inside it. Unreachable
// users answer kNotFound, as unknown ones do, so a sibling's accounts cannot be probed. The CLI
// acts with AdminScope::Everything. Managers do not manage accounts (core/user.h's role model:
// "admin manages accounts and units of its subtree").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/password_hasher.h"
#include "auth/password_policy.h"
#include "core/caller.h"
#include "core/user.h"
#include "store/database.h"
#include "store/user_store.h"

namespace lienthong {

struct AdminScope {
  std::string root_path;   // "/VN/66/": the subtree whose accounts may be managed
  std::string actor;       // written to audit rows
  std::string self;        // the acting user's name ("" for the CLI): it may not lock itself out

  static AdminScope Of(const Caller& caller);
  static AdminScope Everything(std::string actor);
};

struct NewUserRequest {
  std::string username;      // 3–64 of a–z 0–9 . _ - (stored lower-case)
  std::string display_name;
  std::string unit_code;     // the root of everything the user may read or write
  Role role = Role::kViewer;
  std::string password;      // never logged, never audited
  bool must_change_password = false;  // an initial password someone else chose
};

// Creates the account with an Argon2id hash and an audit row (without any secret).
// Errors: kInvalidArgument for a bad user name or a password the policy refuses (naming the
// rule), kNotFound for an unknown or unreachable unit, kAlreadyExists for a taken user name.
Result<int64_t> AddUser(Database& db, const AdminScope& scope, const NewUserRequest& request,
                        const PasswordPolicy& policy,
                        PasswordCost cost = PasswordCost::kInteractive);

// The accounts of the subtree rooted at `unit_code` ("" = the scope's root), by user name.
Result<std::vector<UserAccount>> ListUsers(Database& db, const AdminScope& scope,
                                           const std::string& unit_code);

// One account in scope; kNotFound otherwise.
Result<UserAccount> GetUser(Database& db, const AdminScope& scope, const std::string& username);

struct AccessChange {
  std::optional<Role> role;
  std::optional<std::string> unit_code;
};

// Changes a user's role and/or unit (both must stay in scope). kFailedPrecondition when an
// administrator changes its own account (it would lock itself out).
Result<UserAccount> ChangeUserAccess(Database& db, const AdminScope& scope,
                                     const std::string& username, const AccessChange& change);

// Disables (sessions end at their next request) or enables an account.
Result<UserAccount> SetUserDisabled(Database& db, const AdminScope& scope,
                                    const std::string& username, bool disabled);

// Sets a new random temporary password (returned once, never stored in clear or audited) that
// must be changed at the next sign-in; clears any lock.
Result<std::string> ResetPassword(Database& db, const AdminScope& scope,
                                  const std::string& username,
                                  PasswordCost cost = PasswordCost::kInteractive);

struct PasswordChange {
  int64_t user_id = 0;
  std::string current_password;
  std::string new_password;
  std::string actor;
};

// The user's own change: the current password must match (kPermissionDenied otherwise) and the
// new one pass the policy, including its reuse rule over the password history.
Status ChangeOwnPassword(Database& db, const PasswordChange& change,
                         const PasswordPolicy& policy,
                         PasswordCost cost = PasswordCost::kInteractive);

// The signed-in user's own account (profile, TOTP state).
Result<UserAccount> OwnAccount(Database& db, int64_t user_id);

// "lan.nt" → true; lower-cases in place.
bool NormalizeUsername(std::string& username);

// Enrols `username` in TOTP two-factor login: stores `secret_base32` (a new random secret when
// empty), forgets the last used step, writes an audit row without the secret. Returns the base32
// secret for the authenticator app. kNotFound for an unknown user, kInvalidArgument for a secret
// that is not base32 of at least 16 bytes.
Result<std::string> EnrolTotp(Database& db, const std::string& username,
                              const std::string& secret_base32, const std::string& actor);

// Self-enrolment from the web: `secret_base32` (from NewTotpSecretBase32) is stored only when
// `code` is its current code, so a user cannot lock themselves out with an unscanned secret.
// kInvalidArgument (field "code") for a wrong code.
Status ConfirmTotpEnrolment(Database& db, int64_t user_id, const std::string& secret_base32,
                            const std::string& code, const std::string& actor);
std::string NewTotpSecretBase32();

// The current TOTP code of `username` (scripted demos and tests); kNotFound when not enrolled.
Result<std::string> CurrentTotpCode(Database& db, const std::string& username);

}  // namespace lienthong
