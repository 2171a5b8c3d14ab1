// A calendar date without time zone: what Vietnamese documents write ("ngày 29 tháng 8 năm 2025").
#pragma once

#include <compare>
#include <cstdint>
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

// "Today" in lienthong is the date in Vietnam: Asia/Ho_Chi_Minh keeps UTC+7 all year, with no
// daylight saving, so a plain offset is exact. Between 00:00 and 07:00 there the UTC date is still
// yesterday's; deadlines, lateness, validity and reporting windows must never use it.
//
// The date in Vietnam at an instant (seconds since the epoch, UTC).
Date VietnamDateAt(int64_t unix_seconds);
// The date in Vietnam of a stored UTC timestamp: "2026-01-14T18:30:00Z" → 2026-01-15. Text that
// is not a full timestamp gives the date it starts with (or the zero Date).
Date VietnamDateOf(std::string_view iso_utc);
// Today in Vietnam, by the program's clock (util/iso_time.h NowUnixSeconds, which tests can fix).
Date Today();

}  // namespace lienthong
