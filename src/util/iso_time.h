// UTC timestamps as ISO-8601 text ("2026-11-23T14:30:07Z"): the form every table stores, which
// sorts and compares as text on both backends. NowUnixSeconds is the one clock of the program:
// every "now" — timestamps written to rows, today's date in Vietnam (core/date.h Today) — reads
// it, so a test can fix the instant for all of them at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lienthong {

// The system clock, or the instant a FixedClockForTesting holds.
int64_t NowUnixSeconds();
// IsoUtc(NowUnixSeconds()).
std::string NowIsoUtc();
std::string IsoUtc(int64_t unix_seconds);
// Parses the form IsoUtc writes; nullopt otherwise.
std::optional<int64_t> ParseIsoUtc(std::string_view text);

// Tests: while one lives, NowUnixSeconds() answers `unix_seconds` in every thread. One at a time;
// REQUIRES: no other FixedClockForTesting alive.
class FixedClockForTesting {
 public:
  explicit FixedClockForTesting(int64_t unix_seconds);
  ~FixedClockForTesting();
  FixedClockForTesting(const FixedClockForTesting&) = delete;
  FixedClockForTesting& operator=(const FixedClockForTesting&) = delete;
};

}  // namespace lienthong
