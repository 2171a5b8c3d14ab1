// The JSON form of a unit in API answers (docs/api.md).
#pragma once

#include <nlohmann/json.hpp>

#include "core/unit.h"

namespace lienthong::api {

nlohmann::json UnitJson(const Unit& unit);

}  // namespace lienthong::api
