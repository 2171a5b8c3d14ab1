#include "core/reporting_period.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TEST(ReportingPeriodTest, StatutoryWindowsFollowDecree09) {
  auto q4 = PeriodWindow(*ParsePeriodKey("2025-Q4"));
  EXPECT_EQ(q4.start.ToIso(), "2025-09-15");
  EXPECT_EQ(q4.end.ToIso(), "2025-12-14");
  EXPECT_EQ(q4.label, "Quý IV/2025");
  auto q1 = PeriodWindow(*ParsePeriodKey("2025-Q1"));
  EXPECT_EQ(q1.start.ToIso(), "2024-12-15");
  EXPECT_EQ(q1.end.ToIso(), "2025-03-14");
  auto year = PeriodWindow(*ParsePeriodKey("2025"));
  EXPECT_EQ(year.start.ToIso(), "2024-12-15");
  EXPECT_EQ(year.end.ToIso(), "2025-12-14");
  EXPECT_EQ(year.label, "Năm 2025");
  auto h1 = PeriodWindow(*ParsePeriodKey("2025-H1"));
  EXPECT_EQ(h1.start.ToIso(), "2024-12-15");
  EXPECT_EQ(h1.end.ToIso(), "2025-06-14");
  EXPECT_EQ(h1.label, "6 tháng đầu năm 2025");
  auto m3 = PeriodWindow(*ParsePeriodKey("2025-M03"));
  EXPECT_EQ(m3.start.ToIso(), "2025-02-15");
  EXPECT_EQ(m3.end.ToIso(), "2025-03-14");
  EXPECT_EQ(m3.label, "Tháng 3/2025");
}

TEST(ReportingPeriodTest, CalendarWindowsWhenThePlanSaysSo) {
  auto q4 = PeriodWindow(*ParsePeriodKey("2025-Q4"), CutoffRule::kCalendar);
  EXPECT_EQ(q4.start.ToIso(), "2025-10-01");
  EXPECT_EQ(q4.end.ToIso(), "2025-12-31");
  auto feb = PeriodWindow(*ParsePeriodKey("2024-M02"), CutoffRule::kCalendar);
  EXPECT_EQ(feb.end.ToIso(), "2024-02-29");
}

TEST(ReportingPeriodTest, KeysRoundTripAndBadKeysAreRefused) {
  for (const char* text : {"2025", "2025-H2", "2025-Q1", "2025-M11", "2025-10-01..2025-11-30"}) {
    auto key = ParsePeriodKey(text);
    ASSERT_TRUE(key.ok()) << text;
    EXPECT_EQ(key->ToString(), text);
  }
  for (const char* text : {"", "25", "2025-Q5", "2025-M13", "2025-X1", "2025-11-30..2025-10-01",
                           "2025-Q", "abcd"}) {
    auto key = ParsePeriodKey(text);
    EXPECT_EQ(key.status().code(), StatusCode::kInvalidArgument) << text;
  }
  EXPECT_EQ(PeriodLabelVi(*ParsePeriodKey("2025-10-01..2025-11-30")),
            "Từ 01/10/2025 đến 30/11/2025");
}

TEST(ReportingPeriodTest, RecurringDutiesListTheirPeriods) {
  EXPECT_EQ(PeriodsOfYear(ReportFrequency::kQuarterly, 2025).size(), 4u);
  EXPECT_EQ(PeriodsOfYear(ReportFrequency::kHalfYearly, 2025).back().ToString(), "2025-H2");
  EXPECT_EQ(PeriodsOfYear(ReportFrequency::kYearly, 2025).front().ToString(), "2025");
  EXPECT_TRUE(PeriodsOfYear(ReportFrequency::kAdHoc, 2025).empty());
  EXPECT_EQ(ParseFrequency("half_yearly"), ReportFrequency::kHalfYearly);
  EXPECT_EQ(ParseIndicatorType("yes_no"), IndicatorType::kYesNo);
}

}  // namespace
}  // namespace lienthong
