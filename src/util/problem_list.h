// ProblemList: collects every problem found in one input (with where it was) so a user sees
// them all at once, then turns them into one Status.
#pragma once

#include <string>
#include <vector>

#include "util/status.h"

namespace lienthong {

class ProblemList {
 public:
  // `where` is "units.csv:12" or "units.json: item 3".
  void Add(const std::string& where, const std::string& what);
  bool empty() const { return problems_.empty(); }
  size_t size() const { return problems_.size(); }
  const std::vector<std::string>& items() const { return problems_; }
  // kInvalidArgument: "<summary>: N problem(s):\n  where: what\n…" (the first 50 listed).
  Status ToStatus(const std::string& summary) const;

 private:
  std::vector<std::string> problems_;
};

}  // namespace lienthong
