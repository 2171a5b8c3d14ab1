#include "service/plans/plan_coverage.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/unit_path.h"
#include "service/plans/cascade_units.h"
#include "service/plans/coverage_required_units.h"
#include "service/plans/plan_derive.h"
#include "service/plans/text_similarity.h"
#include "service/plans/theme_coverage.h"
#include "store/plan_store.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

double Rounded(double score) { return std::round(score * 100.0) / 100.0; }

bool Issued(const ImplementingPlan& p) {
  return p.status == PlanStatus::kPublished ||
         (p.number && p.date && Date::FromIso(*p.date).has_value());
}

bool BetterPlan(const ImplementingPlan& a, const ImplementingPlan& b) {
  if (Issued(a) != Issued(b)) return Issued(a);
  std::string da = a.date.value_or("9999"), db = b.date.value_or("9999");
  if (da != db) return da < db;
  return a.id < b.id;
}

struct ParentTask {
  int64_t id;
  std::string text;
  std::vector<std::string> names;  // lead and coordinators
  Fingerprint fp;
};

// What one child plan covers of the parent, computed once however many units it stands for.
struct ChildCoverage {
  std::vector<ThemeMatch> themes;
  PassageIndex passages;  // for the tasks
};

ChildCoverage CoverageOfChild(const PlanDocument& parent, const PlanDocument& child) {
  std::vector<std::string> passages;
  for (const auto& text : DocumentTexts(child))
    for (auto& p : SplitPassages(text)) passages.push_back(std::move(p));
  return {MatchThemes(parent, child), PassageIndex(std::move(passages))};
}

// Lateness against the parent's deadline (the rule in plan_coverage.h).
bool IsLate(const ImplementingPlan* best, const ImplementingDeadline& deadline, Date today) {
  if (!deadline.date) return false;
  if (best && Issued(*best)) {
    auto d = best->date ? Date::FromIso(*best->date) : std::nullopt;
    return d && *d > *deadline.date;
  }
  return today > *deadline.date;
}

void ScoreUnit(const ChildCoverage& child, const std::vector<ParentTask>& tasks,
               const RequiredUnit& r, const PlanPlace& place, CoverageUnit& entry) {
  for (size_t i = 0; i < child.themes.size(); ++i) {
    const ThemeMatch& m = child.themes[i];
    entry.themes.push_back({.theme_index = i,
                            .score = Rounded(m.score),
                            .covered = m.covered,
                            .passage = m.passage});
  }
  const std::string plan_level(LevelOfTerritory(place.territory.kind));
  const bool own_territory = r.territory.id == place.territory.id;
  for (const ParentTask& task : tasks) {
    PassageMatch m = child.passages.Best(task.fp);
    entry.tasks.push_back(
        {.task_id = task.id,
         .score = Rounded(m.score),
         .covered = m.score >= kCoveredScore,
         .passage = m.passage,
         .assigned = TaskFallsToUnit(task.names, r.unit, r.territory, plan_level, own_territory)});
  }
}

}  // namespace

Result<PlanCoverageReport> PlanCoverage(Database& db, int64_t plan_id,
                                        const CoverageOptions& options) {
  PlanStore plans(db);
  LT_ASSIGN_OR_RETURN(auto stored, plans.LoadPlan(plan_id));
  if (!stored) return Status::NotFound("plan " + std::to_string(plan_id));
  const PlanRecord& plan = stored->record;
  const PlanDocument& doc = stored->document;
  const Date today = options.today.value_or(Today());

  LT_ASSIGN_OR_RETURN(PlanPlace place, PlaceOfPlan(db, plan.unit_id));
  LT_ASSIGN_OR_RETURN(std::vector<Unit> subtree, UnitStore(db).Subtree(place.territory));
  std::erase_if(subtree, [&](const Unit& u) { return !u.IsActiveOn(today); });

  LT_ASSIGN_OR_RETURN(std::vector<TaskRecord> task_rows, plans.Tasks(plan_id));
  std::vector<ParentTask> tasks;
  std::set<std::string> task_names;
  for (const TaskRecord& row : task_rows) {
    ParentTask t{row.id, row.text, row.lead, MakeFingerprint(row.text)};
    t.names.insert(t.names.end(), row.coordinators.begin(), row.coordinators.end());
    task_names.insert(t.names.begin(), t.names.end());
    tasks.push_back(std::move(t));
  }
  std::vector<RequiredUnit> required =
      FindRequiredUnits(subtree, place, task_names, doc.recipients);

  LT_ASSIGN_OR_RETURN(std::vector<ImplementingPlan> implementing, plans.ImplementingPlans(plan_id));
  const ImplementingDeadline deadline =
      FindImplementingDeadline(doc, plan.date, options.default_days);

  PlanCoverageReport report{.plan_id = plan.id,
                            .unit_code = place.unit ? std::optional(place.unit->code) : std::nullopt,
                            .number = plan.number,
                            .date = plan.date,
                            .title = plan.title,
                            .status = plan.status,
                            .implementing_deadline = deadline};
  for (size_t i = 0; i < doc.themes.size(); ++i)
    report.themes.push_back({i, doc.themes[i].label, doc.themes[i].title});
  for (const ParentTask& t : tasks) report.tasks.push_back({t.id, t.text});

  std::map<int64_t, ChildCoverage> by_child_plan;
  CoverageSummary& summary = report.summary;
  for (const RequiredUnit& r : required) {
    const Unit& u = r.unit;
    if (!options.visible_path.empty() && !UnitPath(u.path).Within(options.visible_path)) continue;
    const ImplementingPlan* best = nullptr;
    for (const ImplementingPlan& c : implementing) {
      if (UnitPath(c.unit_path).Within(u.path) && (!best || BetterPlan(c, *best))) best = &c;
    }
    CoverageUnit entry{.code = u.code, .name = u.name, .kind = u.kind,
                       .required_by = r.required_by};
    const bool is_issued = best && Issued(*best);
    if (is_issued) ++summary.issued;
    else if (best) ++summary.drafting;
    else ++summary.missing;
    entry.late = IsLate(best, deadline, today);
    summary.late += entry.late ? 1 : 0;
    if (best) {
      entry.plan = CoveragePlan{best->id, best->number, best->date, best->status, is_issued};
      auto it = by_child_plan.find(best->id);
      if (it == by_child_plan.end())
        it = by_child_plan.emplace(best->id, CoverageOfChild(doc, best->document)).first;
      ScoreUnit(it->second, tasks, r, place, entry);
    }
    report.units.push_back(std::move(entry));
  }
  summary.required = report.units.size();
  return report;
}

}  // namespace lienthong
