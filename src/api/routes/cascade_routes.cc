// Cascade: derive a unit's plan from its parent's, the coverage matrix of a plan, and the level
// words admins edit (docs/cascade.md).
#include <cstdlib>

#include "api/authorize.h"
#include "api/openapi.h"
#include "api/route.h"
#include "core/plan.h"
#include "service/plans/cascade_units.h"
#include "service/plans/level_words.h"
#include "service/plans/plan_coverage.h"
#include "service/plans/plan_derive.h"
#include "store/plan_document_codec.h"

namespace lienthong::api {

void RegisterCascadeRoutes(Router& router);

namespace {

using nlohmann::json;

Result<http::HttpResponse> Derive(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  if (!body.contains("unit") || !body["unit"].is_string()) {
    return Status::InvalidField("unit", "expected a unit code");
  }
  LT_RETURN_IF_ERROR(AuthorizedPlanPath(ctx.db, *ctx.caller, id, Permission::kRead).status());
  LT_ASSIGN_OR_RETURN(Unit unit, AuthorizedUnit(ctx.db, *ctx.caller,
                                                body["unit"].get<std::string>(),
                                                Permission::kWrite));
  LT_ASSIGN_OR_RETURN(DerivedPlan derived,
                      DerivePlan(ctx.db, {.parent_plan_id = id,
                                          .unit_code = unit.code,
                                          .actor = ctx.caller->Actor()}));
  return JsonResponse({{"id", derived.plan_id},
                       {"unit_code", unit.code},
                       {"status", PlanStatusName(PlanStatus::kDraft)},
                       {"implements_plan_id", id},
                       {"tasks_copied", derived.tasks_copied},
                       {"tasks_in_parent", derived.tasks_in_parent},
                       {"document", EncodePlanDocument(derived.document)}},
                      201);
}

json Optional(const std::optional<std::string>& s) { return s ? json(*s) : json(); }

json ScoreJson(const CoverageScore& s, bool task) {
  json j = {{"score", s.score}, {"covered", s.covered}, {"passage", s.passage}};
  if (task) {
    j["id"] = s.task_id;
    j["assigned"] = s.assigned;
  } else {
    j["index"] = s.theme_index;
  }
  return j;
}

json CoverageUnitJson(const CoverageUnit& u) {
  json entry = {{"code", u.code},
                {"name", u.name},
                {"kind", std::string(UnitKindName(u.kind))},
                {"required_by", u.required_by},
                {"plan", nullptr},
                {"late", u.late},
                {"themes", json::array()},
                {"tasks", json::array()}};
  if (u.plan) {
    entry["plan"] = {{"id", u.plan->id},
                     {"number", Optional(u.plan->number)},
                     {"date", Optional(u.plan->date)},
                     {"status", PlanStatusName(u.plan->status)},
                     {"issued", u.plan->issued}};
  }
  for (const CoverageScore& s : u.themes) entry["themes"].push_back(ScoreJson(s, false));
  for (const CoverageScore& s : u.tasks) entry["tasks"].push_back(ScoreJson(s, true));
  return entry;
}

// The JSON of docs/cascade.md.
json CoverageJson(const PlanCoverageReport& r) {
  const ImplementingDeadline& d = r.implementing_deadline;
  json themes = json::array();
  for (const CoverageTheme& t : r.themes) {
    themes.push_back({{"index", t.index}, {"label", t.label}, {"title", t.title}});
  }
  json tasks = json::array();
  for (const CoverageTask& t : r.tasks) tasks.push_back({{"id", t.id}, {"text", t.text}});
  json units = json::array();
  for (const CoverageUnit& u : r.units) units.push_back(CoverageUnitJson(u));
  return json{{"plan",
               {{"id", r.plan_id},
                {"unit", Optional(r.unit_code)},
                {"number", Optional(r.number)},
                {"date", Optional(r.date)},
                {"title", r.title},
                {"status", PlanStatusName(r.status)},
                {"implementing_deadline",
                 {{"date", d.date ? json(d.date->ToIso()) : json()},
                  {"source", d.source},
                  {"text", d.text}}}}},
              {"themes", std::move(themes)},
              {"tasks", std::move(tasks)},
              {"units", std::move(units)},
              {"summary",
               {{"required", r.summary.required},
                {"issued", r.summary.issued},
                {"drafting", r.summary.drafting},
                {"missing", r.summary.missing},
                {"late", r.summary.late}}}};
}

Result<http::HttpResponse> Coverage(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(int64_t id, ctx.PathId("id"));
  LT_RETURN_IF_ERROR(AuthorizedPlanPath(ctx.db, *ctx.caller, id, Permission::kRead).status());
  CoverageOptions options{.visible_path = ctx.caller->unit_path};
  LT_ASSIGN_OR_RETURN(int64_t days, ctx.QueryInt("default_days", options.default_days, 0, 3650));
  options.default_days = static_cast<int>(days);
  LT_ASSIGN_OR_RETURN(PlanCoverageReport coverage, PlanCoverage(ctx.db, id, options));
  return JsonResponse(CoverageJson(coverage));
}

json LevelWordsJson(const std::vector<LevelWord>& words) {
  json out = json::array();
  for (const auto& w : words) {
    out.push_back({{"from_level", w.from_level},
                   {"to_level", w.to_level},
                   {"position", w.position},
                   {"from_text", w.from_text},
                   {"to_text", w.to_text}});
  }
  return out;
}

// ?kind= takes a level ("commune") or a unit kind ("ward", "city"), read as its level.
Result<std::optional<std::string>> LevelParam(const RouteContext& ctx) {
  auto kind = ctx.Query("kind");
  if (!kind || kind->empty()) return std::optional<std::string>();
  if (IsLevelName(*kind)) return kind;
  if (auto unit_kind = ParseUnitKind(*kind)) {
    std::string_view level = LevelOfTerritory(*unit_kind);
    if (!level.empty()) return std::optional<std::string>(std::string(level));
  }
  return Status::InvalidField("kind", "expected country, province, commune or a territorial "
                                     "unit kind, got '" + kind->substr(0, 40) + "'");
}

Result<http::HttpResponse> GetLevelWords(RouteContext& ctx) {
  auto level = LevelParam(ctx);
  if (!level.ok()) return AboutField(level.status(), "kind");
  LT_ASSIGN_OR_RETURN(auto words, ListLevelWords(ctx.db, *level));
  return JsonResponse({{"entries", LevelWordsJson(words)}});
}

Result<http::HttpResponse> PutLevelWords(RouteContext& ctx) {
  LT_RETURN_IF_ERROR(Authorize(*ctx.caller, ctx.caller->unit_path, Permission::kAdminister));
  LT_ASSIGN_OR_RETURN(json body, ctx.JsonBody());
  for (const char* key : {"from_level", "to_level"}) {
    if (!body.contains(key) || !body[key].is_string()) {
      return Status::InvalidField(key, "expected a level name");
    }
  }
  if (!body.contains("entries") || !body["entries"].is_array()) {
    return Status::InvalidField("entries", "expected a list");
  }
  std::vector<LevelWordEdit> entries;
  for (size_t i = 0; i < body["entries"].size(); ++i) {
    const json& e = body["entries"][i];
    if (!e.is_object() || !e.contains("from_text") || !e["from_text"].is_string() ||
        !e.contains("to_text") || !e["to_text"].is_string()) {
      return Status::InvalidField("entries[" + std::to_string(i) + "]",
                                  "expected {\"from_text\", \"to_text\"}");
    }
    entries.push_back({e["from_text"].get<std::string>(), e["to_text"].get<std::string>()});
  }
  const std::string from = body["from_level"], to = body["to_level"];
  Status replaced = ReplaceLevelWords(ctx.db, from, to, entries, ctx.caller->Actor());
  LT_RETURN_IF_ERROR(AboutField(replaced, "entries"));
  LT_ASSIGN_OR_RETURN(auto words, LevelWordsFor(ctx.db, from, to));
  return JsonResponse({{"entries", LevelWordsJson(words)}});
}

json Schema(std::initializer_list<std::pair<const char*, const char*>> props) {
  json p = json::object();
  for (const auto& [name, type] : props) p[name] = {{"type", type}};
  return p;
}

json CoverageSchema() {
  json text = TypeSchema("string"), maybe_text = TypeSchema("string", true);
  json integer = TypeSchema("integer"), flag = TypeSchema("boolean");
  json score = ObjectSchema({{"score", TypeSchema("number")},
                             {"covered", flag},
                             {"passage", text},
                             {"id", integer},
                             {"assigned", flag},
                             {"index", integer}},
                            {"score", "covered", "passage"});
  json plan = NullableSchema(ClosedObjectSchema({{"id", integer},
                                                 {"number", maybe_text},
                                                 {"date", maybe_text},
                                                 {"status", SchemaRef("PlanStatus")},
                                                 {"issued", flag}}));
  json unit = ClosedObjectSchema({{"code", text},
                                  {"name", text},
                                  {"kind", text},
                                  {"required_by", EnumSchema({"assignee", "subordinate"})},
                                  {"plan", plan},
                                  {"late", flag},
                                  {"themes", ArraySchema(score)},
                                  {"tasks", ArraySchema(score)}});
  json deadline = ClosedObjectSchema({{"date", DateSchema(true)},
                                      {"source", EnumSchema({"document", "default", "none"})},
                                      {"text", text}});
  json summary = json::object();
  for (const char* count : {"required", "issued", "drafting", "missing", "late"}) {
    summary[count] = integer;
  }
  return ClosedObjectSchema(
      {{"plan", ClosedObjectSchema({{"id", integer},
                                    {"unit", maybe_text},
                                    {"number", maybe_text},
                                    {"date", maybe_text},
                                    {"title", text},
                                    {"status", SchemaRef("PlanStatus")},
                                    {"implementing_deadline", deadline}})},
       {"themes",
        ArraySchema(ClosedObjectSchema({{"index", integer}, {"label", text}, {"title", text}}))},
       {"tasks", ArraySchema(ClosedObjectSchema({{"id", integer}, {"text", text}}))},
       {"units", ArraySchema(unit)},
       {"summary", ClosedObjectSchema(summary)}});
}

void RegisterCascadeSchemas(Router& router) {
  json text = TypeSchema("string"), integer = TypeSchema("integer");
  router.AddSchema("Coverage", CoverageSchema());
  router.AddSchema("DerivedPlan", ClosedObjectSchema({{"id", integer},
                                                      {"unit_code", text},
                                                      {"status", SchemaRef("PlanStatus")},
                                                      {"implements_plan_id", integer},
                                                      {"tasks_copied", integer},
                                                      {"tasks_in_parent", integer},
                                                      {"document", SchemaRef("PlanDocument")}}));
  router.AddSchema(
      "LevelWords",
      ClosedObjectSchema({{"entries", ArraySchema(ClosedObjectSchema({{"from_level", text},
                                                                      {"to_level", text},
                                                                      {"position", integer},
                                                                      {"from_text", text},
                                                                      {"to_text", text}}))}}));
}

}  // namespace

void RegisterCascadeRoutes(Router& router) {
  RegisterCascadeSchemas(router);
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/plans/{id}/derive",
       .handler = Derive,
       .openapi = {{"summary", "Derive a unit's draft plan implementing this plan"},
                   {"description",
                    "Copies themes, channels, phases and the tasks that fall to the unit, adapts "
                    "the level words, fills in the implements link and legal bases. Needs read "
                    "access to the plan and write access to the unit."},
                   {"requestBody", JsonRequestBody(Schema({{"unit", "string"}}), {"unit"})},
                   {"responses", RefResponse("DerivedPlan", "The draft plan", "201")}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans/{id}/coverage",
              .handler = Coverage,
              .openapi = {{"summary",
                           "Which units must implement the plan, which have, which are late, and "
                           "which themes and tasks each implementing plan covers"},
                          {"parameters",
                           {QueryParameter("default_days",
                                           "days after the plan's date implementing plans are "
                                           "due when the plan states no deadline (30)",
                                           false, "integer")}},
                          {"responses", RefResponse("Coverage")}}});
  router.Add({.method = "GET",
              .pattern = "/api/v1/level-words",
              .handler = GetLevelWords,
              .openapi = {{"summary", "The level words derived plans are adapted with"},
                          {"parameters",
                           {QueryParameter("kind",
                                           "a level (country, province, commune) or a "
                                           "territorial unit kind")}},
                          {"responses", RefResponse("LevelWords")}}});
  router.Add(
      {.method = "PUT",
       .pattern = "/api/v1/level-words",
       .access = Access::kAdmin,
       .handler = PutLevelWords,
       .openapi = {
           {"summary", "Replace the level words of one pair of levels (admin)"},
           {"requestBody",
            JsonRequestBody(
                {{"from_level", {{"type", "string"}}},
                 {"to_level", {{"type", "string"}}},
                 {"entries",
                  {{"type", "array"},
                   {"items",
                    {{"type", "object"},
                     {"properties", Schema({{"from_text", "string"}, {"to_text", "string"}})}}}}}},
                {"from_level", "to_level", "entries"})},
           {"responses", RefResponse("LevelWords", "The pair's words as stored")}}});
}

}  // namespace lienthong::api
