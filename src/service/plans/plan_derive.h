// Deriving a unit's own plan from its parent's (issue "Cascade"): POST /api/v1/plans/{id}/derive.
//
// The draft implements the parent — implements_plan_id set, `implements` = the parent's number
// and title, legal bases = the parent's number first, then the parent's legal bases — and copies
// the parent's sections, themes, channels and phases and the tasks that fall to the unit, every
// text adapted to the unit's level with the level words (level_words.h, level_word_rewriter.h).
// Header: issuer = the unit's name, number and date blank (a draft), place = the unit's territory,
// recipients = the parent's issuer "(b/c)" and "Lưu: VT", no signer. The user edits and publishes.
//
// Which tasks fall to the unit (TaskFallsToUnit). A task's lead and coordinator names are read
// one by one; the task falls to the unit when one of them
//   1. names the unit itself ("UBND xã Ea Kar" for Ủy ban nhân dân xã Ea Kar; for a body of the
//      parent's own territory also the name without the territory: "Sở Y tế" for Sở Y tế tỉnh
//      Đắk Lắk), or
//   2. names the unit's territory ("xã Ea Kar") with no body words of another family ("Công an
//      xã Ea Kar" does not fall to Đảng ủy xã Ea Kar), or
//   3. is a generic name of the unit's level (cascade_units.h ClassifyGenericName: "UBND các xã,
//      phường", "các xã, phường, đặc khu", "cấp ủy cơ sở"), or addresses every subordinate unit
//      ("các địa phương", "các cơ quan, đơn vị, địa phương", "các cấp ủy" = the level below the
//      parent's), and its body family fits the unit (party names → party committees and boards,
//      UBND/chính quyền → people's committees/councils and departments, …; a territory itself
//      takes every family).
// "Các cơ quan, đơn vị" alone does not count: plans use it for the bodies of their own level.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/plan_document.h"
#include "core/unit.h"
#include "store/database.h"

namespace lienthong {

struct DeriveRequest {
  int64_t parent_plan_id = 0;
  std::string unit_code;
  std::string actor;
};

struct DerivedPlan {
  int64_t plan_id = 0;
  PlanDocument document;  // the draft's document, its tasks with their row ids
  size_t tasks_copied = 0;
  size_t tasks_in_parent = 0;
};

// Errors: kNotFound for an unknown plan or unit; kFailedPrecondition when the unit is not below
// the parent plan's unit (its territory must contain the unit, and the unit must not be the
// plan's own unit or above it); kAlreadyExists when the unit already has a plan (not archived)
// implementing this one, naming it. Writes the plan, its legal bases and tasks and one audit row
// (action "derive") in one transaction.
Result<DerivedPlan> DerivePlan(Database& db, const DeriveRequest& request);

// The rule above. `parent_level` is the level of the parent plan's territory ("province"…);
// `same_territory` when the unit belongs to the parent plan's own territory.
bool TaskFallsToUnit(const std::vector<std::string>& names, const Unit& unit,
                     const Unit& territory, std::string_view parent_level, bool same_territory);

}  // namespace lienthong
