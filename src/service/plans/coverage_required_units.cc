#include "service/plans/coverage_required_units.h"

#include <algorithm>
#include <map>

#include "core/unit_path.h"

namespace lienthong {
namespace {

struct Hierarchy {
  std::map<int64_t, const Unit*> territory_of;
  std::map<int64_t, std::vector<const Unit*>> children;
};

Hierarchy IndexUnits(const std::vector<Unit>& subtree) {
  Hierarchy h;
  for (const Unit& u : subtree) {
    const Unit* t = &u;
    if (!IsTerritorial(u.kind) && u.parent_id && h.territory_of.count(*u.parent_id))
      t = h.territory_of[*u.parent_id];
    h.territory_of[u.id] = t;
    if (u.parent_id) h.children[*u.parent_id].push_back(&u);
  }
  return h;
}

}  // namespace

std::vector<RequiredUnit> FindRequiredUnits(const std::vector<Unit>& subtree,
                                            const PlanPlace& place,
                                            const std::set<std::string>& task_names,
                                            const std::vector<std::string>& recipients) {
  const Unit& territory = place.territory;
  const std::string plan_level(LevelOfTerritory(territory.kind));
  const Hierarchy h = IndexUnits(subtree);
  auto skip = [&](const Unit& u) {
    return u.id == territory.id || (place.unit && u.id == place.unit->id);
  };
  std::map<int64_t, std::pair<const Unit*, std::string>> required;

  for (const std::string& name : task_names) {
    std::vector<const Unit*> matched;
    for (const Unit& u : subtree) {
      if (skip(u)) continue;
      const Unit* t = h.territory_of.at(u.id);
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
  generic_names.insert(recipients.begin(), recipients.end());
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
      if (generic->family != BodyFamily::kAny && h.children.count(t.id)) {
        for (const Unit* c : h.children.at(t.id))
          if (!IsTerritorial(c->kind) && KindInFamily(c->kind, generic->family))
            bodies.push_back(c);
      }
      if (bodies.empty()) bodies.push_back(&t);
      for (const Unit* b : bodies) required.try_emplace(b->id, b, "subordinate");
    }
  }

  std::vector<RequiredUnit> out;
  for (const auto& [id, entry] : required)
    out.push_back({*entry.first, *h.territory_of.at(id), entry.second});
  std::sort(out.begin(), out.end(), [](const RequiredUnit& a, const RequiredUnit& b) {
    return a.unit.path < b.unit.path;
  });
  return out;
}

}  // namespace lienthong
