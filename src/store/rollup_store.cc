#include "store/rollup_store.h"

#include "core/unit_path.h"
#include "store/sql_text.h"

namespace lienthong {
namespace {

SqlValue OptInt64(const std::optional<int64_t>& v) { return NullableInt(v); }

// A slot joined with its unit and, for periods starting on or after the unit's merge, its
// successor (one step of succession: the 2025 reorganisation merged once).
constexpr const char* kSlotUnits =
    " FROM report_slots s JOIN units u ON u.id = s.unit_id "
    "LEFT JOIN units su ON su.id = u.successor_id AND u.valid_to IS NOT NULL "
    "AND u.valid_to <= s.period_first ";
constexpr const char* kEffectivePath = "COALESCE(su.path, u.path)";

// The totals of one indicator in columns first..first+8 (reported, not_applicable, sum, min, max,
// weighted, weight_sum, weighted_n, meeting): the one mapping of the stored rows and the raw
// GROUP BY alike. Sums over no row are NULL, hence the defaults.
IndicatorTotals TotalsFromRow(const SqlRow& r, size_t first) {
  IndicatorTotals t;
  t.reported = r.OptInt(first).value_or(0);
  t.not_applicable = r.OptInt(first + 1).value_or(0);
  t.sum = r.OptInt(first + 2).value_or(0);
  t.min = r.OptInt(first + 3);
  t.max = r.OptInt(first + 4);
  t.weighted = r.OptInt(first + 5).value_or(0);
  t.weight_sum = r.OptInt(first + 6).value_or(0);
  t.weighted_n = r.OptInt(first + 7).value_or(0);
  t.meeting = r.OptInt(first + 8).value_or(0);
  return t;
}

SqlParams TotalsParams(int64_t plan_id, const std::string& period_key, int64_t unit_id,
                       const std::string& code, const IndicatorTotals& t) {
  return {plan_id, period_key, unit_id, code, t.reported, t.not_applicable, t.sum,
          OptInt64(t.min), OptInt64(t.max), t.weighted, t.weight_sum, t.weighted_n, t.meeting};
}
constexpr const char* kTotalsInsert =
    "INSERT INTO rollup_values (plan_id, period_key, unit_id, indicator_code, reported, "
    "not_applicable, sum_value, min_value, max_value, weighted, weight_sum, weighted_n, meeting) "
    "VALUES ";

// The plain GROUP BY over raw rows, in the column order of TotalsFromRow.
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
constexpr const char* kRateAggregates =
    ", COUNT(*), COUNT(s.counted_report_id), SUM(CASE WHEN s.counted_report_id IS NOT NULL AND "
    "s.on_time = 1 THEN 1 ELSE 0 END)";

// Where the raw GROUP BY looks: one subtree (key 0), or each child of a unit (key: its id).
struct Scope {
  std::string key_sql = "0";
  std::string join;   // extra JOIN (children)
  std::string where;  // extra condition on the effective path
  SqlParams join_params, where_params;
};

Scope SubtreeScope(const std::string& path) {
  Scope s;
  s.where = std::string(" AND ") + kEffectivePath + " >= ? AND " + kEffectivePath + " < ?";
  s.where_params = {path, UnitPath(path).RangeEnd()};
  return s;
}

Scope ChildrenScope(int64_t parent_id) {
  Scope s;
  s.key_sql = "c.id";
  s.join = std::string("JOIN units c ON c.parent_id = ? AND ") + kEffectivePath +
           " >= c.path AND " + kEffectivePath + " < substr(c.path, 1, length(c.path) - 1) || '0' ";
  s.join_params = {parent_id};
  return s;
}

SqlParams ScopeParams(const Scope& scope, int64_t plan_id, const std::string& period_key) {
  SqlParams params = scope.join_params;
  params.push_back(plan_id);
  params.push_back(period_key);
  params.insert(params.end(), scope.where_params.begin(), scope.where_params.end());
  return params;
}

Result<std::map<int64_t, TotalsByCode>> RawTotalsIn(Database& db, int64_t plan_id,
                                                    const std::string& period_key,
                                                    const Scope& scope) {
  std::string sql = "SELECT " + scope.key_sql + kValueAggregates + kSlotUnits + kValueJoins +
                    scope.join + "WHERE s.plan_id = ? AND s.period_key = ?" + scope.where +
                    " GROUP BY " + (scope.join.empty() ? "" : scope.key_sql + ", ") +
                    "rv.indicator_code";
  std::map<int64_t, TotalsByCode> out;
  LT_RETURN_IF_ERROR(
      db.QueryEach(sql, ScopeParams(scope, plan_id, period_key), [&](const SqlRow& r) {
        out[r.Int(0)][r.Text(1)] = TotalsFromRow(r, 2);
        return true;
      }));
  return out;
}

Result<std::map<int64_t, RateTotals>> RawRatesIn(Database& db, int64_t plan_id,
                                                 const std::string& period_key,
                                                 const Scope& scope) {
  std::string sql = "SELECT " + scope.key_sql + kRateAggregates + kSlotUnits + scope.join +
                    "WHERE s.plan_id = ? AND s.period_key = ?" + scope.where +
                    (scope.join.empty() ? "" : " GROUP BY " + scope.key_sql);
  std::map<int64_t, RateTotals> out;
  LT_RETURN_IF_ERROR(
      db.QueryEach(sql, ScopeParams(scope, plan_id, period_key), [&](const SqlRow& r) {
        if (r.Int(1) > 0) out[r.Int(0)] = {r.Int(1), r.Int(2), r.OptInt(3).value_or(0)};
        return true;
      }));
  return out;
}

}  // namespace

Status RollupStore::AddTotals(int64_t plan_id, const std::string& period_key, int64_t unit_id,
                              const TotalsByCode& delta) {
  for (const auto& [code, t] : delta) {
    LT_RETURN_IF_ERROR(db_.Execute(
        std::string(kTotalsInsert) + PlaceholderRows(1, 13) +
            " ON CONFLICT (plan_id, period_key, unit_id, indicator_code) DO UPDATE SET "
            "reported = rollup_values.reported + excluded.reported, "
            "not_applicable = rollup_values.not_applicable + excluded.not_applicable, "
            "sum_value = rollup_values.sum_value + excluded.sum_value, "
            "min_value = CASE WHEN rollup_values.min_value IS NULL OR excluded.min_value < "
            "rollup_values.min_value THEN excluded.min_value ELSE rollup_values.min_value END, "
            "max_value = CASE WHEN rollup_values.max_value IS NULL OR excluded.max_value > "
            "rollup_values.max_value THEN excluded.max_value ELSE rollup_values.max_value END, "
            "weighted = rollup_values.weighted + excluded.weighted, "
            "weight_sum = rollup_values.weight_sum + excluded.weight_sum, "
            "weighted_n = rollup_values.weighted_n + excluded.weighted_n, "
            "meeting = rollup_values.meeting + excluded.meeting",
        TotalsParams(plan_id, period_key, unit_id, code, t)));
  }
  return Status::Ok();
}

Status RollupStore::SetTotals(int64_t plan_id, const std::string& period_key, int64_t unit_id,
                              const TotalsByCode& totals) {
  LT_RETURN_IF_ERROR(db_.Execute(
      "DELETE FROM rollup_values WHERE plan_id = ? AND period_key = ? AND unit_id = ?",
      {plan_id, period_key, unit_id}));
  for (const auto& [code, t] : totals) {
    LT_RETURN_IF_ERROR(db_.Execute(std::string(kTotalsInsert) + PlaceholderRows(1, 13),
                                   TotalsParams(plan_id, period_key, unit_id, code, t)));
  }
  return Status::Ok();
}

Status RollupStore::AddRates(int64_t plan_id, const std::string& period_key,
                             const std::vector<int64_t>& unit_ids, const RateTotals& d) {
  for (int64_t unit_id : unit_ids) {
    LT_RETURN_IF_ERROR(db_.Execute(
        "INSERT INTO rollup_rates (plan_id, period_key, unit_id, expected, received, on_time) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, period_key, unit_id) DO UPDATE SET "
        "expected = rollup_rates.expected + excluded.expected, "
        "received = rollup_rates.received + excluded.received, "
        "on_time = rollup_rates.on_time + excluded.on_time",
        {plan_id, period_key, unit_id, d.expected, d.received, d.on_time}));
  }
  return Status::Ok();
}

Status RollupStore::Clear(int64_t plan_id, const std::string& period_key) {
  LT_RETURN_IF_ERROR(db_.Execute(
      "DELETE FROM rollup_values WHERE plan_id = ? AND period_key = ?", {plan_id, period_key}));
  return db_.Execute("DELETE FROM rollup_rates WHERE plan_id = ? AND period_key = ?",
                     {plan_id, period_key});
}

Status RollupStore::InsertTotalsMany(int64_t plan_id, const std::string& period_key,
                                     const std::map<int64_t, TotalsByCode>& rows) {
  constexpr size_t kBatch = 300;  // 13 parameters a row: below both backends' limits
  SqlParams params;
  size_t n = 0;
  auto flush = [&]() -> Status {
    if (n == 0) return Status::Ok();
    Status s = db_.Execute(kTotalsInsert + PlaceholderRows(n, 13), params);
    params.clear();
    n = 0;
    return s;
  };
  for (const auto& [unit_id, by_code] : rows) {
    for (const auto& [code, t] : by_code) {
      SqlParams row = TotalsParams(plan_id, period_key, unit_id, code, t);
      params.insert(params.end(), row.begin(), row.end());
      if (++n == kBatch) LT_RETURN_IF_ERROR(flush());
    }
  }
  return flush();
}

Status RollupStore::InsertRatesMany(int64_t plan_id, const std::string& period_key,
                                    const std::map<int64_t, RateTotals>& rows) {
  constexpr size_t kBatch = 500;
  SqlParams params;
  size_t n = 0;
  auto flush = [&]() -> Status {
    if (n == 0) return Status::Ok();
    Status s = db_.Execute("INSERT INTO rollup_rates (plan_id, period_key, unit_id, expected, "
                           "received, on_time) VALUES " + PlaceholderRows(n, 6), params);
    params.clear();
    n = 0;
    return s;
  };
  for (const auto& [unit_id, r] : rows) {
    params.insert(params.end(), {plan_id, period_key, unit_id, r.expected, r.received, r.on_time});
    if (++n == kBatch) LT_RETURN_IF_ERROR(flush());
  }
  return flush();
}

Result<std::map<int64_t, TotalsByCode>> RollupStore::Totals(int64_t plan_id,
                                                            const std::string& period_key,
                                                            const std::vector<int64_t>& unit_ids) {
  std::map<int64_t, TotalsByCode> out;
  if (unit_ids.empty()) return out;
  SqlParams params = {plan_id, period_key};
  for (int64_t id : unit_ids) params.push_back(id);
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT unit_id, indicator_code, reported, not_applicable, sum_value, min_value, max_value, "
      "weighted, weight_sum, weighted_n, meeting FROM rollup_values WHERE plan_id = ? AND "
      "period_key = ? AND unit_id IN (" + PlaceholderList(unit_ids.size()) + ")",
      params, [&](const SqlRow& r) {
        out[r.Int(0)][r.Text(1)] = TotalsFromRow(r, 2);
        return true;
      }));
  return out;
}

Result<std::map<int64_t, RateTotals>> RollupStore::Rates(int64_t plan_id,
                                                         const std::string& period_key,
                                                         const std::vector<int64_t>& unit_ids) {
  std::map<int64_t, RateTotals> out;
  if (unit_ids.empty()) return out;
  SqlParams params = {plan_id, period_key};
  for (int64_t id : unit_ids) params.push_back(id);
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT unit_id, expected, received, on_time FROM rollup_rates WHERE plan_id = ? AND "
      "period_key = ? AND unit_id IN (" + PlaceholderList(unit_ids.size()) + ")",
      params, [&](const SqlRow& r) {
        out[r.Int(0)] = {r.Int(1), r.Int(2), r.Int(3)};
        return true;
      }));
  return out;
}

Result<TotalsByCode> RollupStore::RawSubtreeTotals(int64_t plan_id, const std::string& period_key,
                                                   const std::string& path) {
  LT_ASSIGN_OR_RETURN(auto out, RawTotalsIn(db_, plan_id, period_key, SubtreeScope(path)));
  return out[0];
}

Result<std::map<int64_t, TotalsByCode>> RollupStore::RawChildTotals(int64_t plan_id,
                                                                    const std::string& period_key,
                                                                    int64_t parent_id) {
  return RawTotalsIn(db_, plan_id, period_key, ChildrenScope(parent_id));
}

Result<RateTotals> RollupStore::RawSubtreeRates(int64_t plan_id, const std::string& period_key,
                                                const std::string& path) {
  LT_ASSIGN_OR_RETURN(auto out, RawRatesIn(db_, plan_id, period_key, SubtreeScope(path)));
  return out[0];
}

Result<std::map<int64_t, RateTotals>> RollupStore::RawChildRates(int64_t plan_id,
                                                                 const std::string& period_key,
                                                                 int64_t parent_id) {
  return RawRatesIn(db_, plan_id, period_key, ChildrenScope(parent_id));
}

Result<std::map<int64_t, RebuildSlot>> RollupStore::SlotsForRebuild(int64_t plan_id,
                                                                   const std::string& period_key) {
  std::map<int64_t, RebuildSlot> slots;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      std::string("SELECT s.id, ") + kEffectivePath + ", s.counted_report_id, s.on_time" +
          kSlotUnits + "WHERE s.plan_id = ? AND s.period_key = ?",
      {plan_id, period_key}, [&](const SqlRow& r) {
        slots[r.Int(0)] = {r.Text(1), !r.IsNull(2), r.OptInt(3).value_or(0) == 1, {}};
        return true;
      }));
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT s.id, rv.indicator_code, rv.num_value, rv.text_value, rv.not_applicable "
      "FROM report_slots s JOIN report_values rv ON rv.report_id = s.counted_report_id "
      "WHERE s.plan_id = ? AND s.period_key = ?",
      {plan_id, period_key}, [&](const SqlRow& r) {
        slots[r.Int(0)].values.push_back({r.Text(1), r.OptInt(2), r.OptText(3), r.Int(4) != 0});
        return true;
      }));
  return slots;
}

Result<std::vector<IndicatorInputRow>> RollupStore::IndicatorInputs(
    int64_t plan_id, const std::string& period_key, const std::string& path,
    const std::string& code, const std::string& weight_code) {
  std::string eff = kEffectivePath;
  std::vector<IndicatorInputRow> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT u.code, u.name, s.status, s.counted_report_id, rv.indicator_code, rv.num_value, "
      "rv.text_value, rv.not_applicable, w.num_value" + std::string(kSlotUnits) +
          "LEFT JOIN report_values rv ON rv.report_id = s.counted_report_id AND "
          "rv.indicator_code = ? LEFT JOIN report_values w ON w.report_id = s.counted_report_id "
          "AND w.indicator_code = ? AND w.not_applicable = 0 "
          "WHERE s.plan_id = ? AND s.period_key = ? AND " + eff + " >= ? AND " + eff +
          " < ? ORDER BY u.path",
      {code, weight_code, plan_id, period_key, path, UnitPath(path).RangeEnd()},
      [&](const SqlRow& r) {
        IndicatorInputRow row;
        row.code = r.Text(0);
        row.name = r.Text(1);
        row.status = r.Text(2) == "missing" ? std::nullopt : ParseReportStatus(r.Text(2));
        row.counted = !r.IsNull(3);
        row.has_value = !r.IsNull(4);
        row.not_applicable = r.OptInt(7).value_or(0) != 0;
        row.number = r.OptInt(5);
        row.text = r.OptText(6);
        row.weight = r.OptInt(8);
        out.push_back(std::move(row));
        return true;
      }));
  return out;
}

}  // namespace lienthong
