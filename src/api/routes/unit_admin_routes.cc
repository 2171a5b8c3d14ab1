// Unit administration (administrators, within their unit's subtree), audited by the services:
//   POST /api/v1/units/import          multipart/form-data, field `file` (CSV), all or nothing
//   POST /api/v1/units/{code}/move     {"parent_code", "on"?}
//   POST /api/v1/units/merge           {"units": [code…], "into", "on"}
// Every unit named must lie in the caller's subtree (404 otherwise, as for reads); the import's
// new units must land inside it. Problems in a file answer 422 with
// {"error": {...}, "problems": [{"line", "code", "params", "message"}]}.
#include <algorithm>

#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "api/unit_json.h"
#include "api/upload.h"
#include "service/units/unit_file_reader.h"
#include "service/units/unit_import.h"
#include "service/units/unit_reorganize.h"

namespace lienthong::api {

void RegisterUnitAdminRoutes(Router& router);

namespace {

using nlohmann::json;

constexpr size_t kMaxUnitUploadBytes = 5 * 1024 * 1024;
constexpr size_t kMaxUnitsMerged = 100;

// Body field `name` as a unit code; kInvalidField when absent (if required) or not a string.
Result<std::string> CodeField(const json& body, const char* name, bool required) {
  if (!body.contains(name) || body[name].is_null() ||
      (body[name].is_string() && body[name].get<std::string>().empty())) {
    if (required) return Status::InvalidField(name, "required");
    return std::string();
  }
  if (!body[name].is_string()) return Status::InvalidField(name, "expected a unit code");
  return body[name].get<std::string>();
}

// Body field `name` as a YYYY-MM-DD date; nullopt when absent and not required.
Result<std::optional<Date>> DateField(const json& body, const char* name, bool required) {
  LT_ASSIGN_OR_RETURN(std::string text, CodeField(body, name, required));
  if (text.empty()) return std::optional<Date>();
  auto date = Date::FromIso(text);
  if (!date) return Status::InvalidField(name, "expected a date YYYY-MM-DD");
  return std::optional<Date>(*date);
}

http::HttpResponse LineProblemsResponse(const ProblemList& list) {
  // In file order: the checks run one after another (fields, duplicates, parents).
  std::vector<Problem> sorted = list.problems();
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Problem& a, const Problem& b) { return a.line < b.line; });
  json problems = json::array();
  for (const Problem& p : sorted) {
    if (problems.size() == kMaxProblemsListed) break;
    problems.push_back({{"line", p.line},
                        {"code", p.code},
                        {"params", ParamsJson(p.params)},
                        {"message", p.message}});
  }
  return ProblemsResponse(list.size(), std::move(problems));
}

Result<http::HttpResponse> ImportRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(UploadedFile file, UploadedFileOf(ctx, kMaxUnitUploadBytes));
  std::string name = file.name.empty() ? "units.csv" : file.name;
  ProblemList problems;
  auto rows = ReadUnitCsvRows(file.bytes, name, problems);
  if (!rows.ok()) return AboutField(rows.status(), "file");
  if (!problems.empty()) return LineProblemsResponse(problems);
  LT_ASSIGN_OR_RETURN(UnitImportResult result,
                      ImportUnitsChecked(ctx.db, UnitImportRequest{
                                                     .rows = *rows,
                                                     .actor = ctx.caller->Actor(),
                                                     .scope_path = ctx.caller->unit_path}));
  if (!result.problems.empty()) return LineProblemsResponse(result.problems);
  return JsonResponse({{"created", result.summary.created}}, 201);
}

Result<http::HttpResponse> MoveRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  LT_ASSIGN_OR_RETURN(std::string parent_code, CodeField(body, "parent_code", true));
  LT_ASSIGN_OR_RETURN(std::optional<Date> on, DateField(body, "on", false));
  const Caller& caller = *ctx.caller;
  const std::string& code = ctx.path_params["code"];
  LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, caller, code, Permission::kAdminister));
  if (unit.path == caller.unit_path) {
    return Status::FailedPrecondition("your own unit cannot be moved from here")
        .WithReason("own_unit_move");
  }
  auto parent = AuthorizedUnit(ctx.db, caller, parent_code, Permission::kAdminister);
  if (!parent.ok()) return parent.status().WithField("parent_code");
  LT_RETURN_IF_ERROR(MoveUnit(ctx.db, unit.code, parent->code, on, caller.Actor()));
  LT_ASSIGN_OR_RETURN(Unit moved, AuthorizedUnit(ctx.db, caller, code, Permission::kRead));
  return JsonResponse(UnitJson(moved));
}

Result<http::HttpResponse> MergeRoute(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  if (!body.contains("units") || !body["units"].is_array() || body["units"].empty() ||
      body["units"].size() > kMaxUnitsMerged) {
    return Status::InvalidField("units", "expected a list of 1 to 100 unit codes");
  }
  LT_ASSIGN_OR_RETURN(std::string into_code, CodeField(body, "into", true));
  LT_ASSIGN_OR_RETURN(std::optional<Date> on, DateField(body, "on", true));
  const Caller& caller = *ctx.caller;
  auto into = AuthorizedUnit(ctx.db, caller, into_code, Permission::kAdminister);
  if (!into.ok()) return into.status().WithField("into");
  std::vector<std::string> old_codes;
  for (const json& item : body["units"]) {
    if (!item.is_string()) return Status::InvalidField("units", "expected unit codes");
    auto old = AuthorizedUnit(ctx.db, caller, item.get<std::string>(), Permission::kAdminister);
    if (!old.ok()) return old.status().WithField("units");
    if (old->path == caller.unit_path) {
      return Status::FailedPrecondition("your own unit cannot be merged from here")
          .WithReason("own_unit_merge");
    }
    old_codes.push_back(old->code);
  }
  LT_RETURN_IF_ERROR(MergeUnits(ctx.db, old_codes, into->code, *on, caller.Actor()));
  json ended = json::array();
  for (const std::string& code : old_codes) {
    LT_ASSIGN_OR_RETURN(Unit old, AuthorizedUnit(ctx.db, caller, code, Permission::kRead));
    ended.push_back(UnitJson(old));
  }
  return JsonResponse({{"into", UnitJson(*into)}, {"ended", ended}});
}

json UnitSchema() {
  json text = TypeSchema("string");
  json nullable = TypeSchema("string", true);
  return ObjectSchema({{"code", text},
                       {"name", text},
                       {"kind", text},
                       {"parent_code", nullable},
                       {"depth", TypeSchema("integer")},
                       {"valid_from", nullable},
                       {"valid_to", nullable},
                       {"successor_code", nullable}},
                      {"code", "name", "kind"});
}

json ProblemsSchema() {
  return ProblemsErrorSchema(ObjectSchema({{"line", TypeSchema("integer")},
                                           {"code", TypeSchema("string")},
                                           {"params", MapSchema(TypeSchema("string"))},
                                           {"message", TypeSchema("string")}},
                                          {"line", "code", "params", "message"}));
}

}  // namespace

void RegisterUnitAdminRoutes(Router& router) {
  json text = TypeSchema("string");
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/units/import",
       .access = Access::kAdmin,
       .handler = ImportRoute,
       .openapi =
           {{"summary",
             "Import units from a CSV file (code,name,kind,parent_code[,valid_from,valid_to]; at "
             "most 5 MiB) into the caller's subtree, all or nothing; problems are listed by line"},
            {"requestBody", FileUploadBody()},
            {"responses",
             {{"201", JsonResponseSchema(ObjectSchema({{"created", TypeSchema("integer")}},
                                                      {"created"}),
                                         "Imported")},
              {"422", JsonResponseSchema(ProblemsSchema(), "Problems in the file; nothing stored")}}}},
       .max_body_bytes = kMaxUnitUploadBytes + 64 * 1024});
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/units/{code}/move",
       .access = Access::kAdmin,
       .handler = MoveRoute,
       .openapi = {{"summary", "Move a unit with its subtree under another parent of the caller's "
                               "subtree; `on` (YYYY-MM-DD) is kept in its history"},
                   {"requestBody",
                    JsonRequestBody({{"parent_code", text}, {"on", text}}, {"parent_code"})},
                   {"responses", {{"200", JsonResponseSchema(UnitSchema(), "The moved unit")}}}},
       .max_body_bytes = 16u << 10});
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/units/merge",
       .access = Access::kAdmin,
       .handler = MergeRoute,
       .openapi =
           {{"summary",
             "Merge units into another on a date: each ends that day with it as successor and "
             "its active children move under it; plans and reports keep the old unit's name"},
            {"requestBody",
             JsonRequestBody({{"units", ArraySchema(text)}, {"into", text}, {"on", text}},
                             {"units", "into", "on"})},
            {"responses",
             {{"200", JsonResponseSchema(ObjectSchema({{"into", UnitSchema()},
                                                       {"ended", ArraySchema(UnitSchema())}},
                                                      {"into", "ended"}),
                                         "The successor and the ended units")}}}},
       .max_body_bytes = 16u << 10});
}

}  // namespace lienthong::api
