// The OpenAPI operation objects (summary, parameters, request body, response schemas, who may
// call) of the report and roll-up routes, kept apart from their handlers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "api/route.h"

namespace lienthong::api {

// The operation for `method` `pattern` of report_routes.cc or rollup_routes.cc; an object with a
// summary only for a pair it does not know.
nlohmann::json ReportOperation(const std::string& method, const std::string& pattern);
// The named schemas those operations refer to (Report, ReportSlot, Rollup…).
void RegisterReportSchemas(Router& router);

}  // namespace lienthong::api
