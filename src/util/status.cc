#include "util/status.h"

namespace lienthong {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid argument";
    case StatusCode::kNotFound: return "not found";
    case StatusCode::kAlreadyExists: return "already exists";
    case StatusCode::kFailedPrecondition: return "failed precondition";
    case StatusCode::kPermissionDenied: return "permission denied";
    case StatusCode::kUnauthenticated: return "unauthenticated";
    case StatusCode::kTooLarge: return "too large";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kIoError: return "I/O error";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kInternal: return "internal error";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

Status Status::InvalidField(std::string field, std::string_view what) {
  Status s(StatusCode::kInvalidArgument, field + ": " + std::string(what));
  s.field_ = std::move(field);
  return s;
}

Status Status::WithField(std::string field) const {
  if (ok()) return *this;
  Status s = *this;
  s.field_ = std::move(field);
  return s;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  Status s(code_, std::string(context) + ": " + message_);
  s.field_ = field_;
  s.reason_ = reason_;
  s.reason_params_ = reason_params_;
  return s;
}

Status Status::WithReason(std::string reason,
                          std::vector<std::pair<std::string, std::string>> params) const {
  if (ok()) return *this;
  Status s = *this;
  s.reason_ = std::move(reason);
  s.reason_params_ = std::move(params);
  return s;
}

}  // namespace lienthong
