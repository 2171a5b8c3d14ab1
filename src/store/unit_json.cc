#include "store/unit_json.h"

namespace lienthong {

using nlohmann::json;

json UnitJson(const Unit& unit) {
  return {{"code", unit.code},
          {"name", unit.name},
          {"kind", std::string(UnitKindName(unit.kind))},
          {"kind_label", std::string(UnitKindLabelVi(unit.kind))},
          {"parent_code", unit.parent_code.empty() ? json() : json(unit.parent_code)},
          {"depth", unit.depth},
          {"valid_from", unit.valid_from ? json(unit.valid_from->ToIso()) : json()},
          {"valid_to", unit.valid_to ? json(unit.valid_to->ToIso()) : json()},
          {"successor_code", unit.successor_code.empty() ? json() : json(unit.successor_code)}};
}

namespace {

// A JSON string as nlohmann's dump writes it: text with nothing to escape is copied between
// quotes; anything else is left to the library.
void AppendJsonString(std::string& out, std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == '"' || c == '\\') {
      out += json(std::string(text)).dump();
      return;
    }
  }
  out += '"';
  out += text;
  out += '"';
}

void AppendNullableString(std::string& out, std::string_view text) {
  if (text.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, text);
  }
}

void AppendDate(std::string& out, const std::optional<Date>& date) {
  if (date) {
    AppendJsonString(out, date->ToIso());
  } else {
    out += "null";
  }
}

}  // namespace

std::string UnitJsonText(const Unit& unit) {
  // nlohmann::json keeps an object's keys sorted: this is the order dump() writes them in.
  std::string out = "{\"code\":";
  out.reserve(192);
  AppendJsonString(out, unit.code);
  out += ",\"depth\":" + std::to_string(unit.depth) + ",\"kind\":";
  AppendJsonString(out, UnitKindName(unit.kind));
  out += ",\"kind_label\":";
  AppendJsonString(out, UnitKindLabelVi(unit.kind));
  out += ",\"name\":";
  AppendJsonString(out, unit.name);
  out += ",\"parent_code\":";
  AppendNullableString(out, unit.parent_code);
  out += ",\"successor_code\":";
  AppendNullableString(out, unit.successor_code);
  out += ",\"valid_from\":";
  AppendDate(out, unit.valid_from);
  out += ",\"valid_to\":";
  AppendDate(out, unit.valid_to);
  out += '}';
  return out;
}

std::string UnitParentAuditJson(const std::string& parent_code, const std::optional<Date>& on) {
  json j = {{"parent_code", parent_code}};
  if (on) j["on"] = on->ToIso();
  return j.dump();
}

std::string UnitEndAuditJson(const std::optional<Date>& valid_to,
                             const std::string& successor_code) {
  if (!valid_to) return json{{"valid_to", nullptr}}.dump();
  return json{{"valid_to", valid_to->ToIso()}, {"successor_code", successor_code}}.dump();
}

}  // namespace lienthong
