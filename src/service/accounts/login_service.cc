#include "service/accounts/login_service.h"

#include <sodium.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "auth/password_hasher.h"
#include "auth/totp.h"
#include "service/accounts/user_admin.h"
#include "store/audit_log.h"
#include "util/base32.h"
#include "util/iso_time.h"
#include "util/sha256.h"

namespace lienthong {
namespace {

std::string RandomHex(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : raw) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

Result<int64_t> CountFailures(Database& db, const std::string& key, const std::string& since) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db.Query("SELECT COUNT(*) FROM login_failures WHERE key = ? AND at >= ?",
                               {key, since}));
  return rows.empty() ? 0 : rows[0].Int(0);
}

// The key that counts one address's wrong passwords for one account (the lock's unit).
std::string PairKey(const LoginRequest& request) {
  return "pair:" + request.username + "|" + request.address;
}

Status RecordFailure(Database& db, const LoginRequest& request, const std::string& now,
                     const std::string& why) {
  LT_RETURN_IF_ERROR(db.Execute(
      "INSERT INTO login_failures (key, at) VALUES (?, ?), (?, ?), (?, ?)",
      {"user:" + request.username, now, "addr:" + request.address, now, PairKey(request), now}));
  nlohmann::json detail = {{"reason", why}, {"address", request.address}};
  // The name was typed by whoever tried: it is the entity tried, never the actor.
  return AppendAudit(db, {.at = now,
                          .actor = "anonymous",
                          .action = "login_failed",
                          .entity = "session",
                          .entity_id = request.username,
                          .after_json = detail.dump()});
}

// The step a code belongs to (now or one step either side), or -1.
int64_t MatchingTotpStep(const std::string& secret, const std::string& code, int64_t now) {
  for (int delta : {0, -1, 1}) {
    int64_t at = now + delta * 30;
    std::string expected = TotpCode(secret, at);
    if (expected.size() == code.size() &&
        sodium_memcmp(expected.data(), code.data(), code.size()) == 0) {
      return at / 30;
    }
  }
  return -1;
}

}  // namespace

Result<LoginOutcome> Login(Database& db, const LoginRequest& raw_request,
                           const SecuritySettings& settings) {
  LoginRequest request = raw_request;
  LoginOutcome outcome;
  int64_t now_unix = NowUnixSeconds();
  std::string now = IsoUtc(now_unix);
  bool valid_name = NormalizeUsername(request.username);
  if (!valid_name) request.username = request.username.substr(0, 64);

  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  std::string since = IsoUtc(now_unix - settings.window_minutes * 60);
  LT_ASSIGN_OR_RETURN(int64_t by_user, CountFailures(db, "user:" + request.username, since));
  LT_ASSIGN_OR_RETURN(int64_t by_address, CountFailures(db, "addr:" + request.address, since));
  if (by_user >= settings.failures_per_user || by_address >= settings.failures_per_address) {
    outcome.failure = LoginFailure::kRateLimited;
    outcome.retry_after_seconds = settings.window_minutes * 60;
    return outcome;
  }

  LT_ASSIGN_OR_RETURN(
      auto rows,
      db.Query("SELECT u.id, u.password_hash, u.totp_secret, u.disabled, u.failed_logins, "
               "u.locked_until, u.totp_last_step, u.role, u.unit_id, n.code, n.path "
               "FROM users u JOIN units n ON n.id = u.unit_id WHERE u.username = ?",
               {request.username}));
  if (!valid_name || rows.empty() || rows[0].Int(3) != 0) {
    // Same work and the same answer as a wrong password: names cannot be probed.
    static const std::string kDummyHash = [] {
      auto hash = HashPassword("no such account: equal timing");
      return hash.ok() ? hash.value() : std::string();
    }();
    VerifyPassword(kDummyHash, request.password);
    LT_RETURN_IF_ERROR(RecordFailure(db, request, now, "unknown or disabled account"));
    LT_RETURN_IF_ERROR(tx->Commit());
    outcome.failure = LoginFailure::kBadCredentials;
    return outcome;
  }
  const SqlRow& user = rows[0];
  int64_t user_id = user.Int(0);
  // The lock holds for the address whose wrong passwords set it: another address (the owner
  // elsewhere) still signs in, and the locked address's further tries are not counted, so it
  // cannot keep the account locked by itself (docs/operations.md, "Sign-in limits").
  std::string lock_since = IsoUtc(now_unix - settings.lockout_minutes * 60);
  LT_ASSIGN_OR_RETURN(auto pair_rows,
                      db.Query("SELECT COUNT(*), MIN(at) FROM login_failures WHERE key = ? "
                               "AND at >= ?",
                               {PairKey(request), lock_since}));
  if (!pair_rows.empty() && pair_rows[0].Int(0) >= settings.max_failed_logins) {
    int64_t oldest = ParseIsoUtc(pair_rows[0].Text(1)).value_or(now_unix);
    outcome.failure = LoginFailure::kLocked;
    outcome.retry_after_seconds = static_cast<int>(
        std::max<int64_t>(1, oldest + settings.lockout_minutes * 60 - now_unix));
    return outcome;
  }

  auto fail = [&](const std::string& why) -> Result<LoginOutcome> {
    int64_t failed = (pair_rows.empty() ? 0 : pair_rows[0].Int(0)) + 1;
    std::optional<std::string> lock_until;
    if (failed >= settings.max_failed_logins) {
      lock_until = IsoUtc(now_unix + settings.lockout_minutes * 60);
      failed = 0;
    }
    SqlParams params = {failed, SqlValue(), user_id};
    if (lock_until) params[1] = *lock_until;
    LT_RETURN_IF_ERROR(
        db.Execute("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?", params));
    LT_RETURN_IF_ERROR(RecordFailure(db, request, now, why));
    if (lock_until) {
      LT_RETURN_IF_ERROR(AppendAudit(db, {.at = now,
                                          .actor = "system",
                                          .action = "lock",
                                          .entity = "user",
                                          .entity_id = std::to_string(user_id),
                                          .after_json = nlohmann::json{{"locked_until",
                                                                        *lock_until},
                                                                       {"address",
                                                                        request.address}}
                                                            .dump()}));
    }
    LT_RETURN_IF_ERROR(tx->Commit());
    LoginOutcome refused;
    refused.failure = lock_until ? LoginFailure::kLocked : LoginFailure::kBadCredentials;
    refused.retry_after_seconds = lock_until ? settings.lockout_minutes * 60 : 0;
    return refused;
  };

  if (!VerifyPassword(user.Text(1), request.password)) return fail("wrong password");

  std::string role = user.Text(7);
  std::optional<std::string> secret_text = user.OptText(2);
  int64_t totp_step = user.Int(6);
  if (role == "admin" || secret_text) {
    if (request.totp.empty() || !secret_text) {
      outcome.failure = LoginFailure::kTotpRequired;
      return outcome;
    }
    std::optional<std::string> secret = Base32Decode(*secret_text);
    int64_t step = secret ? MatchingTotpStep(*secret, request.totp, now_unix) : -1;
    if (step < 0 || step <= totp_step) return fail("wrong or reused TOTP code");
    totp_step = step;
  }

  std::string token = RandomHex(32);
  std::string csrf = RandomHex(32);
  int idle = (role == "admin" ? settings.admin_idle_minutes : settings.idle_minutes) * 60;
  LT_RETURN_IF_ERROR(db.Execute(
      "UPDATE users SET failed_logins = 0, locked_until = NULL, totp_last_step = ? WHERE id = ?",
      {totp_step, user_id}));
  LT_RETURN_IF_ERROR(db.Execute("DELETE FROM login_failures WHERE key = ?", {PairKey(request)}));
  LT_RETURN_IF_ERROR(db.Execute(
      "INSERT INTO sessions (token_sha256, user_id, csrf_token, created_at, last_seen_at, "
      "idle_seconds, address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {Sha256Hex(token), user_id, csrf, now, now, int64_t{idle}, request.address,
       request.user_agent.substr(0, 200)}));
  LT_RETURN_IF_ERROR(AppendAudit(db, {.at = now,
                                      .actor = "web:" + request.username,
                                      .action = "login",
                                      .entity = "session",
                                      .entity_id = std::to_string(user_id),
                                      .after_json = nlohmann::json{{"address", request.address}}
                                                        .dump()}));
  LT_RETURN_IF_ERROR(tx->Commit());

  outcome.token = token;
  outcome.caller.user_id = user_id;
  outcome.caller.username = request.username;
  outcome.caller.role = ParseRole(role).value_or(Role::kViewer);
  outcome.caller.unit_id = user.Int(8);
  outcome.caller.unit_code = user.Text(9);
  outcome.caller.unit_path = user.Text(10);
  outcome.caller.csrf_token = csrf;
  return outcome;
}

Result<Caller> ResumeSession(Database& db, const std::string& token,
                                  const SecuritySettings& settings) {
  if (token.size() != 64) return Status(StatusCode::kUnauthenticated, "not signed in");
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db.Query("SELECT s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.idle_seconds, "
               "s.revoked_at, u.username, u.role, u.unit_id, u.disabled, n.code, n.path "
               "FROM sessions s JOIN users u ON u.id = s.user_id "
               "JOIN units n ON n.id = u.unit_id WHERE s.token_sha256 = ?",
               {Sha256Hex(token)}));
  if (rows.empty()) return Status(StatusCode::kUnauthenticated, "not signed in");
  const SqlRow& r = rows[0];
  int64_t now = NowUnixSeconds();
  int64_t created = ParseIsoUtc(r.Text(2)).value_or(0);
  int64_t last_seen = ParseIsoUtc(r.Text(3)).value_or(0);
  if (!r.IsNull(5) || r.Int(9) != 0) {
    return Status(StatusCode::kUnauthenticated, "session ended; sign in again");
  }
  if (now - last_seen > r.Int(4) || now - created > settings.absolute_hours * 3600) {
    return Status(StatusCode::kUnauthenticated, "session expired; sign in again");
  }
  if (now - last_seen >= 30) {
    LT_RETURN_IF_ERROR(db.Execute("UPDATE sessions SET last_seen_at = ? WHERE token_sha256 = ?",
                                  {IsoUtc(now), Sha256Hex(token)}));
  }
  Caller caller;
  caller.user_id = r.Int(0);
  caller.csrf_token = r.Text(1);
  caller.username = r.Text(6);
  caller.role = ParseRole(r.Text(7)).value_or(Role::kViewer);
  caller.unit_id = r.Int(8);
  caller.unit_code = r.Text(10);
  caller.unit_path = r.Text(11);
  return caller;
}

Status Logout(Database& db, const std::string& token, const std::string& actor) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  std::string now = NowIsoUtc();
  LT_RETURN_IF_ERROR(db.Execute(
      "UPDATE sessions SET revoked_at = ? WHERE token_sha256 = ? AND revoked_at IS NULL",
      {now, Sha256Hex(token)}));
  LT_RETURN_IF_ERROR(AppendAudit(
      db, {.at = now, .actor = actor, .action = "logout", .entity = "session", .entity_id = ""}));
  return tx->Commit();
}

}  // namespace lienthong
