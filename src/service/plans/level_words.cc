#include "service/plans/level_words.h"

#include <set>

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

}  // namespace

bool IsLevelName(std::string_view level) {
  return level == "country" || level == "province" || level == "commune";
}

Result<std::vector<LevelWord>> ListLevelWords(Database& db,
                                              const std::optional<std::string>& level) {
  if (level && !IsLevelName(*level)) {
    return Status::InvalidArgument("kind: unknown level '" + *level +
                                   "' (country, province, commune)");
  }
  return LevelWordStore(db).List(level);
}

Result<std::vector<LevelWord>> LevelWordsFor(Database& db, std::string_view from_level,
                                             std::string_view to_level) {
  return LevelWordStore(db).For(from_level, to_level);
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
  LevelWordStore store(db);
  LT_ASSIGN_OR_RETURN(auto before, store.For(from_level, to_level));
  LT_RETURN_IF_ERROR(store.Replace(from_level, to_level, clean));
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = actor,
                                                .action = "update",
                                                .entity = "level_words",
                                                .entity_id = from_level + "→" + to_level,
                                                .before_json = LevelWordsAuditJson(before),
                                                .after_json = LevelWordsAuditJson(clean)}));
  return tx->Commit();
}

}  // namespace lienthong
