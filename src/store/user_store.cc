#include "store/user_store.h"

#include "core/unit_path.h"
#include "store/sql_text.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

constexpr const char* kAccountColumns =
    "SELECT u.id, u.username, u.display_name, u.unit_id, u.role, u.password_hash, "
    "u.totp_secret, u.disabled, u.failed_logins, u.locked_until, u.must_change_password, "
    "n.code, n.name, n.kind, n.path FROM users u JOIN units n ON n.id = u.unit_id ";

UserAccount AccountFromRow(const SqlRow& r) {
  UserAccount a;
  User& u = a.user;
  u.id = r.Int(0);
  u.username = r.Text(1);
  u.display_name = r.Text(2);
  u.unit_id = r.Int(3);
  u.role = ParseRole(r.Text(4)).value_or(Role::kViewer);
  u.password_hash = r.Text(5);
  u.totp_secret = r.OptText(6);
  u.disabled = r.Int(7) != 0;
  u.failed_logins = static_cast<int>(r.Int(8));
  u.locked_until = r.OptText(9);
  a.must_change_password = r.Int(10) != 0;
  a.unit_code = r.Text(11);
  a.unit_name = r.Text(12);
  a.unit_kind = r.Text(13);
  a.unit_path = r.Text(14);
  return a;
}

}  // namespace

Result<int64_t> UserStore::Insert(const User& user, bool must_change_password) {
  std::string now = NowIsoUtc();
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO users (username, display_name, unit_id, role, password_hash, "
                "password_changed_at, totp_secret, disabled, must_change_password, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {user.username, user.display_name, user.unit_id, std::string(RoleName(user.role)),
                 user.password_hash, now, NullableText(user.totp_secret),
                 int64_t{user.disabled ? 1 : 0}, int64_t{must_change_password ? 1 : 0}, now,
                 now}));
  int64_t id = rows.at(0).Int(0);
  LT_RETURN_IF_ERROR(db_.Execute(
      "INSERT INTO password_history (user_id, password_hash, set_at) VALUES (?, ?, ?)",
      {id, user.password_hash, now}));
  return id;
}

Result<std::optional<User>> UserStore::FindByUsername(const std::string& username) {
  LT_ASSIGN_OR_RETURN(auto account, FindAccount(username));
  if (!account) return std::optional<User>();
  return std::optional<User>(std::move(account->user));
}

Result<std::optional<UserAccount>> UserStore::FindAccount(const std::string& username) {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query(std::string(kAccountColumns) + "WHERE u.username = ?",
                                           {username}));
  if (rows.empty()) return std::optional<UserAccount>();
  return std::optional<UserAccount>(AccountFromRow(rows[0]));
}

Result<std::optional<UserAccount>> UserStore::FindAccountById(int64_t user_id) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db_.Query(std::string(kAccountColumns) + "WHERE u.id = ?", {user_id}));
  if (rows.empty()) return std::optional<UserAccount>();
  return std::optional<UserAccount>(AccountFromRow(rows[0]));
}

Result<std::vector<UserAccount>> UserStore::ListInSubtree(const std::string& unit_path) {
  LT_ASSIGN_OR_RETURN(
      auto rows, db_.Query(std::string(kAccountColumns) +
                               "WHERE n.path >= ? AND n.path < ? ORDER BY u.username",
                           {unit_path, UnitPath(unit_path).RangeEnd()}));
  std::vector<UserAccount> users;
  for (const auto& r : rows) users.push_back(AccountFromRow(r));
  return users;
}

Result<std::vector<std::string>> UserStore::RecentPasswordHashes(int64_t user_id, size_t limit) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db_.Query("SELECT password_hash FROM password_history WHERE user_id = ? "
                                "ORDER BY set_at DESC LIMIT ?",
                                {user_id, static_cast<int64_t>(limit)}));
  std::vector<std::string> hashes;
  for (const auto& r : rows) hashes.push_back(r.Text(0));
  return hashes;
}

Status UserStore::UpdateAccess(int64_t user_id, Role role, int64_t unit_id) {
  return db_.Execute("UPDATE users SET role = ?, unit_id = ?, updated_at = ? WHERE id = ?",
                     {std::string(RoleName(role)), unit_id, NowIsoUtc(), user_id});
}

Status UserStore::SetDisabled(int64_t user_id, bool disabled) {
  return db_.Execute("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?",
                     {int64_t{disabled ? 1 : 0}, NowIsoUtc(), user_id});
}

Status UserStore::SetPassword(int64_t user_id, const std::string& hash, bool must_change) {
  std::string now = NowIsoUtc();
  LT_RETURN_IF_ERROR(db_.Execute(
      "UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = ?, "
      "failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?",
      {hash, now, int64_t{must_change ? 1 : 0}, now, user_id}));
  return db_.Execute(
      "INSERT INTO password_history (user_id, password_hash, set_at) VALUES (?, ?, ?)",
      {user_id, hash, now});
}

Status UserStore::SetTotpSecret(int64_t user_id, const std::string& secret_base32) {
  return db_.Execute(
      "UPDATE users SET totp_secret = ?, totp_last_step = 0, updated_at = ? WHERE id = ?",
      {secret_base32, NowIsoUtc(), user_id});
}

}  // namespace lienthong
