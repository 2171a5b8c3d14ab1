// The JSON form of a unit (docs/api.md): one shape for every API answer and for the CLI's
// `units tree --format json`. Absent values are null, never left out.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/unit.h"
#include "service/units/unit_tree.h"

namespace lienthong::api {

// {"code", "name", "kind", "kind_label", "parent_code", "depth", "valid_from", "valid_to",
//  "successor_code"}.
nlohmann::json UnitJson(const Unit& unit);
// The forest as nested UnitJson objects, each with its "children" (an array, maybe empty).
nlohmann::json UnitTreeJson(const std::vector<UnitTreeNode>& forest);

}  // namespace lienthong::api
