// The assignment: best total, not greedy; unassigned rows when columns run out or profit is 0.
#include "util/assignment.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TEST(MaxProfitAssignmentTest, BestTotalRatherThanGreedyFirstChoice) {
  // Greedy would give row 0 column 0 (0.9) and row 1 nothing better than 0.1: total 1.0.
  // The best pairs row 0 with column 1 and row 1 with column 0: total 1.7.
  EXPECT_EQ(MaxProfitAssignment({{0.9, 0.8}, {0.9, 0.1}}), (std::vector<int>{1, 0}));
}

TEST(MaxProfitAssignmentTest, MoreRowsThanColumnsLeavesTheWeakestRowOut) {
  EXPECT_EQ(MaxProfitAssignment({{0.2}, {0.7}, {0.4}}), (std::vector<int>{-1, 0, -1}));
}

TEST(MaxProfitAssignmentTest, ZeroProfitIsNeverAPairAndEmptyInputsAreFine) {
  EXPECT_EQ(MaxProfitAssignment({{0.0, 0.5}, {0.0, 0.6}}), (std::vector<int>{-1, 1}));
  EXPECT_TRUE(MaxProfitAssignment({}).empty());
  EXPECT_EQ(MaxProfitAssignment({{}, {}}), (std::vector<int>{-1, -1}));
}

TEST(MaxProfitAssignmentTest, MoreColumnsThanRows) {
  EXPECT_EQ(MaxProfitAssignment({{0.1, 0.3, 0.9, 0.2}, {0.5, 0.6, 0.8, 0.1}}),
            (std::vector<int>{2, 1}));
}

}  // namespace
}  // namespace lienthong
