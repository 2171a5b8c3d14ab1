#include "export/vn_number_format.h"

#include <cmath>
#include <cstdio>

namespace lienthong {

std::string FormatVietnameseNumber(double value, int decimals) {
  if (!std::isfinite(value)) return "—";
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
  std::string digits = buffer;
  std::string fraction;
  if (const size_t dot = digits.find('.'); dot != std::string::npos) {
    fraction = digits.substr(dot + 1);
    digits.resize(dot);
  }
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  const bool negative = value < 0 && (grouped != "0" || !fraction.empty());
  return (negative ? "-" : "") + grouped + (fraction.empty() ? "" : "," + fraction);
}

std::string FormatVietnamesePercent(double ratio, int decimals) {
  if (!std::isfinite(ratio)) return "—";
  return FormatVietnameseNumber(ratio * 100, decimals) + "%";
}

std::string FormatVietnameseShortDate(const std::optional<Date>& date) {
  if (!date.has_value() || !date->IsValid()) return "";
  const std::string day = (date->day < 10 ? "0" : "") + std::to_string(date->day);
  const std::string month = (date->month <= 2 ? "0" : "") + std::to_string(date->month);
  return day + "/" + month + "/" + std::to_string(date->year);
}

}  // namespace lienthong
