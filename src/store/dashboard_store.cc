#include "store/dashboard_store.h"

#include "core/unit_path.h"

namespace lienthong {

Status DashboardStore::Cells(int64_t unit_id, const BucketRange& range,
                             const std::function<void(const ActivityCell&)>& each) {
  return db_.QueryEach(
      "SELECT bucket, theme, channel, count, reach FROM activity_rollup_cells "
      "WHERE unit_id = ? AND grain = ? AND bucket >= ? AND bucket <= ?",
      {unit_id, std::string(1, range.grain), range.first, range.last}, [&](const SqlRow& row) {
        each(ActivityCell{row.Text(0), row.Text(1), row.Text(2), row.Int(3), row.Int(4)});
        return true;
      });
}

Status DashboardStore::ChildTotals(int64_t unit_id, const BucketRange& range,
                                   const std::function<void(const ChildSums&)>& each) {
  return db_.QueryEach(
      "SELECT t.unit_id, SUM(t.count), SUM(t.reach) FROM units c "
      "JOIN activity_rollup_totals t ON t.unit_id = c.id "
      "WHERE c.parent_id = ? AND t.grain = ? AND t.bucket >= ? AND t.bucket <= ? "
      "GROUP BY t.unit_id",
      {unit_id, std::string(1, range.grain), range.first, range.last}, [&](const SqlRow& row) {
        each(ChildSums{row.Int(0), row.Int(1), row.Int(2)});
        return true;
      });
}

Result<int64_t> DashboardStore::Count(int64_t unit_id, const BucketRange& range,
                                      const std::optional<std::string>& theme,
                                      const std::optional<std::string>& channel) {
  std::string sql;
  SqlParams params = {unit_id, std::string(1, range.grain), range.first, range.last};
  if (!theme && !channel) {
    sql = "SELECT SUM(count) FROM activity_rollup_totals "
          "WHERE unit_id = ? AND grain = ? AND bucket >= ? AND bucket <= ?";
  } else {
    sql = "SELECT SUM(count) FROM activity_rollup_cells "
          "WHERE unit_id = ? AND grain = ? AND bucket >= ? AND bucket <= ?";
    if (theme) {
      sql += " AND theme = ?";
      params.push_back(*theme);
    }
    if (channel) {
      sql += " AND channel = ?";
      params.push_back(*channel);
    }
  }
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  if (rows.empty() || rows[0].IsNull(0)) return int64_t{0};
  return rows[0].Int(0);
}

Status DashboardStore::ReferenceCells(const std::string& path, const DateRange& period,
                                      const std::function<void(const ActivityCell&)>& each) {
  return db_.QueryEach(
      "SELECT substr(a.date, 1, 7), a.theme, a.channel, COUNT(*), SUM(a.reach) "
      "FROM activities a JOIN units u ON u.id = a.unit_id "
      "WHERE u.path >= ? AND u.path < ? AND a.date >= ? AND a.date <= ? "
      "GROUP BY substr(a.date, 1, 7), a.theme, a.channel",
      {path, UnitPath(path).RangeEnd(), period.from.ToIso(), period.to.ToIso()},
      [&](const SqlRow& row) {
        each(ActivityCell{row.Text(0), row.Text(1), row.Text(2), row.Int(3), row.Int(4)});
        return true;
      });
}

Status DashboardStore::ReferenceChildTotals(int64_t unit_id, const DateRange& period,
                                            const std::function<void(const ChildSums&)>& each) {
  return db_.QueryEach(
      "SELECT c.id, COUNT(*), SUM(a.reach) FROM units c "
      "JOIN units u ON u.path >= c.path AND u.path < substr(c.path, 1, length(c.path) - 1) || '0' "
      "JOIN activities a ON a.unit_id = u.id "
      "WHERE c.parent_id = ? AND a.date >= ? AND a.date <= ? GROUP BY c.id",
      {unit_id, period.from.ToIso(), period.to.ToIso()}, [&](const SqlRow& row) {
        each(ChildSums{row.Int(0), row.Int(1), row.Int(2)});
        return true;
      });
}

}  // namespace lienthong
