#include "api/unit_json.h"

namespace lienthong::api {

nlohmann::json UnitJson(const Unit& unit) {
  using nlohmann::json;
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

nlohmann::json UnitTreeJson(const std::vector<UnitTreeNode>& forest) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const UnitTreeNode& node : forest) {
    nlohmann::json j = UnitJson(node.unit);
    j["children"] = UnitTreeJson(node.children);
    nodes.push_back(std::move(j));
  }
  return nodes;
}

}  // namespace lienthong::api
