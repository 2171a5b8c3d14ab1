#include "core/date.h"

#include <gtest/gtest.h>

#include "core/task.h"

namespace lienthong {
namespace {

TEST(DateTest, ValidityFollowsTheCalendar) {
  EXPECT_TRUE((Date{2024, 2, 29}).IsValid());
  EXPECT_FALSE((Date{2025, 2, 29}).IsValid());
  EXPECT_FALSE((Date{2025, 4, 31}).IsValid());
  EXPECT_FALSE((Date{2025, 13, 1}).IsValid());
  EXPECT_FALSE(Date{}.IsValid());
}

TEST(DateTest, IsoRoundTripAndEpochDays) {
  auto d = Date::FromIso("2025-08-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->ToIso(), "2025-08-29");
  EXPECT_EQ(Date::FromDaysSinceEpoch(d->DaysSinceEpoch()), *d);
  EXPECT_EQ((Date{1970, 1, 2}).DaysSinceEpoch(), 1);
  EXPECT_FALSE(Date::FromIso("2025-02-30").has_value());
  EXPECT_FALSE(Date::FromIso("29/08/2025").has_value());
  EXPECT_EQ(Date::LastDayOfMonth(2028, 2), (Date{2028, 2, 29}));
}

TEST(TaskStandingTest, FourBucketsFromTheDeadline) {
  Task t;
  t.deadline.kind = TimeSpecKind::kDate;
  t.deadline.start = Date{2025, 12, 15};
  EXPECT_EQ(StandingOf(t, Date{2025, 12, 15}), TaskStanding::kOpenWithinTerm);
  EXPECT_EQ(StandingOf(t, Date{2025, 12, 16}), TaskStanding::kOpenOverdue);
  t.status = TaskStatus::kDone;
  t.completed_on = Date{2025, 12, 10};
  EXPECT_EQ(StandingOf(t, Date{2026, 1, 1}), TaskStanding::kDoneOnTime);
  t.completed_on = Date{2025, 12, 20};
  EXPECT_EQ(StandingOf(t, Date{2026, 1, 1}), TaskStanding::kDoneLate);
}

TEST(TaskStandingTest, OngoingIsNeverOverdueAndPeriodsDueAtTheirEnd) {
  Task t;
  t.deadline.kind = TimeSpecKind::kOngoing;
  EXPECT_EQ(StandingOf(t, Date{2030, 1, 1}), TaskStanding::kNoDeadline);
  t.deadline.kind = TimeSpecKind::kPeriod;
  t.deadline.start = Date{2025, 10, 1};
  t.deadline.end = Date{2025, 12, 31};
  EXPECT_EQ(StandingOf(t, Date{2025, 12, 31}), TaskStanding::kOpenWithinTerm);
  EXPECT_EQ(StandingOf(t, Date{2026, 1, 1}), TaskStanding::kOpenOverdue);
}

}  // namespace
}  // namespace lienthong
