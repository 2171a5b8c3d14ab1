// UnitPath: the materialised path of a unit, its codes from the root with a '/' after each
// ("/VN/66/66001/"), and the questions every subtree query asks of it. A subtree is one range of
// the byte-ordered paths — path >= "/VN/66/" AND path < "/VN/660" — because '0' is the byte after
// '/', so the range holds exactly the paths that start with the prefix (store/unit_store.h has the
// index that makes this cheap). The one home of that rule: nothing else computes range ends or
// counts slashes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lienthong {

class UnitPath {
 public:
  // `path` must outlive this view. "" stands for no unit: an empty subtree.
  explicit UnitPath(std::string_view path) : path_(path) {}

  // The exclusive upper bound of this subtree's range: `p >= path AND p < RangeEnd()`.
  // "" for an empty path, so the range is empty rather than everything.
  std::string RangeEnd() const;
  // True when this path lies in the subtree rooted at `root` (the root itself included). Nothing
  // lies under an empty root.
  bool Within(std::string_view root) const;
  // True for a root unit's path ("/VN/"); false for "", "/" and anything deeper.
  bool AtRoot() const;
  // The paths from the root down to this one, root first: "/VN/66/66001/" → "/VN/", "/VN/66/",
  // "/VN/66/66001/" (the units a subtree total of this unit counts towards).
  std::vector<std::string> Lineage() const;

 private:
  std::string_view path_;
};

}  // namespace lienthong
