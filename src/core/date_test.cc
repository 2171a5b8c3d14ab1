#include "core/date.h"

#include <gtest/gtest.h>

#include "core/task.h"
#include "util/iso_time.h"

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

TEST(TodayTest, IsTheDateInVietnamNotTheUtcDate) {
  // 23:30 UTC on New Year's Eve is 06:30 on 1 January in Hà Nội.
  FixedClockForTesting clock(*ParseIsoUtc("2025-12-31T23:30:00Z"));
  EXPECT_EQ(NowIsoUtc(), "2025-12-31T23:30:00Z");
  EXPECT_EQ(Today(), (Date{2026, 1, 1}));
}

TEST(TodayTest, VietnamDatesTurnAtSeventeenHundredUtc) {
  EXPECT_EQ(VietnamDateOf("2026-01-14T16:59:59Z"), (Date{2026, 1, 14}));
  EXPECT_EQ(VietnamDateOf("2026-01-14T17:00:00Z"), (Date{2026, 1, 15}));
  EXPECT_EQ(VietnamDateOf("2024-02-28T18:30:00Z"), (Date{2024, 2, 29}));
  EXPECT_EQ(VietnamDateAt(-3600), (Date{1970, 1, 1}));  // 06:00 in Vietnam
  EXPECT_EQ(VietnamDateAt(-8 * 3600), (Date{1969, 12, 31}));
  // Text that is not a whole timestamp keeps the date it starts with.
  EXPECT_EQ(VietnamDateOf("2026-01-14"), (Date{2026, 1, 14}));
  EXPECT_EQ(VietnamDateOf("garbage"), Date{});
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
