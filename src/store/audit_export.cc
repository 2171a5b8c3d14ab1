#include "store/audit_export.h"

#include <nlohmann/json.hpp>

namespace lienthong {

Result<int64_t> ExportAuditJsonLines(Database& db, const std::optional<std::string>& since,
                                     const std::optional<std::string>& until, std::ostream& out) {
  std::string sql =
      "SELECT id, at, actor, action, entity, entity_id, before_json, after_json FROM audit_log "
      "WHERE 1 = 1";
  SqlParams params;
  if (since) {
    sql += " AND at >= ?";
    params.emplace_back(*since);
  }
  if (until) {
    sql += " AND at < ?";
    params.emplace_back(*until);
  }
  sql += " ORDER BY id";
  int64_t count = 0;
  // before/after are stored as JSON text; embed them as JSON, not as strings.
  auto embed = [](const SqlRow& row, size_t i) -> nlohmann::ordered_json {
    if (row.IsNull(i)) return nullptr;
    auto parsed =
        nlohmann::ordered_json::parse(row.Text(i), nullptr, /*allow_exceptions=*/false);
    return parsed.is_discarded() ? nlohmann::ordered_json(row.Text(i)) : parsed;
  };
  LT_RETURN_IF_ERROR(db.QueryEach(sql, params, [&](const SqlRow& row) {
    nlohmann::ordered_json line = {{"id", row.Int(0)},         {"at", row.Text(1)},
                           {"actor", row.Text(2)},     {"action", row.Text(3)},
                           {"entity", row.Text(4)},    {"entity_id", row.Text(5)},
                           {"before", embed(row, 6)},  {"after", embed(row, 7)}};
    out << line.dump() << "\n";
    ++count;
    return true;
  }));
  if (!out) return Status::IoError("audit export: writing the output failed");
  return count;
}

}  // namespace lienthong
