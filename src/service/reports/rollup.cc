#include "service/reports/rollup.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "core/reporting_period.h"
#include "core/unit_path.h"
#include "store/sql_text.h"
#include "store/unit_store.h"
#include "service/reports/rollup_raw.h"

namespace lienthong {
namespace {

using TotalsByCode = std::map<std::string, IndicatorTotals>;

// The effective path of a slot's unit: its successor's when the unit ended on or before the
// period's first day (one step of succession: the 2025 reorganisation merged once).
constexpr const char* kSlotUnitsSql =
    " FROM report_slots s JOIN units u ON u.id = s.unit_id "
    "LEFT JOIN units su ON su.id = u.successor_id AND u.valid_to IS NOT NULL "
    "AND u.valid_to <= s.period_first ";
constexpr const char* kEffectivePathSql = "COALESCE(su.path, u.path)";
using rollup_internal::kSlotUnits;
using rollup_internal::kEffectivePath;

// The plain GROUP BY over raw rows, grouped by `key_sql` (0 for one group, c.id for children).
constexpr const char* kValueAggregates =
    ", rv.indicator_code, SUM(1 - rv.not_applicable), SUM(rv.not_applicable), SUM(rv.num_value), "
    "MIN(rv.num_value), MAX(rv.num_value), "
    "SUM(CASE WHEN w.num_value IS NOT NULL AND rv.num_value IS NOT NULL "
    "THEN rv.num_value * w.num_value / 10000 ELSE 0 END), "
    "SUM(CASE WHEN w.num_value IS NOT NULL AND rv.num_value IS NOT NULL "
    "THEN w.num_value ELSE 0 END), "
    "SUM(CASE WHEN w.num_value IS NOT NULL AND rv.num_value IS NOT NULL THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN pi.target IS NOT NULL AND rv.num_value >= pi.target * 10000 "
    "THEN 1 ELSE 0 END) ";
constexpr const char* kValueJoins =
    "JOIN report_values rv ON rv.report_id = s.counted_report_id "
    "JOIN plan_indicators pi ON pi.plan_id = s.plan_id AND pi.code = rv.indicator_code "
    "LEFT JOIN report_values w ON w.report_id = rv.report_id "
    "AND w.indicator_code = pi.weight_code AND w.not_applicable = 0 ";

struct Scope {
  std::string key_sql = "0";
  std::string join;   // extra JOIN (children)
  std::string where;  // extra condition on the effective path
  SqlParams params;   // for join then where
};

Scope SubtreeScope(const std::string& path) {
  Scope s;
  s.where = std::string(" AND ") + kEffectivePath + " >= ? AND " + kEffectivePath + " < ?";
  s.params = {path, UnitPath(path).RangeEnd()};
  return s;
}

Scope ChildrenScope(int64_t parent_id) {
  Scope s;
  s.key_sql = "c.id";
  s.join = std::string("JOIN units c ON c.parent_id = ? AND ") + kEffectivePath +
           " >= c.path AND " + kEffectivePath + " < substr(c.path, 1, length(c.path) - 1) || '0' ";
  s.params = {parent_id};
  return s;
}

Result<std::map<int64_t, TotalsByCode>> RawTotalsIn(Database& db, int64_t plan_id,
                                                    const std::string& period_key,
                                                    const Scope& scope) {
  std::string sql = "SELECT " + scope.key_sql + kValueAggregates + kSlotUnits + kValueJoins +
                    scope.join + "WHERE s.plan_id = ? AND s.period_key = ?" + scope.where +
                    " GROUP BY " + (scope.join.empty() ? "" : scope.key_sql + ", ") +
                    "rv.indicator_code";
  SqlParams params;
  if (!scope.join.empty()) params = scope.params;
  params.push_back(plan_id);
  params.push_back(period_key);
  if (scope.join.empty()) params.insert(params.end(), scope.params.begin(), scope.params.end());
  std::map<int64_t, TotalsByCode> out;
  LT_RETURN_IF_ERROR(db.QueryEach(sql, params, [&](const SqlRow& r) {
    IndicatorTotals t;
    t.reported = r.Int(2);
    t.not_applicable = r.Int(3);
    t.sum = r.OptInt(4).value_or(0);
    t.min = r.OptInt(5);
    t.max = r.OptInt(6);
    t.weighted = r.Int(7);
    t.weight_sum = r.Int(8);
    t.weighted_n = r.Int(9);
    t.meeting = r.Int(10);
    out[r.Int(0)][r.Text(1)] = t;
    return true;
  }));
  return out;
}

Result<std::map<int64_t, RateTotals>> RawRatesIn(Database& db, int64_t plan_id,
                                                 const std::string& period_key,
                                                 const Scope& scope) {
  std::string sql = "SELECT " + scope.key_sql +
                    ", COUNT(*), COUNT(s.counted_report_id), SUM(CASE WHEN s.counted_report_id "
                    "IS NOT NULL AND s.on_time = 1 THEN 1 ELSE 0 END)" + kSlotUnits + scope.join +
                    "WHERE s.plan_id = ? AND s.period_key = ?" + scope.where +
                    (scope.join.empty() ? "" : " GROUP BY " + scope.key_sql);
  SqlParams params;
  if (!scope.join.empty()) params = scope.params;
  params.push_back(plan_id);
  params.push_back(period_key);
  if (scope.join.empty()) params.insert(params.end(), scope.params.begin(), scope.params.end());
  std::map<int64_t, RateTotals> out;
  LT_RETURN_IF_ERROR(db.QueryEach(sql, params, [&](const SqlRow& r) {
    if (r.Int(1) > 0) out[r.Int(0)] = {r.Int(1), r.Int(2), r.OptInt(3).value_or(0)};
    return true;
  }));
  return out;
}

// Every prefix of "/VN/66/66001/": "/VN/", "/VN/66/", "/VN/66/66001/".
std::vector<std::string> PathPrefixes(const std::string& path) {
  std::vector<std::string> out;
  for (size_t i = 1; i < path.size(); ++i) {
    if (path[i] == '/') out.push_back(path.substr(0, i + 1));
  }
  return out;
}

struct ChainUnit {
  int64_t id;
  std::string path;
};

Result<std::vector<ChainUnit>> ChainOf(Database& db, int64_t unit_id,
                                       const std::string& period_first) {
  LT_ASSIGN_OR_RETURN(
      auto rows, db.Query("SELECT COALESCE(su.path, u.path) FROM units u LEFT JOIN units su ON "
                          "su.id = u.successor_id AND u.valid_to IS NOT NULL AND u.valid_to <= ? "
                          "WHERE u.id = ?",
                          {period_first, unit_id}));
  if (rows.empty()) return Status::NotFound("unit id " + std::to_string(unit_id));
  auto prefixes = PathPrefixes(rows[0].Text(0));
  SqlParams params(prefixes.begin(), prefixes.end());
  std::vector<ChainUnit> chain;
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT id, path FROM units WHERE path IN (" + PlaceholderList(prefixes.size()) +
          ") ORDER BY path",
      params, [&](const SqlRow& r) {
        chain.push_back({r.Int(0), r.Text(1)});
        return true;
      }));
  return chain;
}

Result<std::vector<StoredValue>> CountedValues(Database& db, int64_t report_id) {
  std::vector<StoredValue> values;
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT indicator_code, num_value, text_value, not_applicable FROM report_values "
      "WHERE report_id = ?",
      {report_id}, [&](const SqlRow& r) {
        values.push_back({r.Text(0), r.OptInt(1), r.OptText(2), r.Int(3) != 0});
        return true;
      }));
  return values;
}

}  // namespace

namespace rollup_internal {

const char* const kSlotUnits = kSlotUnitsSql;
const char* const kEffectivePath = kEffectivePathSql;

Result<std::map<int64_t, TotalsByCode>> RawTotals(Database& db, int64_t plan_id,
                                                  const std::string& period_key,
                                                  const std::string& subtree_path,
                                                  int64_t parent_id) {
  return RawTotalsIn(db, plan_id, period_key,
                     parent_id != 0 ? ChildrenScope(parent_id) : SubtreeScope(subtree_path));
}

Result<std::map<int64_t, RateTotals>> RawRates(Database& db, int64_t plan_id,
                                               const std::string& period_key,
                                               const std::string& subtree_path,
                                               int64_t parent_id) {
  return RawRatesIn(db, plan_id, period_key,
                    parent_id != 0 ? ChildrenScope(parent_id) : SubtreeScope(subtree_path));
}

}  // namespace rollup_internal

double Unscale(int64_t scaled) { return static_cast<double>(scaled) / kValueScale; }


std::map<std::string, IndicatorTotals> ReportContribution(const std::vector<IndicatorDef>& defs,
                                                          const std::vector<StoredValue>& values) {
  std::map<std::string, const StoredValue*> by_code;
  for (const auto& v : values) by_code[v.indicator_code] = &v;
  std::map<std::string, IndicatorTotals> out;
  for (const auto& d : defs) {
    auto it = by_code.find(d.code);
    if (it == by_code.end()) continue;
    const StoredValue& v = *it->second;
    IndicatorTotals t;
    if (v.not_applicable) {
      t.not_applicable = 1;
    } else {
      t.reported = 1;
      if (v.number) {
        int64_t x = *v.number;
        t.sum = x;
        t.min = t.max = x;
        if (d.target && static_cast<double>(x) >= *d.target * 10000) t.meeting = 1;
        if (d.weight_code) {
          auto w = by_code.find(*d.weight_code);
          if (w != by_code.end() && !w->second->not_applicable && w->second->number) {
            t.weighted = x * *w->second->number / 10000;
            t.weight_sum = *w->second->number;
            t.weighted_n = 1;
          }
        }
      }
    }
    out[d.code] = t;
  }
  return out;
}

Result<std::vector<int64_t>> RollupChain(Database& db, int64_t unit_id,
                                         const std::string& period_first) {
  LT_ASSIGN_OR_RETURN(auto chain, ChainOf(db, unit_id, period_first));
  std::vector<int64_t> ids;
  for (const auto& c : chain) ids.push_back(c.id);
  return ids;
}

Status RollupSlotChanged(Database& db, const SlotRecord& before, const SlotRecord& after) {
  LT_ASSIGN_OR_RETURN(auto chain, ChainOf(db, after.unit_id, after.period_first));
  std::vector<int64_t> ids;
  for (const auto& c : chain) ids.push_back(c.id);
  ReportStore store(db);
  bool was = before.id != 0 && before.counted_report_id.has_value();
  bool is = after.counted_report_id.has_value();
  RateTotals delta;
  delta.expected = before.id == 0 ? 1 : 0;
  delta.received = (is ? 1 : 0) - (was ? 1 : 0);
  delta.on_time = (is && after.on_time.value_or(false) ? 1 : 0) -
                  (was && before.on_time.value_or(false) ? 1 : 0);
  if (delta != RateTotals{}) {
    LT_RETURN_IF_ERROR(store.AddRates(after.plan_id, after.period_key, ids, delta));
  }
  if (before.counted_report_id == after.counted_report_id) return Status::Ok();
  if (!was) {
    // The common case — a report counted for the first time — only adds.
    LT_ASSIGN_OR_RETURN(auto defs, store.Indicators(after.plan_id));
    LT_ASSIGN_OR_RETURN(auto values, CountedValues(db, *after.counted_report_id));
    auto share = ReportContribution(defs, values);
    for (int64_t id : ids) {
      LT_RETURN_IF_ERROR(store.AddTotals(after.plan_id, after.period_key, id, share));
    }
    return Status::Ok();
  }
  // A report taken out or replaced: min/max cannot be un-widened, so recompute the chain.
  for (const auto& c : chain) {
    LT_ASSIGN_OR_RETURN(auto raw,
                        RawTotalsIn(db, after.plan_id, after.period_key, SubtreeScope(c.path)));
    LT_RETURN_IF_ERROR(store.SetTotals(after.plan_id, after.period_key, c.id, raw[0]));
  }
  return Status::Ok();
}

Status RebuildRollup(Database& db, int64_t plan_id, const std::string& period_key) {
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto defs, store.Indicators(plan_id));
  LT_RETURN_IF_ERROR(store.ClearRollup(plan_id, period_key));
  struct SlotInfo {
    std::string path;
    bool counted = false;
    bool on_time = false;
    std::vector<StoredValue> values;
  };
  std::map<int64_t, SlotInfo> slots;
  LT_RETURN_IF_ERROR(db.QueryEach(
      std::string("SELECT s.id, ") + kEffectivePath +
          ", s.counted_report_id, s.on_time" + kSlotUnits +
          "WHERE s.plan_id = ? AND s.period_key = ?",
      {plan_id, period_key}, [&](const SqlRow& r) {
        slots[r.Int(0)] = {r.Text(1), !r.IsNull(2), r.OptInt(3).value_or(0) == 1, {}};
        return true;
      }));
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT s.id, rv.indicator_code, rv.num_value, rv.text_value, rv.not_applicable "
      "FROM report_slots s JOIN report_values rv ON rv.report_id = s.counted_report_id "
      "WHERE s.plan_id = ? AND s.period_key = ?",
      {plan_id, period_key}, [&](const SqlRow& r) {
        slots[r.Int(0)].values.push_back({r.Text(1), r.OptInt(2), r.OptText(3), r.Int(4) != 0});
        return true;
      }));
  // Unit ids of every path prefix in play.
  std::set<std::string> prefixes;
  for (const auto& [id, s] : slots) {
    for (auto& p : PathPrefixes(s.path)) prefixes.insert(std::move(p));
  }
  std::map<std::string, int64_t> id_of;
  std::vector<std::string> all(prefixes.begin(), prefixes.end());
  for (size_t start = 0; start < all.size(); start += 500) {
    size_t n = std::min<size_t>(500, all.size() - start);
    SqlParams params(all.begin() + start, all.begin() + start + n);
    LT_RETURN_IF_ERROR(db.QueryEach(
        "SELECT path, id FROM units WHERE path IN (" + PlaceholderList(n) + ")", params,
        [&](const SqlRow& r) {
          id_of[r.Text(0)] = r.Int(1);
          return true;
        }));
  }
  std::map<int64_t, TotalsByCode> totals;
  std::map<int64_t, RateTotals> rates;
  for (const auto& [id, s] : slots) {
    TotalsByCode share;
    if (s.counted) share = ReportContribution(defs, s.values);
    for (const auto& p : PathPrefixes(s.path)) {
      auto it = id_of.find(p);
      if (it == id_of.end()) continue;
      RateTotals& r = rates[it->second];
      r.expected += 1;
      r.received += s.counted ? 1 : 0;
      r.on_time += s.counted && s.on_time ? 1 : 0;
      for (const auto& [code, t] : share) totals[it->second][code].Add(t);
    }
  }
  LT_RETURN_IF_ERROR(store.InsertTotalsMany(plan_id, period_key, totals));
  return store.InsertRatesMany(plan_id, period_key, rates);
}

Status RebuildRollupsSince(Database& db, const std::string& date) {
  std::vector<std::pair<int64_t, std::string>> periods;
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT DISTINCT plan_id, period_key FROM report_slots WHERE period_last >= ?", {date},
      [&](const SqlRow& r) {
        periods.emplace_back(r.Int(0), r.Text(1));
        return true;
      }));
  for (const auto& [plan_id, period] : periods) {
    LT_RETURN_IF_ERROR(RebuildRollup(db, plan_id, period));
  }
  return Status::Ok();
}

}  // namespace lienthong
