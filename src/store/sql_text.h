// Small builders for SQL text and values that repositories share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace lienthong {

// "(?, ?, ?), (?, ?, ?)" for rows=2, columns=3: the VALUES of a multi-row INSERT.
std::string PlaceholderRows(size_t rows, size_t columns);
// "?, ?, ?" for n=3: an IN list.
std::string PlaceholderList(size_t n);

// NULL for an empty optional.
SqlValue NullableText(const std::optional<std::string>& text);
SqlValue NullableInt(const std::optional<int64_t>& value);

}  // namespace lienthong
