#include "api/upload.h"

#include "http/multipart.h"
#include "http/request_parsing.h"

namespace lienthong::api {
namespace {

// A multipart body carries its part headers and boundaries around the file.
constexpr size_t kMultipartOverhead = 64 * 1024;

Status TooLarge(size_t max_bytes) {
  return Status::TooLarge("the file is larger than " + std::to_string(max_bytes / (1024 * 1024)) +
                          " MiB")
      .WithField("file");
}

}  // namespace

Result<UploadedFile> UploadedFileOf(const RouteContext& ctx, size_t max_bytes) {
  const http::HttpRequest& request = ctx.request;
  std::string type = request.Header("content-type");
  if (type.rfind("multipart/form-data", 0) != 0) {
    if (request.body.size() > max_bytes) return TooLarge(max_bytes);
    return UploadedFile{http::PercentDecode(request.Header("x-file-name"), false), type,
                        request.body};
  }
  if (request.body.size() > max_bytes + kMultipartOverhead) return TooLarge(max_bytes);
  LT_ASSIGN_OR_RETURN(auto parts, http::ParseMultipart(type, request.body));
  for (http::FormPart& part : parts) {
    if (part.name != "file") continue;
    if (part.data.size() > max_bytes) return TooLarge(max_bytes);
    return UploadedFile{std::move(part.filename), std::move(part.content_type),
                        std::move(part.data)};
  }
  return Status::InvalidField("file", "the form has no part named 'file'");
}

http::HttpResponse ProblemsResponse(size_t total, nlohmann::json problems,
                                    const nlohmann::json& extra) {
  if (problems.size() > kMaxProblemsListed) {
    problems.erase(problems.begin() + kMaxProblemsListed, problems.end());
  }
  const std::string message =
      std::to_string(total) + " problem(s) in the file; nothing was imported";
  http::HttpResponse response = ApiError(Status::InvalidField("file", message));
  nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  body["problems"] = std::move(problems);
  for (const auto& [name, value] : extra.items()) body[name] = value;
  response.body = body.dump();
  return response;
}

nlohmann::json ParamsJson(const std::vector<std::pair<std::string, std::string>>& params) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [name, value] : params) object[name] = value;
  return object;
}

}  // namespace lienthong::api
