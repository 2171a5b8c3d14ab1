// Tasks that plans of higher levels assign to a unit reach its board (issue 13, workflow 5).
#include "service/tasks/assigned_tasks.h"

#include <gtest/gtest.h>

#include "testing/task_test_fixture.h"
#include "store/plan_store.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

using nlohmann::json;
using namespace testing_tasks;

class AssignedTasksTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenTaskTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    json tasks = {{{"text", "Tuyên truyền chuyển đổi số"}, {"lead", {"UBND các xã, phường"}},
                   {"deadline", "Quý IV/2025"}},
                  {{"text", "Bảo đảm an ninh mạng"}, {"lead", {"Công an tỉnh"}}},
                  {{"text", "Việc của các sở"}, {"lead", {"Các sở, ban, ngành tỉnh"}}}};
    auto plan = SaveTestPlan(*db_, "66", "2025-09-01", tasks);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    province_plan_ = *plan;
    ASSERT_TRUE(PlanStore(*db_).SetStatus(province_plan_, PlanStatus::kPublished).ok());
  }

  Unit Get(const std::string& code) {
    auto u = UnitStore(*db_).GetByCode(code);
    EXPECT_TRUE(u.ok()) << code;
    return u.ok() ? *u : Unit{};
  }
  std::vector<std::string> AssignedTexts(const std::string& code) {
    auto views = AssignedFromAncestors(*db_, Get(code), today_);
    EXPECT_TRUE(views.ok()) << views.status().ToString();
    std::vector<std::string> texts;
    if (!views.ok()) return texts;
    for (const TaskView& v : *views) {
      EXPECT_TRUE(v.assigned);
      texts.push_back(v.row.text);
    }
    return texts;
  }

  std::unique_ptr<Database> db_;
  int64_t province_plan_ = 0;
  Date today_{2025, 10, 1};
};

TEST_P(AssignedTasksTest, AGenericNameOfTheLevelReachesEveryCommuneAndItsPeoplesCommittee) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(AssignedTexts("66904"), Texts{"Tuyên truyền chuyển đổi số"});
  EXPECT_EQ(AssignedTexts("66905"), Texts{"Tuyên truyền chuyển đổi số"});
  EXPECT_EQ(AssignedTexts("66904-UBND"), Texts{"Tuyên truyền chuyển đổi số"});
  // "UBND …" speaks to the state family: not to the commune's police or youth union.
  EXPECT_EQ(AssignedTexts("66904-CA"), Texts{});
  EXPECT_EQ(AssignedTexts("66904-DTN"), Texts{});
  // A body of the province's own territory, by its short name.
  EXPECT_EQ(AssignedTexts("66-CA"), Texts{"Bảo đảm an ninh mạng"});
  // Another province, and the issuing unit itself, get nothing.
  EXPECT_EQ(AssignedTexts("25"), Texts{});
  EXPECT_EQ(AssignedTexts("66"), Texts{});
}

TEST_P(AssignedTasksTest, TheBoardNamesTheAssigningPlanAndKeepsItsCountsOwn) {
  json own = {{{"text", "Việc riêng của xã"}, {"lead", {"UBND xã"}}, {"deadline", "Quý IV/2025"}}};
  ASSERT_TRUE(SaveTestPlan(*db_, "66904", "2025-09-10", own).ok());
  auto list = ListTasks(*db_, Get("66904"), {}, today_);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->tasks.size(), 2u);
  EXPECT_FALSE(list->tasks[0].assigned);
  EXPECT_TRUE(list->tasks[1].assigned);
  EXPECT_EQ(list->tasks[1].row.plan_id, province_plan_);
  EXPECT_EQ(list->tasks[1].row.plan_number.value_or(""), "1/KH-66");
  EXPECT_EQ(list->tasks[1].row.plan_unit_name, "Tỉnh Đắk Lắk");
  EXPECT_EQ(list->assigned, 1);
  EXPECT_EQ(list->counts.Total(), 1);  // the commune's own task only
  auto own_only = ListTasks(*db_, Get("66904"), {.include_assigned = false}, today_);
  ASSERT_TRUE(own_only.ok());
  EXPECT_EQ(own_only->tasks.size(), 1u);
  auto task = LoadTask(*db_, list->tasks[1].row.id, today_);
  ASSERT_TRUE(task.ok());
  EXPECT_TRUE(*TaskIsAssignedTo(*db_, *task, Get("66905")));
  EXPECT_FALSE(*TaskIsAssignedTo(*db_, *task, Get("25-UBND")));
}

TEST_P(AssignedTasksTest, DraftPlansAssignNothing) {
  ASSERT_TRUE(PlanStore(*db_).SetStatus(province_plan_, PlanStatus::kArchived).ok());
  EXPECT_TRUE(AssignedTexts("66904").empty());
  json tasks = {{{"text", "Dự thảo"}, {"lead", {"UBND các xã, phường"}}}};
  ASSERT_TRUE(SaveTestPlan(*db_, "66", "2025-09-02", tasks).ok());  // a draft
  EXPECT_TRUE(AssignedTexts("66904").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, AssignedTasksTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
