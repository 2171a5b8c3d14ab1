// Automatic implements-links by legal bases, both ways, only to plans of units above.
#include "service/plans/plan_linking.h"

#include <gtest/gtest.h>

#include "testing/cascade_test_fixture.h"
#include "store/plan_store.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

using nlohmann::json;
using namespace lienthong::testing_cascade;

TEST(SymbolKeyTest, IgnoresCaseSpacesDashesDAndLeadingZeros) {
  EXPECT_EQ(SymbolKey("02-KH/BCĐ"), "2-kh/bcd");
  EXPECT_EQ(SymbolKey("Số: 02 - KH/BCD"), "2-kh/bcd");
  EXPECT_EQ(SymbolKey("2–kh/bcđ"), "2-kh/bcd");
  EXPECT_EQ(SymbolKey("13/KH-UBND"), "13/kh-ubnd");
  EXPECT_NE(SymbolKey("13/KH-UBND"), SymbolKey("113/KH-UBND"));
  EXPECT_EQ(SymbolKey("Kế hoạch"), "");
}

class PlanLinkingTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenCascadeTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }
  // Stores the plan row and its legal bases only — not through SavePlans, which links plans
  // itself — so each test drives LinkImplementingPlan explicitly.
  int64_t Save(const std::optional<std::string>& unit, const json& doc) {
    PlanRecord record;
    if (unit) record.unit_id = UnitStore(*db_).GetByCode(*unit)->id;
    record.doc_type = "Kế hoạch";
    record.number = doc["number"].get<std::string>();
    record.date = doc["date"].get<std::string>();
    record.title = doc["title"].get<std::string>();
    if (doc["implements"].is_string()) record.implements = doc["implements"].get<std::string>();
    record.document_json = doc.dump();
    record.created_by = "test";
    PlanStore store(*db_);
    auto id = store.InsertPlan(record);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    if (!id.ok()) return 0;
    std::vector<std::string> bases;
    if (doc["legal_bases"].is_array()) bases = doc["legal_bases"].get<std::vector<std::string>>();
    EXPECT_TRUE(store.ReplaceLegalBases(*id, bases).ok());
    return *id;
  }
  std::optional<int64_t> ParentOf(int64_t id) {
    auto rows = db_->Query("SELECT implements_plan_id FROM plans WHERE id = ?", {id});
    return rows->at(0).OptInt(0);
  }
  std::unique_ptr<Database> db_;
};

TEST_P(PlanLinkingTest, ChildNamingTheParentInItsLegalBasesIsLinked) {
  int64_t parent = Save("66-TU", ImportedPlan("02-KH/BCĐ", "2025-08-15", "Tuyên truyền", {}));
  // Written with D instead of Đ, and a space, by the commune.
  int64_t child = Save("66904-DU", ImportedPlan("05-KH/ĐU", "2025-09-10", "Tuyên truyền",
                                                {"45/2025/NĐ-CP", "02 - KH/BCD"}));
  auto links = LinkImplementingPlan(*db_, child, "test");
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  EXPECT_TRUE(links->linked_parent);
  EXPECT_EQ(links->implements_plan_id, parent);
  EXPECT_EQ(ParentOf(child), parent);
  EXPECT_EQ(Count(*db_, "SELECT COUNT(*) FROM audit_log WHERE action = 'link' AND entity_id = ?",
                  {std::to_string(child)}),
            1);
  // Running again changes nothing.
  auto again = LinkImplementingPlan(*db_, child, "test");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->linked_parent);
  EXPECT_EQ(Count(*db_, "SELECT COUNT(*) FROM audit_log WHERE action = 'link'"), 1);
}

TEST_P(PlanLinkingTest, ImplementsTextIsReadForSymbols) {
  int64_t parent = Save("66-UBND", ImportedPlan("13/KH-UBND", "2025-09-01", "Chuyển đổi số", {}));
  int64_t child = Save("66904-UBND", ImportedPlan("20/KH-UBND", "2025-09-20", "Chuyển đổi số", {},
                                                  "Kế hoạch số 13/KH-UBND ngày 01/9/2025"));
  auto links = LinkImplementingPlan(*db_, child, "test");
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  EXPECT_EQ(ParentOf(child), parent);
}

TEST_P(PlanLinkingTest, PlansOfOtherProvincesOrOfUnitsBelowAreNotParents) {
  // Phú Thọ's commune names Đắk Lắk's number: not its ancestor.
  Save("66-UBND", ImportedPlan("13/KH-UBND", "2025-09-01", "Chuyển đổi số", {}));
  int64_t other = Save("25904-UBND", ImportedPlan("7/KH-UBND", "2025-09-20", "x", {"13/KH-UBND"}));
  ASSERT_TRUE(LinkImplementingPlan(*db_, other, "test").ok());
  EXPECT_FALSE(ParentOf(other).has_value());
  // A province plan citing a commune plan's number does not become its child.
  int64_t commune = Save("66904-UBND", ImportedPlan("30/KH-UBND", "2025-09-20", "x", {}));
  int64_t province = Save("66-UBND", ImportedPlan("31/KH-UBND", "2025-10-01", "x", {"30/KH-UBND"}));
  ASSERT_TRUE(LinkImplementingPlan(*db_, province, "test").ok());
  EXPECT_FALSE(ParentOf(province).has_value());
  EXPECT_FALSE(ParentOf(commune).has_value());
}

TEST_P(PlanLinkingTest, NearestAncestorWinsAmongPlansWithTheSameNumber) {
  // "13/KH-UBND" exists in Phú Thọ, nationally (no unit) and in Đắk Lắk.
  Save("25904-UBND", ImportedPlan("13/KH-UBND", "2025-09-01", "x", {}));
  int64_t root = Save(std::nullopt, ImportedPlan("13/KH-UBND", "2025-08-01", "x", {}));
  int64_t province = Save("66-UBND", ImportedPlan("13/KH-UBND", "2025-09-01", "x", {}));
  int64_t child = Save("66904-UBND", ImportedPlan("20/KH-UBND", "2025-09-20", "x", {"13/KH-UBND"}));
  ASSERT_TRUE(LinkImplementingPlan(*db_, child, "test").ok());
  EXPECT_EQ(ParentOf(child), province);
  EXPECT_NE(ParentOf(child), root);
}

TEST_P(PlanLinkingTest, ParentSavedAfterItsChildrenLinksThem) {
  int64_t child_a = Save("66904-UBND", ImportedPlan("20/KH-UBND", "2025-09-20", "x", {"13/KH-UBND"}));
  int64_t child_b = Save("66905-UBND", ImportedPlan("8/KH-UBND", "2025-09-22", "x", {},
                                                    "13/KH-UBND"));
  int64_t foreign = Save("25904-UBND", ImportedPlan("9/KH-UBND", "2025-09-22", "x", {"13/KH-UBND"}));
  ASSERT_TRUE(LinkImplementingPlan(*db_, child_a, "test").ok());  // nothing to link yet
  EXPECT_FALSE(ParentOf(child_a).has_value());

  int64_t parent = Save("66-UBND", ImportedPlan("13/KH-UBND", "2025-09-01", "x", {}));
  auto links = LinkImplementingPlan(*db_, parent, "test");
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  EXPECT_EQ(links->linked_children, (std::vector<int64_t>{child_a, child_b}));
  EXPECT_EQ(ParentOf(child_a), parent);
  EXPECT_EQ(ParentOf(child_b), parent);
  EXPECT_FALSE(ParentOf(foreign).has_value());
}

TEST_P(PlanLinkingTest, AnExistingLinkIsKept) {
  int64_t parent = Save("66-UBND", ImportedPlan("13/KH-UBND", "2025-09-01", "x", {}));
  int64_t other = Save("66-TU", ImportedPlan("02-KH/BCĐ", "2025-08-01", "x", {}));
  int64_t child = Save("66904-UBND", ImportedPlan("20/KH-UBND", "2025-09-20", "x", {"13/KH-UBND"}));
  ASSERT_TRUE(db_->Execute("UPDATE plans SET implements_plan_id = ? WHERE id = ?", {other, child}).ok());
  ASSERT_TRUE(LinkImplementingPlan(*db_, child, "test").ok());
  ASSERT_TRUE(LinkImplementingPlan(*db_, parent, "test").ok());
  EXPECT_EQ(ParentOf(child), other);
  EXPECT_EQ(LinkImplementingPlan(*db_, 9999, "test").status().code(), StatusCode::kNotFound);
}

TEST_P(PlanLinkingTest, SavingAPlanLinksItBothWays) {
  auto child = SaveDocument(*db_, "66904-UBND",
                            ImportedPlan("20/KH-UBND", "2025-09-20", "x", {"13/KH-UBND"}));
  ASSERT_TRUE(child.ok()) << child.status().ToString();
  auto parent = SaveDocument(*db_, "66-UBND", ImportedPlan("13/KH-UBND", "2025-09-01", "x", {}));
  ASSERT_TRUE(parent.ok()) << parent.status().ToString();
  EXPECT_EQ(ParentOf(*child), *parent);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanLinkingTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
