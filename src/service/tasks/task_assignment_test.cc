// Resolving the lead/coordinator names of tasks to units.
#include "service/tasks/task_assignment.h"

#include <gtest/gtest.h>

#include "testing/task_test_fixture.h"

namespace lienthong {
namespace {

using nlohmann::json;
using namespace testing_tasks;

TEST(AssigneeNameKey, FoldsCaseToneStyleAbbreviationsAndRemarks) {
  EXPECT_EQ(AssigneeNameKey("UBND xã"), AssigneeNameKey("Ủy ban nhân dân xã"));
  EXPECT_EQ(AssigneeNameKey("  Uỷ ban Nhân dân XÃ. "), AssigneeNameKey("ủy ban nhân dân xã"));
  EXPECT_EQ(AssigneeNameKey("- UBND xã (chủ trì);"), AssigneeNameKey("Ủy ban nhân dân xã"));
  EXPECT_EQ(AssigneeNameKey("Văn phòng HĐND và UBND xã"),
            AssigneeNameKey("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"));
  EXPECT_EQ(AssigneeNameKey("UBMTTQ tỉnh"), AssigneeNameKey("Mặt trận Tổ quốc tỉnh"));
  EXPECT_EQ(AssigneeNameKey("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"), AssigneeNameKey("MTTQ tỉnh"));
  EXPECT_EQ(AssigneeNameKey("– UBND xã"), AssigneeNameKey("• Ủy ban nhân dân xã"));
  EXPECT_NE(AssigneeNameKey("UBND xã"), AssigneeNameKey("UBND tỉnh"));
}

class TaskAssignmentTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenTaskTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }
  // role/name → unit code ("" when unresolved), in order.
  std::vector<std::string> Assigned(int64_t task_id) {
    std::vector<std::string> out;
    auto rows = db_->Query(
        "SELECT a.role, a.name, u.code FROM task_assignees a LEFT JOIN units u "
        "ON u.id = a.unit_id WHERE a.task_id = ? ORDER BY a.role DESC, a.position",
        {task_id});
    EXPECT_TRUE(rows.ok());
    for (const SqlRow& r : *rows) out.push_back(r.Text(0) + ":" + r.Text(1) + "=" + r.Text(2));
    return out;
  }
  std::unique_ptr<Database> db_;
};

TEST_P(TaskAssignmentTest, CommunePlanResolvesSiblingBodiesInAnySpelling) {
  json tasks = {{{"text", "Tuyên truyền"},
                 {"lead", {"UBND xã"}},
                 {"coordinators", {"CÔNG AN XÃ", "Đoàn Thanh niên", "Các thôn, buôn"}},
                 {"deadline", "Quý IV/2025"}},
                {{"text", "Báo cáo"}, {"lead", {"Uỷ ban nhân dân xã Ea Kar"}}}};
  // Issued by the commune's people's committee, not the commune itself: names resolve in the
  // commune's territory.
  auto plan = SaveTestPlan(*db_, "66904-UBND", "2025-09-05", tasks);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(Assigned(TaskId(*db_, *plan, 0)),
            (std::vector<std::string>{"lead:UBND xã=66904-UBND", "coordinator:CÔNG AN XÃ=66904-CA",
                                      "coordinator:Đoàn Thanh niên=66904-DTN",
                                      "coordinator:Các thôn, buôn="}));
  EXPECT_EQ(Assigned(TaskId(*db_, *plan, 1)),
            (std::vector<std::string>{"lead:Uỷ ban nhân dân xã Ea Kar=66904-UBND"}));
}

TEST_P(TaskAssignmentTest, ProvincePlanResolvesItsBodiesAndLeavesAmbiguousNamesAsText) {
  json tasks = {{{"text", "Chỉ đạo"},
                 {"lead", {"Ban Tuyên giáo và Dân vận Tỉnh ủy"}},
                 {"coordinators",
                  {"Công an tỉnh", "MTTQ tỉnh", "Công an xã", "UBND xã Ea Kar", "UBND tỉnh Phú Thọ"}}}};
  auto plan = SaveTestPlan(*db_, "66", "2025-09-05", tasks);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(Assigned(TaskId(*db_, *plan, 0)),
            (std::vector<std::string>{
                "lead:Ban Tuyên giáo và Dân vận Tỉnh ủy=66-BTGDV",
                "coordinator:Công an tỉnh=66-CA", "coordinator:MTTQ tỉnh=66-MTTQ",
                // two communes have a "Công an xã …": unresolved
                "coordinator:Công an xã=", "coordinator:UBND xã Ea Kar=66904-UBND",
                // outside the issuing province's subtree
                "coordinator:UBND tỉnh Phú Thọ="}));
}

TEST_P(TaskAssignmentTest, AssignAgainReplacesRowsAndPlansWithoutUnitResolveNothing) {
  PlanSaveRequest request{
      .documents = *DecodePlanDocumentList(
          json::array({{{"title", "x"},
                        {"tasks", {{{"text", "Việc"}, {"lead", {"Công an tỉnh"}}}}}}}),
          ""),
      .actor = "test"};
  auto saved = SavePlans(*db_, request);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  int64_t plan = saved->at(0).plan_id;
  EXPECT_EQ(Assigned(TaskId(*db_, plan, 0)), (std::vector<std::string>{"lead:Công an tỉnh="}));
  auto tx = Transaction::Start(*db_);
  ASSERT_TRUE(tx.ok());
  auto all = AssignAllTasks(*db_);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_TRUE((*tx)->Commit().ok());
  EXPECT_EQ(*all, 1);
  EXPECT_EQ(CountRows(*db_, "SELECT COUNT(*) FROM task_assignees"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, TaskAssignmentTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
