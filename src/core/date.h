// A calendar date without time zone: what Vietnamese documents write ("ngày 29 tháng 8 năm 2025").
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace lienthong {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // False for 31/4/2025, 29/2/2025, month 13 and the zero value.
  bool IsValid() const;
  // "2025-08-29".
  std::string ToIso() const;
  // Days since 1970-01-01 (for differences and ordering across months).
  int DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(int days);
  // Parses "2025-08-29"; nullopt when malformed or not a real date.
  static std::optional<Date> FromIso(std::string_view iso);
  static Date LastDayOfMonth(int year, int month);

  auto operator<=>(const Date&) const = default;
};

// Today's date in Vietnam (UTC+7, no daylight saving): what "today" means for deadlines.
Date TodayInVietnam();

}  // namespace lienthong
