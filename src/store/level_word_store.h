// LevelWordStore: the level_words table (migration 0008), the phrases a derived plan adapts from
// its parent's level to the deriving unit's (service/plans/level_words.h). Writers must hold a
// transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace lienthong {

struct LevelWord {
  std::string from_level;
  std::string to_level;
  int position = 0;
  std::string from_text;
  std::string to_text;
};

class LevelWordStore {
 public:
  explicit LevelWordStore(Database& db) : db_(db) {}

  // Every entry, ordered by from_level, to_level, position; with `level`, only the lists whose
  // from_level or to_level is it.
  Result<std::vector<LevelWord>> List(const std::optional<std::string>& level);
  // The list of one pair of levels, in position order.
  Result<std::vector<LevelWord>> For(std::string_view from_level, std::string_view to_level);
  // Replaces the list of (from_level, to_level) with `words` (their own levels and positions).
  Status Replace(const std::string& from_level, const std::string& to_level,
                 const std::vector<LevelWord>& words);

 private:
  Database& db_;
};

// The audit payload of a list: [{"from_text", "to_text"}…].
std::string LevelWordsAuditJson(const std::vector<LevelWord>& words);

}  // namespace lienthong
