// Periods of recurring tasks and their stored instances.
#include "service/tasks/task_recurrence.h"

#include <gtest/gtest.h>

#include "testing/task_test_fixture.h"

namespace lienthong {
namespace {

using nlohmann::json;
using namespace testing_tasks;

TEST(TaskRecurrence, QuarterlyFromThePlanDateToTheEndOfItsYear) {
  DateRange range = PlanRecurrenceRange({.date = "2025-09-05"}, Date{2000, 1, 1});
  EXPECT_EQ(range.from, (Date{2025, 9, 5}));
  EXPECT_EQ(range.to, (Date{2025, 12, 31}));
  auto periods = PeriodsOverlapping({Recurrence::kQuarterly}, range);
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0].label, "Quý III/2025");
  EXPECT_EQ(periods[0].start, (Date{2025, 7, 1}));
  EXPECT_EQ(periods[0].due, (Date{2025, 9, 30}));
  EXPECT_EQ(periods[1].label, "Quý IV/2025");
  EXPECT_EQ(periods[1].due, (Date{2025, 12, 31}));
}

TEST(TaskRecurrence, PhasesExtendTheRangeAndSeveralFrequenciesEachGetPeriods) {
  DateRange range =
      PlanRecurrenceRange({.date = "2025-09", .phase_ends = {"2026-06"}}, Date{2000, 1, 1});
  EXPECT_EQ(range.from, (Date{2025, 9, 1}));
  EXPECT_EQ(range.to, (Date{2026, 6, 30}));
  auto periods = PeriodsOverlapping(
      {Recurrence::kQuarterly, Recurrence::kHalfYearly, Recurrence::kYearly}, range);
  std::vector<std::string> labels;
  for (const auto& p : periods) labels.push_back(p.label);
  EXPECT_EQ(labels, (std::vector<std::string>{
                        "Quý III/2025", "Quý IV/2025", "Quý I/2026", "Quý II/2026",
                        "6 tháng cuối năm 2025", "6 tháng đầu năm 2026", "Năm 2025", "Năm 2026"}));
}

TEST(TaskRecurrence, MonthlyWeeklyAndTheFiveYearCap) {
  DateRange range{Date{2025, 11, 20}, Date{2025, 12, 31}};
  auto months = PeriodsOverlapping({Recurrence::kMonthly}, range);
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].label, "Tháng 11/2025");
  EXPECT_EQ(months[0].due, (Date{2025, 11, 30}));
  auto weeks = PeriodsOverlapping({Recurrence::kWeekly}, DateRange{Date{2025, 11, 20},
                                                                   Date{2025, 11, 30}});
  ASSERT_EQ(weeks.size(), 2u);
  EXPECT_EQ(weeks[0].start, (Date{2025, 11, 17}));  // a Monday
  EXPECT_EQ(weeks[0].due, (Date{2025, 11, 23}));    // a Sunday
  PlanSchedule far{.phase_ends = {"2040-12"}};
  EXPECT_EQ(PlanRecurrenceRange(far, Date{2025, 3, 2}).to, (Date{2030, 12, 31}));
  EXPECT_EQ(PlanRecurrenceRange(far, Date{2025, 3, 2}).from, (Date{2025, 3, 2}));
}

class TaskRecurrenceStoreTest : public ::testing::TestWithParam<std::string> {};

TEST_P(TaskRecurrenceStoreTest, AQuarterlyTaskGetsOneInstancePerQuarterOnce) {
  auto db = OpenTaskTestDatabase(GetParam());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  json tasks = {{{"text", "Báo cáo kết quả"}, {"lead", {"UBND xã"}},
                 {"deadline", "Định kỳ hằng quý"}},
                {{"text", "Tổ chức hội nghị"}, {"deadline", "Quý IV/2025"}}};
  auto plan = SaveTestPlan(**db, "66904", "2025-09-05", tasks);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  int64_t recurring = TaskId(**db, *plan, 0);
  auto rows = (*db)->Query(
      "SELECT period_label, due_date, status FROM task_instances WHERE task_id = ? "
      "ORDER BY due_date",
      {recurring});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->at(0).Text(0), "Quý III/2025");
  EXPECT_EQ(rows->at(0).Text(1), "2025-09-30");
  EXPECT_EQ(rows->at(1).Text(1), "2025-12-31");
  EXPECT_EQ(rows->at(1).Text(2), "not_started");
  EXPECT_EQ(CountRows(**db, "SELECT COUNT(*) FROM task_instances"), 2);

  // Running it again keeps what is there and adds nothing.
  ASSERT_TRUE((*db)->Execute("UPDATE task_instances SET status = 'done', progress = 100").ok());
  auto tx = Transaction::Start(**db);
  ASSERT_TRUE(tx.ok());
  ASSERT_TRUE(CreateRecurringInstances(**db, *plan).ok());
  ASSERT_TRUE((*tx)->Commit().ok());
  EXPECT_EQ(CountRows(**db, "SELECT COUNT(*) FROM task_instances WHERE status = 'done'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, TaskRecurrenceStoreTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
