#include "api/route.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>

#include "http/json_limits.h"

namespace lienthong::api {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>& params) {
  auto want = Segments(pattern);
  auto got = Segments(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> captured;
  for (size_t i = 0; i < want.size(); ++i) {
    std::string_view w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (got[i].empty()) return false;
      captured[std::string(w.substr(1, w.size() - 2))] = std::string(got[i]);
    } else if (w != got[i]) {
      return false;
    }
  }
  params = std::move(captured);
  return true;
}

std::string ErrorCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "conflict";
    case StatusCode::kFailedPrecondition: return "conflict";
    case StatusCode::kPermissionDenied: return "permission_denied";
    case StatusCode::kUnauthenticated: return "unauthenticated";
    case StatusCode::kTooLarge: return "too_large";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kUnavailable: return "unavailable";
    default: return "internal";
  }
}

int HttpStatusOf(StatusCode code, bool has_field) {
  switch (code) {
    case StatusCode::kInvalidArgument: return has_field ? 422 : 400;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kTooLarge: return 413;
    case StatusCode::kUnsupported: return 415;
    case StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

}  // namespace

Result<int64_t> ParseIntParameter(std::string_view name, std::string_view text, int64_t low,
                                  int64_t high) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && end == text.data() + text.size() && value >= low && value <= high) {
    return value;
  }
  std::string range = low == 1 && high == std::numeric_limits<int64_t>::max()
                          ? "an id (a positive whole number)"
                          : "a whole number from " + std::to_string(low) + " to " +
                                std::to_string(high);
  return Status::InvalidField(std::string(name), "'" + std::string(text.substr(0, 40)) +
                                                     "' is not " + range);
}

Result<int64_t> RouteContext::PathId(const std::string& name) const {
  auto it = path_params.find(name);
  if (it == path_params.end()) return Status::Internal("no path parameter " + name);
  return ParseIntParameter(name, it->second, 1, std::numeric_limits<int64_t>::max());
}

std::optional<std::string> RouteContext::Query(const std::string& name) const {
  return request.QueryParam(name);
}

Result<int64_t> RouteContext::QueryInt(const std::string& name, int64_t fallback, int64_t low,
                                       int64_t high) const {
  std::optional<std::string> text = Query(name);
  if (!text || text->empty()) return fallback;
  return ParseIntParameter(name, *text, low, high);
}

Result<int64_t> RouteContext::QueryCount(const std::string& name, int64_t fallback, int64_t low,
                                         int64_t high) const {
  // A count below the lowest one allowed (limit=-1) is a mistake, not a request for the minimum.
  LT_ASSIGN_OR_RETURN(int64_t value,
                      QueryInt(name, fallback, low, std::numeric_limits<int64_t>::max()));
  return std::min(value, high);
}

Result<int64_t> RouteContext::QueryId(const std::string& name) const {
  std::optional<std::string> text = Query(name);
  if (!text || text->empty()) return Status::InvalidField(name, "required");
  return ParseIntParameter(name, *text, 1, std::numeric_limits<int64_t>::max());
}

Result<nlohmann::json> RouteContext::JsonBody() const {
  std::string type = request.Header("content-type");
  if (!type.empty() && type.find("application/json") == std::string::npos) {
    return Status::Unsupported("expected Content-Type application/json, got '" +
                               type.substr(0, 80) + "'");
  }
  // Depth and size first: nothing below may copy or recurse through an unbounded tree.
  LT_RETURN_IF_ERROR(http::CheckJsonLimits(request.body));
  try {
    nlohmann::json body = nlohmann::json::parse(request.body);
    if (!body.is_object()) return Status::InvalidArgument("request body must be a JSON object");
    return body;
  } catch (const nlohmann::json::parse_error& e) {
    return Status::InvalidArgument("invalid JSON at byte " + std::to_string(e.byte) +
                                   " of the request body");
  } catch (const nlohmann::json::exception& e) {  // 1e309: number overflow
    return Status::InvalidArgument(std::string("invalid JSON in the request body: ") + e.what());
  }
}

void Router::Add(Route route) { routes_.push_back(std::move(route)); }

void Router::AddSchema(const std::string& name, nlohmann::json schema) {
  auto [it, added] = schemas_.emplace(name, schema);
  if (!added && it->second != schema) {
    spdlog::critical("OpenAPI schema {} declared twice, differently", name);
    std::abort();
  }
}

const Route* Router::Match(const std::string& method, const std::string& path,
                           std::map<std::string, std::string>& params, bool& path_exists) const {
  path_exists = false;
  const Route* best = nullptr;
  int best_literals = -1;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> captured;
    if (!MatchPattern(route.pattern, path, captured)) continue;
    path_exists = true;
    if (route.method != method) continue;
    // A literal segment beats a parameter: /tasks/standing over /tasks/{id}.
    int literals = 0;
    for (auto seg : Segments(route.pattern)) literals += seg.empty() || seg.front() != '{';
    if (literals > best_literals) {
      best = &route;
      best_literals = literals;
      params = std::move(captured);
    }
  }
  return best;
}

std::string Router::AllowedMethods(const std::string& path) const {
  std::string allowed;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> unused;
    if (!MatchPattern(route.pattern, path, unused)) continue;
    if (allowed.find(route.method) != std::string::npos) continue;
    allowed += (allowed.empty() ? "" : ", ") + route.method;
  }
  return allowed;
}

http::HttpResponse JsonResponse(const nlohmann::json& body, int status) {
  http::HttpResponse response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Status AboutField(const Status& status, std::string field) {
  if (status.code() != StatusCode::kInvalidArgument || !status.field().empty()) return status;
  return status.WithField(std::move(field));
}

http::HttpResponse ApiError(const Status& status) {
  int code = HttpStatusOf(status.code(), !status.field().empty());
  std::string message = status.message();
  if (code >= 500 && code != 503) {
    spdlog::error("internal error: {}", status.ToString());
    message = "internal error; the server log has the details";
  }
  nlohmann::json body = {
      {"error",
       {{"code", ErrorCodeName(status.code())}, {"message", message}, {"field", status.field()}}}};
  if (!status.reason().empty()) {
    body["error"]["reason"] = status.reason();
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [name, value] : status.reason_params()) params[name] = value;
    body["error"]["params"] = params;
  }
  return JsonResponse(body, code);
}

}  // namespace lienthong::api
