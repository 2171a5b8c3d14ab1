// Signing in and out, and resuming a session from its cookie (ASVS 2 and 3).
//
// Sessions live in the database (several server processes can share them); only the SHA-256 of
// the token is stored. A session ends after `idle` without a request (5 minutes for admins, 15
// for others by default) or `absolute_hours` after login. Failed logins are counted per user
// name and per address in login_failures, so the limits hold across processes; five wrong
// passwords in a row lock the account for `lockout_minutes`. Admins must give a TOTP code;
// others must when they have enrolled. A TOTP code is accepted once (replay refused).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/caller.h"
#include "store/database.h"
#include "util/status.h"

namespace lienthong {

struct SecuritySettings {
  int idle_minutes = 15;
  int admin_idle_minutes = 5;
  int absolute_hours = 12;
  int max_failed_logins = 5;     // consecutive wrong passwords before the account locks
  int lockout_minutes = 15;
  int window_minutes = 15;       // rate-limit window for the two limits below
  int failures_per_user = 10;    // then 429 for this user name, whatever the address
  int failures_per_address = 30; // then 429 for this address, whatever the user name
};

struct LoginRequest {
  std::string username;
  std::string password;
  std::string totp;  // "" when not given
  std::string address;
  std::string user_agent;
};

enum class LoginFailure { kNone, kBadCredentials, kTotpRequired, kLocked, kRateLimited };

struct LoginOutcome {
  LoginFailure failure = LoginFailure::kNone;
  int retry_after_seconds = 0;  // kLocked, kRateLimited
  std::string token;            // the cookie value; only when failure == kNone
  Caller caller;
};

// Errors only for store failures; a refused login is an outcome, audited as such.
Result<LoginOutcome> Login(Database& db, const LoginRequest& request,
                           const SecuritySettings& settings);

struct ResumedSession {
  Caller caller;
  // The password was set by an administrator: only changing it is allowed until then.
  bool must_change_password = false;
};

// The caller of a live session; kUnauthenticated when the token is unknown, revoked, idle too
// long or too old. Touches last_seen_at (at most once a minute, to keep reads cheap).
Result<ResumedSession> ResumeSession(Database& db, const std::string& token,
                                     const SecuritySettings& settings);

// Revokes the session (idempotent) with an audit row.
Status Logout(Database& db, const std::string& token, const std::string& actor);

}  // namespace lienthong
