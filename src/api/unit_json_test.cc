#include "api/unit_json.h"

#include <gtest/gtest.h>

namespace lienthong::api {
namespace {

Unit MakeUnit(std::string code, std::string name, UnitKind kind, std::string parent, int depth) {
  Unit u;
  u.code = std::move(code);
  u.name = std::move(name);
  u.kind = kind;
  u.parent_code = std::move(parent);
  u.depth = depth;
  return u;
}

TEST(UnitJsonTest, OneShapeWithNullsForAbsentValues) {
  Unit u = MakeUnit("66002", "Xã Dray Bhăng", UnitKind::kCommune, "66", 2);
  u.valid_to = Date{2025, 7, 1};
  u.successor_code = "66001";
  nlohmann::json j = UnitJson(u);
  EXPECT_EQ(j["code"], "66002");
  EXPECT_EQ(j["kind"], "commune");
  EXPECT_EQ(j["kind_label"], "Xã");
  EXPECT_EQ(j["parent_code"], "66");
  EXPECT_TRUE(j["valid_from"].is_null());
  EXPECT_EQ(j["valid_to"], "2025-07-01");
  EXPECT_EQ(j["successor_code"], "66001");
  EXPECT_TRUE(
      UnitJson(MakeUnit("VN", "Việt Nam", UnitKind::kCountry, "", 0))["parent_code"].is_null());
}

TEST(UnitJsonTest, TheAuditTextIsTheShapesDumpByteForByte) {
  Unit merged = MakeUnit("66002", "Xã Dray Bhăng", UnitKind::kCommune, "66", 2);
  merged.valid_from = Date{2020, 1, 1};
  merged.valid_to = Date{2025, 7, 1};
  merged.successor_code = "66001";
  Unit root = MakeUnit("VN", "Việt Nam", UnitKind::kCountry, "", 0);
  // Names that need escaping go through the library's escaping.
  Unit odd = MakeUnit("x\"1", "Tổ \"Hòa\" \\ a\tb\x01", UnitKind::kOther, "p\n", 12);
  for (const Unit& u : {merged, root, odd}) EXPECT_EQ(UnitJsonText(u), UnitJson(u).dump());
}

TEST(UnitJsonTest, TreesNestTheSameShape) {
  UnitTreeNode commune{MakeUnit("66001", "Xã Ea Kar", UnitKind::kCommune, "66", 2), {}};
  commune.children.push_back(
      {MakeUnit("66001-T1", "Thôn 1", UnitKind::kResidentialArea, "66001", 3), {}});
  nlohmann::json forest = UnitTreeJson({commune});
  ASSERT_EQ(forest.size(), 1u);
  EXPECT_EQ(forest[0]["code"], "66001");
  EXPECT_EQ(forest[0]["children"][0]["name"], "Thôn 1");
  EXPECT_EQ(forest[0]["children"][0]["kind_label"],
            UnitJson(commune.children[0].unit)["kind_label"]);
  EXPECT_EQ(forest[0]["children"][0]["children"], nlohmann::json::array());
}

}  // namespace
}  // namespace lienthong::api
