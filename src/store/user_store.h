// UserStore: accounts and their password history. Writers must hold a transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/user.h"
#include "store/database.h"

namespace lienthong {

class UserStore {
 public:
  explicit UserStore(Database& db) : db_(db) {}

  // Inserts the user (its id is returned) and records the hash in the password history.
  Result<int64_t> Insert(const User& user);
  Result<std::optional<User>> FindByUsername(const std::string& username);
  // Users of the units in a subtree (by path prefix), ordered by username.
  Result<std::vector<User>> ListInSubtree(const std::string& unit_path);
  // Newest first, at most `limit`.
  Result<std::vector<std::string>> RecentPasswordHashes(int64_t user_id, size_t limit);

 private:
  Database& db_;
};

}  // namespace lienthong
