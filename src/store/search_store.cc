#include "store/search_store.h"

#include "core/unit_path.h"

namespace lienthong {

SearchStore::SearchStore(Database& db) : db_(db), postgres_(db.Backend() == "postgresql") {}

std::string SearchStore::MatchExpression(const SearchQuery& query) const {
  std::string expr;
  for (const auto& w : query.words) {
    if (!expr.empty()) expr += postgres_ ? (query.all ? " & " : " | ") : (query.all ? " " : " OR ");
    expr += postgres_ ? "'" + w + "'" : "\"" + w + "\"";
  }
  return expr;
}

// The WHERE condition on `table`'s index; the match expression is bound once (SQLite) or twice
// (PostgreSQL, again for the ORDER BY of its relevance).
std::string SearchStore::IndexCondition(const std::string& table, const std::string& alias) const {
  if (postgres_) {
    return "to_tsvector('simple', regexp_replace(" + alias +
           ".search_key, '[[:punct:]]', ' ', 'g')) @@ to_tsquery('simple', ?)";
  }
  return table + "_fts MATCH ?";
}

// SQLite drives the query from the FTS index in rowid order, newest first, so a common word
// stops after `limit` rows in scope instead of materialising every match (1M rows: 95 → 9 ms).
std::string SearchStore::From(const std::string& table, const std::string& alias) const {
  if (postgres_) return table + " " + alias;
  return table + "_fts JOIN " + table + " " + alias + " ON " + alias + ".id = " + table +
         "_fts.rowid";
}

std::string SearchStore::Order(const std::string& table, const std::string& alias) const {
  if (postgres_) {
    return " ORDER BY ts_rank(to_tsvector('simple', regexp_replace(" + alias +
           ".search_key, '[[:punct:]]', ' ', 'g')), to_tsquery('simple', ?)) DESC, " + alias +
           ".id DESC LIMIT ?";
  }
  return " ORDER BY " + table + "_fts.rowid DESC LIMIT ?";  // the index's own order
}

SqlParams SearchStore::Params(const SearchQuery& query, const SqlParams& scope) const {
  std::string match = MatchExpression(query);
  SqlParams p = {match};
  p.insert(p.end(), scope.begin(), scope.end());
  if (postgres_) p.push_back(match);
  p.push_back(query.limit);
  return p;
}

SqlParams SearchStore::PlanScope(const SearchScope& scope) const {
  return {scope.path, UnitPath(scope.path).RangeEnd(),
          static_cast<int64_t>(scope.include_unowned_plans ? 1 : 0)};
}

Result<std::vector<PlanSearchRow>> SearchStore::Plans(const SearchQuery& query) {
  std::string sql =
      "SELECT p.id, p.number, p.title, p.doc_type, p.issuer, p.date, p.search_key, u.code "
      "FROM " + From("plans", "p") + " LEFT JOIN units u ON u.id = p.unit_id WHERE " +
      IndexCondition("plans", "p") +
      " AND ((u.path >= ? AND u.path < ?) OR (p.unit_id IS NULL AND ? = 1))" + Order("plans", "p");
  std::vector<PlanSearchRow> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(sql, Params(query, PlanScope(query.scope)), [&](const SqlRow& r) {
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6),
                   r.Text(7)});
    return true;
  }));
  return out;
}

Result<std::vector<TaskSearchRow>> SearchStore::Tasks(const SearchQuery& query) {
  std::string sql =
      "SELECT t.id, t.text, t.group_name, t.search_key, t.plan_id, p.number, p.title, u.code "
      "FROM " + From("tasks", "t") +
      " JOIN plans p ON p.id = t.plan_id LEFT JOIN units u ON u.id = p.unit_id "
      "WHERE " + IndexCondition("tasks", "t") + " AND t.archived_at IS NULL" +
      " AND ((u.path >= ? AND u.path < ?) OR (p.unit_id IS NULL AND ? = 1))" + Order("tasks", "t");
  std::vector<TaskSearchRow> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(sql, Params(query, PlanScope(query.scope)), [&](const SqlRow& r) {
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5), r.Text(6),
                   r.Text(7)});
    return true;
  }));
  return out;
}

Result<std::vector<ActivitySearchRow>> SearchStore::Activities(const SearchQuery& query) {
  std::string sql =
      "SELECT a.id, a.title, a.theme, a.date, a.channel, a.search_key, a.plan_id, u.code "
      "FROM " + From("activities", "a") + " JOIN units u ON u.id = a.unit_id WHERE " +
      IndexCondition("activities", "a") + " AND u.path >= ? AND u.path < ?" +
      Order("activities", "a");
  SqlParams scope = {query.scope.path, UnitPath(query.scope.path).RangeEnd()};
  std::vector<ActivitySearchRow> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(sql, Params(query, scope), [&](const SqlRow& r) {
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.OptInt(6),
                   r.Text(7)});
    return true;
  }));
  return out;
}

}  // namespace lienthong
