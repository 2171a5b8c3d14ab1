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

std::vector<std::string> UnitPath::Lineage() const {
  std::vector<std::string> out;
  for (size_t i = 1; i < path_.size(); ++i) {
    if (path_[i] == '/') out.emplace_back(path_.substr(0, i + 1));
  }
  return out;
}

}  // namespace lienthong
