// Portable `?` placeholders → PostgreSQL's positional $1, $2, …
//
// A `?` is a placeholder only outside string constants ('…' with '' escapes, E'…' with
// backslash escapes too, $tag$…$tag$), quoted identifiers ("…"), `--` line comments and
// (nested) `/* */` block comments. Consequence: PostgreSQL's jsonb operators ?, ?| and ?& cannot
// be written in portable SQL; use jsonb_exists() and friends instead.
#pragma once

#include <string>
#include <string_view>

namespace lienthong {

struct PositionalSql {
  std::string sql;      // with $1…$n
  int param_count = 0;  // n
};

PositionalSql RewritePlaceholders(std::string_view sql);

}  // namespace lienthong
