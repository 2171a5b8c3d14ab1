// Units: the caller's part of the hierarchy, and one unit with its neighbours.
#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "api/unit_json.h"
#include "core/unit_path.h"
#include "store/unit_store.h"
#include "text/keys.h"

namespace lienthong::api {

void RegisterUnitRoutes(Router& router);

namespace {

using nlohmann::json;

constexpr size_t kMaxUnitsListed = 5000;

Result<http::HttpResponse> ListUnits(RouteContext& ctx) {
  std::string root_code = ctx.Query("root").value_or(ctx.caller->unit_code);
  if (root_code.empty()) root_code = ctx.caller->unit_code;
  LT_ASSIGN_OR_RETURN(Unit root, AuthorizedUnit(ctx.db, *ctx.caller, root_code, Permission::kRead));
  int max_depth = -1;
  if (ctx.Query("depth").value_or("") != "") {
    LT_ASSIGN_OR_RETURN(int64_t depth, ctx.QueryInt("depth", 0, 0, 100));
    max_depth = root.depth + static_cast<int>(depth);
  }
  std::string query_key = SearchKey(ctx.Query("q").value_or(""));
  LT_ASSIGN_OR_RETURN(auto subtree, UnitStore(ctx.db).Subtree(root));
  json units = json::array();
  bool truncated = false;
  for (const Unit& unit : subtree) {
    if (max_depth >= 0 && unit.depth > max_depth) continue;
    if (!query_key.empty() && SearchKey(unit.name + " " + unit.code).find(query_key) ==
                                  std::string::npos) {
      continue;
    }
    if (units.size() == kMaxUnitsListed) {
      truncated = true;
      break;
    }
    units.push_back(UnitJson(unit));
  }
  return JsonResponse({{"units", units}, {"truncated", truncated}});
}

Result<http::HttpResponse> GetUnit(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, *ctx.caller, ctx.path_params["code"],
                                                Permission::kRead));
  UnitStore store(ctx.db);
  LT_ASSIGN_OR_RETURN(auto children, store.Children(unit));
  json out = UnitJson(unit);
  out["children"] = json::array();
  for (const Unit& child : children) out["children"].push_back(UnitJson(child));
  // Ancestors the caller may see (from its own unit down), root first.
  out["ancestors"] = json::array();
  std::string path = unit.path;
  std::vector<std::string> codes;
  for (size_t start = 1; start < path.size();) {
    size_t slash = path.find('/', start);
    codes.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  for (size_t i = 0; i + 1 < codes.size(); ++i) {
    auto ancestor = store.FindByCode(codes[i]);
    if (ancestor.ok() && *ancestor && UnitPath((*ancestor)->path).Within(ctx.caller->unit_path)) {
      out["ancestors"].push_back(UnitJson(**ancestor));
    }
  }
  return JsonResponse(out);
}

}  // namespace

void RegisterUnitRoutes(Router& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/units",
              .handler = ListUnits,
              .openapi = {{"summary", "A subtree of units in tree order"},
                          {"parameters",
                           {QueryParameter("root", "unit code; default the caller's unit"),
                            QueryParameter("q", "filter by name or code, diacritic-insensitive"),
                            QueryParameter("depth", "levels below root", false, "integer")}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/units/{code}",
              .handler = GetUnit,
              .openapi = {{"summary", "One unit with its children and visible ancestors"}}});
}

}  // namespace lienthong::api
