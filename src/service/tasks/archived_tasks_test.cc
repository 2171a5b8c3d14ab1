// Tasks a plan edit removed (archived_at set) leave every list a user sees — boards, counts,
// counts per child, reminders, tasks assigned from above, search — and stay readable by id, with
// their assignees, for their history; they are no longer changed.
#include <gtest/gtest.h>

#include "service/plans/plan_save.h"
#include "service/search/search.h"
#include "service/tasks/assigned_tasks.h"
#include "service/tasks/reminders.h"
#include "service/tasks/task_changes.h"
#include "service/tasks/task_tracking.h"
#include "testing/task_test_fixture.h"
#include "store/plan_store.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

using nlohmann::json;
using namespace testing_tasks;

const Date kToday{2025, 10, 10};

class ArchivedTasksTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenTaskTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    // Both tasks fall to the commune, both are due within the week.
    json tasks = {{{"text", "Kiểm tra công tác lưu trữ"}, {"lead", {"UBND xã Ea Kar"}},
                   {"deadline", "trước ngày 15/10/2025"}},
                  {{"text", "Rà soát hồ sơ số hóa"}, {"lead", {"UBND xã Ea Kar"}},
                   {"deadline", "trước ngày 14/10/2025"}}};
    auto plan = SaveTestPlan(*db_, "66", "2025-09-01", tasks);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    plan_ = *plan;
    kept_ = TaskId(*db_, plan_, 0);
    removed_ = TaskId(*db_, plan_, 1);
    ASSERT_NE(kept_, 0);
    ASSERT_NE(removed_, 0);
  }

  // The plan edit a reviewer makes: the document without its second task.
  void RemoveSecondTask() {
    auto record = PlanStore(*db_).GetPlan(plan_);
    ASSERT_TRUE(record.ok() && record->has_value());
    PlanDocument document = ReadStoredPlanDocument((*record)->document_json);
    ASSERT_EQ(document.tasks.size(), 2u);
    document.tasks.pop_back();
    auto replaced = ReplacePlanDocument(*db_, plan_, document, "test");
    ASSERT_TRUE(replaced.ok()) << replaced.status().ToString();
    ASSERT_EQ(replaced->tasks_archived, 1u);
  }

  Unit UnitOf(const std::string& code) {
    auto unit = UnitStore(*db_).GetByCode(code);
    EXPECT_TRUE(unit.ok());
    return unit.ok() ? *unit : Unit{};
  }

  std::vector<int64_t> BoardIds() {
    auto list = ListTasks(*db_, UnitOf("66"), {}, kToday);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    std::vector<int64_t> ids;
    if (list.ok()) {
      for (const TaskView& v : list->tasks) ids.push_back(v.row.id);
    }
    return ids;
  }

  std::vector<int64_t> TaskHits(const std::string& text) {
    auto hits = Search(*db_, {.text = text, .scope_path = "/VN/66/"});
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    std::vector<int64_t> ids;
    if (hits.ok()) {
      for (const SearchHit& h : *hits)
        if (h.type == "task") ids.push_back(h.id);
    }
    return ids;
  }

  std::unique_ptr<Database> db_;
  int64_t plan_ = 0, kept_ = 0, removed_ = 0;
};

TEST_P(ArchivedTasksTest, LeaveBoardsCountsRemindersAndSearch) {
  ASSERT_EQ(BoardIds(), (std::vector<int64_t>{kept_, removed_}));
  ASSERT_EQ(TaskHits("ra soat ho so so hoa"), std::vector<int64_t>{removed_});
  RemoveSecondTask();

  EXPECT_EQ(BoardIds(), std::vector<int64_t>{kept_});
  auto list = ListTasks(*db_, UnitOf("66"), {}, kToday);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->counts.Total(), 1);

  auto by_child = StandingByChild(*db_, UnitOf("66"), kToday);
  ASSERT_TRUE(by_child.ok()) << by_child.status().ToString();
  EXPECT_EQ(by_child->total.Total(), 1);
  for (const ChildStanding& c : by_child->children) {
    EXPECT_EQ(c.counts.Total(), c.code == "66904" ? 1 : 0) << c.code;
  }

  auto reminders = RemindersFor(*db_, "/VN/66/", kToday);
  ASSERT_TRUE(reminders.ok()) << reminders.status().ToString();
  ASSERT_EQ(reminders->due_soon.size(), 1u);
  EXPECT_EQ(reminders->due_soon[0].task_id, kept_);
  EXPECT_TRUE(reminders->overdue.empty());

  EXPECT_TRUE(TaskHits("ra soat ho so so hoa").empty());
  EXPECT_EQ(TaskHits("kiem tra cong tac luu tru"), std::vector<int64_t>{kept_});
}

TEST_P(ArchivedTasksTest, LeaveWhatAPublishedPlanAssignsBelow) {
  RemoveSecondTask();
  ASSERT_TRUE(ChangePlanStatus(*db_, plan_, PlanStatus::kPublished, "test").ok());
  auto assigned = AssignedFromAncestors(*db_, UnitOf("66904"), kToday);
  ASSERT_TRUE(assigned.ok()) << assigned.status().ToString();
  ASSERT_EQ(assigned->size(), 1u);
  EXPECT_EQ(assigned->front().row.id, kept_);
}

TEST_P(ArchivedTasksTest, StayReadableByIdButAreNoLongerChanged) {
  RemoveSecondTask();
  auto view = LoadTask(*db_, removed_, kToday);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_TRUE(view->row.archived_at.has_value());
  EXPECT_EQ(view->row.text, "Rà soát hồ sơ số hóa");
  EXPECT_FALSE(view->assignees.empty());  // kept for its history
  auto kept = LoadTask(*db_, kept_, kToday);
  ASSERT_TRUE(kept.ok());
  EXPECT_FALSE(kept->row.archived_at.has_value());

  auto changed = UpdateTask(*db_, removed_, {.status = TaskStatus::kDone}, "test", kToday);
  EXPECT_EQ(changed.status().code(), StatusCode::kFailedPrecondition) << changed.status().ToString();
  auto after = LoadTask(*db_, removed_, kToday);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->row.status, TaskStatus::kNotStarted);
}

INSTANTIATE_TEST_SUITE_P(Backends, ArchivedTasksTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
