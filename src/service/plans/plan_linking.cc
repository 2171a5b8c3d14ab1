#include "service/plans/plan_linking.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/plan.h"
#include "import/parse/document_symbol.h"
#include "service/plans/cascade_units.h"
#include "store/audit_log.h"
#include "text/keys.h"
#include "util/utf8.h"

namespace lienthong {
namespace {

struct PlanRow {
  int64_t id = 0;
  std::optional<int64_t> unit_id;
  std::optional<std::string> number;
  PlanStatus status = PlanStatus::kDraft;
  std::optional<std::string> implements;
  std::optional<int64_t> implements_plan_id;
};

constexpr std::string_view kPlanColumns =
    "SELECT id, unit_id, number, status, implements, implements_plan_id FROM plans ";

PlanRow ReadPlanRow(const SqlRow& r) {
  return PlanRow{r.Int(0), r.OptInt(1), r.OptText(2),
                 ParsePlanStatus(r.Text(3)).value_or(PlanStatus::kDraft), r.OptText(4),
                 r.OptInt(5)};
}

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
    LT_ASSIGN_OR_RETURN(auto unit, UnitById(db_, id));
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
Result<std::optional<size_t>> Nearness(UnitCache& units, const PlanRow& candidate,
                                       const PlanRow& child) {
  if (candidate.implements_plan_id == child.id) return std::optional<size_t>();
  if (!child.unit_id) return std::optional<size_t>(0);
  if (!candidate.unit_id) return std::optional<size_t>(0);
  LT_ASSIGN_OR_RETURN(const auto* c, units.Get(*candidate.unit_id));
  LT_ASSIGN_OR_RETURN(const auto* u, units.Get(*child.unit_id));
  if (c->unit.id == u->unit.id || PathWithin(c->unit.path, u->unit.path) ||
      !PathWithin(u->unit.path, c->territory_path)) {
    return std::optional<size_t>();
  }
  return std::optional<size_t>(c->territory_path.size());
}

Result<std::vector<std::string>> CandidateSymbols(Database& db, const PlanRow& plan) {
  std::vector<std::string> symbols;
  if (plan.implements) {
    for (const auto& hit : parse::FindDocumentSymbols(*plan.implements))
      symbols.push_back(hit.symbol);
    if (symbols.empty()) symbols.push_back(*plan.implements);
  }
  LT_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT symbol FROM plan_legal_bases WHERE plan_id = ? "
                                          "ORDER BY position DESC",
                                          {plan.id}));
  for (const auto& r : rows) symbols.push_back(r.Text(0));
  return symbols;
}

// Finds and sets this plan's parent. REQUIRES: an open transaction.
Result<bool> LinkForward(Database& db, UnitCache& units, PlanRow& plan, const std::string& actor) {
  if (plan.implements_plan_id) return false;
  LT_ASSIGN_OR_RETURN(auto symbols, CandidateSymbols(db, plan));
  for (const std::string& symbol : symbols) {
    const std::string key = SymbolKey(symbol);
    if (key.empty()) continue;
    LT_ASSIGN_OR_RETURN(auto rows,
                        db.Query(std::string(kPlanColumns) +
                                     "WHERE number LIKE ? AND id <> ? ORDER BY id",
                                 {"%" + LeadingDigits(key) + "%", plan.id}));
    const PlanRow* best = nullptr;
    std::vector<PlanRow> candidates;
    for (const auto& r : rows) candidates.push_back(ReadPlanRow(r));
    size_t best_nearness = 0;
    for (const PlanRow& c : candidates) {
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
    LT_RETURN_IF_ERROR(db.Execute("UPDATE plans SET implements_plan_id = ? WHERE id = ?",
                                  {best->id, plan.id}));
    LT_RETURN_IF_ERROR(AppendAudit(
        db, AuditEntry{.actor = actor,
                       .action = "link",
                       .entity = "plan",
                       .entity_id = std::to_string(plan.id),
                       .before_json = nlohmann::json{{"implements_plan_id", nullptr}}.dump(),
                       .after_json = nlohmann::json{{"implements_plan_id", best->id},
                                                    {"matched_symbol", symbol}}
                                         .dump()}));
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
  LT_ASSIGN_OR_RETURN(auto rows, db.Query(std::string(kPlanColumns) + "WHERE id = ?", {plan_id}));
  if (rows.empty()) return Status::NotFound("plan " + std::to_string(plan_id));
  PlanRow plan = ReadPlanRow(rows[0]);
  UnitCache units(db);
  PlanLinks links;
  LT_ASSIGN_OR_RETURN(links.linked_parent, LinkForward(db, units, plan, actor));
  links.implements_plan_id = plan.implements_plan_id;

  // The reverse: unlinked plans naming this plan's number.
  const std::string key = plan.number ? SymbolKey(*plan.number) : "";
  if (key.empty()) return links;
  const std::string like = "%" + LeadingDigits(key) + "%";
  LT_ASSIGN_OR_RETURN(
      auto children,
      db.Query(std::string(kPlanColumns) +
                   "WHERE implements_plan_id IS NULL AND id <> ? AND (implements LIKE ? OR id IN "
                   "(SELECT plan_id FROM plan_legal_bases WHERE symbol LIKE ?)) ORDER BY id",
               {plan_id, like, like}));
  for (const auto& r : children) {
    PlanRow child = ReadPlanRow(r);
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
