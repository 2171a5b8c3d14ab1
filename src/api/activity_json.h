// The JSON codecs of activities and dashboards (docs/activities.md): decoding what a client
// submits, encoding what the service returns. The activity object itself is store/activity_json.h
// ActivityJson, the one shape audit rows record too.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/date_range.h"
#include "service/activities/activity_log.h"
#include "service/activities/dashboard.h"
#include "store/activity_json.h"
#include "api/openapi.h"

namespace lienthong::api {

// Reads {"unit", "date", "kind", "channel", "theme", "title", "link", "reach", "plan_id",
// "client_key"}; type errors name `prefix` + the field ("activities[2].reach: expected an
// integer").
Result<ActivityInput> ActivityInputFromJson(const nlohmann::json& body, const std::string& prefix);

// {"unit": {"code", "name"}, "from", "to", "total", "reach", "by_theme": [{"key", "count",
// "reach"}], "by_channel": [...], "by_child": [{"code", "name", "count", "reach"}],
// "by_month": [{"month", "count", "reach"}]}.
nlohmann::json DashboardToJson(const Dashboard& dashboard);

// The first and last day of a period given as ?from= and ?to= (ISO dates, each optional: the
// fallback's end when absent); errors name "from"/"to".
Result<DateRange> ParseDateRange(const std::optional<std::string>& from,
                                 const std::optional<std::string>& to, const DateRange& fallback);

// OpenAPI schemas of the shapes above and of the activity routes' answers.
nlohmann::json ActivityObjectSchema();     // ActivityJson, plus "can_edit" where a caller reads it
nlohmann::json ActivityPageSchema();       // GET /activities
nlohmann::json ActivityOptionsSchema();    // GET /activities/options
nlohmann::json DashboardSchema();          // GET /dashboard

}  // namespace lienthong::api
