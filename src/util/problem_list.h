// ProblemList: collects every problem found in one input (with where it was) so a user sees
// them all at once, then turns them into one Status. A problem may carry a code and parameters
// besides its English message, so a front end can say it in the reader's language.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "util/status.h"

namespace lienthong {

struct Problem {
  std::string where;  // "units.csv:12", "units.json: item 3"
  int line = 0;       // the line (or row) it is about; 0 when about the input as a whole
  std::string code;   // stable identifier, "duplicate_code"; "" when the problem has none
  std::vector<std::pair<std::string, std::string>> params;  // {"code", "66001"}
  std::string message;  // English, for the CLI and logs
};

class ProblemList {
 public:
  // `where` is "units.csv:12" or "units.json: item 3".
  void Add(const std::string& where, const std::string& what);
  void Add(Problem problem);
  bool empty() const { return problems_.empty(); }
  size_t size() const { return problems_.size(); }
  const std::vector<Problem>& problems() const { return problems_; }
  // kInvalidArgument: "<summary>: N problem(s):\n  where: what\n…" (the first 50 listed).
  Status ToStatus(const std::string& summary) const;

 private:
  std::vector<Problem> problems_;
};

}  // namespace lienthong
