#include "service/units/unit_reorganize.h"

#include "core/unit_path.h"
#include "service/reports/rollup.h"
#include "store/activity_store.h"
#include "store/audit_log.h"
#include "store/unit_json.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

Status RequireActive(const Unit& unit) {
  if (unit.valid_to) {
    return Status::FailedPrecondition("unit '" + unit.code + "' already ended on " +
                                      unit.valid_to->ToIso())
        .WithReason("unit_ended", {{"unit", unit.name}, {"date", unit.valid_to->ToIso()}});
  }
  return Status::Ok();
}

Status AuditMove(Database& db, std::string_view actor, const Unit& unit, const Unit& from,
                 const Unit& to, const std::optional<Date>& on) {
  return AppendAudit(db, AuditEntry{.actor = std::string(actor),
                                    .action = "move",
                                    .entity = "unit",
                                    .entity_id = unit.code,
                                    .before_json = UnitParentAuditJson(from.code, std::nullopt),
                                    .after_json = UnitParentAuditJson(to.code, on)});
}

// Moves one unit inside an open transaction, with its history and audit rows.
Status MoveInTransaction(Database& db, UnitStore& store, const Unit& unit, const Unit& to,
                         const std::optional<Date>& on, std::string_view actor) {
  if (!unit.parent_id) {
    return Status::FailedPrecondition("unit '" + unit.code + "' is a root and cannot move")
        .WithReason("unit_is_root", {{"unit", unit.name}});
  }
  LT_ASSIGN_OR_RETURN(Unit from, store.GetByCode(unit.parent_code));
  LT_RETURN_IF_ERROR(store.Move(unit, to));
  // The dashboard pre-aggregates of the ancestors it left and joined follow it.
  LT_RETURN_IF_ERROR(MoveActivityRollups(db, unit.id, unit.path, UnitStore::PathOf(&to, unit.code)));
  LT_RETURN_IF_ERROR(store.RecordEvent(unit, "move", on, &from, &to, nullptr));
  return AuditMove(db, actor, unit, from, to, on);
}

}  // namespace

Status MoveUnit(Database& db, std::string_view code, std::string_view new_parent_code,
                const std::optional<Date>& on, std::string_view actor) {
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  UnitStore store(db);
  LT_ASSIGN_OR_RETURN(Unit unit, store.GetByCode(code));
  LT_ASSIGN_OR_RETURN(Unit to, store.GetByCode(new_parent_code));
  LT_RETURN_IF_ERROR(RequireActive(unit));
  LT_RETURN_IF_ERROR(RequireActive(to));
  if (unit.parent_id == to.id) return Status::Ok();
  LT_RETURN_IF_ERROR(MoveInTransaction(db, store, unit, to, on, actor));
  // Report roll-ups are summed along the tree as it was: recompute the periods it touches.
  LT_RETURN_IF_ERROR(RebuildRollupsSince(db, on ? on->ToIso() : std::string("0000-01-01")));
  return tx->Commit();
}

Status MergeUnits(Database& db, const std::vector<std::string>& old_codes,
                  std::string_view new_code, const Date& on, std::string_view actor) {
  if (old_codes.empty()) return Status::InvalidArgument("name at least one unit to merge");
  LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(db));
  UnitStore store(db);
  LT_ASSIGN_OR_RETURN(Unit successor, store.GetByCode(new_code));
  LT_RETURN_IF_ERROR(RequireActive(successor));

  for (const std::string& code : old_codes) {
    LT_ASSIGN_OR_RETURN(Unit old, store.GetByCode(code));
    LT_RETURN_IF_ERROR(RequireActive(old));
    if (old.id == successor.id) {
      return Status::FailedPrecondition("unit '" + old.code + "' cannot merge into itself")
          .WithReason("unit_merge_into_itself", {{"unit", old.name}});
    }
    if (UnitPath(successor.path).Within(old.path)) {
      return Status::FailedPrecondition("unit '" + old.code + "' contains '" + successor.code +
                                        "', so it cannot merge into it")
          .WithReason("unit_merge_into_own_unit", {{"unit", old.name}, {"into", successor.name}});
    }
    if (old.valid_from && !(*old.valid_from < on)) {
      return Status::FailedPrecondition("merge date " + on.ToIso() + " is not after unit '" +
                                        old.code + "' began (" + old.valid_from->ToIso() + ")")
          .WithReason("unit_merge_before_start", {{"unit", old.name},
                                                  {"date", on.ToIso()},
                                                  {"began", old.valid_from->ToIso()}});
    }
    // Active children follow the merge; ended ones stay where history put them.
    LT_ASSIGN_OR_RETURN(auto children, store.Children(old));
    for (const Unit& child : children) {
      if (child.valid_to) continue;
      LT_RETURN_IF_ERROR(MoveInTransaction(db, store, child, successor, on, actor));
    }
    LT_RETURN_IF_ERROR(store.End(old, on, successor));
    LT_RETURN_IF_ERROR(store.RecordEvent(old, "merge", on, nullptr, nullptr, &successor));
    LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = std::string(actor),
                                                  .action = "merge",
                                                  .entity = "unit",
                                                  .entity_id = old.code,
                                                  .before_json = UnitEndAuditJson({}, ""),
                                                  .after_json = UnitEndAuditJson(on, successor.code)}));
  }
  LT_RETURN_IF_ERROR(RebuildRollupsSince(db, on.ToIso()));
  return tx->Commit();
}

}  // namespace lienthong
