// Task boards, standing buckets on fixed days, changes with history and audit, evidence files.
#include "service/tasks/task_tracking.h"

#include <gtest/gtest.h>

#include "service/tasks/task_changes.h"
#include "service/tasks/task_evidence.h"
#include "testing/task_test_fixture.h"
#include "store/unit_store.h"

namespace lienthong {
namespace {

using nlohmann::json;
using namespace testing_tasks;


class TaskTrackingTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto db = OpenTaskTestDatabase(GetParam());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    json tasks = {{{"text", "Tổ chức hội nghị"}, {"lead", {"UBND xã"}}, {"deadline", "Quý IV/2025"}},
                  {{"text", "Gửi báo cáo"}, {"lead", {"Công an xã"}},
                   {"deadline", "trước ngày 15/10/2025"}},
                  {{"text", "Tuyên truyền"}, {"lead", {"Đoàn Thanh niên"}}, {"deadline", "Thường xuyên"}},
                  {{"text", "Báo cáo quý"}, {"lead", {"UBND xã"}}, {"deadline", "Định kỳ hằng quý"}},
                  {{"text", "Việc không hạn"}, {"deadline", nullptr}}};
    auto plan = SaveTestPlan(*db_, "66904", "2025-09-05", tasks);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    plan_ = *plan;
    for (int i = 0; i < 5; ++i) task_[i] = TaskId(*db_, plan_, i);
  }

  StandingCounts CountsOn(const Date& today) {
    auto list = ListTasks(*db_, Commune(), {}, today);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    return list.ok() ? list->counts : StandingCounts{};
  }
  TaskStanding StandingOn(int i, const Date& today) {
    auto view = LoadTask(*db_, task_[i], today);
    EXPECT_TRUE(view.ok()) << view.status().ToString();
    return view.ok() ? view->standing : TaskStanding::kNoDeadline;
  }
  Unit Commune() {
    auto unit = UnitStore(*db_).GetByCode("66904");
    EXPECT_TRUE(unit.ok());
    return unit.ok() ? *unit : Unit{};
  }
  Result<TaskView> Change(int i, TaskChange change, const Date& today) {
    return UpdateTask(*db_, task_[i], change, "web:lan", today);
  }

  std::unique_ptr<Database> db_;
  int64_t plan_ = 0;
  int64_t task_[5] = {};
};

TEST_P(TaskTrackingTest, BucketsOnDaysAroundTheDeadlines) {
  Date oct1{2025, 10, 1};
  StandingCounts c = CountsOn(oct1);
  // Hội nghị, báo cáo (15/10) and Quý IV within term; Quý III (due 30/9) overdue; the ongoing
  // and the undated task have no deadline.
  EXPECT_EQ(c.open_within_term, 3);
  EXPECT_EQ(c.open_overdue, 1);
  EXPECT_EQ(c.no_deadline, 2);
  EXPECT_EQ(c.done_on_time + c.done_late, 0);
  EXPECT_EQ(StandingOn(3, oct1), TaskStanding::kOpenOverdue);  // its current instance is Quý III

  EXPECT_EQ(StandingOn(1, Date{2025, 10, 15}), TaskStanding::kOpenWithinTerm);  // the last day
  EXPECT_EQ(StandingOn(1, Date{2025, 10, 16}), TaskStanding::kOpenOverdue);

  ASSERT_TRUE(Change(1, {.status = TaskStatus::kDone, .completed_on = "2025-10-15"}, Date{2025, 10, 20}).ok());
  EXPECT_EQ(StandingOn(1, Date{2025, 10, 20}), TaskStanding::kDoneOnTime);
  ASSERT_TRUE(Change(1, {.status = TaskStatus::kDone, .completed_on = "2025-10-16"}, Date{2025, 10, 20}).ok());
  EXPECT_EQ(StandingOn(1, Date{2025, 10, 20}), TaskStanding::kDoneLate);

  // Standing filter narrows the list but not the counts.
  auto overdue = ListTasks(*db_, Commune(), {.standing = TaskStanding::kOpenOverdue},
                           Date{2026, 1, 5});
  ASSERT_TRUE(overdue.ok());
  ASSERT_EQ(overdue->tasks.size(), 2u);  // hội nghị (Quý IV) and the quarterly report
  EXPECT_EQ(overdue->counts.done_late, 1);
  EXPECT_EQ(overdue->counts.open_overdue, 3);  // hội nghị, Quý III, Quý IV
}

TEST_P(TaskTrackingTest, OngoingIsNeverOverdueButBecomesStale) {
  ASSERT_TRUE(db_->Execute("UPDATE tasks SET updated_at = '2025-09-05T02:00:00Z' WHERE id = ?",
                           {task_[2]})
                  .ok());
  auto fresh = LoadTask(*db_, task_[2], Date{2025, 10, 4});
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->standing, TaskStanding::kNoDeadline);
  EXPECT_EQ(fresh->days_since_update, 29);
  EXPECT_FALSE(fresh->stale);
  auto stale = LoadTask(*db_, task_[2], Date{2030, 1, 1});
  ASSERT_TRUE(stale.ok());
  EXPECT_EQ(stale->standing, TaskStanding::kNoDeadline);
  EXPECT_TRUE(stale->stale);
  EXPECT_EQ(stale->counts.no_deadline, 1);
  EXPECT_EQ(stale->counts.open_overdue, 0);
}

TEST_P(TaskTrackingTest, QuarterlyInstancesCountOnceEachAndChangesGoToTheCurrentOne) {
  Date oct1{2025, 10, 1};
  auto view = LoadTask(*db_, task_[3], oct1);
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->instances.size(), 2u);
  EXPECT_EQ(view->counts.open_overdue, 1);
  EXPECT_EQ(view->counts.open_within_term, 1);
  // Before Quý IV begins only Quý III counts.
  auto sept = LoadTask(*db_, task_[3], Date{2025, 9, 20});
  ASSERT_TRUE(sept.ok());
  EXPECT_EQ(sept->counts.Total(), 1);

  auto done = Change(3, {.status = TaskStatus::kDone, .note = "Đã gửi"}, oct1);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->instances[0].row.status, TaskStatus::kDone);
  EXPECT_EQ(done->instances[0].row.completed_on, "2025-10-01");
  EXPECT_EQ(done->instances[0].standing, TaskStanding::kDoneLate);
  EXPECT_EQ(done->row.status, TaskStatus::kInProgress);  // one of two instances done
  EXPECT_EQ(done->row.progress, 50);
  ASSERT_TRUE(done->current_instance.has_value());
  EXPECT_EQ(done->instances[*done->current_instance].row.period_label, "Quý IV/2025");
  EXPECT_EQ(done->standing, TaskStanding::kOpenWithinTerm);
  auto history = db_->Query("SELECT instance_id, note FROM task_updates WHERE task_id = ?",
                            {task_[3]});
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(history->at(0).Int(0), view->instances[0].row.id);
  EXPECT_EQ(history->at(0).Text(1), "Đã gửi");
}

TEST_P(TaskTrackingTest, EveryChangeWritesHistoryAndAuditInOneTransaction) {
  Date today{2025, 10, 1};
  int64_t audit_before = CountRows(*db_, "SELECT COUNT(*) FROM audit_log");
  auto updated = Change(0, {.progress = 40, .note = "Đã họp trù bị"}, today);
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->row.status, TaskStatus::kInProgress);  // progress on a not-started task starts it
  EXPECT_EQ(updated->row.progress, 40);
  auto rows = db_->Query(
      "SELECT actor, before_json, after_json, note FROM task_updates WHERE task_id = ?",
      {task_[0]});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).Text(0), "web:lan");
  EXPECT_EQ(json::parse(rows->at(0).Text(1))["status"], "not_started");
  EXPECT_EQ(json::parse(rows->at(0).Text(2))["progress"], 40);
  EXPECT_EQ(rows->at(0).Text(3), "Đã họp trù bị");
  auto audit = db_->Query(
      "SELECT actor, action, after_json FROM audit_log WHERE entity = 'task' AND entity_id = ?",
      {std::to_string(task_[0])});
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->at(0).Text(1), "update");
  EXPECT_EQ(json::parse(audit->at(0).Text(2))["note"], "Đã họp trù bị");
  EXPECT_EQ(CountRows(*db_, "SELECT COUNT(*) FROM audit_log"), audit_before + 1);

  auto done = Change(0, {.status = TaskStatus::kDone}, today);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->row.progress, 100);
  EXPECT_EQ(done->row.completed_on, "2025-10-01");

  // Without the audit table the change cannot be recorded, so none of it happens.
  ASSERT_TRUE(db_->Execute("DROP TABLE audit_log").ok());
  EXPECT_FALSE(Change(1, {.progress = 10}, today).ok());
  auto task = LoadTask(*db_, task_[1], today);
  ASSERT_TRUE(task.ok());
  EXPECT_EQ(task->row.progress, 0);
  EXPECT_EQ(CountRows(*db_, "SELECT COUNT(*) FROM task_updates WHERE task_id = ?", {task_[1]}), 0);
}

TEST_P(TaskTrackingTest, InvalidChangesNameTheFieldAndWriteNothing) {
  Date today{2025, 10, 1};
  auto view = LoadTask(*db_, task_[0], today);
  ASSERT_TRUE(view.ok());
  auto field = [&](TaskChange c) {
    Status s = ValidateTaskChange(*view, c, today);
    return s.ok() ? std::string("ok") : s.field();
  };
  EXPECT_EQ(field({.progress = 101}), "progress");
  EXPECT_EQ(field({.progress = -1}), "progress");
  EXPECT_EQ(field({.status = TaskStatus::kDone, .progress = 50}), "progress");
  EXPECT_EQ(field({.completed_on = "2025-09-30"}), "completed_on");  // not done
  EXPECT_EQ(field({.status = TaskStatus::kDone, .completed_on = "2025-10-02"}), "completed_on");  // future
  EXPECT_EQ(field({.set_evidence_link = true, .evidence_link = "javascript:alert(1)"}),
            "evidence_link");
  EXPECT_EQ(field({.instance_id = 999999}), "instance_id");
  EXPECT_EQ(field({}), "");
  EXPECT_EQ(field({.set_evidence_link = true, .evidence_link = "https://example.vn/a"}), "ok");
  auto refused = Change(0, {.progress = 150}, today);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().message().rfind("progress: ", 0), 0u);
  EXPECT_EQ(CountRows(*db_, "SELECT COUNT(*) FROM task_updates"), 0);
}

TEST_P(TaskTrackingTest, EvidenceFilesAreNumberedLimitedAndRecorded) {
  std::string bytes("%PDF-1.7\0\x01\xff", 11);
  auto first = AddEvidenceFile(*db_, task_[0], "../../biên bản.pdf", "application/pdf", bytes,
                               "web:lan");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->n, 1);
  EXPECT_EQ(first->file_name, "biên bản.pdf");
  auto second = AddEvidenceFile(*db_, task_[0], "", "text/html<script>", "x", "web:lan");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->n, 2);
  EXPECT_EQ(second->file_name, "evidence");
  EXPECT_EQ(second->content_type, "application/octet-stream");
  auto stored = TaskStore(*db_).GetEvidence(task_[0], 1);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->content, bytes);
  EXPECT_EQ(CountRows(*db_, "SELECT COUNT(*) FROM task_updates WHERE task_id = ?", {task_[0]}), 2);
  EXPECT_EQ(CountRows(*db_, "SELECT COUNT(*) FROM audit_log WHERE action = 'add_evidence'"), 2);

  auto too_big = AddEvidenceFile(*db_, task_[0], "big.bin", "application/octet-stream",
                                 std::string(kMaxEvidenceBytes + 1, 'x'), "web:lan");
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(CountRows(*db_, "SELECT COUNT(*) FROM task_evidence"), 2);
}

TEST_P(TaskTrackingTest, StandingPerChildCountsPlansIssuedAndTasksAssigned) {
  json province_tasks = {{{"text", "Kiểm tra xã"}, {"lead", {"UBND xã Ea Kar"}},
                          {"deadline", "trước ngày 30/9/2025"}},
                         {{"text", "Bảo đảm an ninh"}, {"lead", {"Công an tỉnh"}},
                          {"deadline", "Quý IV/2025"}}};
  ASSERT_TRUE(SaveTestPlan(*db_, "66", "2025-09-01", province_tasks).ok());
  auto unit = UnitStore(*db_).GetByCode("66");
  ASSERT_TRUE(unit.ok());
  auto report = StandingByChild(*db_, *unit, Date{2025, 10, 1});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::map<std::string, StandingCounts> by_code;
  for (const ChildStanding& c : report->children) by_code[c.code] = c.counts;
  ASSERT_TRUE(by_code.count("66904") && by_code.count("66905") && by_code.count("66-CA"));
  // The commune: its own plan (6 counted entries) plus the province task assigned to it.
  EXPECT_EQ(by_code["66904"].Total(), 7);
  EXPECT_EQ(by_code["66904"].open_overdue, 2);
  EXPECT_EQ(by_code["66905"].Total(), 0);
  EXPECT_EQ(by_code["66-CA"].open_within_term, 1);
  EXPECT_EQ(report->total.Total(), 8);
  // Children in Vietnamese order: "Công an…" < "Tỉnh ủy…" < "Ủy ban…" < "Xã Đắk Liêng" <
  // "Xã Ea Kar" (đ sorts between d and e).
  ASSERT_EQ(report->children.front().code, "66-CA");
  EXPECT_EQ(report->children.back().code, "66904");
}

INSTANTIATE_TEST_SUITE_P(Backends, TaskTrackingTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace lienthong
