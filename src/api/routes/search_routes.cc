// Search across plans, tasks and activities of the caller's subtree (service/search/search.h).
//   GET /api/v1/search?q=TEXT&limit=N[&unit=CODE]
#include <algorithm>

#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "core/unit_path.h"
#include "service/search/search.h"

namespace lienthong::api {

void RegisterSearchRoutes(Router& router);

namespace {

constexpr size_t kMaxQueryBytes = 500;

nlohmann::json SearchHitToJson(const SearchHit& hit) {
  return {{"type", hit.type},       {"id", hit.id},
          {"title", hit.title},     {"snippet", hit.snippet},
          {"unit_code", hit.unit_code},
          {"plan_id", hit.plan_id ? nlohmann::json(*hit.plan_id) : nlohmann::json(nullptr)},
          {"score", hit.score}};
}

Result<http::HttpResponse> SearchAll(RouteContext& ctx) {
  const Caller& caller = *ctx.caller;
  std::string q = ctx.Query("q").value_or("");
  if (q.size() > kMaxQueryBytes) {
    return Status::InvalidField("q", "at most 500 bytes");
  }
  SearchRequest request;
  request.text = q;
  // The caller's subtree, or a unit inside it; checked at the one authorisation point.
  std::string code = ctx.Query("unit").value_or("");
  if (code.empty()) code = caller.unit_code;
  LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, caller, code, Permission::kRead));
  request.scope_path = unit.path;
  // Plans without a unit belong to the root: only root users searching from the root see them.
  request.include_unowned_plans =
      UnitPath(unit.path).AtRoot() && UnitPath(caller.unit_path).AtRoot();
  LT_ASSIGN_OR_RETURN(int64_t limit, ctx.QueryCount("limit", request.limit, 1, 100));
  request.limit = static_cast<int>(limit);
  LT_ASSIGN_OR_RETURN(auto hits, Search(ctx.db, request));
  nlohmann::json results = nlohmann::json::array();
  for (const auto& h : hits) results.push_back(SearchHitToJson(h));
  return JsonResponse({{"results", results}});
}

}  // namespace

void RegisterSearchRoutes(Router& router) {
  nlohmann::json text = TypeSchema("string");
  router.AddSchema("SearchHit",
                   ClosedObjectSchema({{"type", EnumSchema({"plan", "task", "activity"})},
                                       {"id", TypeSchema("integer")},
                                       {"title", text},
                                       {"snippet", text},
                                       {"unit_code", text},
                                       {"plan_id", TypeSchema("integer", true)},
                                       {"score", TypeSchema("number")}}));
  router.Add({.method = "GET",
              .pattern = "/api/v1/search",
              .handler = SearchAll,
              .openapi = {{"summary",
                           "Plans, tasks and activities of your subtree matching the words of q "
                           "(case, diacritics and tone style ignored), best first"},
                          {"parameters",
                           {QueryParameter("q", "the words to find", true),
                            QueryParameter("limit", "1..100 (default 20)", false, "integer"),
                            QueryParameter("unit", "search only this unit's subtree")}},
                          {"responses",
                           {{"200", JsonResponseSchema(ClosedObjectSchema(
                                        {{"results", ArraySchema(SchemaRef("SearchHit"))}}))}}}}});
}

}  // namespace lienthong::api
