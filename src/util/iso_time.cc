#include "util/iso_time.h"

#include <atomic>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <limits>

namespace lienthong {
namespace {

constexpr int64_t kSystemClock = std::numeric_limits<int64_t>::min();
std::atomic<int64_t> fixed_now{kSystemClock};

}  // namespace

int64_t NowUnixSeconds() {
  int64_t fixed = fixed_now.load(std::memory_order_relaxed);
  if (fixed != kSystemClock) return fixed;
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string NowIsoUtc() { return IsoUtc(NowUnixSeconds()); }

FixedClockForTesting::FixedClockForTesting(int64_t unix_seconds) {
  [[maybe_unused]] int64_t before = fixed_now.exchange(unix_seconds);
  assert(before == kSystemClock);
}

FixedClockForTesting::~FixedClockForTesting() { fixed_now.store(kSystemClock); }

std::string IsoUtc(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::optional<int64_t> ParseIsoUtc(std::string_view text) {
  if (text.size() != 20 || text[19] != 'Z') return std::nullopt;
  std::tm tm{};
  std::string copy(text);
  int y, mo, d, h, mi, s;
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) != 6) {
    return std::nullopt;
  }
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return static_cast<int64_t>(timegm(&tm));
}

}  // namespace lienthong
