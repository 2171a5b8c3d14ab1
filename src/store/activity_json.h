// The one JSON shape of a stored activity (docs/activities.md "activity"): what its audit rows
// record and what the API answers (api/activity_json.h reuses it).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "store/activity_store.h"

namespace lienthong {

// {"id", "unit", "unit_code", "date", "kind", "channel", "theme", "title", "link", "reach",
//  "plan_id", "client_key", "created_by", "created_at"}; absent values are null.
nlohmann::json ActivityJson(const StoredActivity& activity);

// The audit payload of a synthetic generation (service/demo/activity_demo.h): {"count", "seed",
// "months", "today"}.
std::string ActivityGenerationAuditJson(int64_t count, uint32_t seed, int months,
                                        const Date& today);

}  // namespace lienthong
