// Communication activities: the lists a form offers, recording one or a batch, listing them with
// paging and filters, one activity, changing and deleting it (docs/activities.md).
//   GET    /api/v1/activities/options?unit=CODE
//   POST   /api/v1/activities            one activity, or {"activities": [...]} (at most 1,000)
//   GET    /api/v1/activities?unit=&from=&to=&theme=&channel=&limit=&offset=
//   GET    /api/v1/activities/{id}
//   PATCH  /api/v1/activities/{id}       the author, a manager or an admin
//   DELETE /api/v1/activities/{id}       idem
// The import of a CSV/XLSX file is in activity_import_routes.cc.
#include <algorithm>

#include "api/activity_json.h"
#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "core/activity_vocabulary.h"
#include "service/activities/activity_commit_queue.h"
#include "service/activities/activity_edit.h"
#include "service/activities/activity_log.h"
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

// The activity object with whether this caller may change it.
json ActivityForCaller(const Caller& caller, const ActivityWithUnit& activity) {
  json j = ActivityJson(activity.stored);
  j["can_edit"] = MayChangeActivity(caller, activity);
  return j;
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

// A repeated submission answers 409 naming the activity that already holds the key.
http::HttpResponse RepeatedKey(const Status& status, int64_t existing_id) {
  http::HttpResponse response = ApiError(status);
  json error = json::parse(response.body, nullptr, false);
  if (error.is_object() && error.contains("error")) {
    error["error"]["existing_id"] = existing_id;
    response.body = error.dump();
  }
  return response;
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
    if (stored.status().code() == StatusCode::kAlreadyExists) {
      return RepeatedKey(stored.status(), existing_id);
    }
    return stored.status();
  }
  if (!batch) return JsonResponse(ActivityJson(stored->front()), 201);
  json out = json::array();
  for (const auto& a : *stored) out.push_back(ActivityJson(a));
  return JsonResponse({{"activities", std::move(out)}}, 201);
}

Result<ActivityFilter> FilterOf(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(DateRange range,
                      ParseDateRange(ctx.Query("from"), ctx.Query("to"),
                                     DateRange{Date{1, 1, 1}, Date{9999, 12, 31}}));
  ActivityFilter filter;
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
  return filter;
}

Result<http::HttpResponse> List(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(Unit unit, QueryUnit(ctx, Permission::kRead));
  LT_ASSIGN_OR_RETURN(ActivityFilter filter, FilterOf(ctx));
  LT_ASSIGN_OR_RETURN(ActivityPage page, ListActivities(ctx.db, unit, filter));
  json out = json::array();
  for (auto& a : page.activities) {
    out.push_back(ActivityForCaller(*ctx.caller, {std::move(a), unit}));
  }
  int64_t next = filter.offset + static_cast<int64_t>(out.size());
  const bool more = next < page.total && !out.empty();
  return JsonResponse({{"activities", std::move(out)},
                       {"total", page.total},
                       {"limit", filter.limit},
                       {"offset", filter.offset},
                       {"next_offset", more ? json(next) : json()}});
}

Result<http::HttpResponse> GetOne(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_ASSIGN_OR_RETURN(auto activity, AuthorizedActivity(ctx.db, *ctx.caller, id, Permission::kRead));
  return JsonResponse(ActivityForCaller(*ctx.caller, activity));
}

// The PATCH body: any of the recording fields; "unit" and "client_key" cannot change.
Result<ActivityEdit> EditOf(const json& body) {
  for (const char* fixed : {"unit", "client_key", "id", "created_by"}) {
    if (body.contains(fixed)) {
      return Status::InvalidField(fixed, "cannot be changed (record a new activity instead)");
    }
  }
  LT_ASSIGN_OR_RETURN(ActivityInput in, ActivityInputFromJson(body, ""));
  ActivityEdit edit;
  auto given = [&](const char* key) { return body.contains(key) && !body[key].is_null(); };
  if (given("date")) edit.date = in.date;
  if (given("kind")) edit.kind = in.kind;
  if (given("channel")) edit.channel = in.channel;
  if (given("theme")) edit.theme = in.theme;
  if (given("title")) edit.title = in.title;
  if (body.contains("link")) edit.link = in.link;
  if (given("reach")) edit.reach = in.reach;
  if (body.contains("plan_id")) {
    edit.set_plan_id = true;
    edit.plan_id = in.plan_id;
  }
  return edit;
}

Result<http::HttpResponse> Patch(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_ASSIGN_OR_RETURN(auto activity, AuthorizedActivity(ctx.db, *ctx.caller, id, Permission::kWrite));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  LT_ASSIGN_OR_RETURN(ActivityEdit edit, EditOf(body));
  LT_ASSIGN_OR_RETURN(StoredActivity changed,
                      UpdateActivity(ctx.db, id, edit, RecordOptions{ctx.caller->Actor(), Today()}));
  return JsonResponse(ActivityForCaller(*ctx.caller, {std::move(changed), activity.unit}));
}

Result<http::HttpResponse> Delete(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedActivity(ctx.db, *ctx.caller, id, Permission::kWrite).status());
  LT_RETURN_IF_ERROR(DeleteActivity(ctx.db, id, ctx.caller->Actor()));
  http::HttpResponse response;
  response.status = 204;
  return response;
}

json ActivitySchema() {
  return {{"unit", {{"type", "string"}, {"description", "unit code (default: yours)"}}},
          {"date", {{"type", "string"}, {"format", "date"}}},
          {"kind", {{"type", "string"}, {"description", "see /activities/options"}}},
          {"channel", {{"type", "string"}, {"description", "see /activities/options"}}},
          {"theme", {{"type", "string"}}},
          {"title", {{"type", "string"}}},
          {"link", {{"type", "string"}, {"description", "http(s) only"}}},
          {"reach", {{"type", "integer"}, {"minimum", 0}, {"maximum", kMaxActivityReach}}},
          {"plan_id", {{"type", "integer"}}},
          {"client_key",
           {{"type", "string"}, {"description", "idempotency key: a repeat answers 409"}}},
          {"activities", {{"type", "array"}, {"description", "batch form, at most 1000"}}}};
}

json ActivityEditSchema() {
  json schema = ActivitySchema();
  for (const char* fixed : {"unit", "client_key", "activities"}) schema.erase(fixed);
  schema["plan_id"]["nullable"] = true;
  return schema;
}

json IdParameter() {
  return {{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}};
}

}  // namespace

void RegisterActivityImportRoutes(Router& router);

void RegisterActivityRoutes(Router& router) {
  router.AddSchema("Activity", ActivityObjectSchema());
  router.AddSchema("ActivityPage", ActivityPageSchema());
  router.AddSchema("ActivityOptions", ActivityOptionsSchema());
  router.Add({.method = "GET",
              .pattern = "/api/v1/activities/options",
              .handler = Options,
              .openapi = {{"summary", "Kinds, channels and themes offered when recording"},
                          {"parameters", {QueryParameter("unit", "unit code (default: yours)")}},
                          {"responses", RefResponse("ActivityOptions")}}});
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/activities",
       .handler = Record,
       .openapi = {
           {"summary",
            "Record one activity, or a batch {\"activities\": [...]} (all or "
            "nothing)"},
           {"requestBody", JsonRequestBody(ActivitySchema(), {"date", "kind", "channel", "title"})},
           {"responses",
            {{"201", JsonResponseSchema(
                         {{"oneOf",
                           {SchemaRef("Activity"),
                            ObjectSchema({{"activities", ArraySchema(SchemaRef("Activity"))}},
                                         {"activities"})}}},
                         "Recorded (the batch form answers the list)")}}}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/activities",
              .handler = List,
              .openapi = {{"summary", "Activities of a unit's subtree, newest first, one page"},
                          {"parameters",
                           {QueryParameter("unit", "unit code (default: yours)"),
                            QueryParameter("from", "first day, YYYY-MM-DD"),
                            QueryParameter("to", "last day, YYYY-MM-DD"),
                            QueryParameter("theme", "exact theme"),
                            QueryParameter("channel", "channel code"),
                            QueryParameter("limit", "1..500 (default 50)", false, "integer"),
                            QueryParameter("offset", "rows to skip", false, "integer")}},
                          {"responses", RefResponse("ActivityPage")}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/activities/{id}",
              .handler = GetOne,
              .openapi = {{"summary", "One activity"},
                          {"parameters", {IdParameter()}},
                          {"responses", RefResponse("Activity")}}});
  router.Add({.method = "PATCH",
              .pattern = "/api/v1/activities/{id}",
              .handler = Patch,
              .openapi = {{"summary",
                           "Change an activity (its author, a manager or an admin); "
                           "the dashboards follow"},
                          {"parameters", {IdParameter()}},
                          {"requestBody", JsonRequestBody(ActivityEditSchema())},
                          {"responses", RefResponse("Activity")}}});
  router.Add({.method = "DELETE",
              .pattern = "/api/v1/activities/{id}",
              .handler = Delete,
              .openapi = {{"summary",
                           "Delete an activity (its author, a manager or an admin); "
                           "the audit log keeps it"},
                          {"parameters", {IdParameter()}},
                          {"responses", NoContentResponse("Deleted")}}});
  RegisterActivityImportRoutes(router);
}

}  // namespace lienthong::api
