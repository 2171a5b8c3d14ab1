#include "service/tasks/task_assignment.h"

#include <functional>
#include <map>
#include <utility>

#include "service/tasks/task_recurrence.h"
#include "store/plan_store.h"
#include "store/task_store.h"
#include "store/unit_store.h"
#include "text/keys.h"

namespace lienthong {
namespace {

struct Expansion {
  std::string token;
  std::string words;
};

const std::vector<Expansion>& Abbreviations() {
  static const std::vector<Expansion> kList = [] {
    std::vector<std::pair<const char*, const char*>> raw = {
        {"UBND", "Ủy ban nhân dân"},  {"HĐND", "Hội đồng nhân dân"},
        {"MTTQ", "Mặt trận Tổ quốc"}, {"UBMTTQ", "Ủy ban Mặt trận Tổ quốc"},
        {"UB", "Ủy ban"},             {"BCH", "Ban Chấp hành"},
        {"BCĐ", "Ban Chỉ đạo"},       {"TW", "Trung ương"},
        {"TP", "Thành phố"},          {"TP.", "Thành phố"}};
    std::vector<Expansion> out;
    for (auto& [token, words] : raw) out.push_back({MatchKey(token), MatchKey(words)});
    return out;
  }();
  return kList;
}

// Every written form of the Fatherland Front, longest first, and the one they all become.
const std::vector<std::string>& FrontForms() {
  static const std::vector<std::string> kForms = {
      MatchKey("ủy ban mặt trận tổ quốc việt nam"), MatchKey("ủy ban mặt trận tổ quốc"),
      MatchKey("mặt trận tổ quốc việt nam")};
  return kForms;
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  // Whole words only: pad with spaces so "x" never matches inside "xy".
  std::string padded = " " + text + " ";
  std::string needle = " " + from + " ";
  std::string replacement = " " + to + " ";
  size_t pos = 0;
  while ((pos = padded.find(needle, pos)) != std::string::npos) {
    padded.replace(pos, needle.size(), replacement);
    pos += replacement.size() - 1;
  }
  text = padded.substr(1, padded.size() - 2);
}

bool StartsWithWords(const std::string& text, const std::string& prefix) {
  return text.size() > prefix.size() && text.compare(0, prefix.size(), prefix) == 0 &&
         text[prefix.size()] == ' ';
}

bool EndsWith(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::string AssigneeNameKey(std::string_view name) {
  std::string key = MatchKey(name);
  // Bracketed remarks: "UBND xã (chủ trì)".
  std::string without_brackets;
  int depth = 0;
  for (char c : key) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (depth == 0) without_brackets += c;
  }
  key = MatchKey(without_brackets);
  // Leading bullets: ASCII ones and the UTF-8 "•", "–", "—" (whole sequences, never part of one).
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view bullet : {"-", "+", "*", " ", "•", "–", "—"}) {
      if (key.rfind(bullet, 0) == 0) {
        key.erase(0, bullet.size());
        stripped = true;
      }
    }
  }
  while (!key.empty() && std::string_view(" .;,:").find(key.back()) != std::string_view::npos) {
    key.pop_back();
  }
  std::string expanded;
  size_t start = 0;
  while (start <= key.size()) {
    size_t space = key.find(' ', start);
    if (space == std::string::npos) space = key.size();
    std::string token = key.substr(start, space - start);
    for (const Expansion& e : Abbreviations()) {
      if (token == e.token) {
        token = e.words;
        break;
      }
    }
    if (!token.empty()) expanded += (expanded.empty() ? "" : " ") + token;
    start = space + 1;
  }
  static const std::string kFront = MatchKey("mặt trận tổ quốc");
  for (const std::string& form : FrontForms()) ReplaceAll(expanded, form, kFront);
  return expanded;
}

UnitNameResolver::UnitNameResolver(const std::vector<Unit>& subtree) {
  if (subtree.empty()) return;
  std::map<std::string, const Unit*> by_path;
  for (const Unit& u : subtree) by_path[u.path] = &u;
  const std::string& root_path = subtree.front().path;
  for (const Unit& u : subtree) {
    if (u.IsEnded()) continue;
    // Nearest territorial ancestor-or-self inside the subtree (the root when none is).
    const Unit* territory = &subtree.front();
    std::string path = u.path;
    while (path.size() >= root_path.size()) {
      auto it = by_path.find(path);
      if (it != by_path.end() && IsTerritorial(it->second->kind)) {
        territory = it->second;
        break;
      }
      path.pop_back();  // drop the final '/'
      path.erase(path.rfind('/') + 1);
    }
    candidates_.push_back({u.id, u.depth, AssigneeNameKey(u.name), AssigneeNameKey(territory->name),
                           territory->path == root_path});
  }
}

std::optional<int64_t> UnitNameResolver::Resolve(std::string_view name) const {
  std::string key = AssigneeNameKey(name);
  if (key.empty()) return std::nullopt;
  // Picks the single shallowest candidate among those `accept` approves; nullopt when none or
  // when two share the shallowest depth.
  auto pick = [this](auto accept) -> std::optional<std::optional<int64_t>> {
    const Candidate* best = nullptr;
    bool tie = false;
    for (const Candidate& c : candidates_) {
      if (!accept(c)) continue;
      if (!best || c.depth < best->depth) {
        best = &c;
        tie = false;
      } else if (c.depth == best->depth) {
        tie = true;
      }
    }
    if (!best) return std::nullopt;                        // try the next rule
    return tie ? std::optional<int64_t>() : best->id;      // decided (maybe unresolved)
  };
  using Rule = std::function<bool(const Candidate&)>;
  const std::vector<Rule> rules = {
      [&](const Candidate& c) { return c.own_level && c.key == key; },
      [&](const Candidate& c) { return c.own_level && StartsWithWords(c.key, key); },
      [&](const Candidate& c) { return c.key == key; },
      [&](const Candidate& c) {
        return StartsWithWords(c.key, key) &&
               EndsWith(c.territory_key, c.key.substr(key.size() + 1));
      },
  };
  for (const Rule& rule : rules) {
    if (auto decided = pick(rule)) return *decided;
  }
  return std::nullopt;
}

namespace {

// The issuing unit's territory: itself when territorial, else its nearest territorial ancestor
// (the unit itself when none is).
Result<std::optional<Unit>> TerritoryOfIssuer(UnitStore& units, int64_t unit_id) {
  LT_ASSIGN_OR_RETURN(std::optional<Unit> issuer, units.FindById(unit_id));
  if (!issuer) return std::optional<Unit>();
  std::string path = issuer->path;
  std::optional<Unit> fallback;
  while (path.size() > 1) {
    path.pop_back();
    std::string code = path.substr(path.rfind('/') + 1);
    path.erase(path.rfind('/') + 1);
    LT_ASSIGN_OR_RETURN(std::optional<Unit> unit, units.FindByCode(code));
    if (!unit) continue;
    if (!fallback) fallback = unit;
    if (IsTerritorial(unit->kind)) return unit;
  }
  return fallback;
}

// One assignee row per name of each list.
void AddNames(const std::vector<std::string>& names, int64_t task_id, const char* role,
              const std::optional<UnitNameResolver>& resolver, std::vector<AssigneeWrite>& out) {
  for (size_t i = 0; i < names.size(); ++i) {
    out.push_back({task_id, role, static_cast<int>(i), names[i],
                   resolver ? resolver->Resolve(names[i]) : std::nullopt});
  }
}

}  // namespace

Status AssignPlanTasks(Database& db, int64_t plan_id) {
  LT_ASSIGN_OR_RETURN(auto plan, PlanStore(db).GetPlan(plan_id));
  if (!plan) return Status::NotFound("plan " + std::to_string(plan_id));
  std::optional<UnitNameResolver> resolver;
  if (plan->unit_id) {
    UnitStore units(db);
    LT_ASSIGN_OR_RETURN(std::optional<Unit> territory, TerritoryOfIssuer(units, *plan->unit_id));
    if (territory) {
      LT_ASSIGN_OR_RETURN(std::vector<Unit> subtree, units.Subtree(*territory));
      resolver.emplace(subtree);
    }
  }
  TaskStore store(db);
  LT_ASSIGN_OR_RETURN(auto tasks, store.PlanTasks(plan_id));
  std::vector<AssigneeWrite> rows;
  for (const TaskRow& task : tasks) {
    AddNames(task.lead, task.id, "lead", resolver, rows);
    AddNames(task.coordinators, task.id, "coordinator", resolver, rows);
  }
  LT_RETURN_IF_ERROR(store.ReplaceAssignees(plan_id, rows));
  return CreateRecurringInstances(db, plan_id);
}

Result<int64_t> AssignAllTasks(Database& db) {
  LT_ASSIGN_OR_RETURN(auto plans, TaskStore(db).PlanIds());
  for (int64_t plan : plans) LT_RETURN_IF_ERROR(AssignPlanTasks(db, plan));
  return static_cast<int64_t>(plans.size());
}

}  // namespace lienthong
