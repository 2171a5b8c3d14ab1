// The unit tree as users read it: a subtree loaded from the store, siblings sorted by the
// Vietnamese collation, rendered as indented text (its JSON form is api/unit_json.h UnitTreeJson).
#pragma once

#include <optional>
#include <string>
#include <string_view>
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

// A subtree as a flat list (GET /api/v1/units).
struct UnitListFilter {
  std::optional<int> levels_below;  // only units at most this many levels under the root
  std::string query;                // name or code containing it, by SearchKey ("" = all)
  size_t limit = 5000;
};
struct ListedUnit {
  Unit unit;
  int child_count = 0;  // direct children, ended ones included (so a page knows a leaf)
};
struct UnitListing {
  std::vector<ListedUnit> units;  // tree (path) order
  bool truncated = false;         // more units matched than `limit`
};
Result<UnitListing> ListSubtree(Database& db, const Unit& root, const UnitListFilter& filter);

// A unit's direct children and its ancestors that lie inside `visible_path` (the reader's
// subtree), root first.
struct UnitNeighbours {
  std::vector<Unit> children;
  std::vector<Unit> ancestors;
};
Result<UnitNeighbours> NeighboursOf(Database& db, const Unit& unit, std::string_view visible_path);

}  // namespace lienthong
