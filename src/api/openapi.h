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
// A response (for "responses": {"200": …}) whose body is JSON described by `schema`.
nlohmann::json JsonResponseSchema(const nlohmann::json& schema,
                                  const std::string& description = "OK");
// {"type": "object", "properties": …, "required": […]} and {"type": "array", "items": …}.
nlohmann::json ObjectSchema(const nlohmann::json& properties,
                            const std::vector<std::string>& required = {});
nlohmann::json ArraySchema(const nlohmann::json& items);
// {"type": type} with "nullable": true when `nullable` ("string", "integer", "boolean"…).
nlohmann::json TypeSchema(const std::string& type, bool nullable = false);

}  // namespace lienthong::api
