#include "util/assignment.h"

#include <algorithm>
#include <limits>

namespace lienthong {
namespace {

// Minimum-cost assignment for n <= m (rows <= columns), 1-based potentials (e-maxx's
// formulation). Answers the column of every row.
std::vector<int> MinCostRows(const std::vector<std::vector<double>>& cost, size_t n, size_t m) {
  const double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1), v(m + 1);
  std::vector<size_t> p(m + 1), way(m + 1);
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(m + 1, kInf);
    std::vector<bool> used(m + 1, false);
    do {
      used[j0] = true;
      size_t i0 = p[j0], j1 = 0;
      double delta = kInf;
      for (size_t j = 1; j <= m; ++j) {
        if (used[j]) continue;
        double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) minv[j] = cur, way[j] = j0;
        if (minv[j] < delta) delta = minv[j], j1 = j;
      }
      for (size_t j = 0; j <= m; ++j) {
        if (used[j]) u[p[j]] += delta, v[j] -= delta;
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  std::vector<int> row_to_col(n, -1);
  for (size_t j = 1; j <= m; ++j)
    if (p[j]) row_to_col[p[j] - 1] = static_cast<int>(j - 1);
  return row_to_col;
}

}  // namespace

std::vector<int> MaxProfitAssignment(const std::vector<std::vector<double>>& profit) {
  const size_t rows = profit.size();
  const size_t cols = rows ? profit[0].size() : 0;
  std::vector<int> out(rows, -1);
  if (rows == 0 || cols == 0) return out;
  // Square it with zero-profit dummies, so every real row may stay unassigned.
  const size_t n = std::max(rows, cols);
  double top = 0;
  for (const auto& row : profit)
    for (double x : row) top = std::max(top, x);
  std::vector<std::vector<double>> cost(n, std::vector<double>(n, top));
  for (size_t r = 0; r < rows; ++r)
    for (size_t c = 0; c < cols; ++c) cost[r][c] = top - profit[r][c];
  std::vector<int> assigned = MinCostRows(cost, n, n);
  for (size_t r = 0; r < rows; ++r) {
    int c = assigned[r];
    if (c >= 0 && static_cast<size_t>(c) < cols && profit[r][c] > 0) out[r] = c;
  }
  return out;
}

}  // namespace lienthong
