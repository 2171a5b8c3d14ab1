#include "store/sql_text.h"

namespace lienthong {

std::string PlaceholderList(size_t n) {
  std::string out;
  out.reserve(n * 3);
  for (size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

std::string PlaceholderRows(size_t rows, size_t columns) {
  const std::string row = "(" + PlaceholderList(columns) + ")";
  std::string out;
  out.reserve(rows * (row.size() + 2));
  for (size_t i = 0; i < rows; ++i) {
    if (i) out += ", ";
    out += row;
  }
  return out;
}

SqlValue NullableText(const std::optional<std::string>& text) {
  if (text) return *text;
  return std::monostate{};
}

SqlValue NullableInt(const std::optional<int64_t>& value) {
  if (value) return *value;
  return std::monostate{};
}

}  // namespace lienthong
