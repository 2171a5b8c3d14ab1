#include "core/unit_path.h"

#include <algorithm>

namespace lienthong {

std::string UnitPath::RangeEnd() const {
  std::string end(path_);
  if (!end.empty()) end.back() = '0';  // '0' is the byte after '/'
  return end;
}

bool UnitPath::Within(std::string_view root) const {
  return !root.empty() && path_.substr(0, root.size()) == root;
}

bool UnitPath::AtRoot() const {
  return path_.size() > 2 && path_.front() == '/' && path_.back() == '/' &&
         std::count(path_.begin(), path_.end(), '/') == 2;
}

}  // namespace lienthong
