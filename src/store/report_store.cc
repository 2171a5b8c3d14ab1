#include "store/report_store.h"

#include <nlohmann/json.hpp>

#include "core/unit_path.h"
#include "store/sql_text.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

using nlohmann::json;

SqlValue OptReal(const std::optional<double>& v) {
  if (v) return *v;
  return std::monostate{};
}
SqlValue OptBool(const std::optional<bool>& v) {
  if (v) return static_cast<int64_t>(*v ? 1 : 0);
  return std::monostate{};
}
SqlValue OptInt64(const std::optional<int64_t>& v) { return NullableInt(v); }
SqlValue OptDate(const std::optional<Date>& d) {
  if (d) return d->ToIso();
  return std::monostate{};
}
std::optional<Date> DateColumn(const SqlRow& r, size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return Date::FromIso(r.Text(i));
}

// Persistence forms of the JSON columns: duties' offsets and assignees, reports' activity counts.
std::string OffsetsText(const std::map<std::string, int>& offsets) { return json(offsets).dump(); }
std::map<std::string, int> OffsetsOf(const std::string& text) {
  std::map<std::string, int> out;
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [key, days] : j.items()) {
    if (days.is_number_integer()) out[key] = days.get<int>();
  }
  return out;
}
std::vector<std::string> CodesOf(const std::string& text) {
  std::vector<std::string> out;
  json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& code : j) {
    if (code.is_string()) out.push_back(code.get<std::string>());
  }
  return out;
}
std::string CountsText(const std::vector<ActivityCount>& counts) {
  json out = json::array();
  for (const auto& c : counts) {
    out.push_back({{"theme", c.theme}, {"channel", c.channel}, {"count", c.count}});
  }
  return out.dump();
}
std::vector<ActivityCount> CountsOf(const std::string& text) {
  std::vector<ActivityCount> out;
  json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& c : j) {
    if (!c.is_object()) continue;
    out.push_back({c.value("theme", ""), c.value("channel", ""), c.value("count", int64_t{0})});
  }
  return out;
}

std::optional<ReportStatus> SlotStatusOf(const std::string& text) {
  return text == "missing" ? std::nullopt : ParseReportStatus(text);
}

constexpr const char* kSlotColumns =
    "SELECT s.id, s.plan_id, s.duty_id, s.unit_id, s.period_key, s.period_first, s.period_last, "
    "s.due, s.status, s.current_report_id, s.counted_report_id, s.first_submitted_at, s.on_time, "
    "u.code, u.name, u.path, d.cutoff, r.review_comment FROM report_slots s "
    "JOIN units u ON u.id = s.unit_id JOIN reporting_duties d ON d.id = s.duty_id "
    "LEFT JOIN reports r ON r.id = s.current_report_id ";

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
  s.status = SlotStatusOf(r.Text(8));
  s.current_report_id = r.OptInt(9);
  s.counted_report_id = r.OptInt(10);
  s.first_submitted_at = r.OptText(11);
  if (!r.IsNull(12)) s.on_time = r.Int(12) != 0;
  s.unit_code = r.Text(13);
  s.unit_name = r.Text(14);
  s.unit_path = r.Text(15);
  s.cutoff = ParseCutoffRule(r.Text(16)).value_or(CutoffRule::kStatutory);
  s.review_comment = r.OptText(17).value_or("");
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
  rep.status = ParseReportStatus(r.Text(3)).value_or(ReportStatus::kDraft);
  rep.activity_counts = CountsOf(r.Text(4));
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

std::string SlotWhere(const SlotFilter& f, SqlParams& params) {
  std::string where;
  if (f.unit_only) {
    where = "WHERE u.path = ?";
    params = {f.unit_path};
  } else {
    where = "WHERE u.path >= ? AND u.path < ?";
    params = {f.unit_path, UnitPath(f.unit_path).RangeEnd()};
  }
  if (f.plan_id) {
    where += " AND s.plan_id = ?";
    params.push_back(*f.plan_id);
  }
  if (!f.period_key.empty()) {
    where += " AND s.period_key = ?";
    params.push_back(f.period_key);
  }
  if (!f.statuses.empty()) {
    where += " AND s.status IN (" + PlaceholderList(f.statuses.size()) + ")";
    for (const auto& st : f.statuses) params.push_back(std::string(SlotStatusName(st)));
  }
  return where;
}

}  // namespace

std::string_view SlotStatusName(const std::optional<ReportStatus>& status) {
  return status ? ReportStatusName(*status) : "missing";
}

Status ReportStore::ReplaceIndicators(int64_t plan_id, const std::vector<IndicatorDef>& defs) {
  LT_RETURN_IF_ERROR(db_.Execute("DELETE FROM plan_indicators WHERE plan_id = ?", {plan_id}));
  for (const auto& d : defs) {
    LT_RETURN_IF_ERROR(db_.Execute(
        "INSERT INTO plan_indicators (plan_id, position, code, name, type, aggregation, "
        "weight_code, target, goal, goal_period, unit_label) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {plan_id, static_cast<int64_t>(d.position), d.code, d.name,
         std::string(IndicatorTypeName(d.type)), std::string(AggregationName(d.aggregation)),
         NullableText(d.weight_code), OptReal(d.target), OptReal(d.goal),
         NullableText(d.goal_period), d.unit_label}));
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
        d.aggregation = ParseAggregation(r.Text(5)).value_or(Aggregation::kNone);
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
                {d.plan_id, std::string(FrequencyName(d.frequency)),
                 std::string(CutoffRuleName(d.cutoff)), OptInt64(d.first_year),
                 OptInt64(d.last_year), OptDate(d.period_first), OptDate(d.period_last),
                 OptDate(d.deadline), OffsetsText(d.offset_days), json(d.assignees).dump(),
                 d.note, d.created_at.empty() ? NowIsoUtc() : d.created_at, d.created_by}));
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
        d.frequency = ParseFrequency(r.Text(2)).value_or(ReportFrequency::kAdHoc);
        d.cutoff = ParseCutoffRule(r.Text(3)).value_or(CutoffRule::kStatutory);
        d.first_year = r.OptInt(4);
        d.last_year = r.OptInt(5);
        d.period_first = DateColumn(r, 6);
        d.period_last = DateColumn(r, 7);
        d.deadline = DateColumn(r, 8);
        d.offset_days = OffsetsOf(r.Text(9));
        d.assignees = CodesOf(r.Text(10));
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

Result<std::vector<SlotRecord>> ReportStore::ListSlots(const SlotFilter& filter, int64_t limit) {
  SqlParams params;
  std::string sql = kSlotColumns + SlotWhere(filter, params) +
                    " ORDER BY u.path, s.period_first, s.plan_id LIMIT ?";
  params.push_back(limit);
  std::vector<SlotRecord> out;
  LT_RETURN_IF_ERROR(db_.QueryEach(sql, params, [&](const SqlRow& r) {
    out.push_back(SlotFromRow(r));
    return true;
  }));
  return out;
}

Status ReportStore::UpdateSlot(const SlotRecord& s) {
  return db_.Execute(
      "UPDATE report_slots SET status = ?, current_report_id = ?, counted_report_id = ?, "
      "first_submitted_at = ?, on_time = ? WHERE id = ?",
      {std::string(SlotStatusName(s.status)), OptInt64(s.current_report_id),
       OptInt64(s.counted_report_id), NullableText(s.first_submitted_at), OptBool(s.on_time),
       s.id});
}

Result<bool> ReportStore::SubtreeReportsTo(int64_t plan_id, const std::string& unit_path) {
  LT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT 1 FROM report_slots s JOIN units u ON u.id = s.unit_id "
                           "WHERE s.plan_id = ? AND u.path >= ? AND u.path < ? LIMIT 1",
                           {plan_id, unit_path, UnitPath(unit_path).RangeEnd()}));
  return !rows.empty();
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
                {r.slot_id, static_cast<int64_t>(r.version),
                 std::string(ReportStatusName(r.status)), CountsText(r.activity_counts),
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
      {std::string(ReportStatusName(r.status)), CountsText(r.activity_counts), r.highlights,
       r.shortcomings, r.causes, r.lessons, r.recommendations, r.review_comment, r.updated_at,
       NullableText(r.submitted_at), NullableText(r.submitted_by), NullableText(r.reviewed_at),
       NullableText(r.reviewed_by), r.id}));
  LT_RETURN_IF_ERROR(db_.Execute("DELETE FROM report_values WHERE report_id = ?", {r.id}));
  return InsertValues(r.id, r.values);
}

Result<std::optional<ReportRecord>> ReportStore::GetReport(int64_t id) {
  LT_ASSIGN_OR_RETURN(auto rows, db_.Query(std::string(kReportColumns) + "WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<ReportRecord>();
  ReportRecord rep = ReportFromRow(rows[0]);
  LT_ASSIGN_OR_RETURN(rep.values, Values(id));
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

Result<std::vector<StoredValue>> ReportStore::Values(int64_t report_id) {
  std::vector<StoredValue> values;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT indicator_code, num_value, text_value, not_applicable FROM report_values "
      "WHERE report_id = ? ORDER BY indicator_code",
      {report_id}, [&](const SqlRow& r) {
        values.push_back({r.Text(0), r.OptInt(1), r.OptText(2), r.Int(3) != 0});
        return true;
      }));
  return values;
}

Result<std::vector<ActivityCount>> ReportStore::ActivityCounts(int64_t unit_id,
                                                               const std::string& first,
                                                               const std::string& last) {
  std::vector<ActivityCount> counts;
  LT_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT theme, channel, COUNT(*) FROM activities WHERE unit_id = ? AND date >= ? AND "
      "date <= ? GROUP BY theme, channel ORDER BY theme, channel",
      {unit_id, first, last}, [&](const SqlRow& r) {
        counts.push_back({r.Text(0), r.Text(1), r.Int(2)});
        return true;
      }));
  return counts;
}

}  // namespace lienthong
