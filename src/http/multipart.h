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

// Errors: kUnsupported when `content_type` is not multipart/form-data, kInvalidArgument naming
// what is malformed (no boundary, a part without headers, no closing delimiter).
Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace lienthong::http
