// UTC timestamps as ISO-8601 text ("2026-11-23T14:30:07Z"): the form every table stores, which
// sorts and compares as text on both backends.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lienthong {

int64_t NowUnixSeconds();
std::string IsoUtc(int64_t unix_seconds);
// Parses the form IsoUtc writes; nullopt otherwise.
std::optional<int64_t> ParseIsoUtc(std::string_view text);

}  // namespace lienthong
