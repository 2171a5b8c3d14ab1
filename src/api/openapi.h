// The OpenAPI 3 document of the API, generated from the routes the server registered.
#pragma once

#include <nlohmann/json.hpp>

#include "api/route.h"

namespace lienthong::api {

nlohmann::json BuildOpenApi(const Router& router);

// Shorthands for route descriptions.
nlohmann::json QueryParameter(const std::string& name, const std::string& description,
                              bool required = false, const std::string& type = "string");
nlohmann::json JsonRequestBody(const nlohmann::json& schema_properties,
                               const std::vector<std::string>& required = {});

}  // namespace lienthong::api
