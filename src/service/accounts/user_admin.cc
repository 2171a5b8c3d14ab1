#include "service/accounts/user_admin.h"

#include "auth/totp.h"
#include "util/base32.h"

#include <nlohmann/json.hpp>

#include "store/audit_log.h"
#include "store/unit_store.h"
#include "store/user_store.h"
#include "util/iso_time.h"

namespace lienthong {

bool NormalizeUsername(std::string& username) {
  if (username.size() < 3 || username.size() > 64) return false;
  for (char& c : username) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<int64_t> AddUser(Database& db, const NewUserRequest& request, const PasswordPolicy& policy,
                        PasswordCost cost) {
  std::string username = request.username;
  if (!NormalizeUsername(username)) {
    return Status::InvalidArgument("user name '" + request.username +
                                   "': use 3–64 of a–z, 0–9, '.', '_' and '-'");
  }
  LT_RETURN_IF_ERROR(CheckPassword(request.password, username, {}, policy));
  // Hash before the transaction: Argon2id takes ~0.1 s and must not hold the write lock.
  LT_ASSIGN_OR_RETURN(std::string hash, HashPassword(request.password, cost));

  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(Unit unit, UnitStore(db).GetByCode(request.unit_code));
  UserStore users(db);
  LT_ASSIGN_OR_RETURN(auto existing, users.FindByUsername(username));
  if (existing) return Status::AlreadyExists("user name '" + username + "' is taken");
  User user;
  user.username = username;
  user.display_name = request.display_name;
  user.unit_id = unit.id;
  user.role = request.role;
  user.password_hash = std::move(hash);
  LT_ASSIGN_OR_RETURN(int64_t id, users.Insert(user));
  nlohmann::json after = {{"username", username},
                          {"display_name", request.display_name},
                          {"unit_code", unit.code},
                          {"role", RoleName(request.role)}};
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = request.actor,
                                                .action = "create",
                                                .entity = "user",
                                                .entity_id = username,
                                                .after_json = after.dump()}));
  LT_RETURN_IF_ERROR(tx->Commit());
  return id;
}

Result<std::string> EnrolTotp(Database& db, const std::string& username,
                              const std::string& secret_base32, const std::string& actor) {
  std::string secret = secret_base32.empty() ? Base32Encode(NewTotpSecret()) : secret_base32;
  auto raw = Base32Decode(secret);
  if (!raw || raw->size() < 16) {
    return Status::InvalidArgument("TOTP secret must be base32 of at least 16 bytes");
  }
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT id FROM users WHERE username = ?", {username}));
  if (rows.empty()) return Status::NotFound("unknown user '" + username + "'");
  LT_RETURN_IF_ERROR(db.Execute(
      "UPDATE users SET totp_secret = ?, totp_last_step = 0, updated_at = ? WHERE id = ?",
      {secret, NowIsoUtc(), rows[0].Int(0)}));
  LT_RETURN_IF_ERROR(AppendAudit(db, {.actor = actor,
                                      .action = "enrol_totp",
                                      .entity = "user",
                                      .entity_id = std::to_string(rows[0].Int(0))}));
  LT_RETURN_IF_ERROR(tx->Commit());
  return secret;
}

}  // namespace lienthong
