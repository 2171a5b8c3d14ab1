#include "store/activity_store.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/activity_vocabulary.h"
#include "core/unit_path.h"
#include "store/sql_text.h"
#include "text/keys.h"

namespace lienthong {
namespace {

constexpr size_t kCellRowsPerStatement = 400;    // 7 parameters a row
constexpr size_t kActivityRowsPerStatement = 400;  // 12 parameters a row

constexpr std::string_view kActivityColumns =
    "SELECT a.id, a.unit_id, a.plan_id, a.date, a.kind, a.theme, a.channel, a.title, a.link, "
    "a.reach, a.created_by, a.client_key, a.created_at, u.code "
    "FROM activities a JOIN units u ON u.id = a.unit_id ";

StoredActivity ActivityFromRow(const SqlRow& row) {
  StoredActivity s;
  Activity& a = s.activity;
  a.id = row.Int(0);
  a.unit_id = row.Int(1);
  a.plan_id = row.OptInt(2);
  a.date = Date::FromIso(row.Text(3)).value_or(Date{});
  a.kind = ParseActivityKind(row.Text(4)).value_or(ActivityKind::kOther);
  a.theme = row.Text(5);
  a.channel = row.Text(6);
  a.title = row.Text(7);
  a.link = row.Text(8);
  a.reach = row.Int(9);
  a.created_by = row.Text(10);
  s.client_key = row.OptText(11);
  s.created_at = row.Text(12);
  s.unit_code = row.Text(13);
  return s;
}

std::string ActivitySearchKey(const Activity& a) { return SearchKey(a.title + " " + a.theme); }

// The codes on a path: "/VN/66/66001/" → {"VN", "66", "66001"}.
std::vector<std::string> PathCodes(std::string_view path) {
  std::vector<std::string> codes;
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) codes.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return codes;
}

}  // namespace

std::string MonthBucket(const Date& date) { return date.ToIso().substr(0, 7); }

void RollupDelta::Add(const std::vector<int64_t>& unit_ids, const Date& date,
                      const std::string& theme, const std::string& channel, int64_t reach,
                      int64_t count) {
  std::string day = date.ToIso();
  std::string month = day.substr(0, 7);
  for (int64_t unit : unit_ids) {
    for (auto [grain, bucket] : {std::pair<char, const std::string*>{'m', &month}, {'d', &day}}) {
      Sums& cell = cells_[{unit, grain, *bucket, theme, channel}];
      cell.count += count;
      cell.reach += reach * count;
      Sums& total = totals_[{unit, grain, *bucket}];
      total.count += count;
      total.reach += reach * count;
    }
  }
}

Status RollupDelta::Write(Database& db) const {
  bool removed_any = false;
  std::set<int64_t> units;
  SqlParams cells;
  for (const auto& [key, sums] : cells_) {
    if (sums.count == 0 && sums.reach == 0) continue;
    const auto& [unit, grain, bucket, theme, channel] = key;
    cells.insert(cells.end(), {unit, std::string(1, grain), bucket, theme, channel, sums.count,
                               sums.reach});
    removed_any |= sums.count < 0;
    units.insert(unit);
  }
  LT_RETURN_IF_ERROR(ExecuteRows(
      db,
      "INSERT INTO activity_rollup_cells (unit_id, grain, bucket, theme, channel, count, reach) "
      "VALUES ",
      " ON CONFLICT (unit_id, grain, bucket, theme, channel) DO UPDATE SET "
      "count = activity_rollup_cells.count + excluded.count, "
      "reach = activity_rollup_cells.reach + excluded.reach",
      7, cells, kCellRowsPerStatement));
  SqlParams totals;
  for (const auto& [key, sums] : totals_) {
    if (sums.count == 0 && sums.reach == 0) continue;
    const auto& [unit, grain, bucket] = key;
    totals.insert(totals.end(), {unit, std::string(1, grain), bucket, sums.count, sums.reach});
  }
  LT_RETURN_IF_ERROR(ExecuteRows(
      db, "INSERT INTO activity_rollup_totals (unit_id, grain, bucket, count, reach) VALUES ",
      " ON CONFLICT (unit_id, grain, bucket) DO UPDATE SET "
      "count = activity_rollup_totals.count + excluded.count, "
      "reach = activity_rollup_totals.reach + excluded.reach",
      5, totals, kCellRowsPerStatement));
  if (removed_any) {
    // Rows that reached zero would otherwise linger as empty keys in the dashboard's input.
    for (int64_t unit : units) {
      LT_RETURN_IF_ERROR(db.Execute(
          "DELETE FROM activity_rollup_cells WHERE unit_id = ? AND count = 0", {unit}));
      LT_RETURN_IF_ERROR(db.Execute(
          "DELETE FROM activity_rollup_totals WHERE unit_id = ? AND count = 0", {unit}));
    }
  }
  return Status::Ok();
}

Result<std::vector<int64_t>> ActivityStore::AncestorIds(std::string_view path) {
  std::vector<std::string> codes = PathCodes(path);
  if (codes.empty()) return Status::InvalidArgument("empty unit path");
  SqlParams params(codes.begin(), codes.end());
  std::unordered_map<std::string, int64_t> ids;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT id, code FROM units WHERE code IN (" + PlaceholderList(codes.size()) + ")", params,
      [&](const SqlRow& row) {
        ids.emplace(row.Text(1), row.Int(0));
        return true;
      }));
  std::vector<int64_t> out;
  out.reserve(codes.size());
  for (const std::string& code : codes) {
    auto it = ids.find(code);
    if (it == ids.end()) return Status::NotFound("unknown unit code '" + code + "' on path");
    out.push_back(it->second);
  }
  return out;
}

Result<int64_t> ActivityStore::Insert(const Activity& a,
                                      const std::optional<std::string>& client_key,
                                      const std::string& created_at) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO activities (unit_id, plan_id, date, kind, theme, channel, title, "
                "link, reach, search_key, client_key, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {a.unit_id, NullableInt(a.plan_id), a.date.ToIso(),
                 std::string(ActivityKindName(a.kind)), a.theme, a.channel, a.title, a.link,
                 a.reach, ActivitySearchKey(a), NullableText(client_key), a.created_by,
                 created_at}));
  return rows.at(0).Int(0);
}

Status ActivityStore::InsertMany(const std::vector<Activity>& activities,
                                 const std::string& created_at) {
  for (size_t start = 0; start < activities.size(); start += kActivityRowsPerStatement) {
    size_t n = std::min(kActivityRowsPerStatement, activities.size() - start);
    SqlParams params;
    params.reserve(n * 12);
    for (size_t i = start; i < start + n; ++i) {
      const Activity& a = activities[i];
      params.insert(params.end(),
                    {a.unit_id, NullableInt(a.plan_id), a.date.ToIso(),
                     std::string(ActivityKindName(a.kind)), a.theme, a.channel, a.title, a.link,
                     a.reach, ActivitySearchKey(a), a.created_by, created_at});
    }
    LT_RETURN_IF_ERROR(db_.Execute(
        "INSERT INTO activities (unit_id, plan_id, date, kind, theme, channel, title, link, "
        "reach, search_key, created_by, created_at) VALUES " + PlaceholderRows(n, 12),
        params));
  }
  return Status::Ok();
}

Result<std::optional<int64_t>> ActivityStore::FindByClientKey(int64_t unit_id,
                                                              const std::string& client_key) {
  LT_ASSIGN_OR_RETURN(auto rows,
                      db_.Query("SELECT id FROM activities WHERE unit_id = ? AND client_key = ?",
                                {unit_id, client_key}));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows[0].Int(0));
}

Result<std::optional<StoredActivity>> ActivityStore::Get(int64_t id) {
  std::optional<StoredActivity> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(std::string(kActivityColumns) + "WHERE a.id = ?", {id},
                                   [&](const SqlRow& row) {
                                     out = ActivityFromRow(row);
                                     return false;
                                   }));
  return out;
}

Status ActivityStore::Update(const Activity& a) {
  return db_.Execute(
      "UPDATE activities SET plan_id = ?, date = ?, kind = ?, theme = ?, channel = ?, title = ?, "
      "link = ?, reach = ?, search_key = ? WHERE id = ?",
      {NullableInt(a.plan_id), a.date.ToIso(), std::string(ActivityKindName(a.kind)), a.theme,
       a.channel, a.title, a.link, a.reach, ActivitySearchKey(a), a.id});
}

Status ActivityStore::Delete(int64_t id) {
  return db_.Execute("DELETE FROM activities WHERE id = ?", {id});
}

Result<std::vector<StoredActivity>> ActivityStore::List(const ActivityFilter& f) {
  std::string sql(kActivityColumns);
  sql += "WHERE u.path >= ? AND u.path < ?";
  // Dates bound as ISO text; the bounds of an absent side cover every stored date.
  SqlParams params = {f.root_path, UnitPath(f.root_path).RangeEnd(),
                      f.from ? f.from->ToIso() : std::string("0000-01-01"),
                      f.to ? f.to->ToIso() : std::string("9999-12-31")};
  sql += " AND a.date >= ? AND a.date <= ?";
  if (f.theme) {
    sql += " AND a.theme = ?";
    params.push_back(*f.theme);
  }
  if (f.channel) {
    sql += " AND a.channel = ?";
    params.push_back(*f.channel);
  }
  sql += " ORDER BY a.date DESC, a.id DESC LIMIT ? OFFSET ?";
  params.push_back(f.limit);
  params.push_back(f.offset);
  std::vector<StoredActivity> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(sql, params, [&](const SqlRow& row) {
    out.push_back(ActivityFromRow(row));
    return true;
  }));
  return out;
}

Result<std::optional<ActivityPlan>> ActivityStore::FindPlan(int64_t plan_id) {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT u.path FROM plans p LEFT JOIN units u "
                                           "ON u.id = p.unit_id WHERE p.id = ?",
                                           {plan_id}));
  if (rows.empty()) return std::optional<ActivityPlan>();
  return std::optional<ActivityPlan>(ActivityPlan{rows[0].OptText(0)});
}

Result<std::vector<std::string>> ActivityStore::PlanThemes(const std::vector<int64_t>& unit_ids,
                                                           int limit) {
  std::vector<std::string> out;
  if (unit_ids.empty()) return out;
  SqlParams params(unit_ids.begin(), unit_ids.end());
  params.push_back(int64_t{limit});
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT document_json FROM plans WHERE status <> 'archived' AND unit_id IN (" +
          PlaceholderList(unit_ids.size()) + ") ORDER BY id DESC LIMIT ?",
      params, [&](const SqlRow& row) {
        auto doc = nlohmann::json::parse(row.Text(0), nullptr, /*allow_exceptions=*/false);
        if (!doc.is_object() || !doc.contains("themes") || !doc["themes"].is_array()) return true;
        for (const auto& t : doc["themes"]) {
          if (t.is_object() && t.contains("title") && t["title"].is_string()) {
            out.push_back(t["title"].get<std::string>());
          } else if (t.is_string()) {
            out.push_back(t.get<std::string>());
          }
        }
        return true;
      }));
  return out;
}

Result<std::vector<std::string>> ActivityStore::UsedThemes(int64_t unit_id) {
  std::vector<std::string> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT DISTINCT theme FROM activity_rollup_cells WHERE unit_id = ? AND grain = 'm'",
      {unit_id}, [&](const SqlRow& row) {
        out.push_back(row.Text(0));
        return true;
      }));
  return out;
}

Status MoveActivityRollups(Database& db, int64_t unit_id, std::string_view old_path,
                           std::string_view new_path) {
  ActivityStore store(db);
  // Ancestors strictly above the unit, before and after. The old path's codes are still units
  // (a move does not delete them), so they resolve by code.
  std::string old_parent(old_path.substr(0, old_path.rfind('/', old_path.size() - 2) + 1));
  std::string new_parent(new_path.substr(0, new_path.rfind('/', new_path.size() - 2) + 1));
  std::vector<int64_t> left, joined;
  if (old_parent.size() > 1) {
    LT_ASSIGN_OR_RETURN(left, store.AncestorIds(old_parent));
  }
  if (new_parent.size() > 1) {
    LT_ASSIGN_OR_RETURN(joined, store.AncestorIds(new_parent));
  }
  std::vector<int64_t> removed, added;
  for (int64_t id : left) {
    if (std::find(joined.begin(), joined.end(), id) == joined.end()) removed.push_back(id);
  }
  for (int64_t id : joined) {
    if (std::find(left.begin(), left.end(), id) == left.end()) added.push_back(id);
  }
  if (removed.empty() && added.empty()) return Status::Ok();
  // The unit's own rows are its whole subtree's contribution.
  for (const auto& [table, keys] :
       {std::pair<std::string, std::string>{"activity_rollup_cells",
                                            "grain, bucket, theme, channel"},
        {"activity_rollup_totals", "grain, bucket"}}) {
    for (const auto& [targets, sign] :
         {std::pair<const std::vector<int64_t>*, int>{&removed, -1}, {&added, 1}}) {
      for (int64_t target : *targets) {
        std::string s = sign < 0 ? "-" : "";
        LT_RETURN_IF_ERROR(db.Execute(
            "INSERT INTO " + table + " (unit_id, " + keys + ", count, reach) SELECT ?, " + keys +
                ", " + s + "count, " + s + "reach FROM " + table + " WHERE unit_id = ? " +
                "ON CONFLICT (unit_id, " + keys + ") DO UPDATE SET count = " + table +
                ".count + excluded.count, reach = " + table + ".reach + excluded.reach",
            {target, unit_id}));
      }
    }
    for (int64_t target : removed) {
      LT_RETURN_IF_ERROR(
          db.Execute("DELETE FROM " + table + " WHERE unit_id = ? AND count = 0", {target}));
    }
  }
  return Status::Ok();
}

Status RebuildActivityRollups(Database& db) {
  LT_RETURN_IF_ERROR(db.Execute("DELETE FROM activity_rollup_cells"));
  LT_RETURN_IF_ERROR(db.Execute("DELETE FROM activity_rollup_totals"));
  // Unit id → ids of its ancestors-or-self, from one scan of the units.
  std::unordered_map<std::string, int64_t> id_by_code;
  std::unordered_map<int64_t, std::string> path_by_id;
  LT_RETURN_IF_ERROR(db.QueryEach("SELECT id, code, path FROM units", {}, [&](const SqlRow& row) {
    id_by_code.emplace(row.Text(1), row.Int(0));
    path_by_id.emplace(row.Int(0), row.Text(2));
    return true;
  }));
  std::unordered_map<int64_t, std::vector<int64_t>> chains;
  RollupDelta delta;
  Status missing;
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT unit_id, date, theme, channel, reach FROM activities", {}, [&](const SqlRow& row) {
        int64_t unit = row.Int(0);
        auto chain = chains.find(unit);
        if (chain == chains.end()) {
          std::vector<int64_t> ids;
          for (const std::string& code : PathCodes(path_by_id[unit])) ids.push_back(id_by_code[code]);
          chain = chains.emplace(unit, std::move(ids)).first;
        }
        auto date = Date::FromIso(row.Text(1));
        if (!date) {
          missing = Status::Internal("activity with a malformed date '" + row.Text(1) + "'");
          return false;
        }
        delta.Add(chain->second, *date, row.Text(2), row.Text(3), row.Int(4));
        return true;
      }));
  LT_RETURN_IF_ERROR(missing);
  return delta.Write(db);
}

}  // namespace lienthong
