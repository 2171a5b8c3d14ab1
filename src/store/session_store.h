// SessionStore: stored sessions (only the SHA-256 of a token) and the failed-login counters that
// rate-limit and lock sign-ins across server processes. Writers must hold a transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/caller.h"
#include "store/database.h"

namespace lienthong {

// What signing in needs to know of an account.
struct LoginAccount {
  int64_t user_id = 0;
  std::string password_hash;
  std::optional<std::string> totp_secret;
  bool disabled = false;
  int64_t totp_last_step = 0;
  Role role = Role::kViewer;
  bool must_change_password = false;
  int64_t unit_id = 0;
  std::string unit_code;
  std::string unit_path;
};

struct NewSession {
  std::string token_sha256;
  int64_t user_id = 0;
  std::string csrf_token;
  std::string now;
  int64_t idle_seconds = 0;
  std::string address;
  std::string user_agent;
};

// A stored session with its user; `caller` is filled but for csrf (in `caller` too).
struct StoredSession {
  Caller caller;
  std::string created_at;
  std::string last_seen_at;
  int64_t idle_seconds = 0;
  bool revoked = false;
  bool user_disabled = false;
  bool must_change_password = false;
};

struct FailureCount {
  int64_t count = 0;
  std::optional<std::string> oldest;  // ISO timestamp of the oldest counted failure
};

class SessionStore {
 public:
  explicit SessionStore(Database& db) : db_(db) {}

  Result<std::optional<LoginAccount>> FindLoginAccount(const std::string& username);
  // Failures recorded under `key` at or after `since`.
  Result<FailureCount> CountFailures(const std::string& key, const std::string& since);
  Status RecordFailures(const std::vector<std::string>& keys, const std::string& at);
  Status ClearFailures(const std::string& key);
  Status SetFailedLogins(int64_t user_id, int64_t failed,
                         const std::optional<std::string>& locked_until);
  // Clears the counters and remembers the TOTP step just used.
  Status MarkSignedIn(int64_t user_id, int64_t totp_step);

  Status Insert(const NewSession& session);
  Result<std::optional<StoredSession>> Find(const std::string& token_sha256);
  Status Touch(const std::string& token_sha256, const std::string& now);
  Status Revoke(const std::string& token_sha256, const std::string& now);

 private:
  Database& db_;
};

}  // namespace lienthong
