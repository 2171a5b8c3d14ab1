// The audit log, for administrators: the changes made by users of their subtree (all changes for
// an administrator of the root), as JSON or as JSON lines for archiving.
#include "api/openapi.h"
#include "api/route.h"
#include "service/accounts/audit_view.h"

namespace lienthong::api {

void RegisterAuditRoutes(Router& router);

namespace {

using nlohmann::json;

json EntryJson(const AuditEntry& e) {
  auto payload = [](const std::optional<std::string>& text) {
    return text ? json::parse(*text, nullptr, false) : json();
  };
  return {{"id", e.id},         {"at", e.at},          {"actor", e.actor},
          {"action", e.action}, {"entity", e.entity},  {"entity_id", e.entity_id},
          {"before", payload(e.before_json)}, {"after", payload(e.after_json)}};
}

Result<http::HttpResponse> ListAudit(RouteContext& ctx) {
  AuditFilter filter;
  filter.since = ctx.Query("since").value_or("");
  filter.until = ctx.Query("until").value_or("");
  filter.entity = ctx.Query("entity").value_or("");
  filter.action = ctx.Query("action").value_or("");
  filter.actor = ctx.Query("actor").value_or("");
  LT_ASSIGN_OR_RETURN(filter.limit, ctx.QueryCount("limit", 200, 1, 10000));
  bool lines = ctx.Query("format").value_or("") == "jsonl";
  json entries = json::array();
  std::string jsonl;
  LT_RETURN_IF_ERROR(VisitAudit(ctx.db, *ctx.caller, filter, [&](const AuditEntry& e) {
    if (lines) {
      jsonl += EntryJson(e).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    } else {
      entries.push_back(EntryJson(e));
    }
    return true;
  }));
  if (lines) {
    http::HttpResponse response;
    response.content_type = "application/x-ndjson; charset=utf-8";
    response.body = std::move(jsonl);
    return response;
  }
  return JsonResponse({{"entries", std::move(entries)}});
}

}  // namespace

void RegisterAuditRoutes(Router& router) {
  json payload = {{"description", "the entity as JSON before/after the change; null when none"},
                  {"nullable", true}};
  router.AddSchema("AuditEntry", ClosedObjectSchema({{"id", TypeSchema("integer")},
                                                     {"at", TypeSchema("string")},
                                                     {"actor", TypeSchema("string")},
                                                     {"action", TypeSchema("string")},
                                                     {"entity", TypeSchema("string")},
                                                     {"entity_id", TypeSchema("string")},
                                                     {"before", payload},
                                                     {"after", payload}}));
  router.Add(
      {.method = "GET",
       .pattern = "/api/v1/audit",
       .access = Access::kAdmin,
       .handler = ListAudit,
       .openapi = {{"summary", "Audit rows, newest first (administrators)"},
                   {"parameters",
                    {QueryParameter("since", "ISO timestamp or date"),
                     QueryParameter("until", "ISO timestamp or date (exclusive)"),
                     QueryParameter("entity", "plan, task, activity, session…"),
                     QueryParameter("action", "create, update, login, disable…"),
                     QueryParameter("actor", "exact actor, e.g. web:lan.nt"),
                     QueryParameter("limit", "at most this many (default 200)", false, "integer"),
                     QueryParameter("format", "json (default) or jsonl")}},
                   {"responses",
                    {{"200",
                      {{"description",
                        "The rows: {\"entries\": [...]}, or one row per "
                        "line with format=jsonl"},
                       {"content",
                        {{"application/json",
                          {{"schema", ClosedObjectSchema(
                                          {{"entries", ArraySchema(SchemaRef("AuditEntry"))}})}}},
                         {"application/x-ndjson", {{"schema", TypeSchema("string")}}}}}}}}}}});
}

}  // namespace lienthong::api
