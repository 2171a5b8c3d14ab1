// Small builders for SQL text and values that repositories share.
#pragma once

#include <cstdint>
#include <optional>
#include <functional>
#include <string>

#include "store/database.h"

namespace lienthong {

// "(?, ?, ?), (?, ?, ?)" for rows=2, columns=3: the VALUES of a multi-row INSERT.
std::string PlaceholderRows(size_t rows, size_t columns);
// "?, ?, ?" for n=3: an IN list.
std::string PlaceholderList(size_t n);

// Writes `rows` rows of `columns` values each (`params`, row after row) with multi-row
// statements: `sql_head` + PlaceholderRows(n, columns) + `sql_tail`. The row counts n are drawn
// from a few fixed sizes — powers of 4 up to `max_rows`, largest first — so a connection's
// statement cache holds a handful of statements per call site, not one per row count it has
// met (preparing a statement costs more than running it).
Status ExecuteRows(Database& db, const std::string& sql_head, const std::string& sql_tail,
                   size_t columns, const SqlParams& params, size_t max_rows);

// NULL for an empty optional.
SqlValue NullableText(const std::optional<std::string>& text);
SqlValue NullableInt(const std::optional<int64_t>& value);

}  // namespace lienthong
