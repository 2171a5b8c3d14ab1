// Status and Result<T>: expected failures as values that say what went wrong and where.
// Exceptions never cross a module boundary; adapters catch third-party exceptions and
// turn them into a Status (see docs/style.md).
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace lienthong {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // malformed input: a bad row, an unparsable date, a wrong flag
  kNotFound,           // a named thing does not exist
  kAlreadyExists,      // a duplicate code, a unique constraint
  kFailedPrecondition, // the request is well-formed but the current state forbids it
  kPermissionDenied,
  kUnauthenticated,
  kTooLarge,           // input over a documented limit
  kUnsupported,        // a format or encoding we do not read
  kIoError,            // file system or network
  kUnavailable,        // a backend that cannot be reached
  kInternal,           // a bug or an unexpected backend answer
};

std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  // kInvalidArgument about one named input: a JSON key ("activities[3].date"), a query or path
  // parameter, a form field. The message reads "field: what"; field() names the input, so the API
  // answers 422 with error.field without parsing the message.
  static Status InvalidField(std::string field, std::string_view what);
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status FailedPrecondition(std::string m) {
    return {StatusCode::kFailedPrecondition, std::move(m)};
  }
  static Status PermissionDenied(std::string m) {
    return {StatusCode::kPermissionDenied, std::move(m)};
  }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The input this error is about ("" when none): set by InvalidField or WithField.
  const std::string& field() const { return field_; }
  // A copy naming `field` as the input at fault; the message is unchanged.
  Status WithField(std::string field) const;
  // "not found: unit 66001" — for logs and CLI output.
  std::string ToString() const;
  // A copy whose message starts with `context: ` (e.g. a file name and line); keeps field() and
  // reason().
  Status WithContext(std::string_view context) const;
  // A stable code for why the operation was refused ("plan_not_draft") with its parameters, for a
  // person's language (the web UI words it from its catalogue); the message stays English for
  // logs and the CLI. "" when the error has none.
  const std::string& reason() const { return reason_; }
  const std::vector<std::pair<std::string, std::string>>& reason_params() const {
    return reason_params_;
  }
  Status WithReason(std::string reason,
                    std::vector<std::pair<std::string, std::string>> params = {}) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
  std::string reason_;
  std::vector<std::pair<std::string, std::string>> reason_params_;
};

// Either a T or a non-OK Status. std::expected is C++23; this is the small part we need.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}
  Result(Status status) : data_(std::move(status)) { assert(!std::get<Status>(data_).ok()); }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace lienthong

#define LT_CONCAT_INNER(a, b) a##b
#define LT_CONCAT(a, b) LT_CONCAT_INNER(a, b)

// Returns the Status from the enclosing function when `expr` is not OK.
#define LT_RETURN_IF_ERROR(expr)                 \
  do {                                           \
    ::lienthong::Status lt_status_ = (expr);     \
    if (!lt_status_.ok()) return lt_status_;     \
  } while (0)

// `LT_ASSIGN_OR_RETURN(auto rows, db.Query(...));` declares `rows` or returns the error.
#define LT_ASSIGN_OR_RETURN(lhs, expr) \
  LT_ASSIGN_OR_RETURN_IMPL(LT_CONCAT(lt_result_, __LINE__), lhs, expr)
#define LT_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
