// Deriving a unit's plan from its parent's: which tasks fall to it, the adapted draft, refusals.
#include "service/plans/plan_derive.h"
#include "store/plan_document_codec.h"

#include <gtest/gtest.h>

#include "testing/cascade_test_fixture.h"
#include "service/plans/cascade_units.h"
#include "store/plan_store.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

using nlohmann::json;
using namespace lienthong::testing_cascade;

Unit MakeUnit(int64_t id, const std::string& code, const std::string& name, UnitKind kind) {
  Unit u;
  u.id = id;
  u.code = code;
  u.name = name;
  u.kind = kind;
  return u;
}

TEST(TaskFallsToUnitTest, GenericNamesOfTheLevelAndFamily) {
  Unit commune = MakeUnit(1, "66904", "Xã Ea Kar", UnitKind::kCommune);
  Unit party = MakeUnit(2, "66904-DU", "Đảng ủy xã Ea Kar", UnitKind::kPartyCommittee);
  Unit ubnd = MakeUnit(3, "66904-UBND", "Ủy ban nhân dân xã Ea Kar", UnitKind::kPeoplesCommittee);
  auto falls = [&](std::vector<std::string> names, const Unit& u) {
    return TaskFallsToUnit(names, u, commune, "province", false);
  };
  EXPECT_TRUE(falls({"UBND các xã, phường"}, ubnd));
  EXPECT_FALSE(falls({"UBND các xã, phường"}, party));
  EXPECT_TRUE(falls({"UBND các xã, phường"}, commune));  // the territory takes every family
  EXPECT_TRUE(falls({"Đảng ủy các xã, phường, đặc khu"}, party));
  EXPECT_TRUE(falls({"Cấp ủy cơ sở"}, party));
  EXPECT_FALSE(falls({"Cấp ủy cơ sở"}, ubnd));
  EXPECT_TRUE(falls({"Các xã, phường, đặc khu"}, party));
  EXPECT_TRUE(falls({"Các xã, phường, đặc khu"}, ubnd));
  EXPECT_TRUE(falls({"Các cơ quan, đơn vị, địa phương"}, ubnd));  // to every subordinate
  EXPECT_FALSE(falls({"Các cơ quan, đơn vị"}, ubnd));             // bodies of the parent's level
  EXPECT_FALSE(falls({"Sở Y tế", "Các sở, ban, ngành"}, ubnd));
  EXPECT_FALSE(falls({"UBND các tỉnh, thành phố"}, ubnd));       // another level
  EXPECT_FALSE(falls({}, ubnd));
}

TEST(TaskFallsToUnitTest, NamesOfTheUnitOrItsTerritory) {
  Unit commune = MakeUnit(1, "66904", "Xã Ea Kar", UnitKind::kCommune);
  Unit party = MakeUnit(2, "66904-DU", "Đảng ủy xã Ea Kar", UnitKind::kPartyCommittee);
  Unit ubnd = MakeUnit(3, "66904-UBND", "Ủy ban nhân dân xã Ea Kar", UnitKind::kPeoplesCommittee);
  EXPECT_TRUE(TaskFallsToUnit({"UBND xã Ea Kar"}, ubnd, commune, "province", false));
  EXPECT_TRUE(TaskFallsToUnit({"ĐẢNG UỶ XÃ EA KAR"}, party, commune, "province", false));
  EXPECT_FALSE(TaskFallsToUnit({"UBND xã Ea Kar"}, party, commune, "province", false));
  EXPECT_TRUE(TaskFallsToUnit({"Xã Ea Kar"}, party, commune, "province", false));
  EXPECT_FALSE(TaskFallsToUnit({"UBND xã Ea Karô"}, ubnd, commune, "province", false));
  // A body of the parent's own territory, named without it.
  Unit province = MakeUnit(10, "66", "Tỉnh Đắk Lắk", UnitKind::kProvince);
  Unit dept = MakeUnit(11, "66-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Đắk Lắk",
                       UnitKind::kDepartment);
  EXPECT_TRUE(TaskFallsToUnit({"Sở Văn hoá, Thể thao và Du lịch"}, dept, province, "province", true));
  EXPECT_FALSE(TaskFallsToUnit({"UBND các xã, phường"}, dept, province, "province", true));
}

class PlanDeriveTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenCascadeTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    auto id = SaveDocument(*db_, "66-UBND", ProvincialPlan());
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    parent_ = *id;
  }
  std::unique_ptr<Database> db_;
  int64_t parent_ = 0;
};

TEST_P(PlanDeriveTest, DerivesAnAdaptedDraftImplementingTheParent) {
  auto derived = DerivePlan(*db_, {.parent_plan_id = parent_, .unit_code = "66904-UBND",
                                   .actor = "web:lan"});
  ASSERT_TRUE(derived.ok()) << derived.status().ToString();
  const json doc = EncodePlanDocument(derived->document);
  EXPECT_EQ(doc["issuer"], "Ủy ban nhân dân xã Ea Kar");
  EXPECT_TRUE(doc["number"].is_null());
  EXPECT_TRUE(doc["date"].is_null());
  EXPECT_EQ(doc["title"], "Tuyên truyền chuyển đổi số trên địa bàn xã Ea Kar năm 2025");
  EXPECT_EQ(doc["implements"],
            "13/KH-UBND Tuyên truyền chuyển đổi số trên địa bàn tỉnh Đắk Lắk năm 2025");
  EXPECT_EQ(doc["legal_bases"], json({"13/KH-UBND", "02-KH/BCĐTW", "45/2025/NĐ-CP"}));
  EXPECT_EQ(doc["themes"].size(), 3u);
  EXPECT_EQ(doc["channels"][0]["name"], "Hệ thống truyền thanh cơ sở trên địa bàn xã");
  EXPECT_EQ(doc["section_tree"][1]["children"][0]["title"],
            "Tuyên truyền về chuyển đổi số trên địa bàn xã");
  EXPECT_TRUE(doc["signer"].is_null());
  EXPECT_EQ(doc["recipients"][0], "Ủy ban nhân dân tỉnh Đắk Lắk (b/c)");
  // Tasks 0 and 1 name "UBND các xã, phường"; 2 is the department's, 3 the police's.
  EXPECT_EQ(derived->tasks_in_parent, 4u);
  ASSERT_EQ(derived->tasks_copied, 2u);
  EXPECT_EQ(doc["tasks"][0]["text"], "Xây dựng kế hoạch triển khai trước ngày 30/9/2025");

  auto plan = PlanStore(*db_).GetPlan(derived->plan_id);
  ASSERT_TRUE(plan.ok() && plan->has_value());
  EXPECT_EQ((*plan)->status, PlanStatus::kDraft);
  EXPECT_FALSE((*plan)->number.has_value());
  auto unit = UnitStore(*db_).GetByCode("66904-UBND");
  EXPECT_EQ((*plan)->unit_id, unit->id);
  EXPECT_EQ(Count(*db_, "SELECT COUNT(*) FROM plans WHERE id = ? AND implements_plan_id = ?",
                  {derived->plan_id, parent_}),
            1);
  EXPECT_EQ(Count(*db_, "SELECT COUNT(*) FROM tasks WHERE plan_id = ?", {derived->plan_id}), 2);
  EXPECT_EQ(Count(*db_, "SELECT COUNT(*) FROM plan_legal_bases WHERE plan_id = ?",
                  {derived->plan_id}),
            3);
  EXPECT_EQ(Count(*db_, "SELECT COUNT(*) FROM audit_log WHERE action = 'derive' AND "
                        "entity = 'plan' AND actor = 'web:lan'"),
            1);
}

TEST_P(PlanDeriveTest, PoliceGetTheirTasksAndADepartmentOfTheProvinceItsOwn) {
  auto police = DerivePlan(*db_, {parent_, "66904-CA", "t"});
  ASSERT_TRUE(police.ok()) << police.status().ToString();
  ASSERT_EQ(police->tasks_copied, 1u);
  EXPECT_EQ(police->document.tasks[0].text, "Bảo đảm an ninh mạng trên địa bàn xã");
  EXPECT_EQ(police->document.tasks[0].lead[0], "Công an xã");

  auto dept = DerivePlan(*db_, {parent_, "66-SVHTTDL", "t"});
  ASSERT_TRUE(dept.ok()) << dept.status().ToString();
  ASSERT_EQ(dept->tasks_copied, 1u);
  // Same level: nothing to adapt.
  EXPECT_EQ(dept->document.tasks[0].text, "Tổ chức hội thi tìm hiểu kỹ năng số toàn tỉnh");
}

TEST_P(PlanDeriveTest, WardsReadPhường) {
  auto ward = DerivePlan(*db_, {parent_, "66901", "t"});
  ASSERT_TRUE(ward.ok()) << ward.status().ToString();
  EXPECT_EQ(ward->document.header.title,
            "Tuyên truyền chuyển đổi số trên địa bàn phường Buôn Ma Thuột năm 2025");
}

TEST_P(PlanDeriveTest, RefusesUnitsNotBelowAndASecondDerivation) {
  EXPECT_EQ(DerivePlan(*db_, {parent_, "25904-UBND", "t"}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(DerivePlan(*db_, {parent_, "66-UBND", "t"}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(DerivePlan(*db_, {parent_, "66", "t"}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(DerivePlan(*db_, {parent_, "nope", "t"}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(DerivePlan(*db_, {9999, "66904", "t"}).status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(DerivePlan(*db_, {parent_, "66904-DU", "t"}).ok());
  auto again = DerivePlan(*db_, {parent_, "66904-DU", "t"});
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(again.status().message().find("already has plan"), std::string::npos);
  EXPECT_EQ(Count(*db_, "SELECT COUNT(*) FROM plans"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanDeriveTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
