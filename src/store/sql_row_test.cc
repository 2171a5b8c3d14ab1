#include <gtest/gtest.h>

#include <limits>

#include "store/database.h"

namespace lienthong {
namespace {

TEST(DatabaseSqlRow, ConvertsBetweenTextAndNumbers) {
  SqlRow row{{std::string("42"), std::string("2.5"), std::string("3.0"), int64_t{7}, 0.25,
              std::monostate{}, std::string("không phải số"), 1e300}};
  EXPECT_EQ(row.Int(0), 42);  // PostgreSQL NUMERIC and untyped answers arrive as text
  EXPECT_EQ(row.Real(1), 2.5);
  EXPECT_EQ(row.Int(2), 3);
  EXPECT_EQ(row.Text(3), "7");
  EXPECT_EQ(row.Real(3), 7.0);
  EXPECT_EQ(row.Text(4), "0.25");
  EXPECT_EQ(row.Int(4), 0);
  EXPECT_EQ(row.Int(5), 0);
  EXPECT_EQ(row.Real(5), 0.0);
  EXPECT_EQ(row.Text(5), "");
  EXPECT_EQ(row.OptInt(5), std::nullopt);
  EXPECT_EQ(row.OptText(5), std::nullopt);
  EXPECT_EQ(row.OptInt(3), std::optional<int64_t>(7));
  EXPECT_EQ(row.OptText(0), std::optional<std::string>("42"));
  EXPECT_EQ(row.Int(6), 0);                                    // not a number
  EXPECT_EQ(row.Int(7), std::numeric_limits<int64_t>::max());  // saturates
  EXPECT_EQ(row.Real(0), 42.0);
}

}  // namespace
}  // namespace lienthong
