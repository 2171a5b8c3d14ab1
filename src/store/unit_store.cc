#include "store/unit_store.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/unit_path.h"
#include "store/sql_text.h"
#include "text/keys.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

constexpr std::string_view kUnitColumns =
    "SELECT id, code, name, kind, parent_id, path, depth, valid_from, valid_to, successor_id "
    "FROM units ";

std::optional<Date> OptDate(const SqlRow& row, size_t i) {
  if (row.IsNull(i)) return std::nullopt;
  return Date::FromIso(row.Text(i));
}

SqlValue DateValue(const std::optional<Date>& d) {
  if (d) return d->ToIso();
  return std::monostate{};
}

// The code before the last one in "/VN/66/66001/" → "66".
std::string ParentCodeFromPath(std::string_view path) {
  if (path.size() < 2) return "";
  size_t last = path.rfind('/', path.size() - 2);
  if (last == std::string_view::npos || last == 0) return "";
  size_t prev = path.rfind('/', last - 1);
  return std::string(path.substr(prev + 1, last - prev - 1));
}

Unit UnitFromRow(const SqlRow& row) {
  Unit u;
  u.id = row.Int(0);
  u.code = row.Text(1);
  u.name = row.Text(2);
  u.kind = ParseUnitKind(row.Text(3)).value_or(UnitKind::kOther);
  u.parent_id = row.OptInt(4);
  u.path = row.Text(5);
  u.depth = static_cast<int>(row.Int(6));
  u.valid_from = OptDate(row, 7);
  u.valid_to = OptDate(row, 8);
  u.successor_id = row.OptInt(9);
  u.parent_code = ParentCodeFromPath(u.path);
  return u;
}

}  // namespace

std::string UnitStore::PathOf(const Unit* parent, std::string_view code) {
  std::string path = parent ? parent->path : "/";
  path.append(code);
  path.push_back('/');
  return path;
}

Result<std::vector<Unit>> UnitStore::QueryUnits(std::string_view where, const SqlParams& params) {
  std::string sql(kUnitColumns);
  sql.append(where);
  std::vector<Unit> units;
  LT_RETURN_IF_ERROR(db_.QueryEach(sql, params, [&](const SqlRow& row) {
    units.push_back(UnitFromRow(row));
    return true;
  }));
  LT_RETURN_IF_ERROR(FillSuccessorCodes(units));
  return units;
}

// Successors are rare (merged units), so one lookup per distinct successor beats a join per row.
Status UnitStore::FillSuccessorCodes(std::vector<Unit>& units) {
  std::map<int64_t, std::string> codes;
  for (auto& u : units) {
    if (!u.successor_id) continue;
    auto it = codes.find(*u.successor_id);
    if (it == codes.end()) {
      LT_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT code FROM units WHERE id = ?",
                                               {*u.successor_id}));
      it = codes.emplace(*u.successor_id, rows.empty() ? "" : rows[0].Text(0)).first;
    }
    u.successor_code = it->second;
  }
  return Status::Ok();
}

Result<std::optional<Unit>> UnitStore::FindByCode(std::string_view code) {
  LT_ASSIGN_OR_RETURN(auto units, QueryUnits("WHERE code = ?", {std::string(code)}));
  if (units.empty()) return std::optional<Unit>();
  return std::optional<Unit>(std::move(units.front()));
}

Result<std::optional<Unit>> UnitStore::FindById(int64_t id) {
  LT_ASSIGN_OR_RETURN(auto units, QueryUnits("WHERE id = ?", {id}));
  if (units.empty()) return std::optional<Unit>();
  return std::optional<Unit>(std::move(units.front()));
}

Result<std::optional<Unit>> UnitStore::FindByPath(std::string_view path) {
  LT_ASSIGN_OR_RETURN(auto units, QueryUnits("WHERE path = ?", {std::string(path)}));
  if (units.empty()) return std::optional<Unit>();
  return std::optional<Unit>(std::move(units.front()));
}

Result<std::vector<std::string>> UnitStore::ExistingCodes(const std::vector<std::string>& codes) {
  constexpr size_t kLookupChunk = 500;
  std::vector<std::string> found;
  for (size_t start = 0; start < codes.size(); start += kLookupChunk) {
    size_t n = std::min(kLookupChunk, codes.size() - start);
    SqlParams params(codes.begin() + start, codes.begin() + start + n);
    LT_RETURN_IF_ERROR(db_.QueryEach(
        "SELECT code FROM units WHERE code IN (" + PlaceholderList(n) + ")", params,
        [&](const SqlRow& row) {
          found.push_back(row.Text(0));
          return true;
        }));
  }
  return found;
}

Result<Unit> UnitStore::GetByCode(std::string_view code) {
  LT_ASSIGN_OR_RETURN(auto unit, FindByCode(code));
  if (!unit) return Status::NotFound("unknown unit code '" + std::string(code) + "'");
  return std::move(*unit);
}

Result<int64_t> UnitStore::Count() {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT COUNT(*) FROM units"));
  return rows.at(0).Int(0);
}

Result<std::vector<Unit>> UnitStore::Subtree(const Unit& root) {
  return QueryUnits("WHERE path >= ? AND path < ? ORDER BY path",
                    {root.path, UnitPath(root.path).RangeEnd()});
}

Result<std::vector<Unit>> UnitStore::Roots() {
  return QueryUnits("WHERE parent_id IS NULL ORDER BY path", {});
}

Result<std::vector<Unit>> UnitStore::Children(const Unit& parent) {
  return QueryUnits("WHERE parent_id = ? ORDER BY path", {parent.id});
}

namespace {

constexpr size_t kInsertBatchRows = 400;  // 9 parameters a row: below both backends' limits

Unit MakeUnit(const NewUnit& unit, const Unit* parent) {
  Unit u;
  u.code = unit.code;
  u.name = unit.name;
  u.kind = unit.kind;
  u.path = UnitStore::PathOf(parent, unit.code);
  u.depth = parent ? parent->depth + 1 : 0;
  u.valid_from = unit.valid_from;
  u.valid_to = unit.valid_to;
  if (parent) {
    u.parent_id = parent->id;
    u.parent_code = parent->code;
  }
  return u;
}

}  // namespace

Result<std::vector<Unit>> UnitStore::InsertMany(const std::vector<const NewUnit*>& units,
                                                const std::vector<const Unit*>& parents) {
  std::vector<Unit> out;
  out.reserve(units.size());
  for (size_t i = 0; i < units.size(); ++i) out.push_back(MakeUnit(*units[i], parents[i]));
  for (size_t start = 0; start < out.size(); start += kInsertBatchRows) {
    size_t n = std::min(kInsertBatchRows, out.size() - start);
    std::string sql =
        "INSERT INTO units (code, name, kind, parent_id, path, depth, valid_from, valid_to, "
        "search_key) VALUES " + PlaceholderRows(n, 9);
    SqlParams params;
    params.reserve(n * 9);
    for (size_t i = 0; i < n; ++i) {
      const Unit& u = out[start + i];
      params.insert(params.end(),
                    {u.code, u.name, std::string(UnitKindName(u.kind)), NullableInt(u.parent_id),
                     u.path,
                     static_cast<int64_t>(u.depth), DateValue(u.valid_from),
                     DateValue(u.valid_to), SearchKey(u.name)});
    }
    // RETURNING order is not promised by SQL, so match the ids back by code.
    sql += " RETURNING id, code";
    std::unordered_map<std::string, int64_t> ids;
    LT_RETURN_IF_ERROR(db_.QueryEach(sql, params, [&](const SqlRow& row) {
      ids.emplace(row.Text(1), row.Int(0));
      return true;
    }));
    for (size_t i = start; i < start + n; ++i) out[i].id = ids.at(out[i].code);
  }
  return out;
}

Result<Unit> UnitStore::Insert(const NewUnit& unit, const Unit* parent) {
  LT_ASSIGN_OR_RETURN(auto units, InsertMany({&unit}, {parent}));
  return std::move(units.front());
}

Status UnitStore::Move(const Unit& unit, const Unit& new_parent) {
  if (UnitPath(new_parent.path).Within(unit.path)) {
    return Status::FailedPrecondition("cannot move unit '" + unit.code + "' under '" +
                                      new_parent.code + "', which is inside its own subtree")
        .WithReason("unit_move_into_own_subtree",
                    {{"unit", unit.name}, {"parent", new_parent.name}});
  }
  std::string new_path = PathOf(&new_parent, unit.code);
  int64_t depth_shift = static_cast<int64_t>(new_parent.depth + 1 - unit.depth);
  LT_RETURN_IF_ERROR(db_.Execute("UPDATE units SET parent_id = ? WHERE id = ?",
                                 {new_parent.id, unit.id}));
  // substr is 1-based in both SQLite and PostgreSQL.
  return db_.Execute(
      "UPDATE units SET path = ? || substr(path, CAST(? AS INTEGER)), depth = depth + ? "
      "WHERE path >= ? AND path < ?",
      {new_path, static_cast<int64_t>(unit.path.size() + 1), depth_shift, unit.path,
       UnitPath(unit.path).RangeEnd()});
}

Status UnitStore::End(const Unit& unit, const Date& on, const Unit& successor) {
  return db_.Execute("UPDATE units SET valid_to = ?, successor_id = ? WHERE id = ?",
                     {on.ToIso(), successor.id, unit.id});
}

Status UnitStore::RecordEvent(const Unit& unit, std::string_view event,
                              const std::optional<Date>& on, const Unit* from_parent,
                              const Unit* to_parent, const Unit* successor) {
  auto id_of = [](const Unit* u) -> SqlValue {
    if (u) return u->id;
    return std::monostate{};
  };
  return db_.Execute(
      "INSERT INTO unit_events (unit_id, event, on_date, from_parent_id, to_parent_id, "
      "successor_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {unit.id, std::string(event), DateValue(on), id_of(from_parent), id_of(to_parent),
       id_of(successor), NowIsoUtc()});
}

}  // namespace lienthong
