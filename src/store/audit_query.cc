#include "store/audit_query.h"

#include "core/unit_path.h"

namespace lienthong {

Status ForEachAuditEntry(Database& db, const AuditFilter& filter,
                         const std::function<bool(const AuditEntry&)>& visit) {
  std::string sql =
      "SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.before_json, a.after_json "
      "FROM audit_log a WHERE 1 = 1";
  SqlParams params;
  if (!filter.actors_of_subtree.empty()) {
    sql += " AND a.actor IN (SELECT 'web:' || u.username FROM users u JOIN units n "
           "ON n.id = u.unit_id WHERE n.path >= ? AND n.path < ?)";
    params.push_back(filter.actors_of_subtree);
    params.push_back(UnitPath(filter.actors_of_subtree).RangeEnd());
  }
  auto add = [&](const std::string& value, const char* condition) {
    if (value.empty()) return;
    sql += condition;
    params.push_back(value);
  };
  add(filter.since, " AND a.at >= ?");
  add(filter.until, " AND a.at < ?");
  add(filter.entity, " AND a.entity = ?");
  add(filter.action, " AND a.action = ?");
  add(filter.actor, " AND a.actor = ?");
  sql += " ORDER BY a.id DESC LIMIT ?";
  params.push_back(filter.limit);
  return db.QueryEach(sql, params, [&](const SqlRow& r) {
    AuditEntry entry{.id = r.Int(0), .at = r.Text(1), .actor = r.Text(2), .action = r.Text(3),
                     .entity = r.Text(4), .entity_id = r.Text(5), .before_json = r.OptText(6),
                     .after_json = r.OptText(7)};
    return visit(entry);
  });
}

}  // namespace lienthong
