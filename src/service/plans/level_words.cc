#include "service/plans/level_words.h"

#include <set>

#include <nlohmann/json.hpp>

#include "store/audit_log.h"
#include "text/keys.h"
#include "text/normalize.h"
#include "util/problem_list.h"

namespace lienthong {
namespace {

std::string Trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

LevelWord FromRow(const SqlRow& r) {
  return LevelWord{r.Text(0), r.Text(1), static_cast<int>(r.Int(2)), r.Text(3), r.Text(4)};
}

nlohmann::json ToJson(const std::vector<LevelWord>& words) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& w : words) out.push_back({{"from_text", w.from_text}, {"to_text", w.to_text}});
  return out;
}

}  // namespace

bool IsLevelName(std::string_view level) {
  return level == "country" || level == "province" || level == "commune";
}

Result<std::vector<LevelWord>> ListLevelWords(Database& db,
                                              const std::optional<std::string>& level) {
  constexpr std::string_view kSelect =
      "SELECT from_level, to_level, position, from_text, to_text FROM level_words ";
  std::vector<SqlRow> rows;
  if (level) {
    if (!IsLevelName(*level)) {
      return Status::InvalidArgument("kind: unknown level '" + *level +
                                     "' (country, province, commune)");
    }
    LT_ASSIGN_OR_RETURN(rows, db.Query(std::string(kSelect) +
                                           "WHERE from_level = ? OR to_level = ? "
                                           "ORDER BY from_level, to_level, position",
                                       {*level, *level}));
  } else {
    LT_ASSIGN_OR_RETURN(rows, db.Query(std::string(kSelect) +
                                       "ORDER BY from_level, to_level, position"));
  }
  std::vector<LevelWord> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<std::vector<LevelWord>> LevelWordsFor(Database& db, std::string_view from_level,
                                             std::string_view to_level) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db.Query("SELECT from_level, to_level, position, from_text, to_text "
                               "FROM level_words WHERE from_level = ? AND to_level = ? "
                               "ORDER BY position",
                               {std::string(from_level), std::string(to_level)}));
  std::vector<LevelWord> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

Status ReplaceLevelWords(Database& db, const std::string& from_level, const std::string& to_level,
                         const std::vector<LevelWordEdit>& entries, const std::string& actor) {
  ProblemList problems;
  if (!IsLevelName(from_level)) problems.Add("from_level", "unknown level '" + from_level + "'");
  if (!IsLevelName(to_level)) problems.Add("to_level", "unknown level '" + to_level + "'");
  if (from_level == to_level) problems.Add("to_level", "must differ from from_level");
  std::vector<LevelWord> clean;
  std::set<std::string> seen;
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string where = "entries[" + std::to_string(i) + "]";
    LevelWord w{from_level, to_level, static_cast<int>(i), Trimmed(ToNfc(entries[i].from_text)),
                Trimmed(ToNfc(entries[i].to_text))};
    if (w.from_text.empty()) problems.Add(where + ".from_text", "must not be empty");
    if (!w.from_text.empty() && !seen.insert(MatchKey(w.from_text)).second) {
      problems.Add(where + ".from_text", "'" + w.from_text + "' is listed twice");
    }
    clean.push_back(std::move(w));
  }
  if (!problems.empty()) return problems.ToStatus("level words were not changed");

  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(auto before, LevelWordsFor(db, from_level, to_level));
  LT_RETURN_IF_ERROR(db.Execute("DELETE FROM level_words WHERE from_level = ? AND to_level = ?",
                                {from_level, to_level}));
  for (const auto& w : clean) {
    LT_RETURN_IF_ERROR(db.Execute(
        "INSERT INTO level_words (from_level, to_level, position, from_text, to_text) "
        "VALUES (?, ?, ?, ?, ?)",
        {w.from_level, w.to_level, static_cast<int64_t>(w.position), w.from_text, w.to_text}));
  }
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = actor,
                                                .action = "update",
                                                .entity = "level_words",
                                                .entity_id = from_level + "→" + to_level,
                                                .before_json = ToJson(before).dump(),
                                                .after_json = ToJson(clean).dump()}));
  return tx->Commit();
}

}  // namespace lienthong
