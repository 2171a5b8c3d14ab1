// Communication activities: the lists a form offers, recording one or a batch, and listing them.
//   GET  /api/v1/activities/options?unit=CODE
//   POST /api/v1/activities            one activity, or {"activities": [...]} (at most 1,000)
//   GET  /api/v1/activities?unit=&from=&to=&theme=&channel=&limit=&offset=
#include <algorithm>

#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "core/activity_vocabulary.h"
#include "service/activities/activity_commit_queue.h"
#include "service/activities/activity_log.h"
#include "service/activities/dashboard.h"
#include "text/normalize.h"

namespace lienthong::api {

void RegisterActivityRoutes(Router& router);

namespace {

using nlohmann::json;

constexpr size_t kMaxBatch = 1000;
constexpr int64_t kMaxPage = 500;

// The unit named by ?unit= (default: the caller's own), checked for `permission`.
Result<Unit> QueryUnit(RouteContext& ctx, Permission permission) {
  std::string code = ctx.Query("unit").value_or("");
  if (code.empty()) code = ctx.caller->unit_code;
  return AuthorizedUnit(ctx.db, *ctx.caller, code, permission);
}

Result<http::HttpResponse> Options(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, QueryUnit(ctx, Permission::kRead));
  LT_ASSIGN_OR_RETURN(ActivityOptions options, ActivityOptionsFor(ctx.db, unit));
  auto list = [](const std::vector<CodeLabel>& items) {
    json out = json::array();
    for (const auto& i : items) out.push_back({{"code", i.code}, {"label", i.label}});
    return out;
  };
  return JsonResponse({{"kinds", list(ActivityKindOptions())},
                       {"channels", list(ActivityChannelOptions())},
                       {"themes", options.themes}});
}

Result<http::HttpResponse> Record(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  bool batch = body.contains("activities");
  std::vector<json> items;
  if (batch) {
    if (!body["activities"].is_array()) {
      return Status::InvalidField("activities", "expected a list");
    }
    if (body["activities"].size() > kMaxBatch) {
      return Status::TooLarge("at most 1000 activities per request").WithField("activities");
    }
    for (const auto& item : body["activities"]) items.push_back(item);
  } else {
    items.push_back(body);
  }
  std::vector<ActivityDraft> drafts;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string prefix = batch ? "activities[" + std::to_string(i) + "]." : "";
    LT_ASSIGN_OR_RETURN(ActivityInput input, ActivityInputFromJson(items[i], prefix));
    if (input.unit_code.empty()) input.unit_code = ctx.caller->unit_code;
    LT_ASSIGN_OR_RETURN(Unit unit,
                        AuthorizedUnit(ctx.db, *ctx.caller, input.unit_code, Permission::kWrite));
    drafts.push_back({std::move(input), std::move(unit)});
  }
  if (drafts.empty()) return JsonResponse({{"activities", json::array()}}, 201);
  int64_t existing_id = 0;
  RecordOptions options{ctx.caller->Actor(), Today()};
  auto stored = ctx.activity_commits
                    ? ctx.activity_commits->Record(drafts, options, &existing_id)
                    : RecordActivities(ctx.db, drafts, options, &existing_id);
  if (!stored.ok()) {
    const Status& s = stored.status();
    if (s.code() == StatusCode::kAlreadyExists) {
      // A repeated submission: say which activity already holds the key.
      http::HttpResponse response = ApiError(s);
      json error = json::parse(response.body, nullptr, false);
      if (error.is_object() && error.contains("error")) {
        error["error"]["existing_id"] = existing_id;
        response.body = error.dump();
      }
      return response;
    }
    return s;
  }
  if (!batch) return JsonResponse(ActivityToJson(stored->front()), 201);
  json out = json::array();
  for (const auto& a : *stored) out.push_back(ActivityToJson(a));
  return JsonResponse({{"activities", out}}, 201);
}

Result<http::HttpResponse> List(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, QueryUnit(ctx, Permission::kRead));
  LT_ASSIGN_OR_RETURN(DateRange range,
                      ParseDateRange(ctx.Query("from"), ctx.Query("to"),
                                     DateRange{Date{1, 1, 1}, Date{9999, 12, 31}}));
  ActivityFilter filter;
  filter.root_path = unit.path;
  if (ctx.Query("from").value_or("") != "") filter.from = range.from;
  if (ctx.Query("to").value_or("") != "") filter.to = range.to;
  if (auto theme = ctx.Query("theme"); theme && !theme->empty()) filter.theme = ToNfc(*theme);
  if (auto channel = ctx.Query("channel"); channel && !channel->empty()) {
    filter.channel = CanonicalChannel(*channel);
    if (!filter.channel) {
      return Status::InvalidField("channel", "unknown channel '" + channel->substr(0, 40) + "'");
    }
  }
  LT_ASSIGN_OR_RETURN(filter.limit, ctx.QueryInt("limit", 50, 1, kMaxPage));
  LT_ASSIGN_OR_RETURN(filter.offset, ctx.QueryInt("offset", 0, 0, 1'000'000'000));
  LT_ASSIGN_OR_RETURN(auto rows, ActivityStore(ctx.db).List(filter));
  // The total comes from the pre-aggregates: exact, and cheap however many rows match.
  LT_ASSIGN_OR_RETURN(int64_t total, CountActivities(ctx.db, unit.id, range.from, range.to,
                                                     filter.theme, filter.channel));
  json out = json::array();
  for (const auto& a : rows) out.push_back(ActivityToJson(a));
  return JsonResponse({{"activities", out}, {"total", total}});
}

json ActivitySchema() {
  return {{"unit", {{"type", "string"}, {"description", "unit code (default: yours)"}}},
          {"date", {{"type", "string"}, {"format", "date"}}},
          {"kind", {{"type", "string"}, {"description", "see /activities/options"}}},
          {"channel", {{"type", "string"}, {"description", "see /activities/options"}}},
          {"theme", {{"type", "string"}}},
          {"title", {{"type", "string"}}},
          {"link", {{"type", "string"}, {"description", "http(s) only"}}},
          {"reach", {{"type", "integer"}, {"minimum", 0}}},
          {"plan_id", {{"type", "integer"}}},
          {"client_key",
           {{"type", "string"}, {"description", "idempotency key: a repeat answers 409"}}},
          {"activities", {{"type", "array"}, {"description", "batch form, at most 1000"}}}};
}

}  // namespace

void RegisterActivityRoutes(Router& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/activities/options",
              .handler = Options,
              .openapi = {{"summary", "Kinds, channels and themes offered when recording"},
                          {"parameters", {QueryParameter("unit", "unit code (default: yours)")}}}});
  router.Add({.method = "POST",
              .pattern = "/api/v1/activities",
              .handler = Record,
              .openapi = {{"summary",
                           "Record one activity, or a batch {\"activities\": [...]} (all or "
                           "nothing)"},
                          {"requestBody", JsonRequestBody(ActivitySchema(),
                                                          {"date", "kind", "channel", "title"})}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/activities",
              .handler = List,
              .openapi = {{"summary", "Activities of a unit's subtree, newest first"},
                          {"parameters",
                           {QueryParameter("unit", "unit code (default: yours)"),
                            QueryParameter("from", "first day, YYYY-MM-DD"),
                            QueryParameter("to", "last day, YYYY-MM-DD"),
                            QueryParameter("theme", "exact theme"),
                            QueryParameter("channel", "channel code"),
                            QueryParameter("limit", "1..500 (default 50)", false, "integer"),
                            QueryParameter("offset", "rows to skip", false, "integer")}}}});
}

}  // namespace lienthong::api
