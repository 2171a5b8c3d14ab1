// Reminders of a unit and the idempotent outbox.
#include "service/tasks/reminders.h"

#include <gtest/gtest.h>

#include "testing/task_test_fixture.h"
#include "service/tasks/task_changes.h"

namespace lienthong {
namespace {

using nlohmann::json;
using namespace testing_tasks;

class RemindersTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenTaskTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    json tasks = {{{"text", "Gửi báo cáo"}, {"lead", {"UBND xã"}},
                   {"deadline", "trước ngày 15/10/2025"}},
                  {{"text", "Hội nghị"}, {"lead", {"Công an xã"}}, {"deadline", "Quý IV/2025"}},
                  {{"text", "Tuyên truyền"}, {"lead", {"UBND xã"}}, {"deadline", "Thường xuyên"}},
                  {{"text", "Báo cáo quý"}, {"lead", {"Các thôn"}}, {"deadline", "Định kỳ hằng quý"}},
                  {{"text", "Đã xong"}, {"lead", {"UBND xã"}}, {"deadline", "trước ngày 12/10/2025"}}};
    auto plan = SaveTestPlan(*db_, "66904", "2025-09-05", tasks);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    plan_ = *plan;
    ASSERT_TRUE(UpdateTask(*db_, TaskId(*db_, plan_, 4), {.status = TaskStatus::kDone}, "test",
                           Date{2025, 10, 1})
                    .ok());
  }
  int64_t Outbox() { return CountRows(*db_, "SELECT COUNT(*) FROM outbox"); }

  std::unique_ptr<Database> db_;
  int64_t plan_ = 0;
};

TEST_P(RemindersTest, DueSoonAndOverdueForTheUnitSubtreeOnly) {
  auto r = RemindersFor(*db_, "/VN/66/66904/", Date{2025, 10, 10});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->due_soon.size(), 1u);
  EXPECT_EQ(r->due_soon[0].text, "Gửi báo cáo");
  EXPECT_EQ(r->due_soon[0].days, 5);
  ASSERT_EQ(r->overdue.size(), 1u);
  EXPECT_EQ(r->overdue[0].text, "Báo cáo quý");
  EXPECT_EQ(r->overdue[0].period_label, "Quý III/2025");
  EXPECT_EQ(r->overdue[0].days, 10);
  EXPECT_NE(r->overdue[0].instance_id, 0);

  auto province = RemindersFor(*db_, "/VN/66/", Date{2025, 10, 10});
  ASSERT_TRUE(province.ok());
  EXPECT_EQ(province->due_soon.size() + province->overdue.size(), 2u);
  auto sibling = RemindersFor(*db_, "/VN/66/66905/", Date{2025, 10, 10});
  ASSERT_TRUE(sibling.ok());
  EXPECT_TRUE(sibling->due_soon.empty() && sibling->overdue.empty());
  // Eight days ahead is not "due soon"; the deadline day itself is.
  auto early = RemindersFor(*db_, "/VN/66/66904/", Date{2025, 10, 7});
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->due_soon.size(), 0u);
  auto last_day = RemindersFor(*db_, "/VN/66/66904/", Date{2025, 10, 15});
  ASSERT_TRUE(last_day.ok());
  ASSERT_EQ(last_day->due_soon.size(), 1u);
  EXPECT_EQ(last_day->due_soon[0].days, 0);
}

TEST_P(RemindersTest, QueueIsIdempotentAndRepeatsOverdueWeekly) {
  auto first = QueueReminders(*db_, Date{2025, 10, 10});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(*first, 2);
  auto rows = db_->Query(
      "SELECT o.kind, u.code, o.remind_on, o.due_date FROM outbox o JOIN units u "
      "ON u.id = o.unit_id ORDER BY o.kind");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->at(0).Text(0), "due_soon");
  EXPECT_EQ(rows->at(0).Text(1), "66904-UBND");  // the resolved lead
  EXPECT_EQ(rows->at(0).Text(2), "2025-10-10");
  EXPECT_EQ(rows->at(1).Text(0), "overdue");
  EXPECT_EQ(rows->at(1).Text(1), "66904");       // unresolved lead: the issuing unit
  EXPECT_EQ(rows->at(1).Text(3), "2025-09-30");

  auto again = QueueReminders(*db_, Date{2025, 10, 10});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  auto next_day = QueueReminders(*db_, Date{2025, 10, 11});
  ASSERT_TRUE(next_day.ok());
  EXPECT_EQ(*next_day, 0);
  EXPECT_EQ(Outbox(), 2);
  // A week later: the report is now overdue, and Quý III is reminded again.
  auto week = QueueReminders(*db_, Date{2025, 10, 17});
  ASSERT_TRUE(week.ok());
  EXPECT_EQ(*week, 2);
  EXPECT_EQ(Outbox(), 4);
  EXPECT_EQ(CountRows(*db_, "SELECT COUNT(*) FROM audit_log WHERE entity = 'outbox'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, RemindersTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
