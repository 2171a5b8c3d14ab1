// Units: the caller's part of the hierarchy, and one unit with its neighbours; administration
// (import, move, merge) is in unit_admin_routes.cc.
#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "api/unit_json.h"
#include "service/units/unit_tree.h"

namespace lienthong::api {

void RegisterUnitRoutes(Router& router);
void RegisterUnitAdminRoutes(Router& router);

namespace {

using nlohmann::json;

constexpr size_t kMaxUnitsListed = 5000;

Result<http::HttpResponse> ListUnits(RouteContext& ctx) {
  std::string root_code = ctx.Query("root").value_or(ctx.caller->unit_code);
  if (root_code.empty()) root_code = ctx.caller->unit_code;
  LT_ASSIGN_OR_RETURN(Unit root, AuthorizedUnit(ctx.db, *ctx.caller, root_code, Permission::kRead));
  UnitListFilter filter{.query = ctx.Query("q").value_or(""), .limit = kMaxUnitsListed};
  if (ctx.Query("depth").value_or("") != "") {
    LT_ASSIGN_OR_RETURN(int64_t depth, ctx.QueryInt("depth", 0, 0, 100));
    filter.levels_below = static_cast<int>(depth);
  }
  LT_ASSIGN_OR_RETURN(UnitListing listing, ListSubtree(ctx.db, root, filter));
  json units = json::array();
  for (const ListedUnit& listed : listing.units) {
    json entry = UnitJson(listed.unit);
    entry["child_count"] = listed.child_count;
    units.push_back(std::move(entry));
  }
  return JsonResponse({{"units", std::move(units)}, {"truncated", listing.truncated}});
}

Result<http::HttpResponse> GetUnit(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, *ctx.caller, ctx.path_params["code"],
                                                Permission::kRead));
  LT_ASSIGN_OR_RETURN(UnitNeighbours neighbours,
                      NeighboursOf(ctx.db, unit, ctx.caller->unit_path));
  json out = UnitJson(unit);
  out["children"] = json::array();
  for (const Unit& child : neighbours.children) out["children"].push_back(UnitJson(child));
  // Ancestors the caller may see (from its own unit down), root first.
  out["ancestors"] = json::array();
  for (const Unit& ancestor : neighbours.ancestors) out["ancestors"].push_back(UnitJson(ancestor));
  return JsonResponse(out);
}

// The one unit shape (store/unit_json.h UnitJson).
json UnitSchema() {
  json text = TypeSchema("string"), maybe_text = TypeSchema("string", true);
  return ClosedObjectSchema({{"code", text},
                             {"name", text},
                             {"kind", text},
                             {"kind_label", text},
                             {"parent_code", maybe_text},
                             {"depth", TypeSchema("integer")},
                             {"valid_from", DateSchema(true)},
                             {"valid_to", DateSchema(true)},
                             {"successor_code", maybe_text}});
}

json ListedUnitSchema() {
  json schema = UnitSchema();
  schema["properties"]["child_count"] = TypeSchema("integer");
  schema["required"].push_back("child_count");
  return schema;
}

json UnitWithNeighboursSchema() {
  json schema = UnitSchema();
  schema["properties"]["children"] = ArraySchema(SchemaRef("Unit"));
  schema["properties"]["ancestors"] = ArraySchema(SchemaRef("Unit"));
  schema["required"].push_back("children");
  schema["required"].push_back("ancestors");
  return schema;
}

}  // namespace

void RegisterUnitRoutes(Router& router) {
  router.AddSchema("Unit", UnitSchema());
  router.AddSchema("ListedUnit", ListedUnitSchema());
  router.AddSchema("UnitWithNeighbours", UnitWithNeighboursSchema());
  router.Add({.method = "GET",
              .pattern = "/api/v1/units",
              .handler = ListUnits,
              .openapi = {{"summary", "A subtree of units in tree order"},
                          {"parameters",
                           {QueryParameter("root", "unit code; default the caller's unit"),
                            QueryParameter("q", "filter by name or code, diacritic-insensitive"),
                            QueryParameter("depth", "levels below root", false, "integer")}},
                          {"responses",
                           {{"200", JsonResponseSchema(ClosedObjectSchema(
                                        {{"units", ArraySchema(SchemaRef("ListedUnit"))},
                                         {"truncated", TypeSchema("boolean")}}))}}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/units/{code}",
              .handler = GetUnit,
              .openapi = {{"summary", "One unit with its children and visible ancestors"},
                          {"responses", RefResponse("UnitWithNeighbours")}}});
  RegisterUnitAdminRoutes(router);
}

}  // namespace lienthong::api
