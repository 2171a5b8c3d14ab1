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

Status ExecuteRows(Database& db, const std::string& sql_head, const std::string& sql_tail,
                   size_t columns, const SqlParams& params, size_t max_rows) {
  size_t rows = columns ? params.size() / columns : 0;
  size_t done = 0;
  while (done < rows) {
    size_t n = 1;
    while (n * 4 <= max_rows && n * 4 <= rows - done) n *= 4;
    auto first = params.begin() + static_cast<std::ptrdiff_t>(done * columns);
    SqlParams chunk(first, first + static_cast<std::ptrdiff_t>(n * columns));
    LT_RETURN_IF_ERROR(db.Execute(sql_head + PlaceholderRows(n, columns) + sql_tail, chunk));
    done += n;
  }
  return Status::Ok();
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
