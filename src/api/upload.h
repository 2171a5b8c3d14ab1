// The file a client uploads: a multipart/form-data body (a browser form, field `file`) or the
// raw file as the body with an X-File-Name header (percent-encoded UTF-8) and its Content-Type.
#pragma once

#include <cstddef>
#include <string>

#include "api/route.h"

namespace lienthong::api {

struct UploadedFile {
  std::string name;          // as sent; "" when none was given
  std::string content_type;  // the part's or the request's; may be ""
  std::string bytes;
};

// Errors: kTooLarge beyond `max_bytes` (checked on the body before it is parsed), kInvalidArgument
// naming "file" for a multipart body without a `file` part, the multipart parser's errors.
Result<UploadedFile> UploadedFileOf(const RouteContext& ctx, size_t max_bytes);

}  // namespace lienthong::api
