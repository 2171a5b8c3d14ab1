#include "service/plans/plan_derive.h"

#include "core/unit_path.h"
#include "service/plans/cascade_units.h"
#include "service/plans/level_word_rewriter.h"
#include "service/plans/level_words.h"
#include "service/plans/plan_derive_document.h"
#include "service/plans/plan_tasks.h"
#include "store/audit_log.h"
#include "store/plan_audit.h"
#include "store/plan_store.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

// The parent plan, the deriving unit and where both sit, once the derivation is allowed.
struct Derivation {
  PlanRecord parent;
  PlanDocument parent_document;
  Unit unit;
  Unit territory;
  PlanPlace parent_place;
};

// Loads the parent and the unit; refuses a unit not below the parent's, and a second derivation.
Result<Derivation> ResolveDerivation(Database& db, const DeriveRequest& request) {
  LT_ASSIGN_OR_RETURN(std::optional<StoredPlan> stored, PlanStore(db).LoadPlan(request.parent_plan_id));
  if (!stored) return Status::NotFound("plan " + std::to_string(request.parent_plan_id));
  const PlanRecord* parent = &stored->record;
  LT_ASSIGN_OR_RETURN(Unit unit, UnitStore(db).GetByCode(request.unit_code));
  LT_ASSIGN_OR_RETURN(Unit territory, TerritoryOf(db, unit));
  // A plan without unit belongs to the root.
  LT_ASSIGN_OR_RETURN(PlanPlace place, PlaceOfPlan(db, parent->unit_id));
  const std::optional<Unit>& parent_unit = place.unit;
  const bool below = UnitPath(unit.path).Within(place.territory.path) &&
                     (!parent_unit || !UnitPath(parent_unit->path).Within(unit.path));
  if (!below) {
    return Status::FailedPrecondition(
               "unit '" + unit.code + "' is not below the unit of plan " +
               std::to_string(parent->id) + " ('" +
               (parent_unit ? parent_unit->code : place.territory.code) + "')")
        .WithReason("unit_not_below_plan",
                    {{"unit", unit.name},
                     {"plan_unit", parent_unit ? parent_unit->name : place.territory.name}});
  }
  LT_ASSIGN_OR_RETURN(std::optional<int64_t> existing,
                      PlanStore(db).ImplementingPlanOf(parent->id, unit.id));
  if (existing) {
    return Status::AlreadyExists("unit '" + unit.code + "' already has plan " +
                                 std::to_string(*existing) + " implementing plan " +
                                 std::to_string(parent->id))
        .WithReason("plan_already_implemented",
                    {{"unit", unit.name}, {"plan", std::to_string(*existing)}});
  }
  return Derivation{std::move(stored->record), std::move(stored->document), std::move(unit),
                    std::move(territory), std::move(place)};
}

// The level words from the parent's territory's level to the unit's (none within one level).
Result<LevelWordRewriter> RewriterFor(Database& db, const Unit& from_territory,
                                      const Unit& to_territory) {
  const std::string from_level(LevelOfTerritory(from_territory.kind));
  const std::string to_level(LevelOfTerritory(to_territory.kind));
  std::vector<LevelWord> words;
  LevelNames names;
  if (from_level != to_level) {
    LT_ASSIGN_OR_RETURN(words, LevelWordsFor(db, from_level, to_level));
    names.from_noun = std::string(LevelNoun(from_territory.kind));
    names.to_noun = std::string(LevelNoun(to_territory.kind));
    if (from_level != "country") {
      names.from_territory = from_territory.name;
      names.from_proper = ProperName(from_territory);
    }
    names.to_proper = ProperName(to_territory);
  }
  return LevelWordRewriter(words, names);
}

// Writes the draft, its legal bases and tasks, the link to its parent and the audit row in one
// transaction; `document` gets its tasks' row ids.
Result<int64_t> StoreDerivedPlan(Database& db, const Derivation& d, PlanDocument& document,
                                 const std::string& actor) {
  PlanStore plans(db);
  PlanRecord record = PlanRecordFor(document);
  record.unit_id = d.unit.id;
  record.doc_type = d.parent.doc_type.empty() ? "Kế hoạch" : d.parent.doc_type;
  record.created_by = actor;
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(int64_t plan_id, plans.InsertPlan(record));
  LT_RETURN_IF_ERROR(plans.ReplaceLegalBases(plan_id, LegalBasisSymbols(document)));
  LT_RETURN_IF_ERROR(SyncPlanTasks(db, plan_id, document, actor, false).status());
  LT_RETURN_IF_ERROR(plans.StoreDocument(plan_id, document));  // with the task ids
  LT_RETURN_IF_ERROR(plans.SetImplementsPlan(plan_id, d.parent.id));
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = actor,
                                                .action = "derive",
                                                .entity = "plan",
                                                .entity_id = std::to_string(plan_id),
                                                .after_json = PlanDocumentAuditJson(document)}));
  LT_RETURN_IF_ERROR(tx->Commit());
  return plan_id;
}

}  // namespace

bool TaskFallsToUnit(const std::vector<std::string>& names, const Unit& unit,
                     const Unit& territory, std::string_view parent_level, bool same_territory) {
  const bool is_territory = unit.id == territory.id;
  const std::string_view unit_level = LevelOfTerritory(territory.kind);
  for (const std::string& name : names) {
    if (NameNamesUnit(name, unit, territory, same_territory)) return true;
    BodyFamily family = FamilyOfName(name);
    bool family_fits = is_territory || family == BodyFamily::kAny || KindInFamily(unit.kind, family);
    if (!is_territory && family_fits && NameNamesUnit(name, territory, territory, false)) {
      return true;
    }
    if (same_territory) continue;  // generic names address the levels below the parent's
    auto generic = ClassifyGenericName(name);
    if (!generic) continue;
    std::string_view level = generic->level == "below" ? LevelBelow(parent_level)
                                                       : std::string_view(generic->level);
    if (level != unit_level) continue;
    if (is_territory || KindInFamily(unit.kind, generic->family)) return true;
  }
  return false;
}

Result<DerivedPlan> DerivePlan(Database& db, const DeriveRequest& request) {
  LT_ASSIGN_OR_RETURN(Derivation d, ResolveDerivation(db, request));
  const Unit& parent_territory = d.parent_place.territory;
  LT_ASSIGN_OR_RETURN(LevelWordRewriter rewriter, RewriterFor(db, parent_territory, d.territory));
  const DerivationTarget target{
      .unit = d.unit,
      .territory = d.territory,
      .parent_issuer = d.parent_place.unit ? d.parent_place.unit->name : d.parent.issuer,
      .parent_level = std::string(LevelOfTerritory(parent_territory.kind)),
      .same_territory = d.territory.id == parent_territory.id};
  DerivedDocument derived =
      DeriveDocument(d.parent, d.parent_document, target, rewriter);
  LT_ASSIGN_OR_RETURN(int64_t plan_id, StoreDerivedPlan(db, d, derived.document, request.actor));
  const size_t copied = derived.document.tasks.size();
  return DerivedPlan{plan_id, std::move(derived.document), copied, derived.tasks_in_parent};
}

}  // namespace lienthong
