// The OpenAPI 3 document of the API, generated from the routes the server registered and the
// schemas each area declares next to its routes (Router::AddSchema). Every operation answers its
// success body's schema and, for its error statuses, the shared Error schema; web/ generates its
// TypeScript types from this document and tests/openapi/ validates it (docs/api.md).
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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
// {"$ref": "#/components/schemas/<name>"}: a schema some area declared with Router::AddSchema.
nlohmann::json SchemaRef(const std::string& name);
// `schema` that may also be null; a $ref (whose siblings OpenAPI 3.0 ignores) is wrapped in allOf.
nlohmann::json NullableSchema(nlohmann::json schema);
// {"type": "object", "properties": …} with every property required: the codecs write them all.
nlohmann::json ClosedObjectSchema(const nlohmann::json& properties);
// {"type": "string", "enum": [...]}, and a date as the API writes it (YYYY-MM-DD).
nlohmann::json EnumSchema(std::initializer_list<const char*> values);
nlohmann::json DateSchema(bool nullable = false);
// {"type": "object", "additionalProperties": values}: a map keyed by code.
nlohmann::json MapSchema(const nlohmann::json& values);
// A 200 (or `status`) JSON response whose body is components/schemas/<name>.
nlohmann::json RefResponse(const std::string& name, const std::string& description = "OK",
                           const std::string& status = "200");
// A required multipart/form-data body with one file in the field `file`.
nlohmann::json FileUploadBody();
// The Error body with `problems` (an array of `problem`) and `extra` properties beside "error":
// upload.h ProblemsResponse.
nlohmann::json ProblemsErrorSchema(const nlohmann::json& problem,
                                   const nlohmann::json& extra = nlohmann::json::object());
// A 204 response (no body).
nlohmann::json NoContentResponse(const std::string& description);
// A file download of `content_type`.
nlohmann::json FileResponse(const std::string& content_type, const std::string& description);

}  // namespace lienthong::api
