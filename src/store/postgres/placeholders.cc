#include "store/postgres/placeholders.h"

namespace lienthong {
namespace {

bool IsIdentifierStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsIdentifierChar(char c) { return IsIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$'; }

// The end (one past the closing quote) of the quoted run starting at sql[begin] == quote.
// A doubled quote is an escaped quote; with `backslash`, so is \'. Unterminated → sql.size().
size_t SkipQuoted(std::string_view sql, size_t begin, char quote, bool backslash) {
  for (size_t i = begin + 1; i < sql.size(); ++i) {
    if (backslash && sql[i] == '\\') {
      ++i;
    } else if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return sql.size();
}

size_t SkipBlockComment(std::string_view sql, size_t begin) {
  int depth = 0;
  for (size_t i = begin; i + 1 < sql.size(); ++i) {
    if (sql[i] == '/' && sql[i + 1] == '*') {
      ++depth;
      ++i;
    } else if (sql[i] == '*' && sql[i + 1] == '/') {
      ++i;
      if (--depth == 0) return i + 1;
    }
  }
  return sql.size();
}

// The end of a dollar-quoted string starting at sql[begin] == '$', or `begin` when the '$' does
// not open one ($1 parameters, identifiers containing $).
size_t SkipDollarQuoted(std::string_view sql, size_t begin) {
  if (begin > 0 && IsIdentifierChar(sql[begin - 1])) return begin;
  size_t i = begin + 1;
  if (i < sql.size() && IsIdentifierStart(sql[i])) {
    while (i < sql.size() && IsIdentifierChar(sql[i]) && sql[i] != '$') ++i;
  }
  if (i >= sql.size() || sql[i] != '$') return begin;
  std::string_view tag = sql.substr(begin, i + 1 - begin);  // "$tag$" or "$$"
  size_t close = sql.find(tag, i + 1);
  return close == std::string_view::npos ? sql.size() : close + tag.size();
}

}  // namespace

PositionalSql RewritePlaceholders(std::string_view sql) {
  PositionalSql out;
  out.sql.reserve(sql.size() + 8);
  size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    size_t end = i;
    if (c == '\'') {
      bool escape_string = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                           (i < 2 || !IsIdentifierChar(sql[i - 2]));
      end = SkipQuoted(sql, i, '\'', escape_string);
    } else if (c == '"') {
      end = SkipQuoted(sql, i, '"', false);
    } else if (c == '-' && next == '-') {
      end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size();
    } else if (c == '/' && next == '*') {
      end = SkipBlockComment(sql, i);
    } else if (c == '$') {
      end = SkipDollarQuoted(sql, i);
    } else if (c == '?') {
      out.sql += '$';
      out.sql += std::to_string(++out.param_count);
      ++i;
      continue;
    }
    if (end > i) {
      out.sql.append(sql.substr(i, end - i));
      i = end;
    } else {
      out.sql += c;
      ++i;
    }
  }
  return out;
}

}  // namespace lienthong
