// A small RFC 4180 CSV reader: quoted fields, "" escapes, quoted line breaks, LF or CRLF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace lienthong {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Splits `text` (already decoded to UTF-8, BOM removed) into records; blank lines are skipped.
// Errors: kInvalidArgument "line N: unterminated quoted field" or "line N: stray quote".
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, char delimiter = ',');

// Quotes a field when it holds the delimiter, a quote or a line break.
std::string CsvEscape(std::string_view field, char delimiter = ',');

}  // namespace lienthong
