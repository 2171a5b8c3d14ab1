#include "service/reports/report_duties.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "core/unit_path.h"
#include "service/reports/rollup.h"
#include "store/audit_log.h"
#include "store/plan_store.h"
#include "store/report_audit.h"
#include "store/rollup_store.h"
#include "store/unit_store.h"
#include "text/normalize.h"

namespace lienthong {
namespace {

bool ValidCode(const std::string& code) {
  if (code.empty() || code.size() > 64) return false;
  for (unsigned char c : code) {
    if (!std::isalnum(c) && c != '_' && c != '-' && c != '.') return false;
  }
  return true;
}

// Normalises defs[i] and checks it on its own; the weight references are checked after.
Status CheckIndicator(IndicatorDef& d, size_t i, std::map<std::string, IndicatorType>& types) {
  std::string where = "indicators[" + std::to_string(i) + "].";
  d.position = static_cast<int>(i);
  d.name = ToNfc(d.name);
  d.unit_label = ToNfc(d.unit_label);
  if (!ValidCode(d.code)) {
    return Status::InvalidField(where + "code", "letters, digits, '_', '-', '.' (1–64)")
        .WithReason("indicator_code_invalid", {{"value", d.code.substr(0, 64)}});
  }
  if (!types.emplace(d.code, d.type).second) {
    return Status::InvalidField(where + "code", "'" + d.code + "' is declared twice")
        .WithReason("indicator_code_twice", {{"value", d.code}});
  }
  if (d.name.empty()) {
    return Status::InvalidField(where + "name", "must not be empty").WithReason("required");
  }
  if (d.type == IndicatorType::kText) d.aggregation = Aggregation::kNone;
  if (d.type == IndicatorType::kYesNo && !d.target) d.target = 1;
  if (d.aggregation == Aggregation::kShareMeetingTarget && !d.target) {
    return Status::InvalidField(where + "target", "share_meeting_target needs a target")
        .WithReason("indicator_needs_target", {{"indicator", d.name}});
  }
  bool weighted = d.aggregation == Aggregation::kWeightedMean;
  if (weighted != d.weight_code.has_value()) {
    return Status::InvalidField(where + "weight_code",
                                "required for weighted_mean and only allowed there")
        .WithReason("indicator_weight", {{"indicator", d.name}});
  }
  if (d.goal_period && !ParsePeriodKey(*d.goal_period).ok()) {
    return Status::InvalidField(where + "goal_period", "'" + d.goal_period->substr(0, 40) +
                                                           "' is not a period like 2025-Q4")
        .WithReason("period_invalid", {{"value", d.goal_period->substr(0, 40)}});
  }
  return Status::Ok();
}

Status CheckIndicators(std::vector<IndicatorDef>& defs, int64_t plan_id) {
  std::map<std::string, IndicatorType> types;
  for (size_t i = 0; i < defs.size(); ++i) {
    defs[i].plan_id = plan_id;
    LT_RETURN_IF_ERROR(CheckIndicator(defs[i], i, types));
  }
  for (size_t i = 0; i < defs.size(); ++i) {
    if (!defs[i].weight_code) continue;
    auto it = types.find(*defs[i].weight_code);
    if (it == types.end() || it->second == IndicatorType::kText ||
        *defs[i].weight_code == defs[i].code) {
      return Status::InvalidField("indicators[" + std::to_string(i) + "].weight_code",
                                  "must name another numeric indicator of the plan")
          .WithReason("indicator_weight", {{"indicator", defs[i].name}});
    }
  }
  return Status::Ok();
}

// What a report adds to the roll-up depends on these fields of the list, not on names, labels
// or goals.
bool SameArithmetic(const std::vector<IndicatorDef>& a, const std::vector<IndicatorDef>& b) {
  auto key = [](const std::vector<IndicatorDef>& defs) {
    std::map<std::string, std::tuple<IndicatorType, Aggregation, std::optional<std::string>,
                                     std::optional<double>>>
        out;
    for (const auto& d : defs) out[d.code] = {d.type, d.aggregation, d.weight_code, d.target};
    return out;
  };
  return key(a) == key(b);
}

}  // namespace

Result<std::vector<IndicatorDef>> DeclareIndicators(Database& db, int64_t plan_id,
                                                    std::vector<IndicatorDef> defs,
                                                    const std::string& actor) {
  LT_RETURN_IF_ERROR(CheckIndicators(defs, plan_id));
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  ReportStore store(db);
  LT_ASSIGN_OR_RETURN(auto before, store.Indicators(plan_id));
  LT_RETURN_IF_ERROR(store.ReplaceIndicators(plan_id, defs));
  if (!SameArithmetic(before, defs)) LT_RETURN_IF_ERROR(RebuildPlanRollups(db, plan_id));
  LT_RETURN_IF_ERROR(AppendAudit(db, IndicatorsAudit(actor, plan_id, before, defs)));
  LT_RETURN_IF_ERROR(txn->Commit());
  return defs;
}

Result<std::vector<IndicatorDef>> PlanIndicators(Database& db, int64_t plan_id) {
  return ReportStore(db).Indicators(plan_id);
}

Result<std::vector<DutyRecord>> PlanDuties(Database& db, int64_t plan_id) {
  return ReportStore(db).Duties(plan_id);
}

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

Result<ReportingRatesView> ReportingRates(Database& db, int64_t plan_id, const Unit& unit,
                                          const std::string& period_key) {
  LT_ASSIGN_OR_RETURN(PeriodKey key, ParsePeriodKey(period_key));
  ReportingPeriod window = PeriodWindow(key);
  ReportingRatesView out{.plan_id = plan_id, .unit = {unit.code, unit.name, unit.kind},
                         .period = {key.ToString(), PeriodLabelVi(key), window.start, window.end}};
  LT_ASSIGN_OR_RETURN(auto children, UnitStore(db).Children(unit));
  std::vector<int64_t> ids = {unit.id};
  for (const auto& c : children) ids.push_back(c.id);
  LT_ASSIGN_OR_RETURN(auto rates, RollupStore(db).Rates(plan_id, out.period.key, ids));
  out.rates = rates[unit.id];
  for (const auto& c : children) {
    auto it = rates.find(c.id);
    if (it == rates.end()) continue;  // no slot in that child's subtree
    out.children.push_back({{c.code, c.name, c.kind}, it->second});
  }
  return out;
}

}  // namespace lienthong
