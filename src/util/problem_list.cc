#include "util/problem_list.h"

namespace lienthong {

constexpr size_t kMaxListed = 50;

void ProblemList::Add(const std::string& where, const std::string& what) {
  problems_.push_back(Problem{.where = where, .message = what});
}

void ProblemList::Add(Problem problem) { problems_.push_back(std::move(problem)); }

Status ProblemList::ToStatus(const std::string& summary) const {
  if (problems_.empty()) return Status::Ok();
  std::string msg = summary + ": " + std::to_string(problems_.size()) +
                    (problems_.size() == 1 ? " problem" : " problems");
  for (size_t i = 0; i < problems_.size() && i < kMaxListed; ++i) {
    msg += "\n  " + problems_[i].where + ": " + problems_[i].message;
  }
  if (problems_.size() > kMaxListed) {
    msg += "\n  … and " + std::to_string(problems_.size() - kMaxListed) + " more";
  }
  return Status::InvalidArgument(msg);
}

}  // namespace lienthong
