#include "api/openapi.h"

#include <algorithm>
#include <cctype>

#include "api/user_json.h"

namespace lienthong::api {
namespace {

std::vector<std::string> PathParameterNames(const std::string& pattern) {
  std::vector<std::string> names;
  size_t open = 0;
  while ((open = pattern.find('{', open)) != std::string::npos) {
    size_t close = pattern.find('}', open);
    names.push_back(pattern.substr(open + 1, close - open - 1));
    open = close;
  }
  return names;
}

nlohmann::json ErrorResponseRef(const std::string& description) {
  return {{"description", description},
          {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

}  // namespace

nlohmann::json QueryParameter(const std::string& name, const std::string& description,
                              bool required, const std::string& type) {
  return {{"name", name},
          {"in", "query"},
          {"required", required},
          {"description", description},
          {"schema", {{"type", type}}}};
}

nlohmann::json JsonRequestBody(const nlohmann::json& schema_properties,
                               const std::vector<std::string>& required) {
  nlohmann::json schema = {{"type", "object"}, {"properties", schema_properties}};
  if (!required.empty()) schema["required"] = required;
  return {{"required", true}, {"content", {{"application/json", {{"schema", schema}}}}}};
}

nlohmann::json JsonResponseSchema(const nlohmann::json& schema, const std::string& description) {
  return {{"description", description},
          {"content", {{"application/json", {{"schema", schema}}}}}};
}

nlohmann::json ObjectSchema(const nlohmann::json& properties,
                            const std::vector<std::string>& required) {
  nlohmann::json schema = {{"type", "object"}, {"properties", properties}};
  if (!required.empty()) schema["required"] = required;
  return schema;
}

nlohmann::json ArraySchema(const nlohmann::json& items) {
  return {{"type", "array"}, {"items", items}};
}

nlohmann::json TypeSchema(const std::string& type, bool nullable) {
  nlohmann::json schema = {{"type", type}};
  if (nullable) schema["nullable"] = true;
  return schema;
}

nlohmann::json SchemaRef(const std::string& name) {
  return {{"$ref", "#/components/schemas/" + name}};
}

nlohmann::json NullableSchema(nlohmann::json schema) {
  if (schema.contains("$ref")) {
    return {{"nullable", true}, {"allOf", nlohmann::json::array({std::move(schema)})}};
  }
  schema["nullable"] = true;
  return schema;
}

nlohmann::json ClosedObjectSchema(const nlohmann::json& properties) {
  std::vector<std::string> required;
  for (const auto& [name, schema] : properties.items()) required.push_back(name);
  return ObjectSchema(properties, required);
}

nlohmann::json EnumSchema(std::initializer_list<const char*> values) {
  return {{"type", "string"}, {"enum", values}};
}

nlohmann::json DateSchema(bool nullable) {
  nlohmann::json schema = {{"type", "string"}, {"format", "date"}};
  if (nullable) schema["nullable"] = true;
  return schema;
}

nlohmann::json MapSchema(const nlohmann::json& values) {
  return {{"type", "object"}, {"additionalProperties", values}};
}

nlohmann::json RefResponse(const std::string& name, const std::string& description,
                           const std::string& status) {
  return {{status, JsonResponseSchema(SchemaRef(name), description)}};
}

nlohmann::json FileUploadBody() {
  return {{"required", true},
          {"content",
           {{"multipart/form-data",
             {{"schema", ObjectSchema({{"file", {{"type", "string"}, {"format", "binary"}}}},
                                      {"file"})}}}}}};
}

nlohmann::json ProblemsErrorSchema(const nlohmann::json& problem, const nlohmann::json& extra) {
  nlohmann::json properties = {{"problems", ArraySchema(problem)}};
  std::vector<std::string> required = {"problems"};
  for (const auto& [name, schema] : extra.items()) {
    properties[name] = schema;
    required.push_back(name);
  }
  return {{"allOf", {SchemaRef("Error"), ObjectSchema(properties, required)}}};
}

nlohmann::json NoContentResponse(const std::string& description) {
  return {{"204", {{"description", description}}}};
}

nlohmann::json FileResponse(const std::string& content_type, const std::string& description) {
  return {
      {"200",
       {{"description", description},
        {"content", {{content_type, {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}}}};
}

namespace {

// The body of every error answer (route.h ApiError, http::ErrorResponse).
nlohmann::json ErrorSchema() {
  nlohmann::json error = ObjectSchema(
      {{"code",
        {{"type", "string"},
         {"description",
          "invalid_argument, not_found, conflict, permission_denied, "
          "unauthenticated, totp_required, password_change_required, "
          "csrf, locked, rate_limited, too_large, unsupported, "
          "unavailable, method_not_allowed, internal"}}},
       {"message", TypeSchema("string")},
       {"field", {{"type", "string"}, {"description", "the input at fault (422), else empty"}}},
       {"reason",
        {{"type", "string"},
         {"description",
          "why a 409 (or 422) refused, as a stable code the UI words in its language "
          "(docs/api.md lists them)"}}},
       {"params", MapSchema(TypeSchema("string"))},
       {"existing_id",
        {{"type", "integer"}, {"description", "409 of a repeated client_key: the activity"}}}},
      {"code", "message", "field"});
  return ObjectSchema({{"error", error}}, {"error"});
}

}  // namespace

nlohmann::json BuildOpenApi(const Router& router) {
  nlohmann::json paths = nlohmann::json::object();
  for (const Route& route : router.routes()) {
    nlohmann::json op = route.openapi;
    if (!op.contains("summary")) op["summary"] = route.method + " " + route.pattern;
    nlohmann::json parameters = op.value("parameters", nlohmann::json::array());
    for (const std::string& name : PathParameterNames(route.pattern)) {
      bool present = std::any_of(parameters.begin(), parameters.end(), [&](const auto& p) {
        return p.value("name", "") == name && p.value("in", "") == "path";
      });
      if (!present) {
        parameters.push_back({{"name", name},
                              {"in", "path"},
                              {"required", true},
                              {"schema", {{"type", "string"}}}});
      }
    }
    if (!parameters.empty()) op["parameters"] = parameters;
    nlohmann::json& responses = op["responses"];
    if (responses.is_null() || responses.empty()) {
      responses["200"] = {{"description", "OK"}};
    }
    // Error statuses the route did not describe itself answer the shared Error body.
    auto error = [&responses](const char* status, const char* description) {
      if (!responses.contains(status)) responses[status] = ErrorResponseRef(description);
    };
    for (auto& [status, response] : responses.items()) {
      if (status[0] >= '4' && !response.contains("content")) {
        response = ErrorResponseRef(response.value("description", "Error"));
      }
    }
    error("400", "Malformed request");
    if (!parameters.empty() || op.contains("requestBody")) {
      error("422", "An input is invalid; error.field names it");
    }
    if (route.access != Access::kPublic) {
      op["security"] = nlohmann::json::array({{{"sessionCookie", nlohmann::json::array()}}});
      error("401", "Not signed in");
      error("403", "Not allowed (role, CSRF)");
      error("404", "Not found or outside the caller's units");
    }
    error("default", "Any other error (409, 413, 415, 423, 429, 503, 500)");
    std::string method = route.method;
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    paths[route.pattern][method] = op;
  }
  nlohmann::json schemas = {{"User", UserSchema()}, {"Error", ErrorSchema()}};
  for (const auto& [name, schema] : router.schemas()) schemas[name] = schema;
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "lienthong API"},
            {"version", LIENTHONG_VERSION},
            {"description",
             "Plans, tasks, reports and activities across the levels of an organisation. "
             "Unsafe methods need the X-CSRF-Token header from POST /api/v1/session."}}},
          {"servers", nlohmann::json::array({{{"url", "/"}}})},
          {"paths", paths},
          {"components",
           {{"securitySchemes",
             {{"sessionCookie",
               {{"type", "apiKey"}, {"in", "cookie"}, {"name", "lienthong_session"}}}}},
            {"schemas", schemas}}}};
}

}  // namespace lienthong::api
