// Numbers and dates written the Vietnamese way in document text: "1.234.567", "12,5",
// "85,5%", "05/3/2026" (day with a leading zero below 10, months 1 and 2 too, as ND30 writes
// dates).
#pragma once

#include <optional>
#include <string>

#include "core/date.h"

namespace lienthong {

// Rounded to `decimals` places, "." between thousands, "," before decimals; trailing decimal
// zeros dropped ("12,5", not "12,50"); NaN/inf → "—".
std::string FormatVietnameseNumber(double value, int decimals = 2);
// 0.855 → "85,5%".
std::string FormatVietnamesePercent(double ratio, int decimals = 1);
// "05/3/2026"; "" when absent or invalid.
std::string FormatVietnameseShortDate(const std::optional<Date>& date);

}  // namespace lienthong
