#include "service/reports/report_duties.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "service/reports/rollup.h"
#include "store/audit_log.h"
#include "store/plan_store.h"
#include "store/unit_store.h"
#include "text/normalize.h"

namespace lienthong {
namespace {

using nlohmann::json;

bool ValidCode(const std::string& code) {
  if (code.empty() || code.size() > 64) return false;
  for (unsigned char c : code) {
    if (!std::isalnum(c) && c != '_' && c != '-' && c != '.') return false;
  }
  return true;
}

const std::set<std::string> kAggregations = {"sum", "mean", "weighted_mean", "min",
                                             "max", "share_meeting_target", "none"};

int OffsetFor(const DutyRequest& r, const Unit& unit) {
  for (const std::string& key :
       {std::string(UnitKindName(unit.kind)), ReportingLevel(unit), std::string("default")}) {
    auto it = r.offset_days.find(key);
    if (it != r.offset_days.end()) return it->second;
  }
  bool recurring = r.frequency != ReportFrequency::kOnce && r.frequency != ReportFrequency::kAdHoc;
  return recurring ? 6 : 0;
}

Date AddDays(const Date& d, int days) { return Date::FromDaysSinceEpoch(d.DaysSinceEpoch() + days); }

bool ActiveDuring(const Unit& u, const Date& first, const Date& last) {
  if (u.valid_from && *u.valid_from > last) return false;
  if (u.valid_to && *u.valid_to <= first) return false;
  return true;
}

}  // namespace

std::string ReportingLevel(const Unit& unit) {
  switch (unit.kind) {
    case UnitKind::kCountry: return "country";
    case UnitKind::kProvince:
    case UnitKind::kCity: return "province";
    case UnitKind::kCommune:
    case UnitKind::kWard:
    case UnitKind::kSpecialZone: return "commune";
    default: break;
  }
  int territory_depth = unit.depth - 1;  // a body hangs under its territory
  if (territory_depth <= 0) return "country";
  return territory_depth == 1 ? "province" : "commune";
}

json IndicatorJson(const IndicatorDef& d) {
  json j = {{"code", d.code}, {"name", d.name}, {"type", IndicatorTypeName(d.type)},
            {"aggregation", d.aggregation}, {"unit_label", d.unit_label}};
  j["weight_code"] = d.weight_code ? json(*d.weight_code) : json(nullptr);
  j["target"] = d.target ? json(*d.target) : json(nullptr);
  j["goal"] = d.goal ? json(*d.goal) : json(nullptr);
  j["goal_period"] = d.goal_period ? json(*d.goal_period) : json(nullptr);
  return j;
}

json DutyJson(const DutyRecord& d) {
  auto opt = [](const auto& v) { return v ? json(*v) : json(nullptr); };
  return {{"id", d.id},
          {"plan_id", d.plan_id},
          {"frequency", d.frequency},
          {"cutoff", d.cutoff},
          {"first_year", opt(d.first_year)},
          {"last_year", opt(d.last_year)},
          {"period_first", opt(d.period_first)},
          {"period_last", opt(d.period_last)},
          {"deadline", opt(d.deadline)},
          {"offset_days", json::parse(d.offsets_json, nullptr, false)},
          {"assignees", json::parse(d.assignees_json, nullptr, false)},
          {"note", d.note},
          {"created_at", d.created_at},
          {"created_by", d.created_by}};
}

Status DeclareIndicators(Database& db, int64_t plan_id, std::vector<IndicatorDef> defs,
                         const std::string& actor) {
  std::map<std::string, IndicatorType> types;
  for (size_t i = 0; i < defs.size(); ++i) {
    IndicatorDef& d = defs[i];
    std::string where = "indicators[" + std::to_string(i) + "].";
    d.plan_id = plan_id;
    d.position = static_cast<int>(i);
    d.name = ToNfc(d.name);
    d.unit_label = ToNfc(d.unit_label);
    if (!ValidCode(d.code)) {
      return Status::InvalidField(where + "code", "letters, digits, '_', '-', '.' (1–64)");
    }
    if (!types.emplace(d.code, d.type).second) {
      return Status::InvalidField(where + "code", "'" + d.code + "' is declared twice");
    }
    if (d.name.empty()) return Status::InvalidField(where + "name", "must not be empty");
    if (d.type == IndicatorType::kText) d.aggregation = "none";
    if (!kAggregations.count(d.aggregation)) {
      return Status::InvalidField(
          where + "aggregation", "one of sum, mean, weighted_mean, min, max, share_meeting_target");
    }
    if (d.type == IndicatorType::kYesNo && !d.target) d.target = 1;
    if (d.aggregation == "share_meeting_target" && !d.target) {
      return Status::InvalidField(where + "target", "share_meeting_target needs a target");
    }
    if (d.aggregation == "weighted_mean" ? !d.weight_code : d.weight_code.has_value()) {
      return Status::InvalidField(where + "weight_code",
                                  "required for weighted_mean and only allowed there");
    }
    if (d.goal_period && !ParsePeriodKey(*d.goal_period).ok()) {
      return Status::InvalidField(where + "goal_period", "'" + d.goal_period->substr(0, 40) +
                                                             "' is not a period like 2025-Q4");
    }
  }
  for (size_t i = 0; i < defs.size(); ++i) {
    if (!defs[i].weight_code) continue;
    auto it = types.find(*defs[i].weight_code);
    if (it == types.end() || it->second == IndicatorType::kText ||
        *defs[i].weight_code == defs[i].code) {
      return Status::InvalidField("indicators[" + std::to_string(i) + "].weight_code",
                                  "must name another numeric indicator of the plan");
    }
  }
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto before, store.Indicators(plan_id));
  LT_RETURN_IF_ERROR(store.ReplaceIndicators(plan_id, defs));
  json before_json = json::array(), after_json = json::array();
  for (const auto& d : before) before_json.push_back(IndicatorJson(d));
  for (const auto& d : defs) after_json.push_back(IndicatorJson(d));
  LT_RETURN_IF_ERROR(AppendAudit(db, {.actor = actor, .action = "update",
                                      .entity = "plan_indicators",
                                      .entity_id = std::to_string(plan_id),
                                      .before_json = before_json.dump(),
                                      .after_json = after_json.dump()}));
  return txn->Commit();
}

Result<DutyResult> AddReportingDuty(Database& db, const DutyRequest& r) {
  bool one_off = r.frequency == ReportFrequency::kOnce || r.frequency == ReportFrequency::kAdHoc;
  std::vector<std::pair<PeriodKey, ReportingPeriod>> periods;
  if (one_off) {
    if (!r.deadline) return Status::InvalidField("deadline", "required for once and ad_hoc");
    Date last = r.period_last.value_or(*r.deadline);
    Date first = r.period_first.value_or(Date{last.year, 1, 1});
    if (last < first) return Status::InvalidField("period_first", "after period_last");
    PeriodKey key = CustomPeriod(first, last);
    ReportingPeriod window = PeriodWindow(key);
    window.due = *r.deadline;
    periods.emplace_back(key, window);
  } else {
    if (r.first_year < 1900 || r.last_year < r.first_year || r.last_year - r.first_year > 20) {
      return Status::InvalidField("last_year", "first_year to last_year: at most 20 years");
    }
    for (int y = r.first_year; y <= r.last_year; ++y) {
      for (const PeriodKey& key : PeriodsOfYear(r.frequency, y)) {
        periods.emplace_back(key, PeriodWindow(key, r.cutoff));
      }
    }
  }

  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  PlanStore plans(db);
  LT_ASSIGN_OR_RETURN(auto plan, plans.GetPlan(r.plan_id));
  if (!plan) return Status::NotFound("plan " + std::to_string(r.plan_id));
  if (!plan->unit_id) {
    return Status::FailedPrecondition("plan " + std::to_string(r.plan_id) +
                                      " has no issuing unit, so nobody reports to it");
  }
  UnitStore units(db);
  LT_ASSIGN_OR_RETURN(auto issuer_rows,
                      db.Query("SELECT code FROM units WHERE id = ?", {*plan->unit_id}));
  LT_ASSIGN_OR_RETURN(Unit issuer, units.GetByCode(issuer_rows.at(0).Text(0)));
  LT_ASSIGN_OR_RETURN(auto subtree, units.Subtree(issuer));
  std::vector<Unit> reporters;
  if (r.assignees.empty()) {
    for (auto& u : subtree) {
      if (u.id != issuer.id && IsTerritorial(u.kind)) reporters.push_back(u);
    }
  } else {
    for (const auto& code : r.assignees) {
      auto it = std::find_if(subtree.begin(), subtree.end(),
                             [&](const Unit& u) { return u.code == code; });
      if (it == subtree.end() || it->id == issuer.id) {
        return Status::NotFound("assignee '" + code.substr(0, 60) + "' is not a unit under " +
                                issuer.code);
      }
      reporters.push_back(*it);
    }
  }
  // Ancestor ids by path, for the rates of every slot's chain.
  std::map<std::string, int64_t> id_of;
  for (const auto& u : subtree) id_of[u.path] = u.id;
  {
    std::string prefix;
    for (size_t i = 1; i < issuer.path.size(); ++i) {
      if (issuer.path[i] != '/') continue;
      prefix = issuer.path.substr(0, i + 1);
      if (!id_of.count(prefix)) {
        LT_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT id FROM units WHERE path = ?", {prefix}));
        if (!rows.empty()) id_of[prefix] = rows[0].Int(0);
      }
    }
  }

  DutyRecord duty;
  duty.plan_id = r.plan_id;
  duty.frequency = std::string(FrequencyName(r.frequency));
  duty.cutoff = std::string(CutoffRuleName(r.cutoff));
  if (!one_off) {
    duty.first_year = r.first_year;
    duty.last_year = r.last_year;
  } else {
    duty.period_first = periods[0].second.start.ToIso();
    duty.period_last = periods[0].second.end.ToIso();
    duty.deadline = r.deadline->ToIso();
  }
  duty.offsets_json = json(r.offset_days).dump();
  duty.assignees_json = json(r.assignees).dump();
  duty.note = ToNfc(r.note);
  duty.created_by = r.actor;
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(int64_t duty_id, store.InsertDuty(duty));
  duty.id = duty_id;

  DutyResult result;
  result.duty_id = duty_id;
  std::map<std::pair<std::string, int64_t>, int64_t> expected;  // (period, unit) → new slots
  for (const auto& [key, window] : periods) {
    result.periods.push_back(key.ToString());
    for (const Unit& u : reporters) {
      if (!ActiveDuring(u, window.start, window.end)) continue;
      SlotRecord slot;
      slot.plan_id = r.plan_id;
      slot.duty_id = duty_id;
      slot.unit_id = u.id;
      slot.period_key = key.ToString();
      slot.period_first = window.start.ToIso();
      slot.period_last = window.end.ToIso();
      slot.due = AddDays(one_off ? *r.deadline : window.end, OffsetFor(r, u)).ToIso();
      LT_ASSIGN_OR_RETURN(auto id, store.InsertSlot(slot));
      if (!id) continue;
      ++result.slots_created;
      for (size_t i = 1; i < u.path.size(); ++i) {
        if (u.path[i] != '/') continue;
        auto it = id_of.find(u.path.substr(0, i + 1));
        if (it != id_of.end()) ++expected[{slot.period_key, it->second}];
      }
    }
  }
  for (const auto& [where, n] : expected) {
    LT_RETURN_IF_ERROR(store.AddRates(r.plan_id, where.first, {where.second}, {n, 0, 0}));
  }
  json after = DutyJson(duty);
  after["slots_created"] = result.slots_created;
  after["periods"] = result.periods;
  LT_RETURN_IF_ERROR(AppendAudit(db, {.actor = r.actor, .action = "create",
                                      .entity = "reporting_duty",
                                      .entity_id = std::to_string(duty_id),
                                      .after_json = after.dump()}));
  LT_RETURN_IF_ERROR(txn->Commit());
  return result;
}

Result<nlohmann::json> ReportingRates(Database& db, int64_t plan_id, const Unit& unit,
                                      const std::string& period_key) {
  LT_ASSIGN_OR_RETURN(PeriodKey key, ParsePeriodKey(period_key));
  std::string period = key.ToString();
  UnitStore units(db);
  LT_ASSIGN_OR_RETURN(auto children, units.Children(unit));
  std::vector<int64_t> ids = {unit.id};
  for (const auto& c : children) ids.push_back(c.id);
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto rates, store.Rates(plan_id, period, ids));
  auto rates_json = [](const RateTotals& t) {
    json j = {{"expected", t.expected}, {"received", t.received}, {"on_time", t.on_time}};
    j["received_rate"] = t.expected ? json(100.0 * t.received / t.expected) : json(nullptr);
    j["on_time_rate"] = t.expected ? json(100.0 * t.on_time / t.expected) : json(nullptr);
    return j;
  };
  json kids = json::array();
  for (const auto& c : children) {
    auto it = rates.find(c.id);
    if (it == rates.end()) continue;  // no slot in that child's subtree
    kids.push_back({{"code", c.code}, {"name", c.name}, {"rates", rates_json(it->second)}});
  }
  return json{{"plan_id", plan_id},
              {"unit", {{"code", unit.code}, {"name", unit.name}}},
              {"period", {{"key", period}, {"label", PeriodLabelVi(key)}}},
              {"rates", rates_json(rates[unit.id])},
              {"children", std::move(kids)}};
}

}  // namespace lienthong
