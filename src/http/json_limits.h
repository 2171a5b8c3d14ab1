// Bounds a JSON request body before anything parses or copies it. nlohmann::json copies, dumps
// and compares recursively, so a body nested 100,000 levels deep overflows the stack wherever it
// is first copied; this check is one linear pass without recursion, run before the parse.
#pragma once

#include <cstddef>
#include <string_view>

#include "util/status.h"

namespace lienthong::http {

struct JsonLimits {
  size_t max_depth = 64;         // arrays and objects nested in each other
  size_t max_bytes = 4u << 20;   // the whole body
};

// kTooLarge when the text is over max_bytes; kInvalidArgument "JSON nested deeper than N levels
// (at byte B)" when arrays/objects nest deeper than max_depth. Brackets inside strings do not
// count. Anything else (malformed JSON) is left for the parser to report.
Status CheckJsonLimits(std::string_view text, const JsonLimits& limits = {});

}  // namespace lienthong::http
