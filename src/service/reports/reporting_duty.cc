// AddReportingDuty (declared in service/reports/report_duties.h): a duty's periods, the units that
// owe a report for each, and their slots with the expected counts along each chain.
#include <algorithm>

#include "core/unit_path.h"
#include "service/reports/report_duties.h"
#include "store/audit_log.h"
#include "store/plan_store.h"
#include "store/report_audit.h"
#include "store/rollup_store.h"
#include "store/unit_store.h"
#include "text/normalize.h"

namespace lienthong {
namespace {

bool OneOff(ReportFrequency f) { return f == ReportFrequency::kOnce || f == ReportFrequency::kAdHoc; }

struct DutyPeriod {
  PeriodKey key;
  ReportingPeriod window;  // window.due: the deadline of a one-off duty
};

// The periods the duty asks for; kInvalidArgument naming the field at fault.
Result<std::vector<DutyPeriod>> DutyPeriods(const DutyRequest& r) {
  std::vector<DutyPeriod> periods;
  if (OneOff(r.frequency)) {
    if (!r.deadline) {
      return Status::InvalidField("deadline", "required for once and ad_hoc")
          .WithReason("one_off_needs_deadline");
    }
    Date last = r.period_last.value_or(*r.deadline);
    Date first = r.period_first.value_or(Date{last.year, 1, 1});
    if (last < first) {
      return Status::InvalidField("period_first", "after period_last")
          .WithReason("date_range_reversed", {{"from_date", first.ToIso()}, {"to_date", last.ToIso()}});
    }
    PeriodKey key = CustomPeriod(first, last);
    ReportingPeriod window = PeriodWindow(key);
    window.due = *r.deadline;
    periods.push_back({key, window});
    return periods;
  }
  if (r.first_year < 1900 || r.last_year < r.first_year || r.last_year - r.first_year > 20) {
    return Status::InvalidField("last_year", "first_year to last_year: at most 20 years")
        .WithReason("years_range", {{"max", "20"}});
  }
  for (int y = r.first_year; y <= r.last_year; ++y) {
    for (const PeriodKey& key : PeriodsOfYear(r.frequency, y)) {
      periods.push_back({key, PeriodWindow(key, r.cutoff)});
    }
  }
  return periods;
}

Result<Unit> IssuerOf(Database& db, int64_t plan_id) {
  LT_ASSIGN_OR_RETURN(auto plan, PlanStore(db).GetPlan(plan_id));
  if (!plan) return Status::NotFound("plan " + std::to_string(plan_id));
  std::optional<Unit> issuer;
  if (plan->unit_id) {
    LT_ASSIGN_OR_RETURN(issuer, UnitStore(db).FindById(*plan->unit_id));
  }
  if (!issuer) {
    return Status::FailedPrecondition("plan " + std::to_string(plan_id) +
                                      " has no issuing unit, so nobody reports to it")
        .WithReason("plan_without_unit");
  }
  return *issuer;
}

// The units that owe reports: the listed assignees, or every territorial unit under the issuer.
Result<std::vector<Unit>> Reporters(const std::vector<Unit>& subtree, const Unit& issuer,
                                    const std::vector<std::string>& assignees) {
  std::vector<Unit> reporters;
  if (assignees.empty()) {
    for (const auto& u : subtree) {
      if (u.id != issuer.id && IsTerritorial(u.kind)) reporters.push_back(u);
    }
    return reporters;
  }
  for (const auto& code : assignees) {
    auto it = std::find_if(subtree.begin(), subtree.end(),
                           [&](const Unit& u) { return u.code == code; });
    if (it == subtree.end() || it->id == issuer.id) {
      return Status::NotFound("assignee '" + code.substr(0, 60) + "' is not a unit under " +
                              issuer.code);
    }
    reporters.push_back(*it);
  }
  return reporters;
}

int OffsetFor(const DutyRequest& r, const Unit& unit) {
  for (const std::string& key :
       {std::string(UnitKindName(unit.kind)), ReportingLevel(unit), std::string("default")}) {
    auto it = r.offset_days.find(key);
    if (it != r.offset_days.end()) return it->second;
  }
  return OneOff(r.frequency) ? 0 : 6;
}

Date AddDays(const Date& d, int days) { return Date::FromDaysSinceEpoch(d.DaysSinceEpoch() + days); }

bool ActiveDuring(const Unit& u, const Date& first, const Date& last) {
  if (u.valid_from && *u.valid_from > last) return false;
  if (u.valid_to && *u.valid_to <= first) return false;
  return true;
}

DutyRecord DutyRecordOf(const DutyRequest& r, const std::vector<DutyPeriod>& periods) {
  DutyRecord duty{.plan_id = r.plan_id, .frequency = r.frequency, .cutoff = r.cutoff};
  if (OneOff(r.frequency)) {
    duty.period_first = periods[0].window.start;
    duty.period_last = periods[0].window.end;
    duty.deadline = r.deadline;
  } else {
    duty.first_year = r.first_year;
    duty.last_year = r.last_year;
  }
  duty.offset_days = r.offset_days;
  duty.assignees = r.assignees;
  duty.note = ToNfc(r.note);
  duty.created_by = r.actor;
  return duty;
}

// Inserts a slot per reporter active in each period and adds the new slots to `expected` along
// each reporter's chain, whose unit ids `id_of` maps by path.
Result<int64_t> CreateSlots(Database& db, const DutyRequest& r, const DutyRecord& duty,
                            const std::vector<DutyPeriod>& periods,
                            const std::vector<Unit>& reporters,
                            const std::map<std::string, int64_t>& id_of) {
  ReportStore store(db);
  int64_t created = 0;
  std::map<std::pair<std::string, int64_t>, int64_t> expected;  // (period, unit) → new slots
  for (const auto& [key, window] : periods) {
    for (const Unit& u : reporters) {
      if (!ActiveDuring(u, window.start, window.end)) continue;
      SlotRecord slot{.plan_id = r.plan_id, .duty_id = duty.id, .unit_id = u.id,
                      .period_key = key.ToString(), .period_first = window.start.ToIso(),
                      .period_last = window.end.ToIso()};
      slot.due = AddDays(OneOff(r.frequency) ? *r.deadline : window.end, OffsetFor(r, u)).ToIso();
      LT_ASSIGN_OR_RETURN(auto id, store.InsertSlot(slot));
      if (!id) continue;
      ++created;
      for (const std::string& path : UnitPath(u.path).Lineage()) {
        auto it = id_of.find(path);
        if (it != id_of.end()) ++expected[{slot.period_key, it->second}];
      }
    }
  }
  RollupStore rollups(db);
  for (const auto& [where, n] : expected) {
    LT_RETURN_IF_ERROR(rollups.AddRates(r.plan_id, where.first, {where.second}, {n, 0, 0}));
  }
  return created;
}

}  // namespace

Result<DutyResult> AddReportingDuty(Database& db, const DutyRequest& r) {
  LT_ASSIGN_OR_RETURN(std::vector<DutyPeriod> periods, DutyPeriods(r));
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(Unit issuer, IssuerOf(db, r.plan_id));
  LT_ASSIGN_OR_RETURN(auto subtree, UnitStore(db).Subtree(issuer));
  LT_ASSIGN_OR_RETURN(auto reporters, Reporters(subtree, issuer, r.assignees));
  // Unit ids by path for every chain: the subtree and the issuer's ancestors.
  LT_ASSIGN_OR_RETURN(auto id_of, RollupStore(db).UnitIdsByPath(UnitPath(issuer.path).Lineage()));
  for (const auto& u : subtree) id_of[u.path] = u.id;

  DutyRecord duty = DutyRecordOf(r, periods);
  LT_ASSIGN_OR_RETURN(duty.id, ReportStore(db).InsertDuty(duty));
  DutyResult result{.duty_id = duty.id};
  for (const auto& p : periods) result.periods.push_back(p.key.ToString());
  LT_ASSIGN_OR_RETURN(result.slots_created, CreateSlots(db, r, duty, periods, reporters, id_of));
  LT_RETURN_IF_ERROR(
      AppendAudit(db, DutyAudit(r.actor, duty, result.slots_created, result.periods)));
  LT_RETURN_IF_ERROR(txn->Commit());
  return result;
}

}  // namespace lienthong
