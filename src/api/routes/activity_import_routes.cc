// Importing many activities from a CSV or XLSX file (service/activities/activity_import.h):
//   POST /api/v1/activities/import?unit=CODE[&dry_run=1]   multipart/form-data, field `file`
// All or nothing: 201 {"imported", "rows", "ids"}; with problems 422 and
// {"error": {...}, "problems": [{"row", "column", "code", "params", "message"}]} (nothing stored;
// code and params as service/activities/activity_import.h lists them, for the page's wording).
#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "api/upload.h"
#include "service/activities/activity_import.h"

namespace lienthong::api {

void RegisterActivityImportRoutes(Router& router);

namespace {

using nlohmann::json;

constexpr size_t kMaxImportFileBytes = 5 * 1024 * 1024;

http::HttpResponse RowProblemsResponse(const ActivityImportResult& result) {
  json problems = json::array();
  for (const RowProblem& p : result.problems) {
    if (problems.size() == kMaxProblemsListed) break;
    problems.push_back({{"row", p.row},
                        {"column", p.column},
                        {"code", p.code},
                        {"params", ParamsJson(p.params)},
                        {"message", p.message}});
  }
  return ProblemsResponse(result.problems.size(), std::move(problems), {{"rows", result.rows}});
}

Result<http::HttpResponse> Import(RouteContext& ctx) {
  std::string code = ctx.Query("unit").value_or("");
  if (code.empty()) code = ctx.caller->unit_code;
  LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, *ctx.caller, code, Permission::kWrite));
  LT_ASSIGN_OR_RETURN(int64_t dry_run, ctx.QueryInt("dry_run", 0, 0, 1));
  LT_ASSIGN_OR_RETURN(UploadedFile file, UploadedFileOf(ctx, kMaxImportFileBytes));
  const Caller& caller = *ctx.caller;
  ActivityImportRequest request{
      .file_bytes = file.bytes,
      .file_name = file.name.empty() ? "activities" : file.name,
      .default_unit = unit,
      .resolve_unit = [&](const std::string& row_unit) {
        return AuthorizedUnit(ctx.db, caller, row_unit, Permission::kWrite);
      },
      .record = RecordOptions{caller.Actor(), Today()},
      .dry_run = dry_run == 1};
  LT_ASSIGN_OR_RETURN(ActivityImportResult result, ImportActivities(ctx.db, request));
  if (!result.problems.empty()) return RowProblemsResponse(result);
  return JsonResponse({{"imported", static_cast<int64_t>(result.ids.size())},
                       {"rows", result.rows},
                       {"dry_run", request.dry_run},
                       {"ids", result.ids}},
                      request.dry_run ? 200 : 201);
}

}  // namespace

void RegisterActivityImportRoutes(Router& router) {
  json result = ObjectSchema({{"imported", TypeSchema("integer")},
                              {"rows", TypeSchema("integer")},
                              {"dry_run", TypeSchema("boolean")},
                              {"ids", ArraySchema(TypeSchema("integer"))}},
                             {"imported", "rows", "dry_run", "ids"});
  json problems = ProblemsErrorSchema(
      ObjectSchema({{"row", TypeSchema("integer")},
                    {"column", TypeSchema("string")},
                    {"code", TypeSchema("string")},
                    {"params", MapSchema(TypeSchema("string"))},
                    {"message", TypeSchema("string")}},
                   {"row", "column", "code", "params", "message"}),
      {{"rows", TypeSchema("integer")}});
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/activities/import",
       .handler = Import,
       .openapi =
           {{"summary",
             "Import activities from a CSV or XLSX file (at most 5 MiB, 5,000 rows), all or "
             "nothing; problems are listed by row"},
            {"parameters",
             {QueryParameter("unit", "unit for rows without a unit column (default: yours)"),
              QueryParameter("dry_run", "1: check every row, store nothing", false, "integer")}},
            {"requestBody", FileUploadBody()},
            {"responses",
             {{"200", JsonResponseSchema(result, "Checked (dry run): nothing stored")},
              {"201", JsonResponseSchema(result, "Imported")},
              {"422", JsonResponseSchema(problems, "Problems in the file; nothing stored")}}}},
       // Checked before the body is read: the file and a multipart form's framing.
       .max_body_bytes = kMaxImportFileBytes + 64 * 1024});
}

}  // namespace lienthong::api
