#include "util/status.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TEST(StatusTest, InvalidFieldNamesTheInputInMessageAndField) {
  Status s = Status::InvalidField("activities[2].date", "2026-13-01 is not a date");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "activities[2].date");
  EXPECT_EQ(s.message(), "activities[2].date: 2026-13-01 is not a date");
  EXPECT_EQ(Status::InvalidArgument("bad row").field(), "");
}

TEST(StatusTest, FieldSurvivesContextAndCanBeAddedToAnyError) {
  Status s = Status::InvalidField("limit", "expected an integer").WithContext("GET /x");
  EXPECT_EQ(s.field(), "limit");
  EXPECT_EQ(s.message(), "GET /x: limit: expected an integer");
  Status big = Status::TooLarge("at most 1000 activities per request").WithField("activities");
  EXPECT_EQ(big.code(), StatusCode::kTooLarge);
  EXPECT_EQ(big.field(), "activities");
  EXPECT_EQ(big.message(), "at most 1000 activities per request");
  EXPECT_TRUE(Status::Ok().WithField("x").field().empty());
}

}  // namespace
}  // namespace lienthong
