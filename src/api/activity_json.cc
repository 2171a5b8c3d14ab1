#include "api/activity_json.h"

namespace lienthong::api {
namespace {

using nlohmann::json;

Status ReadString(const json& body, const char* name, const std::string& prefix,
                  std::string& out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) return Status::InvalidField(prefix + name, "expected a string");
  out = it->get<std::string>();
  return Status::Ok();
}

Status ReadInt(const json& body, const char* name, const std::string& prefix,
               std::optional<int64_t>& out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Status::Ok();
  if (!it->is_number_integer()) return Status::InvalidField(prefix + name, "expected an integer");
  // A number above INT64_MAX arrives as unsigned: refused as out of range by the validation.
  out = it->is_number_unsigned() && it->get<uint64_t>() > uint64_t{INT64_MAX}
            ? INT64_MAX
            : it->get<int64_t>();
  return Status::Ok();
}

Result<Date> ParseDay(const std::string& field, const std::string& text) {
  auto d = Date::FromIso(text);
  if (!d) return Status::InvalidField(field, "'" + text.substr(0, 40) + "' is not a date (YYYY-MM-DD)");
  return *d;
}

}  // namespace

Result<ActivityInput> ActivityInputFromJson(const json& body, const std::string& prefix) {
  if (!body.is_object()) {
    return Status::InvalidField(prefix.empty() ? "body" : prefix.substr(0, prefix.size() - 1),
                                "expected an object");
  }
  ActivityInput in;
  LT_RETURN_IF_ERROR(ReadString(body, "unit", prefix, in.unit_code));
  LT_RETURN_IF_ERROR(ReadString(body, "date", prefix, in.date));
  LT_RETURN_IF_ERROR(ReadString(body, "kind", prefix, in.kind));
  LT_RETURN_IF_ERROR(ReadString(body, "channel", prefix, in.channel));
  LT_RETURN_IF_ERROR(ReadString(body, "theme", prefix, in.theme));
  LT_RETURN_IF_ERROR(ReadString(body, "title", prefix, in.title));
  LT_RETURN_IF_ERROR(ReadString(body, "link", prefix, in.link));
  std::optional<int64_t> reach;
  LT_RETURN_IF_ERROR(ReadInt(body, "reach", prefix, reach));
  in.reach = reach.value_or(0);
  LT_RETURN_IF_ERROR(ReadInt(body, "plan_id", prefix, in.plan_id));
  std::string client_key;
  LT_RETURN_IF_ERROR(ReadString(body, "client_key", prefix, client_key));
  if (!client_key.empty()) in.client_key = client_key;
  return in;
}

json DashboardToJson(const Dashboard& d) {
  auto entries = [](const std::vector<DashboardEntry>& list) {
    json out = json::array();
    for (const auto& e : list) out.push_back({{"key", e.key}, {"count", e.count}, {"reach", e.reach}});
    return out;
  };
  json children = json::array();
  for (const auto& e : d.by_child) {
    children.push_back({{"code", e.key}, {"name", e.name}, {"count", e.count}, {"reach", e.reach}});
  }
  json months = json::array();
  for (const auto& e : d.by_month) {
    months.push_back({{"month", e.key}, {"count", e.count}, {"reach", e.reach}});
  }
  return {{"unit", {{"code", d.unit_code}, {"name", d.unit_name}}},
          {"from", d.from.ToIso()},
          {"to", d.to.ToIso()},
          {"total", d.total},
          {"reach", d.reach},
          {"by_theme", entries(d.by_theme)},
          {"by_channel", entries(d.by_channel)},
          {"by_child", std::move(children)},
          {"by_month", std::move(months)}};
}

Result<DateRange> ParseDateRange(const std::optional<std::string>& from,
                                 const std::optional<std::string>& to, const DateRange& fallback) {
  DateRange range = fallback;
  if (from && !from->empty()) {
    LT_ASSIGN_OR_RETURN(range.from, ParseDay("from", *from));
  }
  if (to && !to->empty()) {
    LT_ASSIGN_OR_RETURN(range.to, ParseDay("to", *to));
  }
  LT_RETURN_IF_ERROR(CheckDateOrder(range.from, range.to));
  return range;
}

json ActivityObjectSchema() {
  return ObjectSchema(
      {{"id", TypeSchema("integer")},
       {"unit", TypeSchema("string")},
       {"unit_code", TypeSchema("string")},
       {"date", {{"type", "string"}, {"format", "date"}}},
       {"kind", TypeSchema("string")},
       {"channel", TypeSchema("string")},
       {"theme", TypeSchema("string")},
       {"title", TypeSchema("string")},
       {"link", TypeSchema("string")},
       {"reach", TypeSchema("integer")},
       {"plan_id", TypeSchema("integer", true)},
       {"client_key", TypeSchema("string", true)},
       {"created_by", TypeSchema("string")},
       {"created_at", TypeSchema("string")},
       {"can_edit", {{"type", "boolean"},
                     {"description", "whether the caller may change or delete it (reads only)"}}}},
      {"id", "unit_code", "date", "kind", "channel", "theme", "title", "link", "reach",
       "plan_id", "created_by", "created_at"});
}

json ActivityPageSchema() {
  return ObjectSchema({{"activities", ArraySchema(ActivityObjectSchema())},
                       {"total", TypeSchema("integer")},
                       {"limit", TypeSchema("integer")},
                       {"offset", TypeSchema("integer")},
                       {"next_offset", TypeSchema("integer", true)}},
                      {"activities", "total", "limit", "offset", "next_offset"});
}

json ActivityOptionsSchema() {
  json code_label = ObjectSchema({{"code", TypeSchema("string")}, {"label", TypeSchema("string")}},
                                 {"code", "label"});
  return ObjectSchema({{"kinds", ArraySchema(code_label)},
                       {"channels", ArraySchema(code_label)},
                       {"themes", ArraySchema(TypeSchema("string"))}},
                      {"kinds", "channels", "themes"});
}

json DashboardSchema() {
  auto entries = [](const char* key) {
    return ArraySchema(ObjectSchema({{key, TypeSchema("string")},
                                     {"count", TypeSchema("integer")},
                                     {"reach", TypeSchema("integer")}},
                                    {key, "count", "reach"}));
  };
  json child = ObjectSchema({{"code", TypeSchema("string")},
                             {"name", TypeSchema("string")},
                             {"count", TypeSchema("integer")},
                             {"reach", TypeSchema("integer")}},
                            {"code", "name", "count", "reach"});
  return ObjectSchema(
      {{"unit", ObjectSchema({{"code", TypeSchema("string")}, {"name", TypeSchema("string")}})},
       {"from", {{"type", "string"}, {"format", "date"}}},
       {"to", {{"type", "string"}, {"format", "date"}}},
       {"total", TypeSchema("integer")},
       {"reach", TypeSchema("integer")},
       {"by_theme", entries("key")},
       {"by_channel", entries("key")},
       {"by_child", ArraySchema(child)},
       {"by_month", entries("month")}},
      {"unit", "from", "to", "total", "reach", "by_theme", "by_channel", "by_child", "by_month"});
}

}  // namespace lienthong::api
