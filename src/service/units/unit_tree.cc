#include "service/units/unit_tree.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/unit_path.h"
#include "store/unit_store.h"
#include "text/collation.h"
#include "text/keys.h"

namespace lienthong {
namespace {

void SortLevel(std::vector<UnitTreeNode>& nodes, const VietnameseCollator& collator) {
  std::vector<std::pair<std::string, size_t>> keys;
  keys.reserve(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) keys.emplace_back(collator.SortKey(nodes[i].unit.name), i);
  std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return nodes[a.second].unit.code < nodes[b.second].unit.code;
  });
  std::vector<UnitTreeNode> sorted;
  sorted.reserve(nodes.size());
  for (const auto& k : keys) sorted.push_back(std::move(nodes[k.second]));
  nodes = std::move(sorted);
  for (auto& n : nodes) SortLevel(n.children, collator);
}

void RenderNode(const UnitTreeNode& node, const std::string& prefix, bool last, bool top,
                std::string& out) {
  const Unit& u = node.unit;
  out += prefix;
  if (!top) out += last ? "└── " : "├── ";
  out += u.code + "  " + u.name + "  [" + std::string(UnitKindName(u.kind)) + "]";
  if (u.valid_to) {
    out += "  (ended " + u.valid_to->ToIso();
    if (!u.successor_code.empty()) out += ", merged into " + u.successor_code;
    out += ")";
  }
  out += "\n";
  std::string child_prefix = top ? prefix : prefix + (last ? "    " : "│   ");
  for (size_t i = 0; i < node.children.size(); ++i) {
    RenderNode(node.children[i], child_prefix, i + 1 == node.children.size(), false, out);
  }
}

}  // namespace

std::vector<UnitTreeNode> BuildUnitTree(const std::vector<Unit>& units) {
  // Parents come before children, so each unit's parent node already exists when it arrives.
  // Nodes are built bottom-up afterwards to keep pointers stable.
  std::unordered_map<int64_t, size_t> index;
  std::vector<std::vector<size_t>> children(units.size());
  std::vector<size_t> roots;
  for (size_t i = 0; i < units.size(); ++i) {
    index[units[i].id] = i;
    auto parent = units[i].parent_id ? index.find(*units[i].parent_id) : index.end();
    if (parent == index.end()) {
      roots.push_back(i);
    } else {
      children[parent->second].push_back(i);
    }
  }
  std::vector<UnitTreeNode> nodes(units.size());
  for (size_t i = units.size(); i-- > 0;) {
    nodes[i].unit = units[i];
    for (size_t c : children[i]) nodes[i].children.push_back(std::move(nodes[c]));
  }
  std::vector<UnitTreeNode> forest;
  for (size_t r : roots) forest.push_back(std::move(nodes[r]));
  SortLevel(forest, VietnameseCollator::Get());
  return forest;
}

Result<std::vector<UnitTreeNode>> LoadUnitTree(Database& db, const UnitTreeOptions& options) {
  UnitStore store(db);
  std::vector<Unit> roots;
  if (options.root_code) {
    LT_ASSIGN_OR_RETURN(Unit root, store.GetByCode(*options.root_code));
    roots.push_back(std::move(root));
  } else {
    LT_ASSIGN_OR_RETURN(roots, store.Roots());
  }
  std::vector<Unit> all;
  std::unordered_set<int64_t> hidden;
  for (const Unit& root : roots) {
    LT_ASSIGN_OR_RETURN(auto subtree, store.Subtree(root));
    for (auto& u : subtree) {
      // An ended unit is hidden with whatever still hangs under it, unless asked for; the
      // requested root always shows.
      bool parent_hidden = u.parent_id && hidden.count(*u.parent_id);
      if (!options.include_ended && u.id != root.id &&
          (parent_hidden || !u.IsActiveOn(options.today))) {
        hidden.insert(u.id);
        continue;
      }
      all.push_back(std::move(u));
    }
  }
  return BuildUnitTree(all);
}

Result<UnitListing> ListSubtree(Database& db, const Unit& root, const UnitListFilter& filter) {
  std::string query_key = SearchKey(filter.query);
  LT_ASSIGN_OR_RETURN(auto subtree, UnitStore(db).Subtree(root));
  // The whole subtree is loaded anyway, so children are counted from it rather than queried.
  std::unordered_map<std::string, int> children_of;
  for (const Unit& unit : subtree) {
    if (!unit.parent_code.empty()) ++children_of[unit.parent_code];
  }
  UnitListing listing;
  for (Unit& unit : subtree) {
    if (filter.levels_below && unit.depth > root.depth + *filter.levels_below) continue;
    if (!query_key.empty() &&
        SearchKey(unit.name + " " + unit.code).find(query_key) == std::string::npos) {
      continue;
    }
    if (listing.units.size() == filter.limit) {
      listing.truncated = true;
      break;
    }
    auto count = children_of.find(unit.code);
    int child_count = count == children_of.end() ? 0 : count->second;
    listing.units.push_back({std::move(unit), child_count});
  }
  return listing;
}

Result<UnitNeighbours> NeighboursOf(Database& db, const Unit& unit, std::string_view visible_path) {
  UnitStore store(db);
  UnitNeighbours out;
  LT_ASSIGN_OR_RETURN(out.children, store.Children(unit));
  // The path lists the codes from the root: "/VN/66/66001/" → VN, 66 (the unit itself left out).
  std::vector<std::string> codes;
  for (size_t start = 1; start < unit.path.size();) {
    size_t slash = unit.path.find('/', start);
    codes.push_back(unit.path.substr(start, slash - start));
    start = slash + 1;
  }
  for (size_t i = 0; i + 1 < codes.size(); ++i) {
    LT_ASSIGN_OR_RETURN(auto ancestor, store.FindByCode(codes[i]));
    if (ancestor && UnitPath(ancestor->path).Within(visible_path)) {
      out.ancestors.push_back(std::move(*ancestor));
    }
  }
  return out;
}

std::string RenderUnitTreeText(const std::vector<UnitTreeNode>& forest) {
  std::string out;
  for (const auto& root : forest) RenderNode(root, "", true, true, out);
  return out;
}

}  // namespace lienthong
