// The audit log, for administrators: the changes made by users of their subtree (all changes for
// an administrator of the root), as JSON or as JSON lines for archiving.
#include <algorithm>

#include "api/openapi.h"
#include "api/route.h"
#include "core/unit_path.h"
#include "store/unit_store.h"

namespace lienthong::api {

void RegisterAuditRoutes(Router& router);

namespace {

using nlohmann::json;

Result<http::HttpResponse> ListAudit(RouteContext& ctx) {
  const Caller& caller = *ctx.caller;
  bool root_admin = UnitPath(caller.unit_path).AtRoot();
  std::string sql =
      "SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.before_json, a.after_json "
      "FROM audit_log a WHERE 1 = 1";
  SqlParams params;
  if (!root_admin) {
    sql += " AND a.actor IN (SELECT 'web:' || u.username FROM users u JOIN units n "
           "ON n.id = u.unit_id WHERE n.path >= ? AND n.path < ?)";
    params.push_back(caller.unit_path);
    params.push_back(UnitPath(caller.unit_path).RangeEnd());
  }
  if (auto since = ctx.Query("since"); since && !since->empty()) {
    sql += " AND a.at >= ?";
    params.push_back(*since);
  }
  if (auto until = ctx.Query("until"); until && !until->empty()) {
    sql += " AND a.at < ?";
    params.push_back(*until);
  }
  if (auto entity = ctx.Query("entity"); entity && !entity->empty()) {
    sql += " AND a.entity = ?";
    params.push_back(*entity);
  }
  LT_ASSIGN_OR_RETURN(int64_t limit, ctx.QueryCount("limit", 200, 1, 10000));
  sql += " ORDER BY a.id DESC LIMIT ?";
  params.push_back(limit);
  bool lines = ctx.Query("format").value_or("") == "jsonl";
  json entries = json::array();
  std::string jsonl;
  LT_RETURN_IF_ERROR(ctx.db.QueryEach(sql, params, [&](const SqlRow& r) {
    json entry = {{"id", r.Int(0)},         {"at", r.Text(1)},        {"actor", r.Text(2)},
                  {"action", r.Text(3)},    {"entity", r.Text(4)},    {"entity_id", r.Text(5)},
                  {"before", r.OptText(6) ? json::parse(*r.OptText(6), nullptr, false) : json()},
                  {"after", r.OptText(7) ? json::parse(*r.OptText(7), nullptr, false) : json()}};
    if (lines) {
      jsonl += entry.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    } else {
      entries.push_back(std::move(entry));
    }
    return true;
  }));
  if (lines) {
    http::HttpResponse response;
    response.content_type = "application/x-ndjson; charset=utf-8";
    response.body = std::move(jsonl);
    return response;
  }
  return JsonResponse({{"entries", entries}});
}

}  // namespace

void RegisterAuditRoutes(Router& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/audit",
              .access = Access::kAdmin,
              .handler = ListAudit,
              .openapi = {{"summary", "Audit rows, newest first (administrators)"},
                          {"parameters",
                           {QueryParameter("since", "ISO timestamp or date"),
                            QueryParameter("until", "ISO timestamp or date (exclusive)"),
                            QueryParameter("entity", "plan, task, activity, session…"),
                            QueryParameter("limit", "at most this many (default 200)", false,
                                           "integer"),
                            QueryParameter("format", "json (default) or jsonl")}}}});
}

}  // namespace lienthong::api
