// The one-to-one assignment of rows to columns with the largest total profit (the Hungarian
// method, O(rows² · columns)). Nothing of our domain: theme coverage uses it to pair a parent
// plan's themes with a child plan's.
#pragma once

#include <vector>

namespace lienthong {

// `profit[r][c]` >= 0, every row the same length. Answers, per row, its column or -1 when the row
// is left unassigned (more rows than columns, or no positive profit: a pair of profit 0 is never
// made).
std::vector<int> MaxProfitAssignment(const std::vector<std::vector<double>>& profit);

}  // namespace lienthong
