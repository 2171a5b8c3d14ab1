#include "core/unit_path.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TEST(UnitPathTest, RangeEndIsTheByteAfterTheLastSlash) {
  EXPECT_EQ(UnitPath("/VN/66/").RangeEnd(), "/VN/660");
  EXPECT_EQ(UnitPath("/").RangeEnd(), "0");  // the whole tree
  // Every path of the subtree sorts inside [path, RangeEnd()), a sibling's outside.
  std::string end = UnitPath("/VN/66/").RangeEnd();
  EXPECT_LT(std::string("/VN/66/66001/"), end);
  EXPECT_GE(std::string("/VN/660/"), end);
  EXPECT_GE(std::string("/VN/67/"), end);
}

TEST(UnitPathTest, EmptyPathIsAnEmptyRange) {
  EXPECT_EQ(UnitPath("").RangeEnd(), "");
  EXPECT_FALSE(UnitPath("/VN/").Within(""));
  EXPECT_FALSE(UnitPath("").Within("/VN/"));
}

TEST(UnitPathTest, WithinIncludesTheRootAndStopsAtSiblings) {
  EXPECT_TRUE(UnitPath("/VN/66/").Within("/VN/66/"));
  EXPECT_TRUE(UnitPath("/VN/66/66001/").Within("/VN/66/"));
  EXPECT_TRUE(UnitPath("/VN/66/66001/").Within("/"));
  EXPECT_FALSE(UnitPath("/VN/660/").Within("/VN/66/"));
  EXPECT_FALSE(UnitPath("/VN/").Within("/VN/66/"));
}

TEST(UnitPathTest, AtRootOnlyForTheTopUnit) {
  EXPECT_TRUE(UnitPath("/VN/").AtRoot());
  EXPECT_FALSE(UnitPath("/VN/66/").AtRoot());
  EXPECT_FALSE(UnitPath("/").AtRoot());
  EXPECT_FALSE(UnitPath("").AtRoot());
}

}  // namespace
}  // namespace lienthong
