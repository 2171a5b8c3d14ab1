#include "service/accounts/login_service.h"

#include <sodium.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "auth/password_hasher.h"
#include "auth/totp.h"
#include "service/accounts/user_admin.h"
#include "store/audit_log.h"
#include "store/session_store.h"
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
  LT_ASSIGN_OR_RETURN(FailureCount count, SessionStore(db).CountFailures(key, since));
  return count.count;
}

// The key that counts one address's wrong passwords for one account (the lock's unit).
std::string PairKey(const LoginRequest& request) {
  return "pair:" + request.username + "|" + request.address;
}

Status RecordFailure(Database& db, const LoginRequest& request, const std::string& now,
                     const std::string& why) {
  LT_RETURN_IF_ERROR(SessionStore(db).RecordFailures(
      {"user:" + request.username, "addr:" + request.address, PairKey(request)}, now));
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

// Counts a wrong password or code of a known account (`failed_before` in the lock window),
// locking it for this address at the limit. The caller commits.
Result<LoginOutcome> RefuseLogin(Database& db, const LoginRequest& request, int64_t user_id,
                                 int64_t failed_before, const std::string& why, int64_t now_unix,
                                 const SecuritySettings& settings) {
  std::string now = IsoUtc(now_unix);
  int64_t failed = failed_before + 1;
  std::optional<std::string> lock_until;
  if (failed >= settings.max_failed_logins) {
    lock_until = IsoUtc(now_unix + settings.lockout_minutes * 60);
    failed = 0;
  }
  LT_RETURN_IF_ERROR(SessionStore(db).SetFailedLogins(user_id, failed, lock_until));
  LT_RETURN_IF_ERROR(RecordFailure(db, request, now, why));
  if (lock_until) {
    nlohmann::json detail = {{"locked_until", *lock_until}, {"address", request.address}};
    LT_RETURN_IF_ERROR(AppendAudit(db, {.at = now,
                                        .actor = "system",
                                        .action = "lock",
                                        .entity = "user",
                                        .entity_id = std::to_string(user_id),
                                        .after_json = detail.dump()}));
  }
  LoginOutcome refused;
  refused.failure = lock_until ? LoginFailure::kLocked : LoginFailure::kBadCredentials;
  refused.retry_after_seconds = lock_until ? settings.lockout_minutes * 60 : 0;
  return refused;
}

// A new session for `user`, who proved who they are: clears the counters, stores the session
// and its audit row. The caller commits.
Result<LoginOutcome> StartSession(Database& db, const LoginRequest& request,
                                  const LoginAccount& user, int64_t totp_step,
                                  const std::string& now, const SecuritySettings& settings) {
  SessionStore sessions(db);
  int64_t user_id = user.user_id;
  std::string token = RandomHex(32);
  std::string csrf = RandomHex(32);
  int idle = (user.role == Role::kAdmin ? settings.admin_idle_minutes : settings.idle_minutes) * 60;
  LT_RETURN_IF_ERROR(sessions.MarkSignedIn(user_id, totp_step));
  LT_RETURN_IF_ERROR(sessions.ClearFailures(PairKey(request)));
  LT_RETURN_IF_ERROR(sessions.Insert({.token_sha256 = Sha256Hex(token),
                                      .user_id = user_id,
                                      .csrf_token = csrf,
                                      .now = now,
                                      .idle_seconds = idle,
                                      .address = request.address,
                                      .user_agent = request.user_agent.substr(0, 200)}));
  LT_RETURN_IF_ERROR(AppendAudit(db, {.at = now,
                                      .actor = "web:" + request.username,
                                      .action = "login",
                                      .entity = "session",
                                      .entity_id = std::to_string(user_id),
                                      .after_json = nlohmann::json{{"address", request.address}}
                                                        .dump()}));
  LoginOutcome outcome;
  outcome.token = token;
  outcome.caller.user_id = user_id;
  outcome.caller.username = request.username;
  outcome.caller.role = user.role;
  outcome.caller.unit_id = user.unit_id;
  outcome.caller.unit_code = user.unit_code;
  outcome.caller.unit_path = user.unit_path;
  outcome.caller.csrf_token = csrf;
  return outcome;
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

  SessionStore sessions(db);
  LT_ASSIGN_OR_RETURN(auto account, sessions.FindLoginAccount(request.username));
  if (!valid_name || !account || account->disabled) {
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
  const LoginAccount& user = *account;
  int64_t user_id = user.user_id;
  // The lock holds for the address whose wrong passwords set it: another address (the owner
  // elsewhere) still signs in, and the locked address's further tries are not counted, so it
  // cannot keep the account locked by itself (docs/operations.md, "Sign-in limits").
  std::string lock_since = IsoUtc(now_unix - settings.lockout_minutes * 60);
  LT_ASSIGN_OR_RETURN(FailureCount pair, sessions.CountFailures(PairKey(request), lock_since));
  if (pair.count >= settings.max_failed_logins) {
    int64_t oldest = ParseIsoUtc(pair.oldest.value_or("")).value_or(now_unix);
    outcome.failure = LoginFailure::kLocked;
    outcome.retry_after_seconds = static_cast<int>(
        std::max<int64_t>(1, oldest + settings.lockout_minutes * 60 - now_unix));
    return outcome;
  }

  auto fail = [&](const std::string& why) -> Result<LoginOutcome> {
    LT_ASSIGN_OR_RETURN(LoginOutcome refused, RefuseLogin(db, request, user_id, pair.count, why,
                                                          now_unix, settings));
    LT_RETURN_IF_ERROR(tx->Commit());
    return refused;
  };

  if (!VerifyPassword(user.password_hash, request.password)) return fail("wrong password");

  const std::optional<std::string>& secret_text = user.totp_secret;
  int64_t totp_step = user.totp_last_step;
  if (user.role == Role::kAdmin || secret_text) {
    if (request.totp.empty() || !secret_text) {
      outcome.failure = LoginFailure::kTotpRequired;
      return outcome;
    }
    std::optional<std::string> secret = Base32Decode(*secret_text);
    int64_t step = secret ? MatchingTotpStep(*secret, request.totp, now_unix) : -1;
    if (step < 0 || step <= totp_step) return fail("wrong or reused TOTP code");
    totp_step = step;
  }

  LT_ASSIGN_OR_RETURN(outcome, StartSession(db, request, user, totp_step, now, settings));
  LT_RETURN_IF_ERROR(tx->Commit());
  return outcome;
}

Result<ResumedSession> ResumeSession(Database& db, const std::string& token,
                             const SecuritySettings& settings) {
  if (token.size() != 64) return Status(StatusCode::kUnauthenticated, "not signed in");
  SessionStore sessions(db);
  std::string token_sha256 = Sha256Hex(token);
  LT_ASSIGN_OR_RETURN(auto session, sessions.Find(token_sha256));
  if (!session) return Status(StatusCode::kUnauthenticated, "not signed in");
  int64_t now = NowUnixSeconds();
  int64_t created = ParseIsoUtc(session->created_at).value_or(0);
  int64_t last_seen = ParseIsoUtc(session->last_seen_at).value_or(0);
  if (session->revoked || session->user_disabled) {
    return Status(StatusCode::kUnauthenticated, "session ended; sign in again");
  }
  if (now - last_seen > session->idle_seconds ||
      now - created > settings.absolute_hours * 3600) {
    return Status(StatusCode::kUnauthenticated, "session expired; sign in again");
  }
  if (now - last_seen >= 30) LT_RETURN_IF_ERROR(sessions.Touch(token_sha256, IsoUtc(now)));
  return ResumedSession{.caller = std::move(session->caller),
                        .must_change_password = session->must_change_password};
}

Status Logout(Database& db, const std::string& token, const std::string& actor) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  std::string now = NowIsoUtc();
  LT_RETURN_IF_ERROR(SessionStore(db).Revoke(Sha256Hex(token), now));
  LT_RETURN_IF_ERROR(AppendAudit(
      db, {.at = now, .actor = actor, .action = "logout", .entity = "session", .entity_id = ""}));
  return tx->Commit();
}

}  // namespace lienthong
