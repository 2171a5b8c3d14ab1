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
    responses["400"] = ErrorResponseRef("Malformed request");
    if (route.access != Access::kPublic) {
      op["security"] = nlohmann::json::array({{{"sessionCookie", nlohmann::json::array()}}});
      responses["401"] = ErrorResponseRef("Not signed in");
      responses["403"] = ErrorResponseRef("Not allowed (role, CSRF)");
      responses["404"] = ErrorResponseRef("Not found or outside the caller's units");
    }
    std::string method = route.method;
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    paths[route.pattern][method] = op;
  }
  return {
      {"openapi", "3.0.3"},
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
         {{"sessionCookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "lienthong_session"}}}}},
        {"schemas",
         {{"User", UserSchema()},
          {"Error",
           {{"type", "object"},
            {"properties",
             {{"error",
               {{"type", "object"},
                {"properties",
                 {{"code", {{"type", "string"}}},
                  {"message", {{"type", "string"}}},
                  {"field", {{"type", "string"}}}}}}}}}}}}}}}};
}

}  // namespace lienthong::api
