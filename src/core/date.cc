#include "core/date.h"

#include <chrono>
#include <cstdio>

#include "util/iso_time.h"

namespace lienthong {
namespace {

std::chrono::year_month_day ToYmd(const Date& d) {
  return std::chrono::year_month_day{std::chrono::year{d.year},
                                     std::chrono::month{static_cast<unsigned>(d.month)},
                                     std::chrono::day{static_cast<unsigned>(d.day)}};
}

}  // namespace

bool Date::IsValid() const {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) return false;
  return ToYmd(*this).ok();
}

std::string Date::ToIso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int Date::DaysSinceEpoch() const {
  return static_cast<int>(std::chrono::sys_days{ToYmd(*this)}.time_since_epoch().count());
}

Date Date::FromDaysSinceEpoch(int days) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::optional<Date> Date::FromIso(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto digits = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  Date d{digits(0, 4), digits(5, 2), digits(8, 2)};
  if (!d.IsValid()) return std::nullopt;
  return d;
}

Date Date::LastDayOfMonth(int year, int month) {
  std::chrono::year_month_day_last last{std::chrono::year{year},
                                        std::chrono::month_day_last{std::chrono::month{
                                            static_cast<unsigned>(month)}}};
  return Date{year, month, static_cast<int>(static_cast<unsigned>(last.day()))};
}

Date VietnamDateAt(int64_t unix_seconds) {
  constexpr int64_t kOffsetSeconds = 7 * 3600;  // UTC+7 all year
  constexpr int64_t kDay = 86400;
  int64_t local = unix_seconds + kOffsetSeconds;
  int64_t days = local / kDay - (local % kDay < 0 ? 1 : 0);  // floor, also before 1970
  return Date::FromDaysSinceEpoch(static_cast<int>(days));
}

Date VietnamDateOf(std::string_view iso_utc) {
  if (std::optional<int64_t> seconds = ParseIsoUtc(iso_utc)) return VietnamDateAt(*seconds);
  return Date::FromIso(iso_utc.substr(0, 10)).value_or(Date{});
}

Date Today() { return VietnamDateAt(NowUnixSeconds()); }

}  // namespace lienthong
