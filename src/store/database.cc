#include "store/database.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "store/postgres/postgres_database.h"
#include "store/redact.h"
#include "store/sqlite/sqlite_database.h"

namespace lienthong {
namespace {

std::optional<int64_t> ParseInt(std::string_view text) {
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> ParseReal(std::string_view text) {
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// Truncates toward zero like SQLite's CAST(x AS INTEGER), saturating instead of overflowing.
int64_t RealToInt(double value) {
  if (std::isnan(value)) return 0;
  if (value >= 9223372036854775807.0) return std::numeric_limits<int64_t>::max();
  if (value <= -9223372036854775808.0) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(value);
}

std::string RealToText(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The scheme of `url` ("mysql" in "mysql://…"), or "" when it does not start with one.
std::string_view UrlScheme(std::string_view url) {
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!alpha && !(i > 0 && other)) return {};
  }
  return url.substr(0, colon);
}

}  // namespace

int64_t SqlRow::Int(size_t i) const {
  const SqlValue& v = values.at(i);
  if (const auto* n = std::get_if<int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return RealToInt(*d);
  if (const auto* s = std::get_if<std::string>(&v)) {
    if (auto n = ParseInt(*s)) return *n;
    if (auto d = ParseReal(*s)) return RealToInt(*d);  // "3.0" from a NUMERIC column
  }
  return 0;  // NULL or not a number
}

double SqlRow::Real(size_t i) const {
  const SqlValue& v = values.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) {
    if (auto d = ParseReal(*s)) return *d;
  }
  return 0.0;
}

std::string SqlRow::Text(size_t i) const {
  const SqlValue& v = values.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return RealToText(*d);
  return "";
}

std::string SqlRow::Blob(size_t i) const {
  const SqlValue& v = values.at(i);
  if (const auto* b = std::get_if<SqlBlob>(&v)) return b->bytes;
  return Text(i);
}

std::optional<std::string> SqlRow::OptText(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::optional<int64_t> SqlRow::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

Result<std::unique_ptr<Transaction>> Transaction::Start(Database& db) {
  LT_RETURN_IF_ERROR(db.Begin());
  return std::unique_ptr<Transaction>(new Transaction(db));
}

Transaction::~Transaction() {
  // Nothing to report to from a destructor; a failed rollback ends the transaction anyway
  // (both backends discard it when the connection closes).
  if (open_) (void)db_.Rollback();
}

Status Transaction::Commit() {
  if (!open_) return Status::FailedPrecondition("transaction already committed");
  Status status = db_.Commit();
  // On failure stay open: the destructor then rolls back whatever the backend left behind.
  if (status.ok()) open_ = false;
  return status;
}

std::optional<std::string> SqliteFilePath(std::string_view url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (!StartsWith(url, kSqlite) || url == "sqlite::memory:") return std::nullopt;
  std::string_view path = url.substr(kSqlite.size());
  if (StartsWith(path, "//")) path.remove_prefix(2);  // also accept sqlite:///abs/path
  return std::string(path);
}

Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url) {
  if (url == "sqlite::memory:") return OpenSqliteDatabase(":memory:");
  if (auto path = SqliteFilePath(url)) {
    if (path->empty()) {
      return Status::InvalidArgument("database URL \"sqlite:\" names no file; use sqlite:PATH");
    }
    return OpenSqliteDatabase(*path);
  }
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    return OpenPostgresDatabase(url);
  }
  constexpr std::string_view kKnown =
      "use sqlite:PATH, sqlite::memory: or postgresql://USER@HOST:PORT/DB";
  std::string shown = RedactDatabaseUrl(url);
  std::string_view scheme = UrlScheme(url);
  if (scheme.empty()) {
    return Status::InvalidArgument("database URL \"" + shown + "\" has no scheme; " +
                                   std::string(kKnown));
  }
  return Status::InvalidArgument("unsupported database URL scheme \"" + std::string(scheme) +
                                 "\" in \"" + shown + "\"; " + std::string(kKnown));
}

std::string DefaultDatabaseUrl() {
  const char* env = std::getenv("LIENTHONG_DB");
  if (env != nullptr && *env != '\0') return env;
  return "sqlite:lienthong.db";
}

}  // namespace lienthong
