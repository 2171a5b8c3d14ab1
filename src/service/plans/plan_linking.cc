#include "service/plans/plan_linking.h"

#include <algorithm>
#include <map>

#include "core/plan.h"
#include "core/unit_path.h"
#include "import/parse/document_symbol.h"
#include "service/plans/cascade_units.h"
#include "store/audit_log.h"
#include "store/plan_audit.h"
#include "store/plan_store.h"
#include "store/unit_store.h"
#include "text/keys.h"
#include "util/utf8.h"

namespace lienthong {
namespace {

// The number's digits without leading zeros ("02-KH/BCĐ" → "2"), for a LIKE prefilter.
std::string LeadingDigits(const std::string& key) {
  size_t b = key.find_first_of("0123456789");
  if (b == std::string::npos) return "";
  size_t e = key.find_first_not_of("0123456789", b);
  std::string digits = key.substr(b, e == std::string::npos ? std::string::npos : e - b);
  size_t nz = digits.find_first_not_of('0');
  return nz == std::string::npos ? "0" : digits.substr(nz);
}

// Units and their territories, looked up once per call.
class UnitCache {
 public:
  explicit UnitCache(Database& db) : db_(db) {}
  struct Entry {
    Unit unit;
    std::string territory_path;
  };
  Result<const Entry*> Get(int64_t id) {
    auto it = cache_.find(id);
    if (it != cache_.end()) return &it->second;
    LT_ASSIGN_OR_RETURN(auto unit, UnitStore(db_).FindById(id));
    if (!unit) return Status::NotFound("unit id " + std::to_string(id));
    Entry e{*unit, unit->path};
    auto territory = TerritoryOf(db_, *unit);
    if (territory.ok()) e.territory_path = territory->path;
    return &cache_.emplace(id, std::move(e)).first->second;
  }

 private:
  Database& db_;
  std::map<int64_t, Entry> cache_;
};

// How near `candidate` sits above `child` (deeper territory = nearer); nullopt when it does not.
Result<std::optional<size_t>> Nearness(UnitCache& units, const PlanLinkRow& candidate,
                                       const PlanLinkRow& child) {
  if (candidate.implements_plan_id == child.id) return std::optional<size_t>();
  if (!child.unit_id) return std::optional<size_t>(0);
  if (!candidate.unit_id) return std::optional<size_t>(0);
  LT_ASSIGN_OR_RETURN(const auto* c, units.Get(*candidate.unit_id));
  LT_ASSIGN_OR_RETURN(const auto* u, units.Get(*child.unit_id));
  if (c->unit.id == u->unit.id || UnitPath(c->unit.path).Within(u->unit.path) ||
      !UnitPath(u->unit.path).Within(c->territory_path)) {
    return std::optional<size_t>();
  }
  return std::optional<size_t>(c->territory_path.size());
}

Result<std::vector<std::string>> CandidateSymbols(PlanStore& store, const PlanLinkRow& plan) {
  std::vector<std::string> symbols;
  if (plan.implements) {
    for (const auto& hit : parse::FindDocumentSymbols(*plan.implements))
      symbols.push_back(hit.symbol);
    if (symbols.empty()) symbols.push_back(*plan.implements);
  }
  LT_ASSIGN_OR_RETURN(auto bases, store.LegalBasesLastFirst(plan.id));
  for (std::string& symbol : bases) symbols.push_back(std::move(symbol));
  return symbols;
}

// Finds and sets this plan's parent. REQUIRES: an open transaction.
Result<bool> LinkForward(Database& db, UnitCache& units, PlanLinkRow& plan,
                         const std::string& actor) {
  if (plan.implements_plan_id) return false;
  PlanStore store(db);
  LT_ASSIGN_OR_RETURN(auto symbols, CandidateSymbols(store, plan));
  for (const std::string& symbol : symbols) {
    const std::string key = SymbolKey(symbol);
    if (key.empty()) continue;
    LT_ASSIGN_OR_RETURN(std::vector<PlanLinkRow> candidates,
                        store.NumberedLike(LeadingDigits(key), plan.id));
    const PlanLinkRow* best = nullptr;
    size_t best_nearness = 0;
    for (const PlanLinkRow& c : candidates) {
      if (!c.number || SymbolKey(*c.number) != key) continue;
      LT_ASSIGN_OR_RETURN(auto nearness, Nearness(units, c, plan));
      if (!nearness) continue;
      bool better = !best || *nearness > best_nearness ||
                    (*nearness == best_nearness && c.status == PlanStatus::kPublished &&
                     best->status != PlanStatus::kPublished);
      if (better) {
        best = &c;
        best_nearness = *nearness;
      }
    }
    if (!best) continue;
    LT_RETURN_IF_ERROR(store.SetImplementsPlan(plan.id, best->id));
    LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = actor,
                                                  .action = "link",
                                                  .entity = "plan",
                                                  .entity_id = std::to_string(plan.id),
                                                  .before_json = PlanLinkAuditJson(std::nullopt),
                                                  .after_json = PlanLinkAuditJson(best->id, symbol)}));
    plan.implements_plan_id = best->id;
    return true;
  }
  return false;
}

}  // namespace

std::string SymbolKey(std::string_view symbol) {
  std::string key = SearchKey(symbol);
  std::string out;
  size_t pos = 0;
  while (pos < key.size()) {
    char32_t c = DecodeUtf8(key, &pos);
    if (c == ' ' || c == '\t') continue;
    if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) c = '-';
    AppendUtf8(c, &out);
  }
  if (out.rfind("so:", 0) == 0) out.erase(0, 3);
  else if (out.rfind("so", 0) == 0 && out.size() > 2 && std::isdigit(static_cast<unsigned char>(out[2])))
    out.erase(0, 2);
  size_t digits = out.find_first_of("0123456789");
  if (digits == std::string::npos) return "";
  if (digits == 0) {
    size_t nz = out.find_first_not_of('0');
    if (nz != std::string::npos && nz > 0 && std::isdigit(static_cast<unsigned char>(out[nz])))
      out.erase(0, nz);
  }
  return out;
}

Result<PlanLinks> LinkImplementingPlanInTransaction(Database& db, int64_t plan_id,
                                                    const std::string& actor) {
  PlanStore store(db);
  LT_ASSIGN_OR_RETURN(std::optional<PlanLinkRow> row, store.LinkRow(plan_id));
  if (!row) return Status::NotFound("plan " + std::to_string(plan_id));
  PlanLinkRow plan = std::move(*row);
  UnitCache units(db);
  PlanLinks links;
  LT_ASSIGN_OR_RETURN(links.linked_parent, LinkForward(db, units, plan, actor));
  links.implements_plan_id = plan.implements_plan_id;

  // The reverse: unlinked plans naming this plan's number.
  const std::string key = plan.number ? SymbolKey(*plan.number) : "";
  if (key.empty()) return links;
  LT_ASSIGN_OR_RETURN(auto children, store.UnlinkedNaming(LeadingDigits(key), plan_id));
  for (PlanLinkRow& child : children) {
    LT_ASSIGN_OR_RETURN(bool linked, LinkForward(db, units, child, actor));
    if (linked && child.implements_plan_id == plan_id) links.linked_children.push_back(child.id);
  }
  return links;
}

Result<PlanLinks> LinkImplementingPlan(Database& db, int64_t plan_id, const std::string& actor) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(PlanLinks links, LinkImplementingPlanInTransaction(db, plan_id, actor));
  LT_RETURN_IF_ERROR(tx->Commit());
  return links;
}

}  // namespace lienthong
