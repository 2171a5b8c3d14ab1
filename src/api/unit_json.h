// The JSON form of a unit (docs/api.md): one shape for every API answer, for audit rows and for
// the CLI's `units tree --format json`. The shape itself is store/unit_json.h UnitJson (audit
// rows record it too); this adds the nested tree.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/unit.h"
#include "service/units/unit_tree.h"
#include "store/unit_json.h"

namespace lienthong::api {

// The forest as nested UnitJson objects, each with its "children" (an array, maybe empty).
nlohmann::json UnitTreeJson(const std::vector<UnitTreeNode>& forest);

}  // namespace lienthong::api
