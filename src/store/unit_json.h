// The one JSON shape of a unit (docs/api.md "unit"): what audit rows record of a unit and what
// the API answers (api/unit_json.h reuses it). Absent values are null, never left out.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/unit.h"

namespace lienthong {

// {"code", "name", "kind", "kind_label", "parent_code", "depth", "valid_from", "valid_to",
//  "successor_code"}.
nlohmann::json UnitJson(const Unit& unit);
// UnitJson(unit).dump(), byte for byte, without building the object: an import of 60,000 units
// writes one audit row each, and building the objects took a fifth of the import's time.
std::string UnitJsonText(const Unit& unit);

// Audit payloads of a move and a merge: the fields of the shape above that change.
// Move: {"parent_code"} before, {"parent_code", "on"?} after.
std::string UnitParentAuditJson(const std::string& parent_code, const std::optional<Date>& on);
// Merge: {"valid_to": null} before, {"valid_to", "successor_code"} after.
std::string UnitEndAuditJson(const std::optional<Date>& valid_to,
                             const std::string& successor_code);

}  // namespace lienthong
