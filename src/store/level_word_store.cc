#include "store/level_word_store.h"

#include <nlohmann/json.hpp>

namespace lienthong {
namespace {

constexpr std::string_view kSelect =
    "SELECT from_level, to_level, position, from_text, to_text FROM level_words ";

Result<std::vector<LevelWord>> Read(Database& db, const std::string& sql, const SqlParams& params) {
  std::vector<LevelWord> out;
  LT_RETURN_IF_ERROR(db.QueryEach(sql, params, [&](const SqlRow& r) {
    out.push_back({r.Text(0), r.Text(1), static_cast<int>(r.Int(2)), r.Text(3), r.Text(4)});
    return true;
  }));
  return out;
}

}  // namespace

Result<std::vector<LevelWord>> LevelWordStore::List(const std::optional<std::string>& level) {
  if (!level) return Read(db_, std::string(kSelect) + "ORDER BY from_level, to_level, position", {});
  return Read(db_,
              std::string(kSelect) +
                  "WHERE from_level = ? OR to_level = ? ORDER BY from_level, to_level, position",
              {*level, *level});
}

Result<std::vector<LevelWord>> LevelWordStore::For(std::string_view from_level,
                                                   std::string_view to_level) {
  return Read(db_, std::string(kSelect) + "WHERE from_level = ? AND to_level = ? ORDER BY position",
              {std::string(from_level), std::string(to_level)});
}

Status LevelWordStore::Replace(const std::string& from_level, const std::string& to_level,
                               const std::vector<LevelWord>& words) {
  LT_RETURN_IF_ERROR(db_.Execute("DELETE FROM level_words WHERE from_level = ? AND to_level = ?",
                                 {from_level, to_level}));
  for (const LevelWord& w : words) {
    LT_RETURN_IF_ERROR(db_.Execute(
        "INSERT INTO level_words (from_level, to_level, position, from_text, to_text) "
        "VALUES (?, ?, ?, ?, ?)",
        {w.from_level, w.to_level, static_cast<int64_t>(w.position), w.from_text, w.to_text}));
  }
  return Status::Ok();
}

std::string LevelWordsAuditJson(const std::vector<LevelWord>& words) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& w : words) out.push_back({{"from_text", w.from_text}, {"to_text", w.to_text}});
  return out.dump();
}

}  // namespace lienthong
