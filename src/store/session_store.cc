#include "store/session_store.h"

namespace lienthong {

Result<std::optional<LoginAccount>> SessionStore::FindLoginAccount(const std::string& username) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT u.id, u.password_hash, u.totp_secret, u.disabled, u.totp_last_step, "
                "u.role, u.must_change_password, u.unit_id, n.code, n.path "
                "FROM users u JOIN units n ON n.id = u.unit_id WHERE u.username = ?",
                {username}));
  if (rows.empty()) return std::optional<LoginAccount>();
  const SqlRow& r = rows[0];
  LoginAccount a;
  a.user_id = r.Int(0);
  a.password_hash = r.Text(1);
  a.totp_secret = r.OptText(2);
  a.disabled = r.Int(3) != 0;
  a.totp_last_step = r.Int(4);
  a.role = ParseRole(r.Text(5)).value_or(Role::kViewer);
  a.must_change_password = r.Int(6) != 0;
  a.unit_id = r.Int(7);
  a.unit_code = r.Text(8);
  a.unit_path = r.Text(9);
  return std::optional<LoginAccount>(std::move(a));
}

Result<FailureCount> SessionStore::CountFailures(const std::string& key,
                                                 const std::string& since) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db_.Query("SELECT COUNT(*), MIN(at) FROM login_failures WHERE key = ? "
                                "AND at >= ?",
                                {key, since}));
  FailureCount count;
  if (!rows.empty()) {
    count.count = rows[0].Int(0);
    count.oldest = rows[0].OptText(1);
  }
  return count;
}

Status SessionStore::RecordFailures(const std::vector<std::string>& keys, const std::string& at) {
  if (keys.empty()) return Status::Ok();
  std::string sql = "INSERT INTO login_failures (key, at) VALUES ";
  SqlParams params;
  for (const std::string& key : keys) {
    sql += params.empty() ? "(?, ?)" : ", (?, ?)";
    params.push_back(key);
    params.push_back(at);
  }
  return db_.Execute(sql, params);
}

Status SessionStore::ClearFailures(const std::string& key) {
  return db_.Execute("DELETE FROM login_failures WHERE key = ?", {key});
}

Status SessionStore::SetFailedLogins(int64_t user_id, int64_t failed,
                                     const std::optional<std::string>& locked_until) {
  SqlParams params = {failed, SqlValue(), user_id};
  if (locked_until) params[1] = *locked_until;
  return db_.Execute("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?", params);
}

Status SessionStore::MarkSignedIn(int64_t user_id, int64_t totp_step) {
  return db_.Execute(
      "UPDATE users SET failed_logins = 0, locked_until = NULL, totp_last_step = ? WHERE id = ?",
      {totp_step, user_id});
}

Status SessionStore::Insert(const NewSession& s) {
  return db_.Execute(
      "INSERT INTO sessions (token_sha256, user_id, csrf_token, created_at, last_seen_at, "
      "idle_seconds, address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {s.token_sha256, s.user_id, s.csrf_token, s.now, s.now, s.idle_seconds, s.address,
       s.user_agent});
}

Result<std::optional<StoredSession>> SessionStore::Find(const std::string& token_sha256) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.idle_seconds, "
                "s.revoked_at, u.username, u.role, u.unit_id, u.disabled, n.code, n.path, "
                "u.must_change_password FROM sessions s JOIN users u ON u.id = s.user_id "
                "JOIN units n ON n.id = u.unit_id WHERE s.token_sha256 = ?",
                {token_sha256}));
  if (rows.empty()) return std::optional<StoredSession>();
  const SqlRow& r = rows[0];
  StoredSession s;
  s.caller.user_id = r.Int(0);
  s.caller.csrf_token = r.Text(1);
  s.created_at = r.Text(2);
  s.last_seen_at = r.Text(3);
  s.idle_seconds = r.Int(4);
  s.revoked = !r.IsNull(5);
  s.caller.username = r.Text(6);
  s.caller.role = ParseRole(r.Text(7)).value_or(Role::kViewer);
  s.caller.unit_id = r.Int(8);
  s.user_disabled = r.Int(9) != 0;
  s.caller.unit_code = r.Text(10);
  s.caller.unit_path = r.Text(11);
  s.must_change_password = r.Int(12) != 0;
  return std::optional<StoredSession>(std::move(s));
}

Status SessionStore::Touch(const std::string& token_sha256, const std::string& now) {
  return db_.Execute("UPDATE sessions SET last_seen_at = ? WHERE token_sha256 = ?",
                     {now, token_sha256});
}

Status SessionStore::Revoke(const std::string& token_sha256, const std::string& now) {
  return db_.Execute(
      "UPDATE sessions SET revoked_at = ? WHERE token_sha256 = ? AND revoked_at IS NULL",
      {now, token_sha256});
}

}  // namespace lienthong
