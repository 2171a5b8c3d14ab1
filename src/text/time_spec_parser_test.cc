#include "text/time_spec_parser.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "text/normalize.h"

namespace lienthong {
namespace {

struct Case {
  std::string text;
  TimeSpecKind kind;
  std::string start;  // ISO date or "" for none
  std::string end;
  bool before = false;
  std::vector<Recurrence> recurrences = {};
};

std::string Iso(const std::optional<Date>& d) { return d ? d->ToIso() : ""; }

void Check(const Case& c) {
  const TimeSpec spec = ParseTimeSpec(c.text);
  EXPECT_EQ(spec.kind, c.kind) << c.text << " -> " << TimeSpecKindName(spec.kind);
  EXPECT_EQ(Iso(spec.start), c.start) << c.text;
  EXPECT_EQ(Iso(spec.end), c.end) << c.text;
  EXPECT_EQ(spec.before, c.before) << c.text;
  EXPECT_EQ(spec.recurrences, c.recurrences) << c.text;
}

using K = TimeSpecKind;
using R = Recurrence;

TEST(TimeSpecParserTest, Dates) {
  const Case cases[] = {
      {"ngày 29 tháng 8 năm 2025", K::kDate, "2025-08-29", "2025-08-29"},
      {"Ngày 29 tháng 08, năm 2025", K::kDate, "2025-08-29", "2025-08-29"},
      {"29/8/2025", K::kDate, "2025-08-29", "2025-08-29"},
      {"29/08/2025", K::kDate, "2025-08-29", "2025-08-29"},
      {"29-8-2025", K::kDate, "2025-08-29", "2025-08-29"},
      {"29.8.2025", K::kDate, "2025-08-29", "2025-08-29"},
      {"ngày 01/10/2025.", K::kDate, "2025-10-01", "2025-10-01"},
      {"29 tháng 2 năm 2028", K::kDate, "2028-02-29", "2028-02-29"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeSpecParserTest, Deadlines) {
  const Case cases[] = {
      {"trước ngày 15/12/2025", K::kDate, "2025-12-15", "2025-12-15", true},
      {"Trước 15/12/2025", K::kDate, "2025-12-15", "2025-12-15", true},
      {"chậm nhất ngày 15/12/2025", K::kDate, "2025-12-15", "2025-12-15", true},
      {"Chậm nhất vào ngày 15 tháng 12 năm 2025", K::kDate, "2025-12-15", "2025-12-15", true},
      {"hoàn thành trước 30/9/2025", K::kDate, "2025-09-30", "2025-09-30", true},
      {"Hoàn thành trước ngày 30/9/2025", K::kDate, "2025-09-30", "2025-09-30", true},
      {"Hạn chót: 31/10/2025", K::kDate, "2025-10-31", "2025-10-31", true},
      {"đến hết ngày 31/12/2025", K::kDate, "2025-12-31", "2025-12-31", true},
      {"Từ nay đến ngày 31/12/2025", K::kDate, "2025-12-31", "2025-12-31", true},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeSpecParserTest, MonthsQuartersAndParts) {
  const Case cases[] = {
      {"tháng 9/2025", K::kPeriod, "2025-09-01", "2025-09-30"},
      {"Tháng 9 năm 2025", K::kPeriod, "2025-09-01", "2025-09-30"},
      {"tháng 02/2028", K::kPeriod, "2028-02-01", "2028-02-29"},
      {"9/2025", K::kPeriod, "2025-09-01", "2025-09-30"},
      {"Tháng 8-9/2025", K::kPeriod, "2025-08-01", "2025-09-30"},
      {"tháng 9, 10 năm 2025", K::kPeriod, "2025-09-01", "2025-10-31"},
      {"tháng 9-2025", K::kPeriod, "2025-09-01", "2025-09-30"},
      {"Trong tháng 12/2025", K::kPeriod, "2025-12-01", "2025-12-31"},
      {"Quý IV/2025", K::kPeriod, "2025-10-01", "2025-12-31"},
      {"quý 4 năm 2025", K::kPeriod, "2025-10-01", "2025-12-31"},
      {"Quý I/2026", K::kPeriod, "2026-01-01", "2026-03-31"},
      {"quý II năm 2026", K::kPeriod, "2026-04-01", "2026-06-30"},
      {"Quý III, IV năm 2025", K::kPeriod, "2025-07-01", "2025-12-31"},
      {"Quý III và quý IV/2025", K::kPeriod, "2025-07-01", "2025-12-31"},
      {"Quý III - IV/2025", K::kPeriod, "2025-07-01", "2025-12-31"},
      {"6 tháng đầu năm 2026", K::kPeriod, "2026-01-01", "2026-06-30"},
      {"6 tháng cuối năm 2025", K::kPeriod, "2025-07-01", "2025-12-31"},
      {"9 tháng đầu năm 2025", K::kPeriod, "2025-01-01", "2025-09-30"},
      {"nửa cuối năm 2025", K::kPeriod, "2025-07-01", "2025-12-31"},
      {"Từ tháng 7 đến tháng 12/2025", K::kPeriod, "2025-07-01", "2025-12-31"},
      {"từ quý I đến quý III/2026", K::kPeriod, "2026-01-01", "2026-09-30"},
      {"Từ ngày 01/7/2025 đến ngày 31/12/2025", K::kPeriod, "2025-07-01", "2025-12-31"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeSpecParserTest, OpenEndedPeriods) {
  const Case cases[] = {
      {"hết quý IV năm 2025", K::kPeriod, "", "2025-12-31"},
      {"từ nay đến hết quý IV năm 2025", K::kPeriod, "", "2025-12-31"},
      {"Đến hết năm 2025", K::kPeriod, "", "2025-12-31"},
      {"đến năm 2030", K::kPeriod, "", "2030-12-31"},
      {"Đến tháng 6/2026", K::kPeriod, "", "2026-06-30"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeSpecParserTest, Years) {
  const Case cases[] = {
      {"năm 2028", K::kPeriod, "2028-01-01", "2028-12-31"},
      {"Năm 2025-2026", K::kPeriod, "2025-01-01", "2026-12-31"},
      {"Năm 2025 – 2026", K::kPeriod, "2025-01-01", "2026-12-31"},
      {"giai đoạn 2025 - 2030", K::kPeriod, "2025-01-01", "2030-12-31"},
      {"Giai đoạn 2021–2025", K::kPeriod, "2021-01-01", "2025-12-31"},
      {"Từ năm 2025 đến năm 2030", K::kPeriod, "2025-01-01", "2030-12-31"},
      {"từ 2025 - 2030", K::kPeriod, "2025-01-01", "2030-12-31"},
      {"2027", K::kPeriod, "2027-01-01", "2027-12-31"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeSpecParserTest, OngoingDoneAndRecurring) {
  const Case cases[] = {
      {"Thường xuyên", K::kOngoing, "", ""},
      {"Liên tục", K::kOngoing, "", ""},
      {"Thường xuyên, liên tục", K::kOngoing, "", ""},
      {"Thực hiện thường xuyên", K::kOngoing, "", ""},
      {"hằng ngày", K::kOngoing, "", ""},
      {"Hoàn thành", K::kDone, "", ""},
      {"Đã hoàn thành.", K::kDone, "", ""},
      {"định kỳ hằng quý", K::kRecurring, "", "", false, {R::kQuarterly}},
      {"hằng tháng", K::kRecurring, "", "", false, {R::kMonthly}},
      {"Hàng tháng", K::kRecurring, "", "", false, {R::kMonthly}},
      {"hằng năm", K::kRecurring, "", "", false, {R::kYearly}},
      {"Hàng tuần", K::kRecurring, "", "", false, {R::kWeekly}},
      {"định kỳ hằng quý, 6 tháng và năm",
       K::kRecurring,
       "",
       "",
       false,
       {R::kQuarterly, R::kHalfYearly, R::kYearly}},
      {"Báo cáo định kỳ 6 tháng, hằng năm",
       K::kRecurring,
       "",
       "",
       false,
       {R::kHalfYearly, R::kYearly}},
      {"Định kỳ", K::kRecurring, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

// The word forms plan documents write in their deadline columns and fields (issue 14): each is
// typed, so the task board and reminders can use it.
TEST(TimeSpecParserTest, DeadlineWordForms) {
  const Case cases[] = {
      {"trước ngày 15/9/2025", K::kDate, "2025-09-15", "2025-09-15", true},
      {"trong tháng 10 năm 2025", K::kPeriod, "2025-10-01", "2025-10-31"},
      {"hoàn thành trong tháng 10 năm 2025", K::kPeriod, "2025-10-01", "2025-10-31"},
      {"Hoàn thành trong tháng 11/2025", K::kPeriod, "2025-11-01", "2025-11-30"},
      {"trong Quý IV/2025", K::kPeriod, "2025-10-01", "2025-12-31"},
      {"Xong trong Quý II/2026", K::kPeriod, "2026-04-01", "2026-06-30"},
      {"Quý II/2026", K::kPeriod, "2026-04-01", "2026-06-30"},
      {"6 tháng đầu năm 2026", K::kPeriod, "2026-01-01", "2026-06-30"},
      {"Năm 2025", K::kPeriod, "2025-01-01", "2025-12-31"},
      {"hoàn thành trong năm 2025", K::kPeriod, "2025-01-01", "2025-12-31"},
      {"Năm 2025 và các năm tiếp theo", K::kOngoing, "2025-01-01", ""},
      {"Năm 2026 và những năm tiếp theo.", K::kOngoing, "2026-01-01", ""},
      {"Từ năm 2026 trở đi", K::kOngoing, "2026-01-01", ""},
      {"Quý IV/2025 và các năm tiếp theo", K::kOngoing, "2025-10-01", ""},
      {"Thường xuyên", K::kOngoing, "", ""},
      {"Hằng năm", K::kRecurring, "", "", false, {R::kYearly}},
      {"Tháng 12 hằng năm", K::kRecurring, "", "", false, {R::kYearly}},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeSpecParserTest, UnknownNeverGuesses) {
  const Case cases[] = {
      {"31/4/2025", K::kUnknown, "", ""},
      {"29/2/2025", K::kUnknown, "", ""},
      {"ngày 32 tháng 1 năm 2025", K::kUnknown, "", ""},
      {"tháng 13/2025", K::kUnknown, "", ""},
      {"Quý V/2025", K::kUnknown, "", ""},
      {"29/8/25", K::kUnknown, "", ""},
      {"trước 15/12", K::kUnknown, "", ""},
      {"trước quý IV/2025", K::kUnknown, "", ""},
      {"Năm 2030-2025", K::kUnknown, "", ""},
      {"Theo chỉ đạo của UBND tỉnh", K::kUnknown, "", ""},
      {"", K::kUnknown, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeSpecParserTest, DiacriticFreeAndDecomposedInput) {
  const Case cases[] = {
      {"Quy IV/2025", K::kPeriod, "2025-10-01", "2025-12-31"},
      {"thuong xuyen", K::kOngoing, "", ""},
      {"truoc ngay 15/12/2025", K::kDate, "2025-12-15", "2025-12-15", true},
      {"dinh ky hang quy", K::kRecurring, "", "", false, {R::kQuarterly}},
      {"6 thang dau nam 2026", K::kPeriod, "2026-01-01", "2026-06-30"},
      {"DA HOAN THANH", K::kDone, "", ""},
      {ToNfd("Quý IV/2025"), K::kPeriod, "2025-10-01", "2025-12-31"},
      {ToNfd("chậm nhất ngày 15/12/2025"), K::kDate, "2025-12-15", "2025-12-15", true},
      {ToNfd("hằng quý"), K::kRecurring, "", "", false, {R::kQuarterly}},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeSpecParserTest, KeepsTrimmedNfcOriginal) {
  EXPECT_EQ(ParseTimeSpec("  " + ToNfd("Quý IV/2025") + " \n").original, "Quý IV/2025");
  EXPECT_EQ(ParseTimeSpec("Theo kế hoạch").original, "Theo kế hoạch");
  EXPECT_EQ(ParseTimeSpec("Quý IV/2025").DueDate()->ToIso(), "2025-12-31");
}

}  // namespace
}  // namespace lienthong
