// The unit tree as users read it: a subtree loaded from the store, siblings sorted by the
// Vietnamese collation, rendered as indented text (its JSON form is api/unit_json.h UnitTreeJson).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/unit.h"
#include "store/database.h"

namespace lienthong {

struct UnitTreeNode {
  Unit unit;
  std::vector<UnitTreeNode> children;
};

struct UnitTreeOptions {
  std::optional<std::string> root_code;  // none: every root (normally the country)
  bool include_ended = false;            // show units ended by a merge (marked as such)
  Date today;                            // what "ended" is judged against
};

// Loads the forest under `root_code` (or under every root). kNotFound for an unknown root.
Result<std::vector<UnitTreeNode>> LoadUnitTree(Database& db, const UnitTreeOptions& options);

// Builds nested nodes from a subtree ordered parents-first (UnitStore::Subtree's order) and
// sorts each level by the Vietnamese collation of names (codes break ties).
std::vector<UnitTreeNode> BuildUnitTree(const std::vector<Unit>& units);

// "66  Tỉnh Đắk Lắk  [province]" lines with box-drawing indentation.
std::string RenderUnitTreeText(const std::vector<UnitTreeNode>& forest);

}  // namespace lienthong
