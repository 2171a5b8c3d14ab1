#include "service/plans/plan_coverage.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/plan.h"
#include "core/unit_path.h"
#include "service/plans/cascade_units.h"
#include "service/plans/plan_derive.h"
#include "service/plans/text_similarity.h"
#include "store/plan_store.h"
#include "store/unit_store.h"
#include "text/keys.h"
#include "text/time_spec_parser.h"

namespace lienthong {
namespace {

void CollectTreeTitles(const std::vector<Section>& nodes, std::vector<std::string>& out) {
  for (const Section& n : nodes) {
    if (!n.title.empty()) out.push_back(n.title);
    CollectTreeTitles(n.children, out);
  }
}

void AddText(const std::string& s, std::vector<std::string>& texts) {
  if (!s.empty()) texts.push_back(s);
}

// Every text of a document a theme or task could be covered by, in reading order.
std::vector<std::string> DocumentTexts(const PlanDocument& doc) {
  std::vector<std::string> texts;
  texts.push_back(doc.header.title);
  for (const Section& s : doc.sections) texts.push_back(s.title);
  CollectTreeTitles(doc.sections, texts);
  for (const ContentTheme& t : doc.themes) {
    AddText(t.title, texts);
    AddText(t.text, texts);
  }
  for (const DocumentPhase& p : doc.phases) {
    AddText(p.objective, texts);
    AddText(p.name, texts);
  }
  for (const Channel& c : doc.channels) AddText(c.name, texts);
  for (const DocumentTask& t : doc.tasks) AddText(t.text, texts);
  return texts;
}

// "trước ngày 15/9/2025" inside a sentence, read on its SearchKey (time_spec_parser reads those).
std::optional<Date> DateInSentence(const std::string& sentence) {
  const std::string key = SearchKey(sentence);
  for (std::string_view marker : {"truoc ngay", "cham nhat ngay", "han chot", "truoc "}) {
    size_t at = key.find(marker);
    if (at == std::string::npos) continue;
    std::vector<std::string> words;
    size_t pos = at;
    while (pos < key.size() && words.size() < 9) {
      size_t end = key.find(' ', pos);
      if (end == std::string::npos) end = key.size();
      if (end > pos) words.push_back(key.substr(pos, end - pos));
      pos = end + 1;
    }
    for (size_t n = words.size(); n >= 2; --n) {
      std::string phrase;
      for (size_t i = 0; i < n; ++i) phrase += (i ? " " : "") + words[i];
      while (!phrase.empty() && std::string(".,;:)").find(phrase.back()) != std::string::npos)
        phrase.pop_back();
      TimeSpec spec = ParseTimeSpec(phrase);
      if (spec.kind == TimeSpecKind::kDate && spec.start) return spec.start;
    }
  }
  return std::nullopt;
}

bool SpeaksOfImplementingPlan(const std::string& text) {
  const std::string key = SearchKey(text);
  return key.find("ke hoach") != std::string::npos &&
         (key.find("xay dung") != std::string::npos || key.find("ban hanh") != std::string::npos);
}

double Rounded(double score) { return std::round(score * 100.0) / 100.0; }

struct ChildPlan {
  int64_t id = 0;
  std::string unit_path;
  std::optional<std::string> number;
  std::optional<std::string> date;
  PlanStatus status = PlanStatus::kDraft;
  const PlanDocument* document = nullptr;
  bool Issued() const {
    return status == PlanStatus::kPublished ||
           (number && date && Date::FromIso(*date).has_value());
  }
};

bool BetterPlan(const ChildPlan& a, const ChildPlan& b) {
  if (a.Issued() != b.Issued()) return a.Issued();
  std::string da = a.date.value_or("9999"), db = b.date.value_or("9999");
  if (da != db) return da < db;
  return a.id < b.id;
}

struct RequiredUnit {
  const Unit* unit = nullptr;
  std::string required_by;
};

}  // namespace

ImplementingDeadline FindImplementingDeadline(const PlanDocument& doc,
                                              const std::optional<std::string>& plan_date,
                                              int default_days) {
  ImplementingDeadline result;
  auto consider = [&](std::optional<Date> date, const std::string& text) {
    if (!date || (result.date && *result.date <= *date)) return;
    result.date = date;
    result.source = "document";
    result.text = text;
  };
  for (const DocumentTask& task : doc.tasks) {
    if (!SpeaksOfImplementingPlan(task.text) || task.deadline.empty()) continue;
    TimeSpec spec = ParseTimeSpec(task.deadline);
    consider(spec.DueDate(), task.text + " — " + task.deadline);
  }
  for (const std::string& text : DocumentTexts(doc)) {
    for (const std::string& sentence : SplitPassages(text)) {
      if (SpeaksOfImplementingPlan(sentence)) consider(DateInSentence(sentence), sentence);
    }
  }
  if (result.date) return result;
  if (plan_date) {
    if (auto d = Date::FromIso(*plan_date)) {
      result.date = Date::FromDaysSinceEpoch(d->DaysSinceEpoch() + default_days);
      result.source = "default";
      return result;
    }
  }
  result.source = "none";
  return result;
}

Result<PlanCoverageReport> PlanCoverage(Database& db, int64_t plan_id,
                                        const CoverageOptions& options) {
  PlanStore plans(db);
  UnitStore unit_store(db);
  LT_ASSIGN_OR_RETURN(auto stored, plans.LoadPlan(plan_id));
  if (!stored) return Status::NotFound("plan " + std::to_string(plan_id));
  const PlanRecord* plan = &stored->record;
  const PlanDocument& doc = stored->document;
  const Date today = options.today.value_or(Today());

  // The plan's unit and territory (the root for a plan without unit).
  LT_ASSIGN_OR_RETURN(PlanPlace place, PlaceOfPlan(db, plan->unit_id));
  const std::optional<Unit>& plan_unit = place.unit;
  const Unit& territory = place.territory;
  const std::string plan_level(LevelOfTerritory(territory.kind));

  // The territory's active units, each with its own territory.
  LT_ASSIGN_OR_RETURN(std::vector<Unit> subtree, unit_store.Subtree(territory));
  std::erase_if(subtree, [&](const Unit& u) { return !u.IsActiveOn(today); });
  std::map<int64_t, const Unit*> by_id;
  std::map<int64_t, const Unit*> territory_of;  // parents come before children (path order)
  std::map<int64_t, std::vector<const Unit*>> children;
  for (const Unit& u : subtree) {
    by_id[u.id] = &u;
    const Unit* t = &u;
    if (!IsTerritorial(u.kind) && u.parent_id && territory_of.count(*u.parent_id))
      t = territory_of[*u.parent_id];
    territory_of[u.id] = t;
    if (u.parent_id) children[*u.parent_id].push_back(&u);
  }
  auto skip = [&](const Unit& u) {
    return u.id == territory.id || (plan_unit && u.id == plan_unit->id);
  };

  // Parent tasks: id, text, names.
  LT_ASSIGN_OR_RETURN(std::vector<TaskRecord> task_rows, plans.Tasks(plan_id));
  struct ParentTask {
    int64_t id;
    std::string text;
    std::vector<std::string> names;
    Fingerprint fp;
  };
  std::vector<ParentTask> tasks;
  for (const TaskRecord& r : task_rows) {
    ParentTask t{r.id, r.text, r.lead, MakeFingerprint(r.text)};
    t.names.insert(t.names.end(), r.coordinators.begin(), r.coordinators.end());
    tasks.push_back(std::move(t));
  }

  // Required units.
  std::map<int64_t, RequiredUnit> required;
  std::set<std::string> task_names;
  for (const auto& t : tasks) task_names.insert(t.names.begin(), t.names.end());
  for (const std::string& name : task_names) {
    std::vector<const Unit*> matched;
    for (const Unit& u : subtree) {
      if (skip(u)) continue;
      const Unit* t = territory_of[u.id];
      if (NameNamesUnit(name, u, *t, t->id == territory.id)) matched.push_back(&u);
    }
    for (const Unit* u : matched) {
      bool has_deeper = std::any_of(matched.begin(), matched.end(), [&](const Unit* o) {
        return o != u && UnitPath(o->path).Within(u->path);
      });
      if (!has_deeper) required[u->id] = {u, "assignee"};
    }
  }
  std::set<std::string> generic_names = task_names;
  for (const std::string& r : doc.recipients) generic_names.insert(r);
  for (const std::string& name : generic_names) {
    auto generic = ClassifyGenericName(name);
    if (!generic) continue;
    std::string level =
        generic->level == "below" ? std::string(LevelBelow(plan_level)) : generic->level;
    if (level.empty() || level == plan_level || level == "country") continue;
    if (plan_level == "commune") continue;
    if (plan_level == "province" && level != "commune") continue;
    for (const Unit& t : subtree) {
      if (!IsTerritorial(t.kind) || LevelOfTerritory(t.kind) != level || skip(t)) continue;
      std::vector<const Unit*> bodies;
      if (generic->family != BodyFamily::kAny) {
        for (const Unit* c : children[t.id])
          if (!IsTerritorial(c->kind) && KindInFamily(c->kind, generic->family))
            bodies.push_back(c);
      }
      if (bodies.empty()) bodies.push_back(&t);
      for (const Unit* b : bodies) required.try_emplace(b->id, RequiredUnit{b, "subordinate"});
    }
  }

  // Implementing plans.
  LT_ASSIGN_OR_RETURN(std::vector<ImplementingPlan> implementing, plans.ImplementingPlans(plan_id));
  std::vector<ChildPlan> children_plans;
  for (const ImplementingPlan& p : implementing) {
    children_plans.push_back({p.id, p.unit_path, p.number, p.date, p.status, &p.document});
  }

  ImplementingDeadline deadline = FindImplementingDeadline(doc, plan->date, options.default_days);

  PlanCoverageReport report{.plan_id = plan->id,
                            .unit_code = plan_unit ? std::optional(plan_unit->code) : std::nullopt,
                            .number = plan->number,
                            .date = plan->date,
                            .title = plan->title,
                            .status = plan->status,
                            .implementing_deadline = deadline};
  // Parent themes.
  std::vector<Fingerprint> theme_fps;
  for (const ContentTheme& theme : doc.themes) {
    report.themes.push_back({theme_fps.size(), theme.label, theme.title});
    theme_fps.push_back(MakeFingerprint(theme.title + " " + theme.text));
  }
  for (const auto& t : tasks) report.tasks.push_back({t.id, t.text});

  std::vector<const RequiredUnit*> ordered;
  for (const auto& [id, r] : required) {
    if (!options.visible_path.empty() && !UnitPath(r.unit->path).Within(options.visible_path)) continue;
    ordered.push_back(&r);
  }
  std::sort(ordered.begin(), ordered.end(),
            [](const RequiredUnit* a, const RequiredUnit* b) { return a->unit->path < b->unit->path; });

  std::map<int64_t, PassageIndex> indexes;  // per child plan
  CoverageSummary& summary = report.summary;
  for (const RequiredUnit* r : ordered) {
    const Unit& u = *r->unit;
    const ChildPlan* best = nullptr;
    for (const ChildPlan& c : children_plans) {
      if (UnitPath(c.unit_path).Within(u.path) && (!best || BetterPlan(c, *best))) best = &c;
    }
    CoverageUnit entry{.code = u.code, .name = u.name, .kind = u.kind,
                       .required_by = r->required_by};
    bool is_issued = best && best->Issued();
    if (is_issued) ++summary.issued;
    else if (best) ++summary.drafting;
    else ++summary.missing;
    bool late = false;
    if (deadline.date) {
      if (is_issued) {
        auto d = best->date ? Date::FromIso(*best->date) : std::nullopt;
        late = d && *d > *deadline.date;
      } else {
        late = today > *deadline.date;
      }
    }
    entry.late = late;
    summary.late += late ? 1 : 0;
    if (best) {
      entry.plan = CoveragePlan{best->id, best->number, best->date, best->status, is_issued};
      auto it = indexes.find(best->id);
      if (it == indexes.end()) {
        std::vector<std::string> passages;
        for (const auto& text : DocumentTexts(*best->document))
          for (auto& p : SplitPassages(text)) passages.push_back(std::move(p));
        it = indexes.emplace(best->id, PassageIndex(std::move(passages))).first;
      }
      const PassageIndex& index = it->second;
      for (size_t i = 0; i < theme_fps.size(); ++i) {
        PassageMatch m = index.Best(theme_fps[i]);
        entry.themes.push_back({.theme_index = i,
                                .score = Rounded(m.score),
                                .covered = m.score >= kCoveredScore,
                                .passage = m.passage});
      }
      const Unit& t = *territory_of[u.id];
      for (const auto& task : tasks) {
        PassageMatch m = index.Best(task.fp);
        entry.tasks.push_back(
            {.task_id = task.id,
             .score = Rounded(m.score),
             .covered = m.score >= kCoveredScore,
             .passage = m.passage,
             .assigned = TaskFallsToUnit(task.names, u, t, plan_level, t.id == territory.id)});
      }
    }
    report.units.push_back(std::move(entry));
  }
  summary.required = report.units.size();
  return report;
}

}  // namespace lienthong
