#include "store/report_store.h"

#include <algorithm>

#include "core/reporting_period.h"
#include "core/unit_path.h"
#include "store/sql_text.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

SqlValue OptReal(const std::optional<double>& v) {
  if (v) return *v;
  return std::monostate{};
}
SqlValue OptBool(const std::optional<bool>& v) {
  if (v) return static_cast<int64_t>(*v ? 1 : 0);
  return std::monostate{};
}

constexpr const char* kSlotColumns =
    "SELECT s.id, s.plan_id, s.duty_id, s.unit_id, s.period_key, s.period_first, s.period_last, "
    "s.due, s.status, s.current_report_id, s.counted_report_id, s.first_submitted_at, s.on_time, "
    "u.code, u.name, u.path FROM report_slots s JOIN units u ON u.id = s.unit_id ";

SlotRecord SlotFromRow(const SqlRow& r) {
  SlotRecord s;
  s.id = r.Int(0);
  s.plan_id = r.Int(1);
  s.duty_id = r.Int(2);
  s.unit_id = r.Int(3);
  s.period_key = r.Text(4);
  s.period_first = r.Text(5);
  s.period_last = r.Text(6);
  s.due = r.Text(7);
  s.status = r.Text(8);
  s.current_report_id = r.OptInt(9);
  s.counted_report_id = r.OptInt(10);
  s.first_submitted_at = r.OptText(11);
  if (!r.IsNull(12)) s.on_time = r.Int(12) != 0;
  s.unit_code = r.Text(13);
  s.unit_name = r.Text(14);
  s.unit_path = r.Text(15);
  return s;
}

constexpr const char* kReportColumns =
    "SELECT id, slot_id, version, status, activity_json, highlights, shortcomings, causes, "
    "lessons, recommendations, review_comment, created_at, created_by, updated_at, submitted_at, "
    "submitted_by, reviewed_at, reviewed_by FROM reports ";

ReportRecord ReportFromRow(const SqlRow& r) {
  ReportRecord rep;
  rep.id = r.Int(0);
  rep.slot_id = r.Int(1);
  rep.version = static_cast<int>(r.Int(2));
  rep.status = r.Text(3);
  rep.activity_json = r.Text(4);
  rep.highlights = r.Text(5);
  rep.shortcomings = r.Text(6);
  rep.causes = r.Text(7);
  rep.lessons = r.Text(8);
  rep.recommendations = r.Text(9);
  rep.review_comment = r.Text(10);
  rep.created_at = r.Text(11);
  rep.created_by = r.Text(12);
  rep.updated_at = r.Text(13);
  rep.submitted_at = r.OptText(14);
  rep.submitted_by = r.OptText(15);
  rep.reviewed_at = r.OptText(16);
  rep.reviewed_by = r.OptText(17);
  return rep;
}

SqlValue OptInt64(const std::optional<int64_t>& v) { return NullableInt(v); }

}  // namespace

void IndicatorTotals::Add(const IndicatorTotals& o) {
  reported += o.reported;
  not_applicable += o.not_applicable;
  sum += o.sum;
  if (o.min && (!min || *o.min < *min)) min = o.min;
  if (o.max && (!max || *o.max > *max)) max = o.max;
  weighted += o.weighted;
  weight_sum += o.weight_sum;
  weighted_n += o.weighted_n;
  meeting += o.meeting;
}

Status ReportStore::ReplaceIndicators(int64_t plan_id, const std::vector<IndicatorDef>& defs) {
  LT_RETURN_IF_ERROR(db_.Execute("DELETE FROM plan_indicators WHERE plan_id = ?", {plan_id}));
  for (const auto& d : defs) {
    LT_RETURN_IF_ERROR(db_.Execute(
        "INSERT INTO plan_indicators (plan_id, position, code, name, type, aggregation, "
        "weight_code, target, goal, goal_period, unit_label) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {plan_id, static_cast<int64_t>(d.position), d.code, d.name,
         std::string(IndicatorTypeName(d.type)), d.aggregation, NullableText(d.weight_code),
         OptReal(d.target), OptReal(d.goal), NullableText(d.goal_period), d.unit_label}));
  }
  return Status::Ok();
}

Result<std::vector<IndicatorDef>> ReportStore::Indicators(int64_t plan_id) {
  std::vector<IndicatorDef> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT plan_id, position, code, name, type, aggregation, weight_code, target, goal, "
      "goal_period, unit_label FROM plan_indicators WHERE plan_id = ? ORDER BY position",
      {plan_id}, [&](const SqlRow& r) {
        IndicatorDef d;
        d.plan_id = r.Int(0);
        d.position = static_cast<int>(r.Int(1));
        d.code = r.Text(2);
        d.name = r.Text(3);
        d.type = ParseIndicatorType(r.Text(4)).value_or(IndicatorType::kNumber);
        d.aggregation = r.Text(5);
        d.weight_code = r.OptText(6);
        if (!r.IsNull(7)) d.target = r.Real(7);
        if (!r.IsNull(8)) d.goal = r.Real(8);
        d.goal_period = r.OptText(9);
        d.unit_label = r.Text(10);
        out.push_back(std::move(d));
        return true;
      }));
  return out;
}

Result<int64_t> ReportStore::InsertDuty(const DutyRecord& d) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO reporting_duties (plan_id, frequency, cutoff, first_year, last_year, "
                "period_first, period_last, deadline, offsets_json, assignees_json, note, "
                "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "RETURNING id",
                {d.plan_id, d.frequency, d.cutoff, OptInt64(d.first_year), OptInt64(d.last_year),
                 NullableText(d.period_first), NullableText(d.period_last),
                 NullableText(d.deadline), d.offsets_json, d.assignees_json, d.note,
                 NowIsoUtc(), d.created_by}));
  return rows.at(0).Int(0);
}

Result<std::vector<DutyRecord>> ReportStore::Duties(int64_t plan_id) {
  std::vector<DutyRecord> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT id, plan_id, frequency, cutoff, first_year, last_year, period_first, period_last, "
      "deadline, offsets_json, assignees_json, note, created_at, created_by "
      "FROM reporting_duties WHERE plan_id = ? ORDER BY id",
      {plan_id}, [&](const SqlRow& r) {
        DutyRecord d;
        d.id = r.Int(0);
        d.plan_id = r.Int(1);
        d.frequency = r.Text(2);
        d.cutoff = r.Text(3);
        d.first_year = r.OptInt(4);
        d.last_year = r.OptInt(5);
        d.period_first = r.OptText(6);
        d.period_last = r.OptText(7);
        d.deadline = r.OptText(8);
        d.offsets_json = r.Text(9);
        d.assignees_json = r.Text(10);
        d.note = r.Text(11);
        d.created_at = r.Text(12);
        d.created_by = r.Text(13);
        out.push_back(std::move(d));
        return true;
      }));
  return out;
}

Result<std::optional<int64_t>> ReportStore::InsertSlot(const SlotRecord& s) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO report_slots (plan_id, duty_id, unit_id, period_key, period_first, "
                "period_last, due, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'missing') "
                "ON CONFLICT (plan_id, period_key, unit_id) DO NOTHING RETURNING id",
                {s.plan_id, s.duty_id, s.unit_id, s.period_key, s.period_first, s.period_last,
                 s.due}));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows[0].Int(0));
}

Result<std::optional<SlotRecord>> ReportStore::GetSlot(int64_t id) {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query(std::string(kSlotColumns) + "WHERE s.id = ?", {id}));
  if (rows.empty()) return std::optional<SlotRecord>();
  return std::optional<SlotRecord>(SlotFromRow(rows[0]));
}

Result<std::optional<SlotRecord>> ReportStore::FindSlot(int64_t plan_id, int64_t unit_id,
                                                        const std::string& period_key) {
  LT_ASSIGN_OR_RETURN(
      auto rows, db_.Query(std::string(kSlotColumns) +
                               "WHERE s.plan_id = ? AND s.period_key = ? AND s.unit_id = ?",
                           {plan_id, period_key, unit_id}));
  if (rows.empty()) return std::optional<SlotRecord>();
  return std::optional<SlotRecord>(SlotFromRow(rows[0]));
}

namespace {
std::string SlotFilter(std::optional<int64_t> plan_id, const std::string& unit_path,
                       const std::string& period_key, const std::vector<std::string>& statuses,
                       SqlParams& params) {
  std::string where = "WHERE u.path >= ? AND u.path < ?";
  params = {unit_path, UnitPath(unit_path).RangeEnd()};
  if (plan_id) {
    where += " AND s.plan_id = ?";
    params.push_back(*plan_id);
  }
  if (!period_key.empty()) {
    where += " AND s.period_key = ?";
    params.push_back(period_key);
  }
  if (!statuses.empty()) {
    where += " AND s.status IN (" + PlaceholderList(statuses.size()) + ")";
    for (const auto& st : statuses) params.push_back(st);
  }
  return where;
}
}  // namespace

Result<std::vector<SlotRecord>> ReportStore::ListSlots(std::optional<int64_t> plan_id,
                                                       const std::string& unit_path,
                                                       const std::string& period_key,
                                                       const std::vector<std::string>& statuses,
                                                       int64_t limit) {
  SqlParams params;
  std::string sql = kSlotColumns + SlotFilter(plan_id, unit_path, period_key, statuses, params) +
                    " ORDER BY u.path, s.period_first, s.plan_id LIMIT ?";
  params.push_back(limit);
  std::vector<SlotRecord> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(sql, params, [&](const SqlRow& r) {
    out.push_back(SlotFromRow(r));
    return true;
  }));
  return out;
}

Result<int64_t> ReportStore::CountSlots(int64_t plan_id, const std::string& unit_path,
                                        const std::string& period_key,
                                        const std::vector<std::string>& statuses) {
  SqlParams params;
  std::string sql = "SELECT COUNT(*) FROM report_slots s JOIN units u ON u.id = s.unit_id " +
                    SlotFilter(plan_id, unit_path, period_key, statuses, params);
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  return rows.at(0).Int(0);
}

Status ReportStore::UpdateSlot(const SlotRecord& s) {
  return db_.Execute(
      "UPDATE report_slots SET status = ?, current_report_id = ?, counted_report_id = ?, "
      "first_submitted_at = ?, on_time = ? WHERE id = ?",
      {s.status, OptInt64(s.current_report_id), OptInt64(s.counted_report_id),
       NullableText(s.first_submitted_at), OptBool(s.on_time), s.id});
}

Status ReportStore::InsertValues(int64_t report_id, const std::vector<StoredValue>& values) {
  if (values.empty()) return Status::Ok();
  SqlParams params;
  for (const auto& v : values) {
    params.insert(params.end(), {report_id, v.indicator_code, OptInt64(v.number),
                                 NullableText(v.text),
                                 static_cast<int64_t>(v.not_applicable ? 1 : 0)});
  }
  return db_.Execute("INSERT INTO report_values (report_id, indicator_code, num_value, "
                     "text_value, not_applicable) VALUES " + PlaceholderRows(values.size(), 5),
                     params);
}

Result<int64_t> ReportStore::InsertReport(const ReportRecord& r) {
  LT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("INSERT INTO reports (slot_id, version, status, activity_json, highlights, "
                "shortcomings, causes, lessons, recommendations, review_comment, created_at, "
                "created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "RETURNING id",
                {r.slot_id, static_cast<int64_t>(r.version), r.status, r.activity_json,
                 r.highlights, r.shortcomings, r.causes, r.lessons, r.recommendations,
                 r.review_comment, r.created_at, r.created_by, r.updated_at}));
  int64_t id = rows.at(0).Int(0);
  LT_RETURN_IF_ERROR(InsertValues(id, r.values));
  return id;
}

Status ReportStore::UpdateReport(const ReportRecord& r) {
  LT_RETURN_IF_ERROR(db_.Execute(
      "UPDATE reports SET status = ?, activity_json = ?, highlights = ?, shortcomings = ?, "
      "causes = ?, lessons = ?, recommendations = ?, review_comment = ?, updated_at = ?, "
      "submitted_at = ?, submitted_by = ?, reviewed_at = ?, reviewed_by = ? WHERE id = ?",
      {r.status, r.activity_json, r.highlights, r.shortcomings, r.causes, r.lessons,
       r.recommendations, r.review_comment, r.updated_at, NullableText(r.submitted_at),
       NullableText(r.submitted_by), NullableText(r.reviewed_at), NullableText(r.reviewed_by),
       r.id}));
  LT_RETURN_IF_ERROR(db_.Execute("DELETE FROM report_values WHERE report_id = ?", {r.id}));
  return InsertValues(r.id, r.values);
}

Result<std::optional<ReportRecord>> ReportStore::GetReport(int64_t id) {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query(std::string(kReportColumns) + "WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<ReportRecord>();
  ReportRecord rep = ReportFromRow(rows[0]);
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT indicator_code, num_value, text_value, not_applicable FROM report_values "
      "WHERE report_id = ? ORDER BY indicator_code",
      {id}, [&](const SqlRow& r) {
        rep.values.push_back({r.Text(0), r.OptInt(1), r.OptText(2), r.Int(3) != 0});
        return true;
      }));
  return std::optional<ReportRecord>(std::move(rep));
}

Result<std::vector<ReportRecord>> ReportStore::Versions(int64_t slot_id) {
  std::vector<ReportRecord> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(std::string(kReportColumns) +
                                       "WHERE slot_id = ? ORDER BY version",
                                   {slot_id}, [&](const SqlRow& r) {
                                     out.push_back(ReportFromRow(r));
                                     return true;
                                   }));
  return out;
}

namespace {
SqlParams TotalsParams(int64_t plan_id, const std::string& period_key, int64_t unit_id,
                       const std::string& code, const IndicatorTotals& t) {
  return {plan_id, period_key, unit_id, code, t.reported, t.not_applicable, t.sum,
          OptInt64(t.min), OptInt64(t.max), t.weighted, t.weight_sum, t.weighted_n, t.meeting};
}
constexpr const char* kTotalsInsert =
    "INSERT INTO rollup_values (plan_id, period_key, unit_id, indicator_code, reported, "
    "not_applicable, sum_value, min_value, max_value, weighted, weight_sum, weighted_n, meeting) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ";
}  // namespace

Status ReportStore::AddTotals(int64_t plan_id, const std::string& period_key, int64_t unit_id,
                              const std::map<std::string, IndicatorTotals>& delta) {
  for (const auto& [code, t] : delta) {
    LT_RETURN_IF_ERROR(db_.Execute(
        std::string(kTotalsInsert) +
            "ON CONFLICT (plan_id, period_key, unit_id, indicator_code) DO UPDATE SET "
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

Status ReportStore::SetTotals(int64_t plan_id, const std::string& period_key, int64_t unit_id,
                              const std::map<std::string, IndicatorTotals>& totals) {
  LT_RETURN_IF_ERROR(db_.Execute(
      "DELETE FROM rollup_values WHERE plan_id = ? AND period_key = ? AND unit_id = ?",
      {plan_id, period_key, unit_id}));
  for (const auto& [code, t] : totals) {
    LT_RETURN_IF_ERROR(
        db_.Execute(kTotalsInsert, TotalsParams(plan_id, period_key, unit_id, code, t)));
  }
  return Status::Ok();
}

Status ReportStore::AddRates(int64_t plan_id, const std::string& period_key,
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

Status ReportStore::ClearRollup(int64_t plan_id, const std::string& period_key) {
  LT_RETURN_IF_ERROR(db_.Execute(
      "DELETE FROM rollup_values WHERE plan_id = ? AND period_key = ?", {plan_id, period_key}));
  return db_.Execute("DELETE FROM rollup_rates WHERE plan_id = ? AND period_key = ?",
                     {plan_id, period_key});
}

Status ReportStore::InsertTotalsMany(
    int64_t plan_id, const std::string& period_key,
    const std::map<int64_t, std::map<std::string, IndicatorTotals>>& rows) {
  constexpr size_t kBatch = 300;  // 13 parameters a row: below both backends' limits
  SqlParams params;
  size_t n = 0;
  auto flush = [&]() -> Status {
    if (n == 0) return Status::Ok();
    Status s = db_.Execute(
        "INSERT INTO rollup_values (plan_id, period_key, unit_id, indicator_code, reported, "
        "not_applicable, sum_value, min_value, max_value, weighted, weight_sum, weighted_n, "
        "meeting) VALUES " + PlaceholderRows(n, 13), params);
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

Status ReportStore::InsertRatesMany(int64_t plan_id, const std::string& period_key,
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

Result<std::map<int64_t, std::map<std::string, IndicatorTotals>>> ReportStore::Totals(
    int64_t plan_id, const std::string& period_key, const std::vector<int64_t>& unit_ids) {
  std::map<int64_t, std::map<std::string, IndicatorTotals>> out;
  if (unit_ids.empty()) return out;
  SqlParams params = {plan_id, period_key};
  for (int64_t id : unit_ids) params.push_back(id);
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT unit_id, indicator_code, reported, not_applicable, sum_value, min_value, max_value, "
      "weighted, weight_sum, weighted_n, meeting FROM rollup_values WHERE plan_id = ? AND "
      "period_key = ? AND unit_id IN (" + PlaceholderList(unit_ids.size()) + ")",
      params, [&](const SqlRow& r) {
        IndicatorTotals t;
        t.reported = r.Int(2);
        t.not_applicable = r.Int(3);
        t.sum = r.Int(4);
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

Result<std::map<int64_t, RateTotals>> ReportStore::Rates(int64_t plan_id,
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

}  // namespace lienthong
