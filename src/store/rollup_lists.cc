// RollupStore's reads of chains, windows and slot lists (declared in store/rollup_store.h):
// what a roll-up reads besides the totals, and what maintaining them needs to find.
#include <algorithm>

#include "core/unit_path.h"
#include "store/rollup_store.h"
#include "store/sql_text.h"

namespace lienthong {
namespace {

// The conditions on a period's slots that make the late, missing and pending lists. Unary +
// keeps the planners on the late index (few rows) rather than the open one.
constexpr const char* kLate = "s.on_time = 0 AND +s.counted_report_id IS NOT NULL";
constexpr const char* kMissing = "s.counted_report_id IS NULL AND s.due < ?";
constexpr const char* kPending = "s.counted_report_id IS NULL AND s.due >= ?";
constexpr const char* kInSubtree = " AND s.unit_path >= ? AND s.unit_path < ?";

}  // namespace

Result<std::vector<ChainUnit>> RollupStore::Chain(int64_t unit_id,
                                                  const std::string& period_first) {
  LT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT COALESCE(su.path, u.path) FROM units u LEFT JOIN units su ON "
                           "su.id = u.successor_id AND u.valid_to IS NOT NULL AND u.valid_to <= ? "
                           "WHERE u.id = ?",
                           {period_first, unit_id}));
  if (rows.empty()) return Status::NotFound("unit id " + std::to_string(unit_id));
  auto prefixes = UnitPath(rows[0].Text(0)).Lineage();
  SqlParams params(prefixes.begin(), prefixes.end());
  std::vector<ChainUnit> chain;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT id, path FROM units WHERE path IN (" + PlaceholderList(prefixes.size()) +
          ") ORDER BY path",
      params, [&](const SqlRow& r) {
        chain.push_back({r.Int(0), r.Text(1)});
        return true;
      }));
  return chain;
}

Result<std::map<std::string, int64_t>> RollupStore::UnitIdsByPath(
    const std::vector<std::string>& paths) {
  constexpr size_t kBatch = 500;
  std::map<std::string, int64_t> id_of;
  for (size_t start = 0; start < paths.size(); start += kBatch) {
    size_t n = std::min(kBatch, paths.size() - start);
    SqlParams params(paths.begin() + start, paths.begin() + start + n);
    LT_RETURN_IF_ERROR(db_.QueryEach(
        "SELECT path, id FROM units WHERE path IN (" + PlaceholderList(n) + ")", params,
        [&](const SqlRow& r) {
          id_of[r.Text(0)] = r.Int(1);
          return true;
        }));
  }
  return id_of;
}

Result<std::vector<std::pair<int64_t, std::string>>> RollupStore::PeriodsEndingSince(
    const std::string& date) {
  std::vector<std::pair<int64_t, std::string>> periods;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT DISTINCT plan_id, period_key FROM report_slots WHERE period_last >= ?", {date},
      [&](const SqlRow& r) {
        periods.emplace_back(r.Int(0), r.Text(1));
        return true;
      }));
  return periods;
}

Result<std::vector<std::string>> RollupStore::PlanPeriods(int64_t plan_id) {
  std::vector<std::string> periods;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT DISTINCT period_key FROM report_slots WHERE plan_id = ? ORDER BY period_key",
      {plan_id}, [&](const SqlRow& r) {
        periods.push_back(r.Text(0));
        return true;
      }));
  return periods;
}

Result<std::optional<std::pair<std::string, std::string>>> RollupStore::PeriodWindow(
    int64_t plan_id, const std::string& period_key) {
  using Window = std::optional<std::pair<std::string, std::string>>;
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT period_first, period_last FROM report_slots "
                                           "WHERE plan_id = ? AND period_key = ? LIMIT 1",
                                           {plan_id, period_key}));
  if (rows.empty() || rows[0].IsNull(0)) return Window();
  return Window(std::make_pair(rows[0].Text(0), rows[0].Text(1)));
}

Result<std::vector<std::vector<StoredValue>>> RollupStore::OwnCountedValues(
    int64_t plan_id, const std::string& period_key, int64_t unit_id) {
  // The unit itself, then the units merged into it (rare), driven from the (partial) successor
  // index: a join from the period's slots would visit all of them, as SQLite's planner prefers
  // without statistics.
  SqlParams ids = {unit_id};
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT u.id FROM units u WHERE u.successor_id = ? AND u.valid_to IS NOT NULL AND EXISTS "
      "(SELECT 1 FROM report_slots s WHERE s.unit_id = u.id AND s.plan_id = ? AND "
      "s.period_key = ? AND u.valid_to <= s.period_first)",
      {unit_id, plan_id, period_key}, [&](const SqlRow& r) {
        ids.push_back(r.Int(0));
        return true;
      }));
  SqlParams params = {plan_id, period_key};
  params.insert(params.end(), ids.begin(), ids.end());
  std::map<int64_t, std::vector<StoredValue>> by_report;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT s.counted_report_id, rv.indicator_code, rv.num_value, rv.text_value, "
      "rv.not_applicable FROM report_slots s "
      "JOIN report_values rv ON rv.report_id = s.counted_report_id "
      "WHERE s.plan_id = ? AND s.period_key = ? AND s.unit_id IN (" +
          PlaceholderList(ids.size()) + ")",
      params, [&](const SqlRow& r) {
        by_report[r.Int(0)].push_back({r.Text(1), r.OptInt(2), r.OptText(3), r.Int(4) != 0});
        return true;
      }));
  std::vector<std::vector<StoredValue>> out;
  for (auto& [id, values] : by_report) out.push_back(std::move(values));
  return out;
}

Result<SlotStateCounts> RollupStore::CountStates(int64_t plan_id, const std::string& period_key,
                                                 const std::string& path,
                                                 const std::string& today) {
  // Three covering-index ranges of migration 0010 (plan, period, state, unit_path, …), one query.
  std::vector<std::string> counts;
  SqlParams params;
  for (const auto& [condition, with_today] :
       {std::pair<const char*, bool>{kLate, false}, {kMissing, true}, {kPending, true}}) {
    counts.push_back("(SELECT COUNT(*) FROM report_slots s WHERE s.plan_id = ? AND "
                     "s.period_key = ? AND " + std::string(condition) + kInSubtree + ")");
    params.insert(params.end(), {plan_id, period_key});
    if (with_today) params.push_back(today);
    params.insert(params.end(), {path, UnitPath(path).RangeEnd()});
  }
  std::string sql = "SELECT " + counts[0] + ", " + counts[1] + ", " + counts[2];
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  return SlotStateCounts{rows.at(0).Int(0), rows.at(0).Int(1), rows.at(0).Int(2)};
}

Result<std::vector<SlotSummary>> RollupStore::FirstLate(int64_t plan_id,
                                                        const std::string& period_key,
                                                        const std::string& path, int64_t limit) {
  return FirstSlots(kLate, {plan_id, period_key}, path, limit);
}

Result<std::vector<SlotSummary>> RollupStore::FirstMissing(int64_t plan_id,
                                                           const std::string& period_key,
                                                           const std::string& path,
                                                           const std::string& today,
                                                           int64_t limit) {
  return FirstSlots(kMissing, {plan_id, period_key, today}, path, limit);
}

Result<std::vector<SlotSummary>> RollupStore::FirstSlots(const char* condition, SqlParams params,
                                                         const std::string& path, int64_t limit) {
  // An index range read in order, no sort.
  params.insert(params.end(), {path, UnitPath(path).RangeEnd(), limit});
  std::vector<SlotSummary> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      std::string("SELECT s.id, u.code, u.name, s.due, s.status, s.current_report_id, "
                  "s.first_submitted_at FROM report_slots s JOIN units u ON u.id = s.unit_id "
                  "WHERE s.plan_id = ? AND s.period_key = ? AND ") +
          condition + kInSubtree + " ORDER BY s.unit_path LIMIT ?",
      params, [&](const SqlRow& r) {
        SlotSummary s;
        s.slot_id = r.Int(0);
        s.code = r.Text(1);
        s.name = r.Text(2);
        s.due = Date::FromIso(r.Text(3)).value_or(Date{});
        s.status = r.Text(4) == "missing" ? std::nullopt : ParseReportStatus(r.Text(4));
        s.report_id = r.OptInt(5);
        s.submitted_at = r.OptText(6);
        out.push_back(std::move(s));
        return true;
      }));
  return out;
}

}  // namespace lienthong
