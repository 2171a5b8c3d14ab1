// The file a client uploads: a multipart/form-data body (a browser form, field `file`) or the
// raw file as the body with an X-File-Name header (percent-encoded UTF-8) and its Content-Type.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

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

// The most problems an answer lists; the message counts them all.
inline constexpr size_t kMaxProblemsListed = 500;

// 422 for an uploaded file refused as a whole: the Error body (field "file", "N problem(s) in the
// file; nothing was imported" counting `total`) with `problems` (the first kMaxProblemsListed of
// `problems`) and `extra`'s members beside "error". openapi.h ProblemsErrorSchema describes it.
http::HttpResponse ProblemsResponse(size_t total, nlohmann::json problems,
                                    const nlohmann::json& extra = nlohmann::json::object());

// A coded problem's or warning's parameters as a JSON object of strings.
nlohmann::json ParamsJson(const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace lienthong::api
