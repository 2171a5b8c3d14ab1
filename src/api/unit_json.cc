#include "api/unit_json.h"

namespace lienthong::api {

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
