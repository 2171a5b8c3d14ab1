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
