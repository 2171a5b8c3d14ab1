// Automatic implements-links: a plan that names its parent plan — in its `implements` text or
// among its legal bases — is linked to it (plans.implements_plan_id), whether it was derived in
// lienthong or imported from a file. Call LinkImplementingPlan after every plan save; it links
// both ways, so a parent saved after its children picks them up too.
//
// Rule. The plan's candidate symbols are the document symbols of its `implements` text (or that
// text itself when it holds none), then its legal bases from the last to the first (Decree 30
// lists bases from the most general to the most specific). Symbols compare by SymbolKey: case,
// spaces, dash variants, Đ/D, a leading "Số:" and leading zeros of the number are ignored
// ("Số: 02-KH/BCĐ" == "2-kh/bcd" == "02 - KH/BCD"). For the first candidate symbol that names a
// stored plan's number, the plan is linked to the stored plan P when P's unit sits above this
// plan's unit: P's territory (cascade_units.h TerritoryOf: Tỉnh ủy Đắk Lắk → Tỉnh Đắk Lắk)
// contains this plan's unit, P's unit is not this plan's unit nor below it, and P does not
// itself implement this plan. A plan without unit belongs to the root (above everything); a
// plan whose own unit is unknown accepts any. Several eligible plans with that number: the
// nearest (deepest territory), then a published one, then the oldest.
//
// A link already set (by derivation or by hand) is never changed. Each new link writes an audit
// row (action "link", entity "plan", before/after {"implements_plan_id": …}).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace lienthong {

struct PlanLinks {
  std::optional<int64_t> implements_plan_id;  // this plan's parent after linking, if any
  std::vector<int64_t> linked_children;        // plans newly linked to this plan
  bool linked_parent = false;                  // implements_plan_id was set by this call
};

// The comparison form of a document symbol (see the file comment); "" when it has no digit.
std::string SymbolKey(std::string_view symbol);

// Runs in its own transaction. kNotFound for an unknown plan.
Result<PlanLinks> LinkImplementingPlan(Database& db, int64_t plan_id,
                                       const std::string& actor = "system:linker");
// The same inside a transaction the caller holds (e.g. the one that saved the plan).
Result<PlanLinks> LinkImplementingPlanInTransaction(Database& db, int64_t plan_id,
                                                    const std::string& actor);

}  // namespace lienthong
