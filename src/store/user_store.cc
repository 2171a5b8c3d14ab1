#include "store/user_store.h"

#include "store/sql_text.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

constexpr const char* kUserColumns =
    "SELECT u.id, u.username, u.display_name, u.unit_id, u.role, u.password_hash, "
    "u.totp_secret, u.disabled, u.failed_logins, u.locked_until FROM users u ";

User UserFromRow(const SqlRow& r) {
  User u;
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
  return u;
}

}  // namespace

Result<int64_t> UserStore::Insert(const User& user) {
  std::string now = NowIsoUtc();
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO users (username, display_name, unit_id, role, password_hash, "
                "password_changed_at, totp_secret, disabled, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {user.username, user.display_name, user.unit_id, std::string(RoleName(user.role)),
                 user.password_hash, now, NullableText(user.totp_secret),
                 int64_t{user.disabled ? 1 : 0}, now, now}));
  int64_t id = rows.at(0).Int(0);
  LT_RETURN_IF_ERROR(db_.Execute(
      "INSERT INTO password_history (user_id, password_hash, set_at) VALUES (?, ?, ?)",
      {id, user.password_hash, now}));
  return id;
}

Result<std::optional<User>> UserStore::FindByUsername(const std::string& username) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db_.Query(std::string(kUserColumns) + "WHERE u.username = ?", {username}));
  if (rows.empty()) return std::optional<User>();
  return std::optional<User>(UserFromRow(rows[0]));
}

Result<std::vector<User>> UserStore::ListInSubtree(const std::string& unit_path) {
  std::string end = unit_path;
  end.back() = '0';  // the byte after '/': see unit_store.h
  LT_ASSIGN_OR_RETURN(
      auto rows, db_.Query(std::string(kUserColumns) +
                               "JOIN units n ON n.id = u.unit_id "
                               "WHERE n.path >= ? AND n.path < ? ORDER BY u.username",
                           {unit_path, end}));
  std::vector<User> users;
  for (const auto& r : rows) users.push_back(UserFromRow(r));
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

}  // namespace lienthong
