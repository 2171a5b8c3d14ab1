// multipart/form-data bodies (RFC 7578), as browsers send file uploads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace lienthong::http {

struct FormPart {
  std::string name;
  std::string filename;      // "" for a plain field
  std::string content_type;
  std::string data;
};

inline constexpr size_t kMaxFileNameBytes = 255;

// Errors: kUnsupported when `content_type` is not multipart/form-data, kInvalidArgument naming
// what is malformed (no boundary, a part without headers, no closing delimiter, a file
// name that is not UTF-8, has control characters or is longer than kMaxFileNameBytes).
Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace lienthong::http
