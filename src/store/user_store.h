// UserStore: accounts and their password history. Writers must hold a transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/user.h"
#include "store/database.h"

namespace lienthong {

// A user with the unit it belongs to, as lists and profiles show it.
struct UserAccount {
  User user;
  std::string unit_code;
  std::string unit_name;
  std::string unit_kind;
  std::string unit_path;
  // A temporary password (an administrator set it): to be changed at the next sign-in.
  bool must_change_password = false;
};

class UserStore {
 public:
  explicit UserStore(Database& db) : db_(db) {}

  // Inserts the user (its id is returned) and records the hash in the password history.
  Result<int64_t> Insert(const User& user, bool must_change_password = false);
  Result<std::optional<User>> FindByUsername(const std::string& username);
  Result<std::optional<UserAccount>> FindAccount(const std::string& username);
  Result<std::optional<UserAccount>> FindAccountById(int64_t user_id);
  // Users of the units in a subtree (by path prefix), ordered by username.
  Result<std::vector<UserAccount>> ListInSubtree(const std::string& unit_path);
  // Newest first, at most `limit`.
  Result<std::vector<std::string>> RecentPasswordHashes(int64_t user_id, size_t limit);

  Status UpdateAccess(int64_t user_id, Role role, int64_t unit_id);
  Status SetDisabled(int64_t user_id, bool disabled);
  // Replaces the password (recording it in the history) and clears any lock.
  Status SetPassword(int64_t user_id, const std::string& hash, bool must_change);
  // Stores a TOTP secret and forgets the last step used.
  Status SetTotpSecret(int64_t user_id, const std::string& secret_base32);

 private:
  Database& db_;
};

}  // namespace lienthong
